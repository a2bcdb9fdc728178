/**
 * When a link last moved anything, seen from its inbound frames alone, so
 * the data mule can tell a finished meeting without sync's help: every
 * batch we send is answered by the peer (stored/refused), and every batch
 * the peer sends arrives here, so a link whose frames have been only
 * keepalives and routing news for a while has nothing left in flight
 * either way. One listener per session, ever: sessions outlive cycles.
 */
import type { Frame } from '../wire/messages.js';

/** What the mule needs of a sync link (PeerLink fits). */
export interface MuleLink {
  readonly peer: { readonly nodeId: string };
  readonly session: { readonly closed: boolean; on(event: 'frame', fn: (frame: Frame) => void): unknown };
}

interface Watch {
  /** monotonic ms of the last frame that carried envelopes, proofs, acknowledgements or reconciliation. */
  lastDataMs: number;
}

function carriesData(f: Frame): boolean {
  return (f.envelopes?.length ?? 0) + (f.proofs?.length ?? 0) + (f.stored?.length ?? 0) + (f.refused?.length ?? 0) > 0 ||
    (f.reconcile !== undefined && f.reconcile !== null);
}

export class LinkActivity {
  readonly #now: () => number;
  readonly #watches = new WeakMap<object, Watch>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Starts watching (once per session); a link first seen now counts as busy now. */
  watch(link: MuleLink): void {
    if (this.#watches.has(link.session)) return;
    const w: Watch = { lastDataMs: this.#now() };
    this.#watches.set(link.session, w);
    link.session.on('frame', (f: Frame) => {
      if (carriesData(f)) w.lastDataMs = this.#now();
    });
  }

  /** ms since the link last moved data; 0 for a link not watched. */
  quietForMs(link: MuleLink): number {
    const w = this.#watches.get(link.session);
    return w === undefined ? 0 : this.#now() - w.lastDataMs;
  }
}
