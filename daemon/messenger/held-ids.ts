/**
 * The ids this laptop holds (own outbox, carried envelopes, proofs), kept in
 * memory for reconciliation and loaded from the store once at start.
 */
import { fromHex } from '../crypto/keys.js';
import { createIdSet, type IdSet } from '../sync/reconcile/id-set.js';
import type { Store } from '../store/store.js';

export interface HeldIdSet {
  readonly set: IdSet;
  add(idHex: string): void;
  delete(idHex: string): void;
}

export function loadHeldIds(store: Store): HeldIdSet {
  const set = createIdSet();
  for (const key of store.outboxIds.getKeys({})) set.add(fromHex(key));
  for (const key of store.carry.getKeys({})) set.add(fromHex(key));
  for (const key of store.proofs.getKeys({})) set.add(fromHex(key));
  return {
    set,
    add: (idHex) => { set.add(fromHex(idHex)); },
    delete: (idHex) => { set.delete(fromHex(idHex)); },
  };
}
