/**
 * School revocations: the school withdraws certificates by id (a class
 * changed; a new certificate may follow) or every certificate for a user
 * key (a key lost or stolen). A revocation has no validity: it holds for
 * as long as a laptop keeps it, and the book keeps it ahead of certificates.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { isBytes, isUint32, uint32BE } from '../crypto/bytes.js';
import { checkKeyPair, fromHex, keyId, PUBLIC_KEY_BYTES, toHex, type KeyPair } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import { decodeSchoolRevocation, KEY_ID_BYTES, MESSAGE_ID_BYTES, type SchoolRevocation } from '../wire/messages.js';
import { SCHOOL_DOMAIN } from './school-domain.js';
import { isSchoolKeys, verifiedBy, type SchoolKeys } from './school-keys.js';

/** Most certificate ids plus user keys in one revocation: keeps it well inside a frame (about 40 KB at most). */
export const MAX_REVOKED_PER_REVOCATION = 1024;
/** Largest encoded revocation taken from anywhere, in bytes. */
export const MAX_REVOCATION_BYTES = 48 * 1024;

export interface RevocationFields {
  /** 16-byte certificate ids (or 32 hex digits). */
  certificates?: readonly (Uint8Array | string)[];
  /** 32-byte user keys whose every certificate from this school is void. */
  userKeys?: readonly Uint8Array[];
  /** School's clock, Unix seconds; informative. */
  issuedS: number;
}

export interface CheckedRevocation {
  /** 32 hex digits. */
  id: string;
  schoolId: string;
  /** Hex certificate ids. */
  certificateIds: string[];
  /** Hex user keys (64 digits each). */
  userKeys: string[];
  issuedS: number;
  revocation: SchoolRevocation;
}

export type RevocationRejection = 'malformed' | 'oversized' | 'unknown_school' | 'empty' | 'too_many' | 'bad_signature';
export type RevocationCheck = { ok: true; revocation: CheckedRevocation } | { ok: false; reason: RevocationRejection };

function signedBytes(school: Uint8Array, certs: readonly Uint8Array[], keys: readonly Uint8Array[], issuedS: number): Uint8Array {
  return concatBytes(
    SCHOOL_DOMAIN.revocation, school,
    uint32BE(certs.length), ...certs, uint32BE(keys.length), ...keys, uint32BE(issuedS),
  );
}

function certId(v: Uint8Array | string): Uint8Array {
  if (typeof v === 'string' && /^[0-9a-fA-F]{32}$/.test(v)) return fromHex(v.toLowerCase());
  if (isBytes(v, MESSAGE_ID_BYTES)) return Uint8Array.from(v);
  throw SatchelError.invalidArgument(`a certificate id is ${MESSAGE_ID_BYTES} bytes or ${MESSAGE_ID_BYTES * 2} hex digits`);
}

/** Signs a revocation with the school's key pair. Throws INVALID_ARGUMENT for unusable fields. */
export function issueRevocation(schoolKey: KeyPair, fields: RevocationFields): SchoolRevocation {
  checkKeyPair(schoolKey, 'school');
  if (typeof fields !== 'object' || fields === null) throw SatchelError.invalidArgument('revocation fields missing');
  const rawCerts = fields.certificates ?? [];
  const rawKeys = fields.userKeys ?? [];
  if (!Array.isArray(rawCerts) || !Array.isArray(rawKeys)) throw SatchelError.invalidArgument('certificates and userKeys must be lists');
  const n = rawCerts.length + rawKeys.length;
  if (n === 0 || n > MAX_REVOKED_PER_REVOCATION) throw SatchelError.invalidArgument(`a revocation names 1 to ${MAX_REVOKED_PER_REVOCATION} certificates and keys`);
  const certs = rawCerts.map(certId);
  const keys = rawKeys.map((k) => {
    if (!isBytes(k, PUBLIC_KEY_BYTES)) throw SatchelError.invalidArgument(`a revoked user key is ${PUBLIC_KEY_BYTES} bytes`);
    return Uint8Array.from(k);
  });
  if (!isUint32(fields.issuedS)) throw SatchelError.invalidArgument('issuedS must be Unix seconds (uint32)');
  const school = keyId(schoolKey.publicKey);
  const signature = ed25519.sign(signedBytes(school, certs, keys, fields.issuedS), schoolKey.secretKey);
  const r: SchoolRevocation = { school, signature };
  if (certs.length > 0) r.certificates = certs;
  if (keys.length > 0) r.userKeys = keys;
  if (fields.issuedS !== 0) r.issuedS = fields.issuedS;
  return r;
}

function decoded(raw: unknown): SchoolRevocation | RevocationRejection {
  if (raw instanceof Uint8Array) {
    if (raw.length > MAX_REVOCATION_BYTES) return 'oversized';
    try {
      return decodeSchoolRevocation(raw);
    } catch {
      return 'malformed';
    }
  }
  if (typeof raw !== 'object' || raw === null) return 'malformed';
  return raw as SchoolRevocation;
}

/** Checks a revocation (encoded or decoded) against the trusted school keys; never throws on the revocation. */
export function checkRevocation(raw: unknown, schoolKeys: SchoolKeys): RevocationCheck {
  if (!isSchoolKeys(schoolKeys)) throw SatchelError.invalidArgument('schoolKeys must come from trustSchoolKeys');
  const r = decoded(raw);
  if (typeof r === 'string') return { ok: false, reason: r };
  const no = (reason: RevocationRejection): RevocationCheck => ({ ok: false, reason });
  const certs = r.certificates ?? [];
  const keys = r.userKeys ?? [];
  const issuedS = r.issuedS ?? 0;
  if (!isBytes(r.school, KEY_ID_BYTES) || !Array.isArray(certs) || !Array.isArray(keys) || !isUint32(issuedS)) return no('malformed');
  const schoolKey = schoolKeys.byId.get(toHex(r.school));
  if (schoolKey === undefined) return no('unknown_school');
  if (certs.length + keys.length === 0) return no('empty');
  if (certs.length + keys.length > MAX_REVOKED_PER_REVOCATION) return no('too_many');
  if (!certs.every((c) => isBytes(c, MESSAGE_ID_BYTES)) || !keys.every((k) => isBytes(k, PUBLIC_KEY_BYTES))) return no('malformed');
  const signed = signedBytes(r.school, certs, keys, issuedS);
  if (!verifiedBy(schoolKey, r.signature, signed)) return no('bad_signature');
  const copyC = certs.map((c) => Uint8Array.from(c));
  const copyK = keys.map((k) => Uint8Array.from(k));
  const revocation: SchoolRevocation = { school: Uint8Array.from(r.school), signature: Uint8Array.from(r.signature as Uint8Array) };
  if (copyC.length > 0) revocation.certificates = copyC;
  if (copyK.length > 0) revocation.userKeys = copyK;
  if (issuedS !== 0) revocation.issuedS = issuedS;
  return {
    ok: true,
    revocation: {
      id: toHex(sha256(concatBytes(SCHOOL_DOMAIN.revocationId, signed)).slice(0, MESSAGE_ID_BYTES)),
      schoolId: toHex(r.school), certificateIds: copyC.map(toHex), userKeys: copyK.map(toHex), issuedS, revocation,
    },
  };
}
