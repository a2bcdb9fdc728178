/**
 * Time as the daemon sees it. Injected everywhere so tests can run many
 * daemons on one virtual clock, and so "an hour later" needs no sleeping.
 * `monotonic` is for ages and timeouts (laptop wall clocks are wrong);
 * `now` is only for showing times to people.
 */
export interface Clock {
  /** Wall-clock milliseconds since the Unix epoch. */
  now(): number;
  /** Milliseconds from an arbitrary origin; never goes backwards. */
  monotonic(): number;
  /** A one-shot timer that does not keep the process alive. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
}

export interface TimerHandle {
  cancel(): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return { cancel: () => clearTimeout(t) };
  },
};

/** A clock that advances only when told to, for tests and simulation. */
export class ManualClock implements Clock {
  #wall: number;
  #mono = 0;
  #timers: { at: number; fn: () => void; live: boolean }[] = [];

  constructor(wallStartMs = Date.UTC(2026, 0, 1)) {
    this.#wall = wallStartMs;
  }

  now(): number {
    return this.#wall;
  }

  monotonic(): number {
    return this.#mono;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = { at: this.#mono + Math.max(0, ms), fn, live: true };
    this.#timers.push(timer);
    return { cancel: () => { timer.live = false; } };
  }

  /** Moves both clocks forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.#mono + ms;
    for (;;) {
      const due = this.#timers
        .filter((t) => t.live && t.at <= end)
        .sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.#wall += due.at - this.#mono;
      this.#mono = due.at;
      due.live = false;
      due.fn();
    }
    this.#timers = this.#timers.filter((t) => t.live);
    this.#wall += end - this.#mono;
    this.#mono = end;
  }

  /** Sets the wall clock only, as a user fixing a wrong clock would. */
  setWall(ms: number): void {
    this.#wall = ms;
  }
}
