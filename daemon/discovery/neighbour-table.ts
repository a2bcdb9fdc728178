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
import { BEACON_INTERVAL_MS } from './beacon-schedule.js';

/**
 * A neighbour is down after this long without a beacon, in milliseconds:
 * three lost beacons in a row, plus room for jitter.
 */
export const NEIGHBOUR_TIMEOUT_MS = 3 * BEACON_INTERVAL_MS + 1_000;

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
  /** clock.monotonic() of the latest beacon, in milliseconds. */
  lastSeen: number;
}

export interface NeighbourTableEvents {
  up: [Neighbour];
  /** Address, family, session port or epoch changed; no down/up in between. */
  change: [Neighbour];
  down: [Neighbour];
}

export interface NeighbourTable extends EventEmitter<NeighbourTableEvents> {
  seen(b: HeardBeacon): void;
  list(): Neighbour[];
  get(nodeIdHex: string): Neighbour | undefined;
  /** Forgets a neighbour now, emitting 'down'; false if it was not known. */
  remove(nodeIdHex: string): boolean;
  /** Stops the timer and forgets everyone, without 'down' events. Idempotent. */
  close(): void;
}

interface Row {
  n: Neighbour;
  /** Last beacon per family, so a dual-stack neighbour does not flap between its addresses. */
  last: { 4: number; 6: number };
}

const copy = (n: Neighbour): Neighbour => ({ ...n });

class Table extends EventEmitter<NeighbourTableEvents> implements NeighbourTable {
  readonly #rows = new Map<string, Row>();
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  #timer: TimerHandle | undefined;
  #closed = false;

  constructor(clock: Clock, timeoutMs: number) {
    super();
    this.#clock = clock;
    this.#timeoutMs = timeoutMs;
  }

  seen(b: HeardBeacon): void {
    if (this.#closed) return;
    const now = this.#clock.monotonic();
    const key = toHex(b.nodeId);
    const row = this.#rows.get(key);
    if (row === undefined) {
      const n: Neighbour = { nodeId: Uint8Array.from(b.nodeId), nodeIdHex: key, address: b.address,
        family: b.family, sessionPort: b.sessionPort, epoch: b.epoch, firstSeen: now, lastSeen: now };
      this.#rows.set(key, { n, last: { 4: -Infinity, 6: -Infinity, [b.family]: now } });
      // Later arrivals expire later, so an armed timer is already early enough.
      if (this.#timer === undefined) this.#arm(this.#timeoutMs);
      this.emit('up', copy(n));
      return;
    }
    const { n, last } = row;
    last[b.family] = now;
    n.lastSeen = now;
    // Prefer IPv6 link-local: it needs no address configuration and is on
    // every link. Fall back to IPv4 only once IPv6 beacons have stopped.
    const takeAddress = b.family === n.family || b.family === 6 || now - last[6] >= this.#timeoutMs;
    const address = takeAddress ? b.address : n.address;
    const family = takeAddress ? b.family : n.family;
    if (address === n.address && family === n.family && b.sessionPort === n.sessionPort && b.epoch === n.epoch) return;
    Object.assign(n, { address, family, sessionPort: b.sessionPort, epoch: b.epoch });
    this.emit('change', copy(n));
  }

  list(): Neighbour[] {
    return [...this.#rows.values()].map((r) => copy(r.n));
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
    this.emit('down', copy(r.n));
    return true;
  }

  close(): void {
    this.#closed = true;
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#rows.clear();
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
    for (const [key, { n }] of this.#rows) {
      const deadline = n.lastSeen + this.#timeoutMs;
      if (deadline <= now) {
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
