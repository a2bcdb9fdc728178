/**
 * Delivery proofs from a neighbour: checked, kept to pass on, and acted on.
 * A carried copy of a proven envelope is dropped; one of the user's own
 * messages becomes delivered. Proofs that do not verify are dropped and
 * counted. Only called inside a store transaction.
 */
import { checkProof, type CheckedProof } from '../crypto/proof.js';
import { encodeDeliveryProof, type DeliveryProof } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { Counters } from '../util/counters.js';
import { dropCarried } from './carry-area.js';
import { dequeue, outboxEntry } from './outbox.js';
import { keepProof } from './proof-book.js';
import { advances } from './states.js';
import { addTrace } from './trace.js';

/** Most proofs taken from one frame; the rest come at the next reconciliation. */
export const MAX_PROOFS_PER_FRAME = 64;

export interface ProofOutcome {
  /** Ids of proofs newly kept. */
  kept: string[];
  /** Envelope ids no longer held here. */
  dropped: string[];
  changed: MessageRecord[];
}

/** Checks a proof from the network: checkProof, or one that remembers what it checked (the simulator's laptops share one). */
export type ProofChecker = (proof: DeliveryProof) => CheckedProof | string;

export function takeProofs(
  store: Store, proofs: DeliveryProof[], counters: Counters, nowMs: number, quotaBytes: number, check: ProofChecker = checkProof,
): ProofOutcome {
  const out: ProofOutcome = { kept: [], dropped: [], changed: [] };
  if (proofs.length > MAX_PROOFS_PER_FRAME) counters.bump('inbound.proof.over_limit', proofs.length - MAX_PROOFS_PER_FRAME);
  for (const raw of proofs.slice(0, MAX_PROOFS_PER_FRAME)) {
    const p = check(raw);
    if (typeof p === 'string') {
      counters.bump('inbound.proof.invalid');
      continue;
    }
    if (!keepProof(store, p, encodeDeliveryProof({ ...raw, ageS: 0 }), nowMs, quotaBytes)) {
      counters.bump('inbound.proof.duplicate');
      continue;
    }
    counters.bump('inbound.proof.accepted');
    out.kept.push(p.id);
    for (const id of p.ids) {
      const carried = store.carry.get(id);
      // The proof only speaks for envelopes sealed to the key that signed it.
      if (carried !== undefined && carried.to === p.userId) {
        dropCarried(store, id);
        out.dropped.push(id);
        counters.bump('carry.dropped.delivered');
        continue;
      }
      const own = outboxEntry(store, id);
      if (own === undefined || own.to !== p.userId) continue;
      dequeue(store, own.to, id);
      out.dropped.push(id);
      const m = store.messages.get(id);
      if (m === undefined || !advances(m.state, 'delivered')) continue;
      const next: MessageRecord = { ...m, state: 'delivered', updatedMs: nowMs };
      store.messages.put(id, next);
      addTrace(store, id, 'delivered', `delivery proof signed by ${p.userId}`, nowMs);
      out.changed.push(next);
    }
  }
  return out;
}
