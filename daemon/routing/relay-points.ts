/**
 * Relay-point routing wrapped around any strategy. Relay points (a school
 * server, a teacher's laptop, a laptop on the bus) announce themselves, the
 * place they serve, their distance vector to other places and the users they
 * met. Relay points work as post offices: a laptop gives a message to the
 * relay point of the recipient's place when it meets it, here or elsewhere,
 * since that relay point meets the recipient whenever it comes by; a
 * message for another place goes to a neighbouring relay point that serves
 * that place or is closer to it than we are; a message whose recipient
 * nobody has placed goes up to the relay points (postOffice() below).
 * Everything else is left to the wrapped strategy.
 *
 * Every node runs the wrapper: a laptop learns from relay points where
 * users are and hands them messages for other places; only relay points
 * keep a distance vector and announce.
 */
import { checkHeld, checkNow, checkOptionKeys, checkPeer, numberOption } from './checks.js';
import { createRelayTable, DEFAULT_DIRECTORY_TIMEOUT_MS, RELAY_TABLE_OPTION_KEYS, type RelayTableOptions } from './relay-table.js';
import { isPlaceName, packUserIds, PLACE_UNREACHABLE, readRelayAnnouncement } from './route-info.js';
import { binarySplit, countedCopies } from './spray-and-wait.js';
import { REPLICATE, type Decision, type HeldMessage, type RouteInfo, type RoutingStrategy } from './strategy.js';
import { SatchelError } from '../errors/satchel-error.js';

/** Added to the wrapped strategy's name. */
export const RELAY_POINTS_SUFFIX = '+relay-points';
/** Users a relay point lists in `served` per meeting: 8 bytes each, so 512 bytes. */
export const DEFAULT_MAX_SERVED_ANNOUNCED = 64;
/** Places a relay point lists in its vector per meeting (about 20 bytes each). */
export const DEFAULT_MAX_PLACES_ANNOUNCED = 32;
/** Neighbouring relay points whose announcements are remembered. */
export const DEFAULT_MAX_RELAY_PEERS = 32;
const SNAPSHOT_KIND = 'relay-points';
const SNAPSHOT_VERSION = 1;

export interface RelayPointOptions extends Omit<RelayTableOptions, 'snapshot'> {
  /** This node is a relay point: it keeps a distance vector and announces itself. */
  relayPoint?: boolean;
  maxServedAnnounced?: number;
  maxPlacesAnnounced?: number;
  /** This wrapper's snapshot(); the wrapped strategy restores from baseSnapshotOf() of it. */
  snapshot?: unknown;
}

export const RELAY_POINT_OPTION_KEYS = [...RELAY_TABLE_OPTION_KEYS, 'relayPoint', 'maxServedAnnounced', 'maxPlacesAnnounced'] as const;

interface RelayPeer {
  readonly place: string | undefined;
  readonly places: ReadonlyMap<string, number>;
}

function isStrategy(v: unknown): v is RoutingStrategy {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s['name'] === 'string' && ['initialCopies', 'met', 'routeInfo', 'decide', 'snapshot'].every((k) => typeof s[k] === 'function');
}

function ownPart(s: unknown): Record<string, unknown> | undefined {
  if (typeof s !== 'object' || s === null) return undefined;
  const r = s as Record<string, unknown>;
  return r['kind'] === SNAPSHOT_KIND && r['v'] === SNAPSHOT_VERSION ? r : undefined;
}

/** The wrapped strategy's part of a wrapper snapshot; a bare strategy's snapshot passes through. */
export function baseSnapshotOf(snapshot: unknown): unknown {
  const own = ownPart(snapshot);
  return own === undefined ? snapshot : own['base'];
}

export function withRelayPoints(base: RoutingStrategy, options?: RelayPointOptions): RoutingStrategy {
  if (!isStrategy(base)) throw SatchelError.invalidArgument('withRelayPoints needs a routing strategy to wrap');
  const o = checkOptionKeys(options, RELAY_POINT_OPTION_KEYS, 'relay points');
  if (o['relayPoint'] !== undefined && typeof o['relayPoint'] !== 'boolean') throw SatchelError.invalidArgument('option relayPoint must be a boolean');
  const relayPoint = o['relayPoint'] === true;
  const maxServed = numberOption(o['maxServedAnnounced'], 'maxServedAnnounced', DEFAULT_MAX_SERVED_ANNOUNCED, { min: 0, max: 4096, integer: true });
  const maxPlaces = numberOption(o['maxPlacesAnnounced'], 'maxPlacesAnnounced', DEFAULT_MAX_PLACES_ANNOUNCED, { min: 0, max: 4096, integer: true });
  const saved = ownPart(o['snapshot']);
  const tableOptions: Record<string, unknown> = {};
  for (const key of RELAY_TABLE_OPTION_KEYS) if (o[key] !== undefined) tableOptions[key] = o[key];
  tableOptions['snapshot'] = saved?.['table'];
  const table = createRelayTable(tableOptions as RelayTableOptions);
  // Checked by createRelayTable above.
  const hereTimeoutMs = (o['directoryTimeoutMs'] as number | undefined) ?? DEFAULT_DIRECTORY_TIMEOUT_MS;
  const counts = base.initialCopies() > 0;
  const peers = new Map<string, RelayPeer>();
  /** Where a laptop (not a relay point) last found itself: the last relay point's place. */
  let here = readHere(saved?.['here']);

  function herePlace(nowMs: number): string | undefined {
    if (table.place !== undefined) return table.place;
    if (here === undefined) return undefined;
    if (here.expiresMs - nowMs > hereTimeoutMs) here.expiresMs = nowMs + hereTimeoutMs; // the clock went back
    return here.expiresMs > nowMs ? here.place : undefined;
  }

  /** Handing to a relay point: a counted message splits as in binary spraying; a last copy is kept too. */
  function handOff(msg: HeldMessage): Decision {
    if (!counts) return REPLICATE;
    const n = countedCopies(msg, base.initialCopies());
    // The relay path is at most 15 hops and shrinks at each, so minting one copy per hop stays bounded.
    return n > 1 ? binarySplit(n) : { give: true, copiesGiven: 1, copiesKept: 1 };
  }

  /**
   * A recipient nobody has placed is most likely somewhere else: a relay
   * point only lists the users it met, and the bus, which meets every
   * village's server, announces no users of its own. So such a message goes
   * up the relay network as a letter goes to the post office: a laptop
   * gives it to the relay point of a place, that relay point gives it to
   * one that travels (a relay point with no place), and the traveller hands
   * it on by the route above as soon as it hears where the recipient is.
   * Two steps at most, so the copies this mints stay bounded.
   */
  function postOffice(relay: RelayPeer): boolean {
    if (!relayPoint) return relay.place !== undefined;
    return table.place !== undefined && relay.place === undefined;
  }

  return {
    name: base.name + RELAY_POINTS_SUFFIX,
    initialCopies: () => base.initialCopies(),
    met(peer, info, nowMs) {
      checkPeer(peer);
      checkNow(nowMs);
      base.met(peer, info, nowMs);
      const ann = readRelayAnnouncement(info);
      if (ann === undefined) {
        peers.delete(peer.nodeId);
        if (relayPoint && table.place !== undefined) {
          table.directory.noteServed(peer.userId, nowMs);
          table.directory.learn(table.place, [peer.userId], nowMs);
        }
        return;
      }
      peers.delete(peer.nodeId);
      peers.set(peer.nodeId, { place: ann.place, places: ann.places });
      for (const node of peers.keys()) {
        if (peers.size <= DEFAULT_MAX_RELAY_PEERS) break;
        peers.delete(node);
      }
      if (ann.place !== undefined) {
        table.directory.learn(ann.place, ann.served, nowMs);
        // A relay point without a place of its own (on a bus) is never "here" anywhere for long.
        if (!relayPoint) here = { place: ann.place, expiresMs: nowMs + hereTimeoutMs };
      }
      if (relayPoint) {
        const vector = new Map(ann.places);
        if (ann.place !== undefined) vector.set(ann.place, 0);
        table.heard(peer.nodeId, vector, nowMs);
      }
    },
    routeInfo(nowMs, peer) {
      checkNow(nowMs);
      if (peer !== undefined) checkPeer(peer);
      const info = base.routeInfo(nowMs, peer);
      if (!relayPoint) return info;
      const out: RouteInfo = { ...info, relayPoint: true };
      if (table.place !== undefined) {
        out.place = table.place;
        const served = table.directory.served(nowMs, maxServed);
        if (served.length > 0) out.served = packUserIds(served);
      }
      const places = table.vectorFor(peer?.nodeId, nowMs, maxPlaces);
      if (places.length > 0) out.places = places;
      return out;
    },
    decide(msg, peer, nowMs) {
      checkHeld(msg);
      checkPeer(peer);
      checkNow(nowMs);
      const relay = peers.get(peer.nodeId);
      if (relay !== undefined && peer.userId !== msg.to) {
        const target = table.directory.placeOf(msg.to, nowMs);
        if (target === undefined) {
          if (postOffice(relay)) return handOff(msg);
        } else if (!relayPoint && relay.place === target) {
          // The recipient's own relay point meets it whenever it comes by (at school, twice a day).
          return handOff(msg);
        } else if (target !== herePlace(nowMs)) {
          const theirs = relay.place === target ? 0 : relay.places.get(target) ?? PLACE_UNREACHABLE;
          const ours = relayPoint ? table.distanceTo(target, nowMs) : PLACE_UNREACHABLE;
          if (theirs < PLACE_UNREACHABLE && theirs < ours) return handOff(msg);
        }
      }
      return base.decide(msg, peer, nowMs);
    },
    snapshot: () => ({
      kind: SNAPSHOT_KIND,
      v: SNAPSHOT_VERSION,
      base: base.snapshot(),
      table: table.snapshot(),
      here: here === undefined ? null : [here.place, here.expiresMs],
    }),
  };
}

function readHere(v: unknown): { place: string; expiresMs: number } | undefined {
  if (!Array.isArray(v) || v.length !== 2 || !isPlaceName(v[0])) return undefined;
  const expiresMs: unknown = v[1];
  return typeof expiresMs === 'number' && Number.isFinite(expiresMs) && expiresMs >= 0 ? { place: v[0], expiresMs } : undefined;
}
