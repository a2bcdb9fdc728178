/**
 * Lifetimes that survive wrong clocks. A message carries its age in seconds;
 * each laptop adds only the time it held the message, measured on its own
 * clock, and never compares its clock with a time stamp from another laptop.
 * So two laptops whose clocks are a year apart agree on how old a message is.
 * A clock that jumps back while a message is held counts as no time passing.
 *
 * Everything that expires has one entry in the `expiries` index, keyed by
 * local wall ms, so the sweeper finds the next due entry without scanning.
 */
import type { Store } from '../store/store.js';
import type { ExpiringKind } from '../store/records.js';
import { DEFAULT_LIFETIME_S, MAX_LIFETIME_S } from './lifetime.js';

/** The lifetime an envelope's field stands for: 0 means the default. */
export function effectiveLifetimeS(wireLifetimeS: number | null | undefined): number {
  const l = wireLifetimeS ?? 0;
  return l === 0 ? DEFAULT_LIFETIME_S : l;
}

/** Age in whole seconds now, given the age on arrival and the local arrival time. */
export function currentAgeS(receivedMs: number, ageOnArrivalS: number, nowMs: number): number {
  return ageOnArrivalS + Math.floor(Math.max(0, nowMs - receivedMs) / 1000);
}

/** Local wall ms at which something that arrived `ageS` old with `lifetimeS` expires. */
export function expiresAtMs(receivedMs: number, ageS: number, lifetimeS: number): number {
  return receivedMs + Math.max(0, Math.min(lifetimeS, MAX_LIFETIME_S) - ageS) * 1000;
}

export function isExpired(receivedMs: number, ageS: number, lifetimeS: number, nowMs: number): boolean {
  return currentAgeS(receivedMs, ageS, nowMs) >= Math.min(lifetimeS, MAX_LIFETIME_S);
}

export function scheduleExpiry(store: Store, kind: ExpiringKind, id: string, atMs: number): void {
  store.expiries.put([atMs, kind, id], true);
}

export function unscheduleExpiry(store: Store, kind: ExpiringKind, id: string, atMs: number): void {
  store.expiries.remove([atMs, kind, id]);
}

export interface DueEntry {
  atMs: number;
  kind: ExpiringKind;
  id: string;
}

/** Entries due at or before `nowMs`, earliest first, at most `limit`. */
export function dueEntries(store: Store, nowMs: number, limit: number): DueEntry[] {
  const out: DueEntry[] = [];
  for (const { key } of store.expiries.getRange({ start: [0], end: [nowMs, '\uffff'], limit })) {
    const [atMs, kind, id] = key;
    out.push({ atMs, kind, id });
  }
  return out;
}

/** Local wall ms of the earliest entry, if any. */
export function nextExpiryMs(store: Store): number | undefined {
  for (const { key } of store.expiries.getRange({ limit: 1 })) return key[0];
  return undefined;
}
