/**
 * The simulator's virtual clock and its one event queue. The daemon's own
 * timers (expiry sweeps, keepalives) and the simulator's events (contacts,
 * frames arriving, messages written) all wait here, earliest first, and
 * events due at the same millisecond run in the order they were scheduled,
 * so a run is the same every time. ManualClock does the same job for tests
 * but sorts all its timers on every step; a heap keeps a long run fast.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { Clock, TimerHandle } from '../util/clock.js';

/** Wall-clock time the simulation starts at: laptops show dates, so one is needed. */
export const SIM_WALL_START_MS = Date.UTC(2026, 0, 5, 6, 0, 0);

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
  live: boolean;
}

export interface SimClock extends Clock {
  /** Schedules `fn` at an absolute simulated time in ms (never before now). */
  at(ms: number, fn: () => void): TimerHandle;
  /** When the earliest live event is due; undefined when none waits. */
  peek(): number | undefined;
  /** Advances to the earliest live event and runs it; false when none waits. */
  step(): boolean;
  /** Live events waiting. */
  readonly pending: number;
}

export function createSimClock(wallStartMs = SIM_WALL_START_MS): SimClock {
  if (!Number.isFinite(wallStartMs)) throw SatchelError.invalidArgument('wallStartMs must be a finite number');
  const heap: Pending[] = [];
  let now = 0;
  let seq = 0;
  let live = 0;

  const before = (x: Pending, y: Pending): boolean => x.at < y.at || (x.at === y.at && x.seq < y.seq);
  function push(p: Pending): void {
    heap.push(p);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }
  function pop(): Pending | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
    return top;
  }
  function dropDead(): void {
    while (heap.length > 0 && !heap[0]!.live) pop();
  }
  function schedule(atMs: number, fn: () => void): TimerHandle {
    if (typeof fn !== 'function') throw SatchelError.invalidArgument('a timer needs a function');
    if (!Number.isFinite(atMs)) throw SatchelError.invalidArgument('a timer needs a finite time');
    const p: Pending = { at: Math.max(now, atMs), seq: seq++, fn, live: true };
    push(p);
    live++;
    return { cancel: () => { if (p.live) { p.live = false; live--; } } };
  }

  return {
    now: () => wallStartMs + now,
    monotonic: () => now,
    setTimeout: (fn, ms) => schedule(now + Math.max(0, Number.isFinite(ms) ? ms : 0), fn),
    at: schedule,
    peek() {
      dropDead();
      return heap[0]?.at;
    },
    step() {
      dropDead();
      const p = pop();
      if (p === undefined) return false;
      now = p.at;
      p.live = false;
      live--;
      p.fn();
      return true;
    },
    get pending() { return live; },
  };
}
