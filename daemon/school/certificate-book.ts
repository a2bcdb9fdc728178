/**
 * The certificates and revocations a laptop knows: answers "is this user
 * vouched for, as what name and class", and holds everything it took so it
 * can be handed on. Revocations win over certificates whatever order they
 * arrive in: a revoked certificate is dropped and never taken again. Bounded
 * in entries, with an optional persistent cache behind it.
 *
 * Every add takes input from the network and never throws on it; it says
 * what happened instead, with a reason that doubles as a counter suffix.
 */
import { keyIdHex, toHex } from '../crypto/keys.js';
import { isBytes } from '../crypto/bytes.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { Clock } from '../util/clock.js';
import { encodeSchoolCertificate, encodeSchoolRevocation, type SchoolCertificate, type SchoolRevocation } from '../wire/messages.js';
import { checkCertificate, type CertificateRejection, type CheckedCertificate } from './certificate.js';
import { checkRevocation, type CheckedRevocation, type RevocationRejection } from './revocation.js';
import { isSchoolKeys, type SchoolKeys } from './school-keys.js';
import { isExpired } from './validity.js';

/** Certificates kept, default: a large school's children with room for reissues (about 0.6 MB at about 140 bytes each). */
export const DEFAULT_MAX_CERTIFICATES = 4096;
/** Revoked certificate ids plus user keys kept, default (about 0.5 MB). */
export const DEFAULT_MAX_REVOKED_ENTRIES = 16384;

export interface CachedEntry {
  id: string;
  encoded: Uint8Array;
}

/** Where a book keeps what it took across restarts. Encoded bytes in, encoded bytes out. */
export interface CertificateCache {
  /** What was kept, by the id it was kept under. */
  load(): { certificates: CachedEntry[]; revocations: CachedEntry[] };
  putCertificate(id: string, encoded: Uint8Array): void;
  deleteCertificate(id: string): void;
  putRevocation(id: string, encoded: Uint8Array): void;
}

export interface Vouch {
  userId: string;
  userKey: Uint8Array;
  displayName: string;
  className: string;
  schoolId: string;
  certificateId: string;
  /** School's clock, Unix seconds: informative. */
  validFromS: number;
  validUntilS: number;
}

export type CertificateAdd =
  | { result: 'added' | 'duplicate'; id: string }
  | { result: 'revoked'; id: string }
  | { result: 'full'; id: string }
  | { result: 'rejected'; reason: CertificateRejection };

export type RevocationAdd =
  | { result: 'added'; id: string; removed: string[] }
  | { result: 'duplicate' | 'full'; id: string }
  | { result: 'rejected'; reason: RevocationRejection };

export interface CertificateBook {
  addCertificate(raw: unknown): CertificateAdd;
  addRevocation(raw: unknown): RevocationAdd;
  /** The certificate that vouches for this user key (or 16-hex user id) now, if any: the newest by the school's validity start. */
  vouched(user: Uint8Array | string): Vouch | undefined;
  /** Every vouched user, one entry each. */
  list(): Vouch[];
  /** Ids (hex) of what can be handed on: revocations first. */
  ids(): { certificates: string[]; revocations: string[] };
  certificate(id: string): SchoolCertificate | undefined;
  revocation(id: string): SchoolRevocation | undefined;
  has(id: string): boolean;
}

export interface CertificateBookOptions {
  schoolKeys: SchoolKeys;
  clock: Clock;
  cache?: CertificateCache;
  maxCertificates?: number;
  maxRevokedEntries?: number;
}

function positiveInt(v: unknown, fallback: number, what: string): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw SatchelError.invalidArgument(`${what} must be a positive integer`);
  return v;
}

export function createCertificateBook(o: CertificateBookOptions): CertificateBook {
  if (typeof o !== 'object' || o === null) throw SatchelError.invalidArgument('certificate book options missing');
  if (!isSchoolKeys(o.schoolKeys)) throw SatchelError.invalidArgument('schoolKeys must come from trustSchoolKeys');
  if (typeof o.clock?.now !== 'function') throw SatchelError.invalidArgument('clock must be a Clock');
  const maxCerts = positiveInt(o.maxCertificates, DEFAULT_MAX_CERTIFICATES, 'maxCertificates');
  const maxRevoked = positiveInt(o.maxRevokedEntries, DEFAULT_MAX_REVOKED_ENTRIES, 'maxRevokedEntries');
  const { schoolKeys, clock, cache } = o;

  const certs = new Map<string, CheckedCertificate>();
  const byUser = new Map<string, Set<string>>();
  const revocations = new Map<string, CheckedRevocation>();
  /** `${schoolId}/${certId}` and `${schoolId}/key/${userKeyHex}`: a school revokes only its own certificates. */
  const revoked = new Set<string>();

  const isRevoked = (c: CheckedCertificate): boolean =>
    revoked.has(`${c.schoolId}/${c.id}`) || revoked.has(`${c.schoolId}/key/${toHex(c.userKey)}`);

  function dropCert(id: string): void {
    const c = certs.get(id);
    if (c === undefined) return;
    certs.delete(id);
    const set = byUser.get(c.userId);
    set?.delete(id);
    if (set?.size === 0) byUser.delete(c.userId);
    cache?.deleteCertificate(id);
  }

  /** Makes room for one: expired first, then the one ending soonest, if it ends before `untilS`. */
  function makeRoom(untilS: number): boolean {
    if (certs.size < maxCerts) return true;
    const now = clock.now();
    let victim: CheckedCertificate | undefined;
    for (const c of certs.values()) {
      if (isExpired(c.validUntilS, now)) { victim = c; break; }
      if (victim === undefined || c.validUntilS < victim.validUntilS) victim = c;
    }
    if (victim === undefined || (!isExpired(victim.validUntilS, now) && victim.validUntilS >= untilS)) return false;
    dropCert(victim.id);
    return true;
  }

  function addCertificate(raw: unknown, persist: boolean): CertificateAdd {
    const checked = checkCertificate(raw, schoolKeys, clock.now());
    if (!checked.ok) return { result: 'rejected', reason: checked.reason };
    const c = checked.certificate;
    if (isRevoked(c)) return { result: 'revoked', id: c.id };
    if (certs.has(c.id)) return { result: 'duplicate', id: c.id };
    if (!makeRoom(c.validUntilS)) return { result: 'full', id: c.id };
    certs.set(c.id, c);
    let set = byUser.get(c.userId);
    if (set === undefined) byUser.set(c.userId, (set = new Set()));
    set.add(c.id);
    if (persist) cache?.putCertificate(c.id, encodeSchoolCertificate(c.certificate));
    return { result: 'added', id: c.id };
  }

  function addRevocation(raw: unknown, persist: boolean): RevocationAdd {
    const checked = checkRevocation(raw, schoolKeys);
    if (!checked.ok) return { result: 'rejected', reason: checked.reason };
    const r = checked.revocation;
    if (revocations.has(r.id)) return { result: 'duplicate', id: r.id };
    const entries = [...r.certificateIds.map((id) => `${r.schoolId}/${id}`), ...r.userKeys.map((k) => `${r.schoolId}/key/${k}`)];
    const fresh = entries.filter((e) => !revoked.has(e));
    if (revoked.size + fresh.length > maxRevoked) return { result: 'full', id: r.id };
    for (const e of fresh) revoked.add(e);
    revocations.set(r.id, r);
    if (persist) cache?.putRevocation(r.id, encodeSchoolRevocation(r.revocation));
    const removed: string[] = [];
    for (const c of [...certs.values()]) {
      if (isRevoked(c)) {
        dropCert(c.id);
        removed.push(c.id);
      }
    }
    return { result: 'added', id: r.id, removed };
  }

  function vouchOf(c: CheckedCertificate): Vouch {
    return {
      userId: c.userId, userKey: Uint8Array.from(c.userKey), displayName: c.displayName, className: c.className,
      schoolId: c.schoolId, certificateId: c.id, validFromS: c.validFromS, validUntilS: c.validUntilS,
    };
  }

  function best(userId: string, key: string | undefined): CheckedCertificate | undefined {
    const now = clock.now();
    let pick: CheckedCertificate | undefined;
    for (const id of byUser.get(userId) ?? []) {
      const c = certs.get(id);
      if (c === undefined || isExpired(c.validUntilS, now)) continue;
      if (key !== undefined && toHex(c.userKey) !== key) continue;
      if (pick === undefined || c.validFromS > pick.validFromS || (c.validFromS === pick.validFromS && c.id > pick.id)) pick = c;
    }
    return pick;
  }

  // Revocations first, so a revoked certificate in the cache never counts, even for a moment.
  if (cache !== undefined) {
    const { certificates, revocations: revs } = cache.load();
    for (const r of revs) addRevocation(r.encoded, false);
    for (const c of certificates) {
      const out = addCertificate(c.encoded, false);
      // Keys changed at re-imaging, expired or revoked: not worth keeping.
      // (A revocation from an untrusted school stays: it costs little and cannot vouch for anyone.)
      if (out.result !== 'added' && out.result !== 'duplicate') cache.deleteCertificate(c.id);
    }
  }

  return {
    addCertificate: (raw) => addCertificate(raw, true),
    addRevocation: (raw) => addRevocation(raw, true),
    vouched(user) {
      if (isBytes(user, 32)) return ((c) => (c === undefined ? undefined : vouchOf(c)))(best(keyIdHex(user), toHex(user)));
      if (typeof user === 'string' && /^[0-9a-f]{16}$/.test(user)) {
        const c = best(user, undefined);
        return c === undefined ? undefined : vouchOf(c);
      }
      throw SatchelError.invalidArgument('user must be a 32-byte user key or a 16-hex-digit user id');
    },
    list() {
      const out: Vouch[] = [];
      for (const userId of byUser.keys()) {
        const c = best(userId, undefined);
        if (c !== undefined) out.push(vouchOf(c));
      }
      return out.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId));
    },
    ids: () => ({ certificates: [...certs.keys()], revocations: [...revocations.keys()] }),
    certificate: (id) => certs.get(id)?.certificate,
    revocation: (id) => revocations.get(id)?.revocation,
    has: (id) => certs.has(id) || revocations.has(id),
  };
}
