/**
 * Delivery proofs this laptop knows: kept (within a byte quota) so they can
 * be passed on, and turned into "delivered" marks so that a copy that comes
 * round again is refused. Only called inside a store transaction.
 */
import type { CheckedProof } from '../crypto/proof.js';
import type { Store } from '../store/store.js';
import type { ProofRecord } from '../store/records.js';
import { effectiveLifetimeS, expiresAtMs, scheduleExpiry, unscheduleExpiry } from './expiry.js';

const BYTES_KEY = 'proofBytes';

export function proofBytes(store: Store): number {
  const v = store.meta.get(BYTES_KEY);
  return typeof v === 'number' ? v : 0;
}

const proofExpiry = (r: ProofRecord): number => expiresAtMs(r.receivedMs, r.ageS, r.lifetimeS);

export function isKnownDelivered(store: Store, idHex: string): boolean {
  return store.delivered.doesExist(idHex);
}

/** Marks an envelope delivered until `untilMs` (local wall), keeping the later mark. */
export function markDelivered(store: Store, idHex: string, untilMs: number): void {
  const old = store.delivered.get(idHex);
  if (old !== undefined && old >= untilMs) return;
  if (old !== undefined) unscheduleExpiry(store, 'delivered', idHex, old);
  store.delivered.put(idHex, untilMs);
  scheduleExpiry(store, 'delivered', idHex, untilMs);
}

/** Stores a checked proof; false if it was known already. Evicts the oldest proofs beyond the quota. */
export function keepProof(store: Store, p: CheckedProof, encoded: Uint8Array, nowMs: number, quotaBytes: number): boolean {
  if (store.proofs.doesExist(p.id)) return false;
  const rec: ProofRecord = {
    id: p.id, userId: p.userId, proof: encoded, ids: p.ids, receivedMs: nowMs, ageS: p.ageS, lifetimeS: effectiveLifetimeS(p.lifetimeS),
  };
  const until = proofExpiry(rec);
  for (const id of p.ids) markDelivered(store, id, until);
  if (encoded.length > quotaBytes) return true;
  while (proofBytes(store) + encoded.length > quotaBytes) {
    const oldest = oldestProof(store);
    if (oldest === undefined) break;
    dropProof(store, oldest.id);
  }
  store.proofs.put(p.id, rec);
  store.meta.put(BYTES_KEY, proofBytes(store) + encoded.length);
  scheduleExpiry(store, 'proof', p.id, until);
  return true;
}

export function dropProof(store: Store, id: string): void {
  const rec = store.proofs.get(id);
  if (rec === undefined) return;
  store.proofs.remove(id);
  store.meta.put(BYTES_KEY, Math.max(0, proofBytes(store) - rec.proof.length));
  unscheduleExpiry(store, 'proof', id, proofExpiry(rec));
}

/**
 * The proof that expires first is the one least worth spreading. Scans the
 * proofs only (bounded by their quota), not the shared expiry index, where
 * every carried envelope would come before the first proof.
 */
function oldestProof(store: Store): ProofRecord | undefined {
  let oldest: ProofRecord | undefined;
  for (const { value } of store.proofs.getRange({})) {
    if (oldest === undefined || proofExpiry(value) < proofExpiry(oldest)) oldest = value;
  }
  return oldest;
}
