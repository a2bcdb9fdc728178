/**
 * A neighbour answered a transfer: each envelope stored or refused. What
 * that means depends on who the neighbour is. The recipient storing it ends
 * the journey (the sender's message is "sent", carried copies go); a carrier
 * storing it is one more copy out; the recipient refusing it means nobody
 * should carry it further; a carrier refusing it changes nothing here.
 * Only called inside a store transaction.
 */
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { Ack, LinkPeer } from '../sync/mailbox.js';
import { dropCarried, updateCarried } from './carry-area.js';
import { expiresAtMs } from './expiry.js';
import { dequeue, outboxEntry, piecesOf, updateOutbox } from './outbox.js';
import { markDelivered } from './proof-book.js';
import { advances } from './states.js';
import { addTrace } from './trace.js';

export const REFUSED_REASON = 'the recipient refused the message';
export const PIECE_REFUSED_REASON = 'the recipient refused a piece of the file (too large for it, or no room)';

export interface AckOutcome {
  changed: MessageRecord[];
  /** Ids no longer held here. */
  dropped: string[];
}

const where = (peer: LinkPeer): string => `node ${peer.nodeId} (${peer.displayName}) at ${peer.address}`;

export function applyAcks(store: Store, peer: LinkPeer, acks: Ack[], nowMs: number): AckOutcome {
  const out: AckOutcome = { changed: [], dropped: [] };
  const setState = (m: MessageRecord, next: MessageRecord): void => {
    if (next.state === m.state && next.reason === m.reason && next.copiesOut === m.copiesOut) return;
    store.messages.put(m.id, next);
    out.changed.push(next);
  };
  for (const ack of acks) {
    const byRecipient = peer.userId === ack.to;
    const own = outboxEntry(store, ack.id);
    if (own !== undefined) {
      const m = own.kind === 'text' ? store.messages.get(own.id) : undefined;
      if (byRecipient) {
        dequeue(store, own.to, own.id);
        out.dropped.push(own.id);
        if (own.kind === 'piece' && !ack.stored) failFile(store, own.to, own.of ?? '', nowMs, out);
        if (m === undefined) continue;
        addTrace(store, m.id, ack.stored ? 'handed_over' : 'refused', `${ack.stored ? 'stored by' : 'refused by'} ${where(peer)}`, nowMs);
        setState(m, ack.stored
          ? { ...m, state: advances(m.state, 'sent') ? 'sent' : m.state, updatedMs: nowMs }
          : { ...m, state: 'failed', reason: REFUSED_REASON, updatedMs: nowMs });
      } else if (ack.stored) {
        const handedTo = [...new Set([...(own.handedTo ?? []), peer.nodeId])];
        const copies = Math.max(1, (own.copies ?? 0) - ack.copiesGiven);
        updateOutbox(store, { ...own, handedTo, ...(own.copies ? { copies } : {}) });
        if (m === undefined) continue;
        addTrace(store, m.id, 'carried', `a copy stored by carrier ${where(peer)}`, nowMs);
        setState(m, { ...m, state: advances(m.state, 'carried') ? 'carried' : m.state, copiesOut: handedTo.length, updatedMs: nowMs });
      } else if (m !== undefined) {
        addTrace(store, m.id, 'declined', `carrier ${where(peer)} would not take a copy`, nowMs);
      }
      continue;
    }
    const carried = store.carry.get(ack.id);
    if (carried === undefined) continue;
    if (byRecipient) {
      dropCarried(store, carried.id);
      out.dropped.push(carried.id);
      if (ack.stored) markDelivered(store, carried.id, expiresAtMs(carried.receivedMs, carried.ageS, carried.lifetimeS));
    } else if (ack.stored) {
      const copies = carried.copies > 0 ? Math.max(1, carried.copies - ack.copiesGiven) : 0;
      updateCarried(store, { ...carried, copies, handedTo: [...new Set([...carried.handedTo, peer.nodeId])] });
    }
  }
  return out;
}

/** A file that cannot arrive whole takes its message down, and its other pieces go. */
function failFile(store: Store, to: string, messageId: string, nowMs: number, out: AckOutcome): void {
  for (const p of piecesOf(store, to, messageId)) {
    dequeue(store, to, p.id);
    out.dropped.push(p.id);
  }
  const m = store.messages.get(messageId);
  if (m === undefined || !advances(m.state, 'failed')) return;
  const next: MessageRecord = { ...m, state: 'failed', reason: PIECE_REFUSED_REASON, updatedMs: nowMs };
  store.messages.put(m.id, next);
  addTrace(store, m.id, 'refused', PIECE_REFUSED_REASON, nowMs);
  out.changed.push(next);
}
