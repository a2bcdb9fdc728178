/**
 * What a beacon can be told, its defaults, and the checks on them, kept out
 * of beacon.ts so that file is only about running one.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { RandomBytes } from '../util/random.js';
import { KEY_ID_BYTES } from '../wire/messages.js';
import { isValidPort } from './beacon-packet.js';
import { DEFAULT_TRICKLE, type TrickleParams } from './beacon-trickle.js';

/** UDP port beacons are sent to and heard on. Unassigned by IANA. */
export const DEFAULT_BEACON_PORT = 47847;
/**
 * IPv4 group. 239.255.0.0/16 is the IPv4 Local Scope (RFC 2365): routers
 * never forward it off-site, and TTL 1 keeps it on the link anyway. The last
 * two octets echo the port, to make captures easy to recognise.
 */
export const BEACON_GROUP_V4 = '239.255.71.47';
/**
 * IPv6 group. ff02:: is link-local scope, so it never leaves the link.
 * ff02::71:47 is unassigned, and clear of all-nodes (ff02::1), mDNS (ff02::fb)
 * and solicited-node (ff02::1:ffxx:xxxx), so only satchel nodes' NICs accept it.
 */
export const BEACON_GROUP_V6 = 'ff02::71:47';

export interface BeaconOptions {
  /** Only this interface; default every non-loopback interface. */
  interface?: string;
  /** UDP port; default DEFAULT_BEACON_PORT. */
  port?: number;
  sessionPort: number;
  /** KEY_ID_BYTES bytes; beacons carrying it are ignored as our own. */
  nodeId: Uint8Array;
  /** Default true. */
  ipv4?: boolean;
  /** Default true. */
  ipv6?: boolean;
  /**
   * The quiet schedule's parameters, each defaulting to DEFAULT_TRICKLE.
   * Tests and benchmarks shrink them all by one factor to see minutes of a
   * classroom in seconds.
   */
  trickle?: Partial<TrickleParams>;
  /**
   * Beacon on this fixed period instead, in ms before jitter, deaf to the
   * room: the yardstick for benchmarks. Not with `trickle`.
   */
  fixedIntervalMs?: number;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  counters: Counters;
}

/** Throws INVALID_ARGUMENT for options no beacon could run with. */
export function checkBeaconOptions(opts: BeaconOptions): void {
  if (opts.nodeId.length !== KEY_ID_BYTES) {
    throw SatchelError.invalidArgument(`nodeId must be ${KEY_ID_BYTES} bytes, got ${opts.nodeId.length}`);
  }
  if (opts.port !== undefined && !isValidPort(opts.port)) {
    throw SatchelError.invalidArgument(`beacon port must be 1..65535, got ${opts.port}`);
  }
  if (!isValidPort(opts.sessionPort)) {
    throw SatchelError.invalidArgument(`session port must be 1..65535, got ${opts.sessionPort}`);
  }
  if (opts.fixedIntervalMs !== undefined) {
    if (!isPositiveMs(opts.fixedIntervalMs)) {
      throw SatchelError.invalidArgument(`beacon interval must be a positive number of ms, got ${opts.fixedIntervalMs}`);
    }
    if (opts.trickle !== undefined) throw SatchelError.invalidArgument('a beacon is either fixed-period or Trickle, not both');
  }
  if (opts.trickle !== undefined) checkTrickle(opts.trickle);
}

const isPositiveMs = (v: unknown): v is number => typeof v === 'number' && v > 0 && Number.isFinite(v);

/** Throws INVALID_ARGUMENT unless the given parameters, with defaults for the rest, can run. */
export function checkTrickle(p: Partial<TrickleParams>, defaults: TrickleParams = DEFAULT_TRICKLE): TrickleParams {
  const t = { ...defaults, ...p };
  if (!isPositiveMs(t.iminMs)) throw SatchelError.invalidArgument(`Trickle Imin must be a positive number of ms, got ${String(t.iminMs)}`);
  if (!isPositiveMs(t.imaxMs) || t.imaxMs < t.iminMs) {
    throw SatchelError.invalidArgument(`Trickle Imax must be a number of ms >= Imin (${t.iminMs}), got ${String(t.imaxMs)}`);
  }
  if (!(t.redundancy === Infinity || (Number.isInteger(t.redundancy) && t.redundancy >= 1))) {
    throw SatchelError.invalidArgument(`Trickle k must be a whole number >= 1 or Infinity, got ${String(t.redundancy)}`);
  }
  // Below two longest intervals the bound could not be kept: a point may
  // fall up to one and a half intervals after the previous one.
  if (!isPositiveMs(t.maxSilenceMs) || t.maxSilenceMs < 2 * t.imaxMs) {
    throw SatchelError.invalidArgument(`beacon max silence must be a number of ms >= 2 × Imax (${2 * t.imaxMs}), got ${String(t.maxSilenceMs)}`);
  }
  return t;
}
