/**
 * Who the user keeps, and how far each is trusted. Trust is worked out from
 * the record, never stored as a word: 'verified' holds only while the keys
 * compared in person are still both users' keys, so a key that changes
 * loses its verification without anyone having to remember to clear it.
 * Functions that take a store and change it run inside the caller's
 * transaction.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes } from '@noble/curves/utils.js';
import { fingerprint } from '../crypto/fingerprint.js';
import { isBytes } from '../crypto/bytes.js';
import { keyIdHex, PUBLIC_KEY_BYTES } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { Store } from '../store/store.js';
import type { ContactRecord } from '../store/records.js';
import type { ContactInfo, ContactToImport, ImportResult, Trust } from './api.js';
import { checkDisplayName } from './validate.js';

/** Contacts held as pending at once: an import is refused whole beyond this. */
export const MAX_PENDING_CONTACTS = 256;
/** Entries one import may bring. */
export const MAX_IMPORT_ENTRIES = MAX_PENDING_CONTACTS;
/** Longest origin text kept with a pending contact, in characters. */
export const MAX_ORIGIN_CHARS = 64;

export function isVerified(c: ContactRecord, myKey: Uint8Array): boolean {
  const v = c.verified;
  return v !== undefined && equalBytes(new Uint8Array(v.mine), myKey) && equalBytes(new Uint8Array(v.theirs), new Uint8Array(c.userKey));
}

export function trustOf(c: ContactRecord, myKey: Uint8Array): Exclude<Trust, 'nearby'> {
  if (c.pending === true) return 'pending';
  return isVerified(c, myKey) ? 'verified' : 'added';
}

/** A contact that counts: in the buddy list, its messages in the inbox. */
export function isContact(store: Store, id: string): boolean {
  const c = store.contacts.get(id);
  return c !== undefined && c.pending !== true;
}

export function contactInfo(c: ContactRecord, myKey: Uint8Array): ContactInfo {
  const trust = trustOf(c, myKey);
  return {
    id: c.id, displayName: c.displayName, fingerprint: fingerprint(new Uint8Array(c.userKey)), trust, verified: trust === 'verified',
    addedMs: c.addedMs, verifiedMs: trust === 'verified' ? (c.verified?.atMs ?? 0) : 0, failedChecks: c.failedChecks ?? 0,
    origin: c.pending === true ? (c.origin ?? '') : '',
  };
}

/** Someone's key and name as this laptop knows them: contact, then request, then someone met. */
export function knownPerson(store: Store, id: string): { userKey: Uint8Array; displayName: string } | undefined {
  const r = store.contacts.get(id) ?? store.requests.get(id) ?? store.peers.get(id);
  return r === undefined ? undefined : { userKey: new Uint8Array(r.userKey), displayName: r.displayName };
}

/** The record as an added contact (confirmed if it was pending); created from what is known of `id`. */
export function asAddedContact(store: Store, id: string, nowMs: number): ContactRecord {
  const existing = store.contacts.get(id);
  if (existing !== undefined) {
    if (existing.pending !== true) return existing;
    const { pending: _p, origin: _o, ...rest } = existing;
    return { ...rest, addedMs: nowMs };
  }
  const who = knownPerson(store, id);
  if (who === undefined) throw SatchelError.unknownContact(id);
  return { id, userKey: who.userKey, displayName: who.displayName, addedMs: nowMs };
}

function checkImportEntry(e: unknown, i: number, myKey: Uint8Array): { id: string; userKey: Uint8Array; displayName: string } {
  if (typeof e !== 'object' || e === null) throw SatchelError.invalidArgument(`contacts[${i}] must be an object`);
  const { userKey, displayName } = e as Partial<ContactToImport>;
  if (!isBytes(userKey, PUBLIC_KEY_BYTES)) throw SatchelError.invalidArgument(`contacts[${i}].user_key must be ${PUBLIC_KEY_BYTES} bytes`);
  let valid = false;
  try {
    valid = !ed25519.Point.fromBytes(userKey).isSmallOrder();
  } catch {
    valid = false;
  }
  if (!valid) throw SatchelError.invalidArgument(`contacts[${i}].user_key is not a usable Ed25519 public key`);
  if (equalBytes(userKey, myKey)) throw SatchelError.invalidArgument(`contacts[${i}] is this laptop's own user`);
  const name = typeof displayName === 'string' && displayName === '' ? '' : checkDisplayName(displayName);
  return { id: keyIdHex(userKey), userKey: Uint8Array.from(userKey), displayName: name };
}

export function checkOrigin(origin: unknown): string {
  if (typeof origin !== 'string' || origin.length > MAX_ORIGIN_CHARS || /[\p{Cc}]/u.test(origin)) {
    throw SatchelError.invalidArgument(`origin must be text of at most ${MAX_ORIGIN_CHARS} characters without control characters`);
  }
  return origin;
}

/**
 * Holds contacts made elsewhere as pending. Everything is checked before
 * anything is written, so a bad entry changes nothing. A contact already
 * here is left alone; one whose id is taken by a different key is refused,
 * since it can only be a forgery.
 */
export function importPending(store: Store, list: unknown, rawOrigin: unknown, myKey: Uint8Array, nowMs: number): ImportResult & { records: ContactRecord[] } {
  if (!Array.isArray(list)) throw SatchelError.invalidArgument('contacts must be a list');
  if (list.length > MAX_IMPORT_ENTRIES) throw SatchelError.invalidArgument(`at most ${MAX_IMPORT_ENTRIES} contacts per import`);
  const origin = checkOrigin(rawOrigin);
  const entries = list.map((e, i) => checkImportEntry(e, i, myKey));
  const out: ImportResult & { records: ContactRecord[] } = { pending: [], known: [], records: [] };
  const fresh = new Map<string, ContactRecord>();
  for (const e of entries) {
    const existing = store.contacts.get(e.id);
    if (existing !== undefined && !equalBytes(new Uint8Array(existing.userKey), e.userKey)) {
      throw SatchelError.invalidArgument(`contact ${e.id} is already here with a different key`);
    }
    if (existing !== undefined && existing.pending !== true) {
      out.known.push(e.id);
      continue;
    }
    fresh.set(e.id, { id: e.id, userKey: e.userKey, displayName: e.displayName || existing?.displayName || '', addedMs: nowMs, pending: true, origin });
  }
  let pendingNow = 0;
  for (const { value } of store.contacts.getRange({})) if (value.pending === true && !fresh.has(value.id)) pendingNow++;
  if (pendingNow + fresh.size > MAX_PENDING_CONTACTS) {
    throw SatchelError.storeFull(`at most ${MAX_PENDING_CONTACTS} contacts wait for confirmation; confirm or remove some first`);
  }
  for (const rec of fresh.values()) {
    store.contacts.put(rec.id, rec);
    out.pending.push(rec.id);
    out.records.push(rec);
  }
  return out;
}

/** The user's answer after comparing codes; returns the record as now stored. */
export function recordComparison(store: Store, id: string, myKey: Uint8Array, theirKey: Uint8Array, matches: boolean, nowMs: number): ContactRecord {
  const c = store.contacts.get(id);
  if (c === undefined) throw SatchelError.unknownContact(id);
  // The code shown was over this key; a record changed since must not be verified by it.
  if (!equalBytes(new Uint8Array(c.userKey), theirKey)) throw SatchelError.invalidArgument(`contact ${id} changed while its code was shown; compare again`);
  const { verified: _v, pending: _p, origin: _o, ...rest } = c;
  const next: ContactRecord = matches
    ? { ...rest, verified: { mine: Uint8Array.from(myKey), theirs: Uint8Array.from(theirKey), atMs: nowMs } }
    // A mismatch says someone may be in the middle: any earlier verification goes too.
    : { ...rest, ...(c.pending === true ? { pending: true, ...(c.origin !== undefined ? { origin: c.origin } : {}) } : {}), failedChecks: (c.failedChecks ?? 0) + 1, lastFailedMs: nowMs };
  store.contacts.put(id, next);
  return next;
}
