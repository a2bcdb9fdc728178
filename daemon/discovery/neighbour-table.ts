/**
 * Who is near right now. Every discovery source feeds `seen()`; the rest of
 * the daemon listens for 'up', 'change' and 'down'. Every 'up' is followed by
 * exactly one 'down' (on timeout or remove()), whatever the sources do.
 *
 * Expiry runs on one timer aimed at the earliest deadline, not a timer per
 * neighbour: a room of 200 laptops costs one wake-up per timeout period.
 */
import { EventEmitter } from 'node:events';
import { toHex } from '../crypto/hex.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { HeardBeacon } from './beacon-packet.js';
import { DEFAULT_TRICKLE, type TrickleParams } from './beacon-trickle.js';
import type { SourceName } from './sources/source.js';

/**
 * How long a neighbour may go unheard before it is down, in ms, for a room
 * beaconing with these parameters. In a busy room a laptop's beacons are
 * suppressed, and only the silence bound says when it will speak again; a
 * shorter timeout would drop laptops that are merely being polite (and
 * 'down' closes their sessions). So: one silence bound for the beacon that
 * was due, another in case that one was lost, and one longest interval for
 * timers running late.
 */
export function neighbourTimeoutMs(p: Pick<TrickleParams, 'maxSilenceMs' | 'imaxMs'>): number {
  return 2 * p.maxSilenceMs + p.imaxMs;
}

/**
 * Default neighbour timeout, in ms: 392 s with the default beacon. A laptop
 * that walks away is noticed sooner by its session, which closes after 11 to
 * 16 s without frames whatever the beacons do.
 */
export const NEIGHBOUR_TIMEOUT_MS = neighbourTimeoutMs(DEFAULT_TRICKLE);

export interface Neighbour {
  nodeId: Uint8Array;
  nodeIdHex: string;
  /** Where to open a session; IPv6 link-local carries `%<interface>`. */
  address: string;
  family: 4 | 6;
  sessionPort: number;
  epoch: number;
  /** clock.monotonic() when it came up, in milliseconds. */
  firstSeen: number;
  /** clock.monotonic() of the latest report from any source, in milliseconds. */
  lastSeen: number;
  /** Every source that has reported it since it came up, oldest first. */
  sources: NeighbourSource[];
}

export interface NeighbourSource {
  source: SourceName;
  /** clock.monotonic() of this source's first and latest report, in milliseconds. */
  firstSeen: number;
  lastSeen: number;
}

/** A report of a laptop with a known node id, from any source; a beacon when `source` is not said. */
export type Sighted = HeardBeacon & { source?: SourceName };

export interface NeighbourTableEvents {
  up: [Neighbour];
  /** Address, family, session port or epoch changed; no down/up in between. */
  change: [Neighbour];
  down: [Neighbour];
}

export interface NeighbourTable extends EventEmitter<NeighbourTableEvents> {
  seen(b: Sighted): void;
  /**
   * A source that says when a laptop leaves (a mesh peer disconnecting, a
   * DNS-SD service removed) holds its row: it does not time out while held.
   * `holder` names the hold (source and key) so release() can find it.
   */
  hold(nodeIdHex: string, holder: string): void;
  /**
   * Ends a hold. A laptop no beacon has vouched for goes down at once when
   * its last hold ends; one whose beacons are heard times out as usual.
   */
  release(holder: string): void;
  list(): Neighbour[];
  /** How many laptops are near now. */
  size(): number;
  get(nodeIdHex: string): Neighbour | undefined;
  /** Forgets a neighbour now, emitting 'down'; false if it was not known. */
  remove(nodeIdHex: string): boolean;
  /** Stops the timer and forgets everyone, without 'down' events. Idempotent. */
  close(): void;
}

interface Row {
  n: Neighbour;
  /**
   * IPv4 beacons since the last IPv6 one, so a dual-stack neighbour does not
   * flap between its addresses. Its beacons leave on both families at once,
   * so IPv4 copies without their IPv6 twins mean IPv6 has stopped, where a
   * quiet spell alone (suppression) says nothing about one family.
   */
  v4Since6: number;
  holders: Set<string>;
  bySource: Map<SourceName, NeighbourSource>;
}

/**
 * IPv4 beacons in a row, without IPv6, after which a neighbour is reached
 * over IPv4. Three, so that one lost IPv6 copy (whichever copy arrives
 * first) does not switch it.
 */
export const IPV6_STOPPED_AFTER_V4 = 3;

const copy = (n: Neighbour): Neighbour => ({ ...n, nodeId: Uint8Array.from(n.nodeId), sources: n.sources.map((s) => ({ ...s })) });

class Table extends EventEmitter<NeighbourTableEvents> implements NeighbourTable {
  readonly #rows = new Map<string, Row>();
  /** holder -> node id hex */
  readonly #holds = new Map<string, string>();
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  #timer: TimerHandle | undefined;
  #closed = false;

  constructor(clock: Clock, timeoutMs: number) {
    super();
    this.#clock = clock;
    this.#timeoutMs = timeoutMs;
  }

  seen(b: Sighted): void {
    if (this.#closed) return;
    const now = this.#clock.monotonic();
    const source = b.source ?? 'beacon';
    const key = toHex(b.nodeId);
    const row = this.#rows.get(key);
    if (row === undefined) {
      const first: NeighbourSource = { source, firstSeen: now, lastSeen: now };
      const n: Neighbour = { nodeId: Uint8Array.from(b.nodeId), nodeIdHex: key, address: b.address,
        family: b.family, sessionPort: b.sessionPort, epoch: b.epoch, firstSeen: now, lastSeen: now, sources: [first] };
      this.#rows.set(key, { n, v4Since6: b.family === 4 ? 1 : 0, holders: new Set(), bySource: new Map([[source, first]]) });
      // Later arrivals expire later, so an armed timer is already early enough.
      if (this.#timer === undefined) this.#arm(this.#timeoutMs);
      this.emit('up', copy(n));
      return;
    }
    const { n } = row;
    n.lastSeen = now;
    const seenBy = row.bySource.get(source);
    if (seenBy) seenBy.lastSeen = now;
    else {
      const added: NeighbourSource = { source, firstSeen: now, lastSeen: now };
      row.bySource.set(source, added);
      n.sources.push(added);
    }
    let takeAddress: boolean;
    if (source === 'beacon') {
      row.v4Since6 = b.family === 6 ? 0 : row.v4Since6 + 1;
      // Prefer IPv6 link-local: it needs no address configuration and is on
      // every link. Fall back to IPv4 only once IPv6 beacons have stopped.
      takeAddress = b.family === n.family || b.family === 6 || row.v4Since6 >= IPV6_STOPPED_AFTER_V4;
    } else {
      // A beacon's source address is one the laptop itself sent from; other
      // sources' addresses are claims or lookups, so they lose to it.
      takeAddress = !row.bySource.has('beacon');
    }
    const address = takeAddress ? b.address : n.address;
    const family = takeAddress ? b.family : n.family;
    const sessionPort = takeAddress ? b.sessionPort : n.sessionPort;
    // Only beacons carry the epoch; other sources report 0 and must not reset it.
    const epoch = source === 'beacon' ? b.epoch : n.epoch;
    if (address === n.address && family === n.family && sessionPort === n.sessionPort && epoch === n.epoch) return;
    Object.assign(n, { address, family, sessionPort, epoch });
    this.emit('change', copy(n));
  }

  hold(nodeIdHex: string, holder: string): void {
    const key = nodeIdHex.toLowerCase();
    const row = this.#rows.get(key);
    if (this.#closed || row === undefined) return;
    const before = this.#holds.get(holder);
    if (before !== undefined && before !== key) this.release(holder);
    this.#holds.set(holder, key);
    row.holders.add(holder);
  }

  release(holder: string): void {
    const key = this.#holds.get(holder);
    if (key === undefined) return;
    this.#holds.delete(holder);
    const row = this.#rows.get(key);
    if (row === undefined) return;
    row.holders.delete(holder);
    if (row.holders.size === 0 && !row.bySource.has('beacon')) this.remove(key);
  }

  list(): Neighbour[] {
    return [...this.#rows.values()].map((r) => copy(r.n));
  }

  size(): number {
    return this.#rows.size;
  }

  get(nodeIdHex: string): Neighbour | undefined {
    const r = this.#rows.get(nodeIdHex.toLowerCase());
    return r && copy(r.n);
  }

  remove(nodeIdHex: string): boolean {
    const key = nodeIdHex.toLowerCase();
    const r = this.#rows.get(key);
    if (r === undefined) return false;
    // The timer is left alone: when it fires it finds nothing due and re-aims.
    this.#rows.delete(key);
    for (const h of r.holders) this.#holds.delete(h);
    this.emit('down', copy(r.n));
    return true;
  }

  close(): void {
    this.#closed = true;
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#rows.clear();
    this.#holds.clear();
  }

  #arm(delayMs: number): void {
    this.#timer = this.#clock.setTimeout(() => this.#expire(), Math.max(0, delayMs));
  }

  #expire(): void {
    this.#timer = undefined;
    if (this.#closed) return;
    const now = this.#clock.monotonic();
    const gone: Neighbour[] = [];
    let next = Infinity;
    for (const [key, row] of this.#rows) {
      const { n } = row;
      const deadline = n.lastSeen + this.#timeoutMs;
      if (row.holders.size > 0) {
        // Held rows wait for their source's word, not the clock; looked at again a timeout from now.
        next = Math.min(next, now + this.#timeoutMs);
      } else if (deadline <= now) {
        this.#rows.delete(key);
        gone.push(n);
      } else {
        next = Math.min(next, deadline);
      }
    }
    if (next !== Infinity) this.#arm(next - now);
    // Emitted last, so a listener calling seen() or remove() sees a consistent table.
    for (const n of gone) this.emit('down', copy(n));
  }
}

export function createNeighbourTable(opts: { clock: Clock; timeoutMs?: number }): NeighbourTable {
  if (opts.timeoutMs !== undefined && !(opts.timeoutMs > 0 && Number.isFinite(opts.timeoutMs))) {
    throw SatchelError.invalidArgument(`neighbour timeout must be a positive number of ms, got ${opts.timeoutMs}`);
  }
  return new Table(opts.clock, opts.timeoutMs ?? NEIGHBOUR_TIMEOUT_MS);
}
