/**
 * Administrative actions. The D-Bus policy lets only root and the
 * satchel-admin group reach them; they must still leave the store consistent.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import { dequeue, piecesOf } from './outbox.js';
import { addTrace } from './trace.js';

export const PURGED_REASON = 'removed from the outbox by an administrator';

/** Drops a waiting outgoing message; returns the record in its new state. */
export function purgeMessage(store: Store, id: string, now: number): MessageRecord {
  return store.transact(() => {
    const m = store.messages.get(id);
    if (m === undefined || m.direction !== 'out' || dequeue(store, m.contactId, id) === undefined) {
      throw SatchelError.notFound(`waiting outgoing message ${id}`);
    }
    // Its file's pieces are of no use without it.
    for (const p of piecesOf(store, m.contactId, id)) dequeue(store, m.contactId, p.id);
    const next: MessageRecord = { ...m, state: 'failed', reason: PURGED_REASON, updatedMs: now };
    store.messages.put(id, next);
    addTrace(store, id, 'purged', PURGED_REASON, now);
    return next;
  });
}
