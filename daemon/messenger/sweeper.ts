/**
 * Removes what has outlived its lifetime: the user's own undelivered messages
 * become expired (and the activity is told), carried copies and proofs go,
 * and "already delivered" and "already received" marks are forgotten once no
 * copy can still be travelling. Works from the expiry index, a bounded batch
 * per call, in one transaction.
 */
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { Counters } from '../util/counters.js';
import { dropCarried } from './carry-area.js';
import { dropIncoming } from './attachments-in.js';
import { dueEntries } from './expiry.js';
import { dequeue, outboxEntry } from './outbox.js';
import { dropProof } from './proof-book.js';
import { advances } from './states.js';
import { addTrace } from './trace.js';

/** Most index entries handled in one transaction, so a long-off laptop catches up in small steps. */
export const SWEEP_BATCH = 500;
/**
 * Longest wait between sweeps while anything can expire, in ms. The index is
 * in local wall time; waking now and then notices a clock that was set.
 */
export const MAX_SWEEP_DELAY_MS = 60 * 60 * 1000;

export const EXPIRED_REASON = 'its lifetime ran out before it was delivered';
export const FILE_EXPIRED_REASON = 'its lifetime ran out before all of its file was delivered';

export interface SweepOutcome {
  expired: MessageRecord[];
  /** Ids no longer held here. */
  dropped: string[];
  /** More entries were due than one batch takes. */
  more: boolean;
}

export function sweep(store: Store, counters: Counters, nowMs: number): SweepOutcome {
  const out: SweepOutcome = { expired: [], dropped: [], more: false };
  store.transact(() => {
    const due = dueEntries(store, nowMs, SWEEP_BATCH);
    out.more = due.length === SWEEP_BATCH;
    for (const { atMs, kind, id } of due) {
      store.expiries.remove([atMs, kind, id]);
      if (kind === 'outbox') {
        const rec = outboxEntry(store, id);
        if (rec === undefined) continue;
        dequeue(store, rec.to, id);
        out.dropped.push(id);
        counters.bump('outbox.expired');
        if (rec.kind === 'piece') {
          // The recipient has the message but will never have its file: it does not expire (it arrived), it failed.
          const m = store.messages.get(rec.of ?? '');
          if (m === undefined || m.state !== 'sent') continue;
          const next: MessageRecord = { ...m, state: 'failed', reason: FILE_EXPIRED_REASON, updatedMs: nowMs };
          store.messages.put(m.id, next);
          addTrace(store, m.id, 'expired', FILE_EXPIRED_REASON, nowMs);
          out.expired.push(next);
          continue;
        }
        const m = rec.kind === 'text' ? store.messages.get(id) : undefined;
        if (m === undefined || !advances(m.state, 'expired')) continue;
        const next: MessageRecord = { ...m, state: 'expired', reason: EXPIRED_REASON, updatedMs: nowMs };
        store.messages.put(id, next);
        addTrace(store, id, 'expired', EXPIRED_REASON, nowMs);
        out.expired.push(next);
      } else if (kind === 'carry') {
        if (dropCarried(store, id) !== undefined) {
          out.dropped.push(id);
          counters.bump('carry.expired');
        }
      } else if (kind === 'proof') {
        if (store.proofs.doesExist(id)) out.dropped.push(id);
        dropProof(store, id);
      } else if (kind === 'incoming') {
        // A file whose pieces never all came: its message is never shown.
        if (store.incoming.get(id)?.expiresMs === atMs) {
          dropIncoming(store, id);
          counters.bump('inbound.attachment.expired');
        }
      } else if (kind === 'delivered') {
        if (store.delivered.get(id) === atMs) store.delivered.remove(id);
      } else {
        store.received.remove(id);
      }
    }
  });
  return out;
}
