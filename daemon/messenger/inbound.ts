/**
 * Taking envelopes from a neighbour: each is checked, opened and recorded in
 * one transaction with its delivery receipt, so after a crash a message is
 * either wholly there (and never taken again) or absent (and offered again).
 */
import { envelopeId, openEnvelope, type PairKeys } from '../crypto/seal.js';
import { keyIdHex, toHex, type KeyPair } from '../crypto/keys.js';
import { decodeContent, type Content, type Envelope } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { Counters } from '../util/counters.js';
import type { Clock } from '../util/clock.js';
import type { LinkPeer } from '../sync/mailbox.js';
import { MAX_TEXT_BYTES, type MessageState } from './api.js';
import { advances } from './states.js';
import { addTrace } from './trace.js';

const utf8 = new TextEncoder();

export interface InboundContext {
  store: Store;
  me: KeyPair;
  myId: string;
  keys: PairKeys;
  clock: Clock;
  counters: Counters;
  /** Seals and queues delivery receipts; runs inside the accepting transaction. */
  queueReceipts(owed: Map<string, Uint8Array[]>): void;
}

export interface InboundOutcome {
  stored: Uint8Array[];
  refused: Uint8Array[];
  received: MessageRecord[];
  changed: MessageRecord[];
  /** Senders owed a delivery receipt, with the ids to acknowledge. */
  receiptsOwed: Map<string, Uint8Array[]>;
}

/**
 * Candidate senders, most likely first: the person on the link, then the
 * user's contacts. Not everyone ever met: each candidate can cost a key
 * agreement, so a hostile neighbour's garbage must not buy work that grows
 * with every laptop this one has seen.
 */
function candidates(store: Store, peer: LinkPeer): Uint8Array[] {
  const keys = [peer.userKey];
  for (const { value } of store.contacts.getRange({})) if (value.id !== peer.userId) keys.push(new Uint8Array(value.userKey));
  return keys;
}

export function acceptEnvelopes(ctx: InboundContext, peer: LinkPeer, envelopes: Envelope[]): InboundOutcome {
  const out: InboundOutcome = { stored: [], refused: [], received: [], changed: [], receiptsOwed: new Map() };
  const known = candidates(ctx.store, peer);
  ctx.store.transact(() => {
    for (const env of envelopes) acceptOne(ctx, peer, known, env, out);
    if (out.receiptsOwed.size > 0) ctx.queueReceipts(out.receiptsOwed);
  });
  return out;
}

function acceptOne(ctx: InboundContext, peer: LinkPeer, known: Uint8Array[], env: Envelope, out: InboundOutcome): void {
  const { store, counters } = ctx;
  let id: Uint8Array;
  try {
    id = envelopeId(env);
  } catch {
    counters.bump('inbound.dropped.malformed');
    return;
  }
  const idHex = toHex(id);
  if (store.received.doesExist(idHex)) {
    counters.bump('inbound.duplicate');
    out.stored.push(id);
    return;
  }
  const opened = openEnvelope(env, ctx.me, known, ctx.keys);
  if (opened === null) {
    // Not for us (no carrying yet), or not sealed by anyone we know: never shown.
    counters.bump(toHex(env.to ?? new Uint8Array()) === ctx.myId ? 'inbound.dropped.unauthenticated' : 'inbound.refused.not_for_me');
    out.refused.push(id);
    return;
  }
  let content: Content;
  try {
    content = decodeContent(opened.content);
  } catch {
    counters.bump('inbound.dropped.bad_content');
    out.refused.push(id);
    return;
  }
  const sender = keyIdHex(opened.sender);
  const now = ctx.clock.now();
  const text = content.text ?? '';
  if (text.length > 0) {
    if (utf8.encode(text).length > MAX_TEXT_BYTES) {
      counters.bump('inbound.dropped.too_large');
      out.refused.push(id);
      return;
    }
    const rec: MessageRecord = { id: idHex, contactId: sender, direction: 'in', text, state: 'delivered', reason: '', timeMs: now, updatedMs: now };
    store.messages.put(idHex, rec);
    store.conversations.put([sender, now, idHex], true);
    addTrace(store, idHex, 'received', `from ${sender} via node ${peer.nodeId} at ${peer.address}`, now);
    out.received.push(rec);
    const owed = out.receiptsOwed.get(sender) ?? [];
    owed.push(id);
    out.receiptsOwed.set(sender, owed);
  }
  if (content.receipt) {
    applyReceipt(ctx, sender, content.receipt.delivered ?? [], 'delivered', now, out);
    applyReceipt(ctx, sender, content.receipt.read ?? [], 'read', now, out);
  }
  store.received.put(idHex, now);
  counters.bump('inbound.accepted');
  out.stored.push(id);
}

function applyReceipt(ctx: InboundContext, sender: string, ids: Uint8Array[], state: MessageState, now: number, out: InboundOutcome): void {
  for (const raw of ids) {
    const m = ctx.store.messages.get(toHex(raw));
    // A receipt only counts from the person the message was sealed to.
    if (m === undefined || m.direction !== 'out' || m.contactId !== sender) {
      ctx.counters.bump('inbound.receipt.ignored');
      continue;
    }
    if (!advances(m.state, state)) continue;
    const next: MessageRecord = { ...m, state, updatedMs: now };
    ctx.store.messages.put(m.id, next);
    addTrace(ctx.store, m.id, state, `receipt from ${sender}`, now);
    out.changed.push(next);
  }
}
