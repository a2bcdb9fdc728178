/**
 * The requests area and the block list. A message from someone who is not a
 * contact (a laptop met nearby, or a contact still pending) is held here,
 * unverified, instead of in the inbox; the user accepts the sender (the
 * messages move to the inbox), ignores the request (its messages go) or
 * blocks the sender. Bounded: a crowd of strangers cannot fill the store or
 * push a friend's request out. A message refused for lack of room is not
 * acknowledged, so it waits in the network and comes again when there is.
 * Functions that change the store run inside the caller's transaction.
 */
import { fingerprint } from '../crypto/fingerprint.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { Store } from '../store/store.js';
import type { BlockRecord, ContactRecord, MessageRecord, RequestRecord } from '../store/records.js';
import type { BlockedInfo, RequestInfo } from './api.js';
import { asAddedContact, knownPerson } from './contact-book.js';

/** People whose requests are held at once. */
export const MAX_REQUESTS = 64;
/** Messages held per request. */
export const MAX_REQUEST_MESSAGES = 20;
/**
 * People on the block list. Every blocked person is one more key tried on
 * each envelope no contact could open (inbound.ts candidates), so the list
 * is kept to what one child blocks, not to what a laptop could store.
 */
export const MAX_BLOCKED = 64;
/**
 * Bytes of the carry area one neighbour laptop may fill while its user is
 * blocked (the usual share is DEFAULT_SOURCE_SHARE_BYTES). Not zero: a
 * blocked child's laptop still carries other children's mail, which this
 * laptop cannot tell apart from the blocked child's own (it is sealed).
 */
export const BLOCKED_SOURCE_SHARE_BYTES = 64 * 1024;

export function requestInfo(store: Store, r: RequestRecord): RequestInfo {
  let lastText = '';
  for (const { key } of store.requestMessages.getRange({ start: [r.id], end: [r.id, Number.MAX_SAFE_INTEGER] })) {
    lastText = store.messages.get(key[2])?.text ?? lastText;
  }
  return {
    id: r.id, displayName: r.displayName, fingerprint: fingerprint(new Uint8Array(r.userKey)),
    trust: store.contacts.get(r.id)?.pending === true ? 'pending' : 'nearby',
    firstMs: r.firstMs, lastMs: r.lastMs, messages: r.messages, lastText,
  };
}

export function blockedInfo(b: BlockRecord): BlockedInfo {
  return { id: b.id, displayName: b.displayName, fingerprint: fingerprint(new Uint8Array(b.userKey)), blockedMs: b.blockedMs };
}

export type FileOutcome = { filed: true; request: RequestRecord } | { filed: false; reason: 'requests_full' | 'request_full' };

/** Holds an opened message from a non-contact; the caller has not stored it anywhere yet. */
export function fileRequest(store: Store, sender: { id: string; userKey: Uint8Array; displayName: string }, m: MessageRecord): FileOutcome {
  const existing = store.requests.get(sender.id);
  if (existing === undefined && store.requests.getCount() >= MAX_REQUESTS) return { filed: false, reason: 'requests_full' };
  if (existing !== undefined && existing.messages >= MAX_REQUEST_MESSAGES) return { filed: false, reason: 'request_full' };
  const request: RequestRecord = existing
    ? { ...existing, lastMs: Math.max(existing.lastMs, m.timeMs), messages: existing.messages + 1, displayName: sender.displayName || existing.displayName }
    : { id: sender.id, userKey: Uint8Array.from(sender.userKey), displayName: sender.displayName, firstMs: m.timeMs, lastMs: m.timeMs, messages: 1 };
  store.requests.put(sender.id, request);
  store.messages.put(m.id, { ...m, request: true });
  store.requestMessages.put([sender.id, m.timeMs, m.id], true);
  return { filed: true, request };
}

export function requestMessageRecords(store: Store, id: string): MessageRecord[] {
  const out: MessageRecord[] = [];
  for (const { key } of store.requestMessages.getRange({ start: [id], end: [id, Number.MAX_SAFE_INTEGER] })) {
    const m = store.messages.get(key[2]);
    if (m !== undefined) out.push(m);
  }
  return out;
}

/**
 * Moves a request's messages to the inbox (the sender has become a
 * contact); nothing when there is no request. Returns the moved messages.
 */
export function moveToInbox(store: Store, id: string): MessageRecord[] {
  const moved: MessageRecord[] = [];
  for (const { key } of [...store.requestMessages.getRange({ start: [id], end: [id, Number.MAX_SAFE_INTEGER] })]) {
    store.requestMessages.remove(key);
    const m = store.messages.get(key[2]);
    if (m === undefined) continue;
    const { request: _r, ...inbox } = m;
    store.messages.put(m.id, inbox);
    store.conversations.put(key, true);
    moved.push(inbox);
  }
  store.requests.remove(id);
  return moved;
}

/** Drops a request and its messages (their ids stay in `received`, so the same envelopes are not taken again). */
export function dropRequest(store: Store, id: string): boolean {
  const had = store.requests.doesExist(id);
  for (const { key } of [...store.requestMessages.getRange({ start: [id], end: [id, Number.MAX_SAFE_INTEGER] })]) {
    store.requestMessages.remove(key);
    store.messages.remove(key[2]);
    for (const t of [...store.trace.getKeys({ start: [key[2], 0], end: [key[2], Number.MAX_SAFE_INTEGER] })]) store.trace.remove(t);
  }
  store.requests.remove(id);
  return had;
}

export function acceptRequest(store: Store, id: string, nowMs: number): { contact: ContactRecord; moved: MessageRecord[] } {
  if (!store.requests.doesExist(id)) throw SatchelError.notFound(`request from ${id}`);
  const contact = asAddedContact(store, id, nowMs);
  store.contacts.put(id, contact);
  return { contact, moved: moveToInbox(store, id) };
}

export function blockPerson(store: Store, id: string, nowMs: number): BlockRecord {
  const existing = store.blocked.get(id);
  if (existing !== undefined) return existing;
  const who = knownPerson(store, id);
  if (who === undefined) throw SatchelError.unknownContact(id);
  if (store.blocked.getCount() >= MAX_BLOCKED) throw SatchelError.storeFull(`the block list holds at most ${MAX_BLOCKED} people`);
  const rec: BlockRecord = { id, userKey: who.userKey, displayName: who.displayName, blockedMs: nowMs };
  store.blocked.put(id, rec);
  dropRequest(store, id);
  return rec;
}
