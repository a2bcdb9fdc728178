/**
 * Taking an envelope for someone else. The carrier cannot open it; it checks
 * what the envelope shows (lifetime, age, whether a proof says it arrived
 * already) and whether the source's share and the carry area have room.
 * Only called inside a store transaction.
 */
import type { Envelope } from '../wire/messages.js';
import { encodeEnvelope } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { CarryRecord } from '../store/records.js';
import type { Counters } from '../util/counters.js';
import type { LinkPeer } from '../sync/mailbox.js';
import { takeCarried } from './carry-area.js';
import { effectiveLifetimeS } from './expiry.js';
import { MAX_LIFETIME_S } from './lifetime.js';
import { isKnownDelivered } from './proof-book.js';
import type { CarryLimits } from './quotas.js';

export type CarryVerdict = 'stored' | 'refused';

export interface CarryIn {
  verdict: CarryVerdict;
  /** Ids evicted to make room. */
  evicted: string[];
  /** True when the envelope is new here. */
  taken: boolean;
}

export function carryEnvelope(
  store: Store, peer: LinkPeer, env: Envelope, idHex: string, to: string, counters: Counters, nowMs: number, limits: CarryLimits,
): CarryIn {
  const refuse = (why: string): CarryIn => {
    counters.bump(`carry.refused.${why}`);
    return { verdict: 'refused', evicted: [], taken: false };
  };
  if (isKnownDelivered(store, idHex)) return refuse('delivered');
  if (store.carry.doesExist(idHex) || store.outboxIds.doesExist(idHex)) {
    counters.bump('carry.duplicate');
    return { verdict: 'stored', evicted: [], taken: false };
  }
  const lifetimeS = effectiveLifetimeS(env.lifetimeS);
  const ageS = env.ageS ?? 0;
  if (lifetimeS > MAX_LIFETIME_S) return refuse('lifetime');
  if (ageS >= lifetimeS) return refuse('expired');
  // Stored without the per-hop fields: they live in the record and are rewritten on each transfer.
  const bare: Envelope = { ...env };
  delete bare.ageS;
  delete bare.copies;
  delete bare.hops;
  const rec: CarryRecord = {
    id: idHex, to, source: peer.nodeId, envelope: encodeEnvelope(bare), receivedMs: nowMs, ageS, lifetimeS,
    copies: env.copies ?? 0, hops: env.hops ?? 0, handedTo: [peer.nodeId],
  };
  const r = takeCarried(store, rec, limits);
  if (!r.taken) return refuse(r.reason);
  counters.bump('carry.taken');
  if (r.evicted.length > 0) counters.bump('carry.evicted', r.evicted.length);
  return { verdict: 'stored', evicted: r.evicted.map((e) => e.id), taken: true };
}
