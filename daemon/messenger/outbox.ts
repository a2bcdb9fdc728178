/**
 * The user's waiting envelopes and their byte quota. Only called inside a
 * store transaction, so the byte count and the records never disagree.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { Store } from '../store/store.js';
import type { OutboxRecord } from '../store/records.js';
import { expiresAtMs, scheduleExpiry, unscheduleExpiry } from './expiry.js';

const expiryOf = (rec: OutboxRecord): number | undefined =>
  rec.lifetimeS === undefined ? undefined : expiresAtMs(rec.createdMs, 0, rec.lifetimeS);

/** Default quota for the user's own waiting envelopes, in bytes. */
export const DEFAULT_OUTBOX_QUOTA_BYTES = 16 * 1024 * 1024;

const BYTES_KEY = 'outboxBytes';

export function outboxBytes(store: Store): number {
  const v = store.meta.get(BYTES_KEY);
  return typeof v === 'number' ? v : 0;
}

/** Throws STORE_FULL unless `bytes` more fit in the outbox. */
export function checkRoom(store: Store, bytes: number, quotaBytes: number, what = 'this message'): void {
  const used = outboxBytes(store);
  if (used + bytes > quotaBytes) throw SatchelError.storeFull(`outbox holds ${used} of ${quotaBytes} bytes; ${what} needs ${bytes}`);
}

/** Receipts are never refused: they are tiny and senders wait for them. */
export function enqueue(store: Store, rec: OutboxRecord, quotaBytes: number): void {
  const used = outboxBytes(store);
  const size = rec.envelope.length;
  if (rec.kind !== 'receipt') checkRoom(store, size, quotaBytes);
  store.outbox.put([rec.to, rec.id], rec);
  store.outboxIds.put(rec.id, rec.to);
  store.meta.put(BYTES_KEY, used + size);
  const at = expiryOf(rec);
  if (at !== undefined) scheduleExpiry(store, 'outbox', rec.id, at);
}

export function dequeue(store: Store, to: string, id: string): OutboxRecord | undefined {
  const rec = store.outbox.get([to, id]);
  if (rec === undefined) return undefined;
  store.outbox.remove([to, id]);
  store.outboxIds.remove(id);
  store.meta.put(BYTES_KEY, Math.max(0, outboxBytes(store) - rec.envelope.length));
  const at = expiryOf(rec);
  if (at !== undefined) unscheduleExpiry(store, 'outbox', id, at);
  return rec;
}

export function pendingFor(store: Store, to: string): OutboxRecord[] {
  const out: OutboxRecord[] = [];
  for (const { value } of store.outbox.getRange({ start: [to], end: [to, '\uffff'] })) out.push(value);
  return out.sort((a, b) => a.createdMs - b.createdMs);
}

/** An outbox entry by id alone. */
export function outboxEntry(store: Store, id: string): OutboxRecord | undefined {
  const to = store.outboxIds.get(id);
  return to === undefined ? undefined : store.outbox.get([to, id]);
}

/** Rewrites an entry in place (copies left, carriers handed to); its size does not change. */
export function updateOutbox(store: Store, rec: OutboxRecord): void {
  if (store.outbox.doesExist([rec.to, rec.id])) store.outbox.put([rec.to, rec.id], rec);
}

/** The pieces of a message's file still waiting, in any order. */
export function piecesOf(store: Store, to: string, messageId: string): OutboxRecord[] {
  return pendingFor(store, to).filter((r) => r.kind === 'piece' && r.of === messageId);
}
