/**
 * What to hand a neighbour: every held envelope and proof that routing lets
 * it have, prepared for this transfer (its age now, the copies that go with
 * it, one more hop) and sorted so that a short meeting moves what matters
 * most first.
 */
import type { RoutingStrategy } from '../routing/strategy.js';
import { decodeDeliveryProof, decodeEnvelope, type Envelope } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { CarryRecord, OutboxRecord } from '../store/records.js';
import { PRIORITY, type LinkPeer, type Offer } from '../sync/mailbox.js';
import { byPriority } from '../sync/send-queue.js';
import { currentAgeS, isExpired } from './expiry.js';
import { outboxEntry } from './outbox.js';

export interface OfferContext {
  store: Store;
  routing: RoutingStrategy;
  nowMs: number;
}

/** Carrying-related fields of an envelope for the next hop; proto3 omits zeros. */
function forTransfer(bytes: Uint8Array, ageS: number, copies: number, hops: number): Envelope {
  const env = decodeEnvelope(bytes);
  delete env.ageS;
  delete env.copies;
  delete env.hops;
  if (ageS > 0) env.ageS = ageS;
  if (copies > 0) env.copies = copies;
  if (hops > 0) env.hops = hops;
  return env;
}

function ownOffer(ctx: OfferContext, rec: OutboxRecord, peer: LinkPeer): Offer | undefined {
  const lifetimeS = rec.lifetimeS;
  if (lifetimeS !== undefined && isExpired(rec.createdMs, 0, lifetimeS, ctx.nowMs)) return undefined;
  const ageS = currentAgeS(rec.createdMs, 0, ctx.nowMs);
  const toPeer = rec.to === peer.userId;
  const bytes = rec.envelope.length;
  let copiesGiven = 0;
  if (!toPeer) {
    if ((rec.handedTo ?? []).includes(peer.nodeId)) return undefined;
    const d = ctx.routing.decide({ to: rec.to, own: true, copies: rec.copies ?? 0, hops: 0, sizeBytes: bytes, ageS }, { nodeId: peer.nodeId, userId: peer.userId }, ctx.nowMs);
    if (!d.give) return undefined;
    copiesGiven = d.copiesGiven;
  }
  return {
    id: rec.id, to: rec.to, bytes, copiesGiven, order: rec.createdMs,
    priority: rec.kind === 'receipt' ? PRIORITY.receipt : rec.kind === 'piece' ? PRIORITY.ownPiece : toPeer ? PRIORITY.forPeer : PRIORITY.own,
    envelope: forTransfer(rec.envelope, ageS, copiesGiven, toPeer ? 0 : 1),
  };
}

function carriedOffer(ctx: OfferContext, rec: CarryRecord, peer: LinkPeer): Offer | undefined {
  if (isExpired(rec.receivedMs, rec.ageS, rec.lifetimeS, ctx.nowMs)) return undefined;
  const toPeer = rec.to === peer.userId;
  if (!toPeer && (rec.handedTo.includes(peer.nodeId) || rec.source === peer.nodeId)) return undefined;
  const ageS = currentAgeS(rec.receivedMs, rec.ageS, ctx.nowMs);
  const bytes = rec.envelope.length;
  let copiesGiven = 0;
  if (!toPeer) {
    const d = ctx.routing.decide({ to: rec.to, own: false, copies: rec.copies, hops: rec.hops, sizeBytes: bytes, ageS }, { nodeId: peer.nodeId, userId: peer.userId }, ctx.nowMs);
    if (!d.give) return undefined;
    copiesGiven = d.copiesGiven;
  }
  return {
    id: rec.id, to: rec.to, bytes, copiesGiven, order: rec.receivedMs,
    priority: toPeer ? PRIORITY.forPeer : PRIORITY.carried,
    envelope: forTransfer(rec.envelope, ageS, copiesGiven, toPeer ? rec.hops : rec.hops + 1),
  };
}

function proofOffer(ctx: OfferContext, id: string): Offer | undefined {
  const rec = ctx.store.proofs.get(id);
  if (rec === undefined || isExpired(rec.receivedMs, rec.ageS, rec.lifetimeS, ctx.nowMs)) return undefined;
  const proof = decodeDeliveryProof(rec.proof);
  const ageS = currentAgeS(rec.receivedMs, rec.ageS, ctx.nowMs);
  delete proof.ageS;
  if (ageS > 0) proof.ageS = ageS;
  return { id, to: '', bytes: rec.proof.length, copiesGiven: 0, priority: PRIORITY.proof, proof, order: rec.receivedMs };
}

function offerOne(ctx: OfferContext, id: string, peer: LinkPeer): Offer | undefined {
  const own = outboxEntry(ctx.store, id);
  if (own !== undefined) return ownOffer(ctx, own, peer);
  const carried = ctx.store.carry.get(id);
  if (carried !== undefined) return carriedOffer(ctx, carried, peer);
  return proofOffer(ctx, id);
}

export function offersFor(ctx: OfferContext, peer: LinkPeer, ids?: Iterable<string>): Offer[] {
  const out: Offer[] = [];
  const source = ids ?? [...allIds(ctx.store)];
  for (const id of source) {
    const o = offerOne(ctx, id, peer);
    if (o !== undefined) out.push(o);
  }
  return out.sort(byPriority);
}

function* allIds(store: Store): Iterable<string> {
  for (const { key } of store.outboxIds.getRange({})) yield key;
  for (const key of store.carry.getKeys({})) yield key;
  for (const key of store.proofs.getKeys({})) yield key;
}
