/**
 * The relay points' routing table: for each place (a village), how many
 * relay-point hops away the relay point serving it is and which neighbouring
 * relay point is the next hop. A distance-vector protocol in the spirit of
 * RIP (RFC 2453 §3.4, §3.9.2): a neighbour's vector arrives with each
 * meeting, every distance in it costs one more hop, 16 means unreachable,
 * and a route not heard again times out.
 *
 * Split horizon with poisoned reverse (RFC 2453 §3.4.3): a route learnt
 * from neighbour N goes back to N as unreachable. Relay points meet days
 * apart (a bus, a motorbike), so a two-node loop left to time out would last
 * days; telling N outright costs a few bytes per place.
 *
 * Also holds the directory of which user is at which place (place-directory.ts).
 */
import { checkKeyId, checkNow, checkOptionKeys, isKeyId, numberOption } from './checks.js';
import { createPlaceDirectory, type PlaceDirectory } from './place-directory.js';
import { isPlaceName, MAX_PLACES_READ, PLACE_UNREACHABLE } from './route-info.js';
import { SatchelError } from '../errors/satchel-error.js';

export { PLACE_UNREACHABLE };

const DAY_MS = 24 * 3600_000;
/** A route not heard again for this long becomes unreachable, in ms: a long weekend without the bus. */
export const DEFAULT_ROUTE_TIMEOUT_MS = 4 * DAY_MS;
/** How long an unreachable route is still announced as such before it is deleted, in ms. */
export const DEFAULT_ROUTE_GC_MS = DAY_MS;
/** Places in the table; past it a new route displaces only a longer one. */
export const DEFAULT_MAX_PLACES = 64;
/** How long a user's place is believed without hearing it again, in ms. */
export const DEFAULT_DIRECTORY_TIMEOUT_MS = 7 * DAY_MS;
/** Users whose place is remembered (8-byte ids: a few tens of kilobytes). */
export const DEFAULT_MAX_DIRECTORY_USERS = 4096;
/** Users a relay point remembers meeting itself (its `served` list is drawn from these). */
export const DEFAULT_MAX_SERVED_USERS = 1024;
const SNAPSHOT_VERSION = 1;

export interface PlaceRoute {
  readonly place: string;
  /** Relay-point hops to the relay point serving the place; PLACE_UNREACHABLE = none. */
  readonly distance: number;
  /** Node id of the neighbouring relay point the route goes through. */
  readonly nextHop: string;
  /** When a reachable route times out, or an unreachable one is deleted (wall-clock ms). */
  readonly expiresMs: number;
}

export interface RelayTableOptions {
  /** The place this relay point serves, if any. */
  place?: string;
  routeTimeoutMs?: number;
  routeGcMs?: number;
  maxPlaces?: number;
  directoryTimeoutMs?: number;
  maxDirectoryUsers?: number;
  maxServedUsers?: number;
  snapshot?: unknown;
}

export const RELAY_TABLE_OPTION_KEYS = ['place', 'routeTimeoutMs', 'routeGcMs', 'maxPlaces', 'directoryTimeoutMs', 'maxDirectoryUsers', 'maxServedUsers', 'snapshot'] as const;

export interface RelayTable {
  readonly place: string | undefined;
  readonly directory: PlaceDirectory;
  /**
   * A neighbouring relay point's vector (its own place at distance 0). Bad
   * entries are skipped and at most MAX_PLACES_READ are looked at. Returns
   * how many routes changed.
   */
  heard(fromNodeId: string, vector: ReadonlyMap<string, number>, nowMs: number): number;
  /** 0 for our own place, PLACE_UNREACHABLE when there is no route. */
  distanceTo(place: string, nowMs: number): number;
  /** Every route, unreachable ones still being announced included. */
  routes(nowMs: number): PlaceRoute[];
  /** The vector to announce to `neighbour` (poisoned reverse), shortest first, at most `max`. */
  vectorFor(neighbour: string | undefined, nowMs: number, max: number): { place: string; distance: number }[];
  snapshot(): unknown;
}

interface Route {
  distance: number;
  nextHop: string;
  expiresMs: number;
}

export function createRelayTable(options?: RelayTableOptions): RelayTable {
  const o = checkOptionKeys(options, RELAY_TABLE_OPTION_KEYS, 'relay table');
  const place = o['place'];
  if (place !== undefined && !isPlaceName(place)) throw SatchelError.invalidArgument('option place must be 1 to 64 bytes of UTF-8 without control characters');
  const timeoutMs = numberOption(o['routeTimeoutMs'], 'routeTimeoutMs', DEFAULT_ROUTE_TIMEOUT_MS, { min: 1, max: 365 * DAY_MS });
  const gcMs = numberOption(o['routeGcMs'], 'routeGcMs', DEFAULT_ROUTE_GC_MS, { min: 0, max: 365 * DAY_MS });
  const maxPlaces = numberOption(o['maxPlaces'], 'maxPlaces', DEFAULT_MAX_PLACES, { min: 1, max: 4096, integer: true });
  const directory = createPlaceDirectory({
    timeoutMs: numberOption(o['directoryTimeoutMs'], 'directoryTimeoutMs', DEFAULT_DIRECTORY_TIMEOUT_MS, { min: 1, max: 365 * DAY_MS }),
    maxUsers: numberOption(o['maxDirectoryUsers'], 'maxDirectoryUsers', DEFAULT_MAX_DIRECTORY_USERS, { min: 1, max: 1 << 20, integer: true }),
    maxServed: numberOption(o['maxServedUsers'], 'maxServedUsers', DEFAULT_MAX_SERVED_USERS, { min: 1, max: 1 << 16, integer: true }),
  }, savedPart(o['snapshot'], 'directory'));
  const table = new Map<string, Route>();
  restore(savedPart(o['snapshot'], 'routes'));

  /** Times routes out (RFC 2453 §3.8): unreachable first, deleted after the GC period. */
  function sweep(nowMs: number): void {
    for (const [name, r] of table) {
      const longest = r.distance < PLACE_UNREACHABLE ? timeoutMs : gcMs;
      if (r.expiresMs - nowMs > longest) r.expiresMs = nowMs + longest; // the clock went back
      if (r.expiresMs > nowMs) continue;
      if (r.distance < PLACE_UNREACHABLE) {
        r.distance = PLACE_UNREACHABLE;
        r.expiresMs += gcMs;
      }
      if (r.expiresMs <= nowMs) table.delete(name);
    }
  }

  function add(name: string, route: Route): boolean {
    if (table.size >= maxPlaces) {
      let worst: [string, Route] | undefined;
      for (const item of table) if (worst === undefined || item[1].distance > worst[1].distance) worst = item;
      if (worst === undefined || worst[1].distance <= route.distance) return false;
      table.delete(worst[0]);
    }
    table.set(name, route);
    return true;
  }

  function update(from: string, name: string, advertised: number, nowMs: number): boolean {
    const d = Math.min(advertised + 1, PLACE_UNREACHABLE);
    const cur = table.get(name);
    if (cur === undefined) return d < PLACE_UNREACHABLE && add(name, { distance: d, nextHop: from, expiresMs: nowMs + timeoutMs });
    if (cur.nextHop === from) {
      // The next hop's word is taken even when worse (RFC 2453 §3.9.2).
      if (d < PLACE_UNREACHABLE) {
        const changed = cur.distance !== d;
        cur.distance = d;
        cur.expiresMs = nowMs + timeoutMs;
        return changed;
      }
      if (cur.distance === PLACE_UNREACHABLE) return false; // keep the deletion timer running
      cur.distance = PLACE_UNREACHABLE;
      cur.expiresMs = nowMs + gcMs;
      return true;
    }
    if (d >= cur.distance) return false;
    table.set(name, { distance: d, nextHop: from, expiresMs: nowMs + timeoutMs });
    return true;
  }

  function restore(saved: unknown): void {
    if (!Array.isArray(saved) || !saved.every(isSavedRoute)) return;
    for (const [name, distance, nextHop, expiresMs] of saved) {
      if (name !== place) add(name, { distance, nextHop, expiresMs });
    }
  }

  return {
    place,
    directory,
    heard(fromNodeId, vector, nowMs) {
      checkKeyId(fromNodeId, 'fromNodeId');
      checkNow(nowMs);
      if (!(vector instanceof Map)) throw SatchelError.invalidArgument('vector must be a Map of place to distance');
      sweep(nowMs);
      let changed = 0;
      let seen = 0;
      for (const [name, advertised] of vector) {
        if (++seen > MAX_PLACES_READ) break;
        if (!isPlaceName(name) || name === place) continue;
        if (typeof advertised !== 'number' || !Number.isInteger(advertised) || advertised < 0 || advertised > PLACE_UNREACHABLE) continue;
        if (update(fromNodeId, name, advertised, nowMs)) changed++;
      }
      return changed;
    },
    distanceTo(name, nowMs) {
      checkNow(nowMs);
      if (name === place) return 0;
      sweep(nowMs);
      return table.get(name)?.distance ?? PLACE_UNREACHABLE;
    },
    routes(nowMs) {
      checkNow(nowMs);
      sweep(nowMs);
      return [...table].map(([name, r]) => ({ place: name, ...r }));
    },
    vectorFor(neighbour, nowMs, max) {
      checkNow(nowMs);
      sweep(nowMs);
      return [...table]
        .map(([name, r]) => ({ place: name, distance: r.nextHop === neighbour ? PLACE_UNREACHABLE : r.distance }))
        .sort((a, b) => a.distance - b.distance || (a.place < b.place ? -1 : 1))
        .slice(0, max);
    },
    snapshot: () => ({
      kind: 'relay-table',
      v: SNAPSHOT_VERSION,
      routes: [...table].map(([name, r]) => [name, r.distance, r.nextHop, r.expiresMs]),
      directory: directory.snapshot(),
    }),
  };
}

/** One part of a saved table, or undefined if the snapshot is not one. */
function savedPart(s: unknown, key: 'routes' | 'directory'): unknown {
  if (typeof s !== 'object' || s === null) return undefined;
  const r = s as Record<string, unknown>;
  return r['kind'] === 'relay-table' && r['v'] === SNAPSHOT_VERSION ? r[key] : undefined;
}

function isSavedRoute(v: unknown): v is [string, number, string, number] {
  return Array.isArray(v) && v.length === 4 && isPlaceName(v[0])
    && Number.isInteger(v[1]) && v[1] >= 1 && v[1] <= PLACE_UNREACHABLE
    && isKeyId(v[2])
    && typeof v[3] === 'number' && Number.isFinite(v[3]) && v[3] >= 0;
}
