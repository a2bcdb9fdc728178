/**
 * Taking envelopes and proofs from a neighbour, all in one transaction: an
 * envelope for this user is opened and recorded with its delivery receipt
 * and a signed delivery proof; one for someone else goes to the carry area.
 * After a crash a message is either wholly there (and never taken again) or
 * absent (and offered again).
 */
import { envelopeId, openEnvelope, type PairKeys } from '../crypto/seal.js';
import { fromHex, keyIdHex, toHex, type KeyPair } from '../crypto/keys.js';
import { decodeContent, type Content, type DeliveryProof, type Envelope } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { Counters } from '../util/counters.js';
import type { Clock } from '../util/clock.js';
import type { LinkPeer } from '../sync/mailbox.js';
import { MAX_TEXT_BYTES, type MessageState } from './api.js';
import { advances } from './states.js';
import { addTrace } from './trace.js';
import { carryEnvelope } from './carry-in.js';
import { effectiveLifetimeS, expiresAtMs, scheduleExpiry } from './expiry.js';
import { takeHeader, takePiece, type FileOutcome } from './attachments-in.js';
import { MAX_LIFETIME_S } from './lifetime.js';
import { takeProofs, type ProofChecker } from './proofs-in.js';
import type { CarryLimits } from './quotas.js';
import { isContact } from './contact-book.js';
import { BLOCKED_SOURCE_SHARE_BYTES, fileRequest } from './requests.js';

const utf8 = new TextEncoder();

export interface InboundContext {
  store: Store;
  me: KeyPair;
  myId: string;
  keys: PairKeys;
  clock: Clock;
  counters: Counters;
  limits: CarryLimits;
  /** Largest file taken with a message, in bytes. */
  attachmentMaxBytes: number;
  /** Seals and queues delivery receipts; runs inside the accepting transaction. */
  queueReceipts(owed: Map<string, Uint8Array[]>): void;
  /** Checks proofs from the network; checkProof when absent. */
  checkProof?: ProofChecker;
  /** Signs and keeps a proof for envelopes stored here; returns the proof ids. Inside the transaction. */
  prove(ids: Uint8Array[], lifetimeS: number): string[];
}

export interface InboundOutcome {
  stored: Uint8Array[];
  refused: Uint8Array[];
  received: MessageRecord[];
  changed: MessageRecord[];
  /** Senders owed a delivery receipt, with the ids to acknowledge. */
  receiptsOwed: Map<string, Uint8Array[]>;
  /** Ids newly held here that the peer handed over (carried envelopes, its proofs): for the other neighbours. */
  held: string[];
  /** Ids of proofs this laptop signed for what it received: for every neighbour, the peer included. */
  ownProofs: string[];
  /** Ids no longer held here (proven delivered, evicted). */
  dropped: string[];
}

/**
 * Candidate senders, most likely first: the person on the link, then the
 * user's contacts (pending ones too), people with a request waiting, and
 * blocked people last (so that their mail is recognised and dropped rather
 * than carried on). Not everyone ever met: each candidate can cost a key
 * agreement, so a hostile neighbour's garbage must not buy work that grows
 * with every laptop this one has seen; the last three lists are bounded.
 */
function candidates(store: Store, peer: LinkPeer): Uint8Array[] {
  const keys = [peer.userKey];
  const seen = new Set([peer.userId]);
  for (const table of [store.contacts, store.requests, store.blocked] as const) {
    for (const { value } of table.getRange({})) {
      if (seen.has(value.id)) continue;
      seen.add(value.id);
      keys.push(new Uint8Array(value.userKey));
    }
  }
  return keys;
}

export function acceptEnvelopes(ctx: InboundContext, peer: LinkPeer, envelopes: Envelope[], proofs: DeliveryProof[] = []): InboundOutcome {
  const out: InboundOutcome = { stored: [], refused: [], received: [], changed: [], receiptsOwed: new Map(), held: [], ownProofs: [], dropped: [] };
  let known: Uint8Array[] | undefined;
  ctx.store.transact(() => {
    // Proofs first, so that a copy they name is refused rather than taken.
    const p = takeProofs(ctx.store, proofs, ctx.counters, ctx.clock.now(), ctx.limits.proofQuotaBytes, ctx.checkProof);
    out.held.push(...p.kept);
    out.dropped.push(...p.dropped);
    out.changed.push(...p.changed);
    const proven: Uint8Array[] = [];
    let longestS = 0;
    for (const env of envelopes) {
      const mine = toHex(env.to ?? new Uint8Array()) === ctx.myId;
      if (!mine) {
        carryOne(ctx, peer, env, out);
        continue;
      }
      known ??= candidates(ctx.store, peer);
      const ids = acceptOne(ctx, peer, known, env, out);
      if (ids.length === 0) continue;
      proven.push(...ids);
      longestS = Math.max(longestS, effectiveLifetimeS(env.lifetimeS) - (env.ageS ?? 0));
    }
    if (out.receiptsOwed.size > 0) ctx.queueReceipts(out.receiptsOwed);
    if (proven.length > 0) out.ownProofs.push(...ctx.prove(proven, Math.min(MAX_LIFETIME_S, Math.max(1, longestS))));
  });
  return out;
}

function carryOne(ctx: InboundContext, peer: LinkPeer, env: Envelope, out: InboundOutcome): void {
  let id: Uint8Array;
  try {
    id = envelopeId(env);
  } catch {
    ctx.counters.bump('inbound.dropped.malformed');
    return;
  }
  const idHex = toHex(id);
  // A blocked user's laptop keeps a small share: the user is visible here (the session), what it seals is not.
  const blocked = ctx.store.blocked.doesExist(peer.userId);
  if (blocked) ctx.counters.bump('carry.from_blocked');
  const limits = blocked ? { ...ctx.limits, sourceShareBytes: Math.min(ctx.limits.sourceShareBytes, BLOCKED_SOURCE_SHARE_BYTES) } : ctx.limits;
  const r = carryEnvelope(ctx.store, peer, env, idHex, toHex(env.to as Uint8Array), ctx.counters, ctx.clock.now(), limits);
  (r.verdict === 'stored' ? out.stored : out.refused).push(id);
  if (r.taken) out.held.push(idHex);
  out.dropped.push(...r.evicted);
}

/**
 * Returns the ids a proof is now owed for: the envelope when it was newly
 * opened and stored here, except a file's header, which is proven (and
 * acknowledged to its sender) only once the whole file is here.
 */
function acceptOne(ctx: InboundContext, peer: LinkPeer, known: Uint8Array[], env: Envelope, out: InboundOutcome): Uint8Array[] {
  const { store, counters } = ctx;
  let id: Uint8Array;
  try {
    id = envelopeId(env);
  } catch {
    counters.bump('inbound.dropped.malformed');
    return [];
  }
  const idHex = toHex(id);
  if (store.received.doesExist(idHex)) {
    counters.bump('inbound.duplicate');
    out.stored.push(id);
    return [];
  }
  const opened = openEnvelope(env, ctx.me, known, ctx.keys);
  if (opened === null) {
    // Not sealed by anyone we know (or forged): never shown.
    counters.bump('inbound.dropped.unauthenticated');
    out.refused.push(id);
    return [];
  }
  const sender = keyIdHex(opened.sender);
  const now = ctx.clock.now();
  if (store.blocked.doesExist(sender)) {
    // Taken and proven, so carriers drop their copies; never shown, never acknowledged to the sender.
    counters.bump('inbound.blocked');
    remember(store, idHex, now);
    out.stored.push(id);
    return [id];
  }
  let content: Content;
  try {
    content = decodeContent(opened.content);
  } catch {
    counters.bump('inbound.dropped.bad_content');
    out.refused.push(id);
    return [];
  }
  const contact = isContact(store, sender);
  const text = content.text ?? '';
  if (text.length > 0 && utf8.encode(text).length > MAX_TEXT_BYTES) {
    counters.bump('inbound.dropped.too_large');
    out.refused.push(id);
    return [];
  }
  const via = `from ${sender} via node ${peer.nodeId} at ${peer.address}`;
  let file: FileOutcome | undefined;
  if (!contact && (content.attachment || content.piece)) {
    // Files from strangers are not written to disk: not acknowledged, they wait in the network until the sender is accepted.
    counters.bump('inbound.refused.request_file');
    out.refused.push(id);
    return [];
  }
  if (content.attachment || content.piece) {
    const fileCtx = { store, counters, nowMs: now, maxBytes: ctx.attachmentMaxBytes };
    const until = expiresAtMs(now, env.ageS ?? 0, effectiveLifetimeS(env.lifetimeS));
    file = content.attachment
      ? takeHeader(fileCtx, sender, idHex, text, content.attachment, until, via)
      : takePiece(fileCtx, sender, content.piece as NonNullable<Content['piece']>, until);
    if (!file.taken) {
      out.refused.push(id);
      return [];
    }
    if (file.complete !== undefined) {
      out.received.push(file.complete);
      owe(out, sender, fromHex(file.complete.id));
    }
  } else if (text.length > 0) {
    const rec: MessageRecord = { id: idHex, contactId: sender, direction: 'in', text, state: 'delivered', reason: '', timeMs: now, updatedMs: now };
    if (contact) {
      store.messages.put(idHex, rec);
      store.conversations.put([sender, now, idHex], true);
    } else {
      const filed = fileRequest(store, { id: sender, userKey: opened.sender, displayName: senderName(store, peer, sender) }, rec);
      if (!filed.filed) {
        counters.bump(`inbound.refused.${filed.reason}`);
        out.refused.push(id);
        return [];
      }
      rec.request = true;
      counters.bump('inbound.request');
    }
    addTrace(store, idHex, contact ? 'received' : 'received_request', via, now);
    out.received.push(rec);
    owe(out, sender, id);
  }
  if (content.receipt) {
    applyReceipt(ctx, sender, content.receipt.delivered ?? [], 'delivered', now, out);
    applyReceipt(ctx, sender, content.receipt.read ?? [], 'read', now, out);
  }
  remember(store, idHex, now);
  counters.bump('inbound.accepted');
  out.stored.push(id);
  if (content.attachment) return file?.complete !== undefined ? [id] : [];
  return file?.complete !== undefined ? [id, fromHex(file.complete.id)] : [id];
}

/** Marks an envelope taken, for as long as any copy could still be travelling. */
function remember(store: Store, idHex: string, now: number): void {
  store.received.put(idHex, now);
  scheduleExpiry(store, 'received', idHex, now + MAX_LIFETIME_S * 1000);
}

/** The name on the sender's card when the sender is the one on the link, else what is known of them. */
function senderName(store: Store, peer: LinkPeer, sender: string): string {
  if (peer.userId === sender) return peer.displayName;
  return store.contacts.get(sender)?.displayName ?? store.requests.get(sender)?.displayName ?? store.peers.get(sender)?.displayName ?? '';
}

function owe(out: InboundOutcome, sender: string, id: Uint8Array): void {
  const owed = out.receiptsOwed.get(sender) ?? [];
  owed.push(id);
  out.receiptsOwed.set(sender, owed);
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
