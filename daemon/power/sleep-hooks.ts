/**
 * What the daemon does around a sleep, for the sleep watch to call.
 *
 * Before: every session stops offering, waits for answers to what it has
 * sent, and closes (or is dropped, should the bound come first); no new
 * session is opened or accepted until the wake. A
 * message is then either stored by the neighbour (and acknowledged) or still
 * waiting here, never in between; whatever the bound cuts short is offered
 * again at the next meeting. The store needs nothing: every change goes
 * through one synchronous LMDB transaction (Store.transact) that is
 * committed and flushed before it returns, so nothing is buffered.
 *
 * After: the beacon speaks at once and restarts its Trickle intervals, and
 * the neighbours still in the table are dialled straight away, rather than
 * waiting up to a beacon silence bound (192 s) to hear of them again.
 */
import type { Logger } from '../util/log.js';

/** A neighbour to dial again, as the neighbour table knows it. */
export interface KnownNeighbour {
  nodeId: Uint8Array;
  address: string;
  sessionPort: number;
  /** The discovery source that reported it. */
  source?: string;
}

export interface SleepHookParts {
  sessions: {
    suspend(): Promise<void>;
    refresh(nodes: Iterable<KnownNeighbour>): void;
    links(): { session: { destroy(): void } }[];
  };
  /** Absent when the beacon is switched off. */
  beacon?: () => { refresh(): void } | undefined;
  neighbours: () => KnownNeighbour[];
  logger: Logger;
}

export interface SleepHooks {
  checkpoint(signal: AbortSignal): Promise<void>;
  resume(): void;
}

export function createSleepHooks(p: SleepHookParts): SleepHooks {
  return {
    async checkpoint(signal) {
      // Out of time: drop what is still open, so nothing moves once the lock
      // is given back (a frozen laptop would leave it half-way anyway).
      const cut = (): void => {
        const open = p.sessions.links();
        if (open.length > 0) p.logger.warn('sleep bound reached; dropping sessions still settling', { sessions: open.length });
        for (const link of open) link.session.destroy();
      };
      signal.addEventListener('abort', cut, { once: true });
      try {
        await p.sessions.suspend();
      } finally {
        signal.removeEventListener('abort', cut);
      }
    },
    resume() {
      const nodes = p.neighbours();
      p.logger.info('redialling neighbours after sleep', { neighbours: nodes.length });
      p.sessions.refresh(nodes);
      p.beacon?.()?.refresh();
    },
  };
}
