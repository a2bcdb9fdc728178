/**
 * Runs a piece of work with a deadline that always wins: logind suspends the
 * laptop once its own delay runs out whatever we are doing, so it is better
 * to give the lock back on time with part of the work done than to be
 * frozen halfway through it.
 */
import type { Clock } from '../util/clock.js';

export type Outcome = 'done' | 'timeout' | 'failed';

export interface Finished {
  outcome: Outcome;
  /** Why the work failed, when it did. */
  error?: string;
}

/**
 * Never rejects. At the bound the work's signal is aborted, so it can cut
 * what it still does short; it is not waited for.
 */
export function within(work: (signal: AbortSignal) => Promise<void>, boundMs: number, clock: Clock): Promise<Finished> {
  return new Promise((resolve) => {
    const abort = new AbortController();
    const timer = clock.setTimeout(() => {
      resolve({ outcome: 'timeout' });
      abort.abort();
    }, boundMs);
    let running: Promise<void>;
    try {
      running = work(abort.signal);
    } catch (err) {
      running = Promise.reject(err);
    }
    Promise.resolve(running).then(
      () => {
        timer.cancel();
        resolve({ outcome: 'done' });
      },
      (err: unknown) => {
        timer.cancel();
        resolve({ outcome: 'failed', error: err instanceof Error ? err.message : String(err) });
      },
    );
  });
}
