/**
 * Input checks for routing's public functions. What the daemon's own code
 * passes (peers, held messages, times, options) is checked and a mistake
 * throws InvalidArgument here, at the boundary, rather than a TypeError
 * deep inside. What neighbours send is read by route-info.ts, which never
 * throws.
 *
 * Routing sits below messenger, so it keeps its own id check instead of
 * importing messenger/validate.ts (dependencies point one way).
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { HeldMessage, RoutePeer } from './strategy.js';

/** Node and user ids are 8-byte key ids, written as lowercase hex. */
export const KEY_ID_HEX_DIGITS = 16;
const KEY_ID = /^[0-9a-f]{16}$/;

export function isKeyId(value: unknown): value is string {
  return typeof value === 'string' && KEY_ID.test(value);
}

export function checkKeyId(value: unknown, what: string): string {
  if (!isKeyId(value)) throw SatchelError.invalidArgument(`${what} must be ${KEY_ID_HEX_DIGITS} lowercase hex digits`);
  return value;
}

export function checkNow(nowMs: unknown): number {
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs) || nowMs < 0) {
    throw SatchelError.invalidArgument('nowMs must be a finite, non-negative number of milliseconds');
  }
  return nowMs;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function checkPeer(peer: unknown): RoutePeer {
  if (!isObject(peer)) throw SatchelError.invalidArgument('peer must be an object with nodeId and userId');
  checkKeyId(peer['nodeId'], 'peer.nodeId');
  checkKeyId(peer['userId'], 'peer.userId');
  return peer as unknown as RoutePeer;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function checkHeld(msg: unknown): HeldMessage {
  if (!isObject(msg)) throw SatchelError.invalidArgument('message must be an object');
  checkKeyId(msg['to'], 'message.to');
  if (typeof msg['own'] !== 'boolean') throw SatchelError.invalidArgument('message.own must be a boolean');
  for (const key of ['copies', 'hops', 'sizeBytes', 'ageS']) {
    if (!isCount(msg[key])) throw SatchelError.invalidArgument(`message.${key} must be a non-negative integer`);
  }
  return msg as unknown as HeldMessage;
}

/**
 * Checks that a factory's options are an object with only known keys, so a
 * misspelt option is an error instead of a silently ignored default.
 */
export function checkOptionKeys(options: unknown, known: readonly string[], what: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isObject(options) || Array.isArray(options)) throw SatchelError.invalidArgument(`${what} options must be an object`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw SatchelError.invalidArgument(`${what} has no option ${JSON.stringify(key)}`);
  }
  return options;
}

export interface Range {
  min: number;
  max: number;
  integer?: boolean;
  /** The minimum itself is not allowed (e.g. a probability that must be above 0). */
  aboveMin?: boolean;
}

/** An optional numeric option: undefined takes the default, anything else must be in range. */
export function numberOption(value: unknown, name: string, fallback: number, range: Range): number {
  if (value === undefined) return fallback;
  const ok = typeof value === 'number' && Number.isFinite(value)
    && (range.aboveMin === true ? value > range.min : value >= range.min) && value <= range.max
    && (range.integer !== true || Number.isInteger(value));
  if (!ok) {
    const low = range.aboveMin === true ? `above ${range.min}` : `at least ${range.min}`;
    throw SatchelError.invalidArgument(`option ${name} must be ${range.integer === true ? 'an integer' : 'a number'} ${low} and at most ${range.max}`);
  }
  return value as number;
}
