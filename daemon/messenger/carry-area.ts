/**
 * The carry area: sealed envelopes held for other people, with a byte quota
 * for the whole area and a share per source. Only called inside a store
 * transaction, so the byte counts and the records never disagree.
 *
 * Eviction order when the area is full (docs/carrying.md):
 *  1. expired envelopes (the sweeper removes them as they fall due);
 *  2. envelopes known delivered (dropped as soon as a proof arrives);
 *  3. from the source using the most bytes: the envelope handed on to the
 *     most carriers, then the oldest.
 * A source at its share gets new envelopes refused instead: a flood from one
 * neighbour fills only its share and pushes out nobody else's messages.
 * The user's own messages live in the outbox and are never evicted.
 */
import type { Store } from '../store/store.js';
import type { CarryRecord } from '../store/records.js';
import { expiresAtMs, scheduleExpiry, unscheduleExpiry } from './expiry.js';
import type { CarryLimits } from './quotas.js';

const BYTES_KEY = 'carryBytes';

export function carryBytes(store: Store): number {
  const v = store.meta.get(BYTES_KEY);
  return typeof v === 'number' ? v : 0;
}

function addBytes(store: Store, source: string, delta: number): void {
  store.meta.put(BYTES_KEY, Math.max(0, carryBytes(store) + delta));
  const next = (store.carrySources.get(source) ?? 0) + delta;
  if (next > 0) store.carrySources.put(source, next);
  else store.carrySources.remove(source);
}

export type CarryOutcome = { taken: true; evicted: CarryRecord[] } | { taken: false; reason: 'source_share' | 'too_large' };

export function takeCarried(store: Store, rec: CarryRecord, limits: CarryLimits): CarryOutcome {
  const size = rec.envelope.length;
  if (size > limits.sourceShareBytes || size > limits.quotaBytes) return { taken: false, reason: 'too_large' };
  if ((store.carrySources.get(rec.source) ?? 0) + size > limits.sourceShareBytes) return { taken: false, reason: 'source_share' };
  const evicted: CarryRecord[] = [];
  while (carryBytes(store) + size > limits.quotaBytes) {
    const victim = pickVictim(store);
    if (victim === undefined) break;
    dropCarried(store, victim.id);
    evicted.push(victim);
  }
  store.carry.put(rec.id, rec);
  store.carryByTo.put([rec.to, rec.id], true);
  store.carryBySource.put([rec.source, rec.id], true);
  addBytes(store, rec.source, size);
  scheduleExpiry(store, 'carry', rec.id, expiresAtMs(rec.receivedMs, rec.ageS, rec.lifetimeS));
  return { taken: true, evicted };
}

export function dropCarried(store: Store, id: string): CarryRecord | undefined {
  const rec = store.carry.get(id);
  if (rec === undefined) return undefined;
  store.carry.remove(id);
  store.carryByTo.remove([rec.to, id]);
  store.carryBySource.remove([rec.source, id]);
  addBytes(store, rec.source, -rec.envelope.length);
  unscheduleExpiry(store, 'carry', id, expiresAtMs(rec.receivedMs, rec.ageS, rec.lifetimeS));
  return rec;
}

/** Rewrites a carried record in place (copies left, carriers handed to); sizes do not change. */
export function updateCarried(store: Store, rec: CarryRecord): void {
  if (store.carry.doesExist(rec.id)) store.carry.put(rec.id, rec);
}

function pickVictim(store: Store): CarryRecord | undefined {
  let biggest: string | undefined;
  let most = 0;
  for (const { key, value } of store.carrySources.getRange({})) {
    if (value > most) { most = value; biggest = key; }
  }
  if (biggest === undefined) return undefined;
  let victim: CarryRecord | undefined;
  for (const { key } of store.carryBySource.getRange({ start: [biggest], end: [biggest, '\uffff'] })) {
    const rec = store.carry.get(key[1]);
    if (rec === undefined) continue;
    if (victim === undefined || rec.handedTo.length > victim.handedTo.length
      || (rec.handedTo.length === victim.handedTo.length && rec.receivedMs < victim.receivedMs)) victim = rec;
  }
  return victim;
}

/** Envelopes carried for one recipient. */
export function carriedFor(store: Store, to: string): CarryRecord[] {
  const out: CarryRecord[] = [];
  for (const { key } of store.carryByTo.getRange({ start: [to], end: [to, '\uffff'] })) {
    const rec = store.carry.get(key[1]);
    if (rec !== undefined) out.push(rec);
  }
  return out;
}
