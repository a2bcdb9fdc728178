/**
 * Reading and writing RouteInfo, the routing state neighbours share. What a
 * neighbour sends is untrusted: these readers never throw, skip whatever is
 * malformed (wrong id lengths, values out of range, odd place names) and
 * look at only a bounded prefix of each list, so a hostile neighbour cannot
 * buy work or memory that grows with what it sends.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { KEY_ID_BYTES, type RouteInfo } from '../wire/messages.js';

/** Predictabilities travel as integers: p × P_SCALE, rounded (proto: 0..65535). */
export const P_SCALE = 65535;
/** Predictabilities read from one neighbour's RouteInfo; the rest are ignored. */
export const MAX_PREDICTABILITIES_READ = 64;
/** Places read from one relay point's distance vector; the rest are ignored. */
export const MAX_PLACES_READ = 64;
/** User ids read from one relay point's `served` list; the rest are ignored. */
export const MAX_SERVED_READ = 256;
/** Longest place name accepted, in bytes of UTF-8. */
export const MAX_PLACE_NAME_BYTES = 64;
/** Distance that means unreachable: RIP's infinity (RFC 2453 §3.4.2), as the proto says. */
export const PLACE_UNREACHABLE = 16;

const utf8 = new TextEncoder();

function field(info: unknown, key: string): unknown {
  return typeof info === 'object' && info !== null ? (info as Record<string, unknown>)[key] : undefined;
}

function keyIdOf(bytes: unknown): string | undefined {
  return bytes instanceof Uint8Array && bytes.length === KEY_ID_BYTES ? bytesToHex(bytes) : undefined;
}

/** A place name we accept: 1..MAX_PLACE_NAME_BYTES bytes of UTF-8, no control characters. */
export function isPlaceName(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PLACE_NAME_BYTES) return false;
  // Control characters would let a name forge lines in a technician's listing.
  return utf8.encode(value).length <= MAX_PLACE_NAME_BYTES && !/\p{Cc}/u.test(value);
}

/** Every well-formed entry among the first MAX_PREDICTABILITIES_READ, with p in (0, 1]. */
function* entries(info: unknown): Generator<[string, number]> {
  const list = field(info, 'predictabilities');
  if (!Array.isArray(list)) return;
  for (const entry of list.slice(0, MAX_PREDICTABILITIES_READ)) {
    const user = keyIdOf(field(entry, 'user'));
    const p = field(entry, 'p');
    if (user === undefined || typeof p !== 'number' || !Number.isInteger(p) || p <= 0 || p > P_SCALE) continue;
    yield [user, p / P_SCALE];
  }
}

/** user id → predictability in (0, 1], from the first MAX_PREDICTABILITIES_READ entries. */
export function readPredictabilities(info: unknown): Map<string, number> {
  const out = new Map<string, number>();
  for (const [user, p] of entries(info)) out.set(user, Math.max(out.get(user) ?? 0, p));
  return out;
}

/**
 * The encounter rate a neighbour announced, as its scaled value in (0, 1]
 * (encounter-spray.ts maps rates into that range); 0 when it announced none
 * or something out of range.
 */
export function readEncounterScale(info: unknown): number {
  const v = field(info, 'encounterRate');
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= P_SCALE ? v / P_SCALE : 0;
}

/** A scale in [0, 1] as it travels in `encounter_rate`. */
export function writeEncounterScale(scale: number): number {
  return Math.min(P_SCALE, Math.max(0, Math.round(scale * P_SCALE)));
}

export function writePredictabilities(entries: readonly (readonly [string, number])[]): NonNullable<RouteInfo['predictabilities']> {
  return entries.map(([user, p]) => ({ user: hexToBytes(user), p: Math.min(P_SCALE, Math.max(0, Math.round(p * P_SCALE))) }));
}

/** What a relay point announced about itself. */
export interface RelayAnnouncement {
  /** The place it serves, if it named a valid one. */
  readonly place: string | undefined;
  /** Its distance vector: place → distance in 0..PLACE_UNREACHABLE (its own place excluded). */
  readonly places: ReadonlyMap<string, number>;
  /** Users it met directly, at `place` (empty when it names no place). */
  readonly served: readonly string[];
}

/** undefined when the sender is not a relay point. */
export function readRelayAnnouncement(info: unknown): RelayAnnouncement | undefined {
  if (field(info, 'relayPoint') !== true) return undefined;
  const rawPlace = field(info, 'place');
  const place = isPlaceName(rawPlace) ? rawPlace : undefined;
  const places = new Map<string, number>();
  const list = field(info, 'places');
  if (Array.isArray(list)) {
    for (const entry of list.slice(0, MAX_PLACES_READ)) {
      const name = field(entry, 'place');
      const d = field(entry, 'distance');
      if (!isPlaceName(name) || name === place) continue;
      if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > PLACE_UNREACHABLE) continue;
      places.set(name, Math.min(places.get(name) ?? PLACE_UNREACHABLE, d));
    }
  }
  return { place, places, served: place === undefined ? [] : readServed(field(info, 'served')) };
}

function readServed(packed: unknown): string[] {
  // A length that is not a whole number of ids means the list is garbage.
  if (!(packed instanceof Uint8Array) || packed.length % KEY_ID_BYTES !== 0) return [];
  const count = Math.min(packed.length / KEY_ID_BYTES, MAX_SERVED_READ);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(bytesToHex(packed.subarray(i * KEY_ID_BYTES, (i + 1) * KEY_ID_BYTES)));
  return out;
}

/** Packs user ids (checked hex) into `served`. */
export function packUserIds(ids: readonly string[]): Uint8Array {
  const out = new Uint8Array(ids.length * KEY_ID_BYTES);
  ids.forEach((id, i) => out.set(hexToBytes(id), i * KEY_ID_BYTES));
  return out;
}
