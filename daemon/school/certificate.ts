/**
 * School certificates: a school key vouches that a user key is a named
 * child of a class. Issuing is for the teacher's laptop or the school
 * server; checking runs on every laptop, offline, against the school keys
 * it was imaged with. The signed bytes are a fixed layout (see the proto),
 * so that no re-encoding can change what was signed.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { isBytes, isUint32, uint32BE } from '../crypto/bytes.js';
import { checkKeyPair, keyId, keyIdHex, PUBLIC_KEY_BYTES, toHex, type KeyPair } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import { decodeSchoolCertificate, KEY_ID_BYTES, MESSAGE_ID_BYTES, type SchoolCertificate } from '../wire/messages.js';
import { MAX_CLASS_NAME_BYTES, MAX_SCHOOL_NAME_BYTES, nameBytes } from './names.js';
import { SCHOOL_DOMAIN } from './school-domain.js';
import { isSchoolKeys, verifiedBy, type SchoolKeys } from './school-keys.js';
import { isExpired } from './validity.js';

/** Largest encoded certificate taken from anywhere, in bytes (a typical one is about 140). */
export const MAX_CERTIFICATE_BYTES = 512;

export interface CertificateFields {
  userKey: Uint8Array;
  displayName: string;
  /** Empty for staff. */
  className: string;
  /** School's clock, Unix seconds. */
  validFromS: number;
  validUntilS: number;
}

export interface CheckedCertificate {
  /** 32 hex digits: names the content (what revocations name). */
  id: string;
  schoolId: string;
  userKey: Uint8Array;
  userId: string;
  displayName: string;
  className: string;
  validFromS: number;
  validUntilS: number;
  /** The certificate as checked, ready to hand on. */
  certificate: SchoolCertificate;
}

export type CertificateRejection =
  | 'malformed' | 'oversized' | 'unknown_school' | 'bad_user_key' | 'bad_name' | 'bad_validity' | 'bad_signature' | 'expired';

export type CertificateCheck = { ok: true; certificate: CheckedCertificate } | { ok: false; reason: CertificateRejection };

function signedBytes(school: Uint8Array, userKey: Uint8Array, name: Uint8Array, klass: Uint8Array, fromS: number, untilS: number): Uint8Array {
  return concatBytes(
    SCHOOL_DOMAIN.certificate, school, userKey,
    Uint8Array.of(name.length), name, Uint8Array.of(klass.length), klass,
    uint32BE(fromS), uint32BE(untilS),
  );
}

const idOf = (signed: Uint8Array): string =>
  toHex(sha256(concatBytes(SCHOOL_DOMAIN.certificateId, signed)).slice(0, MESSAGE_ID_BYTES));

function isUsableKey(key: Uint8Array): boolean {
  try {
    return !ed25519.Point.fromBytes(key).isSmallOrder();
  } catch {
    return false;
  }
}

/** Signs a certificate with the school's key pair. Throws INVALID_ARGUMENT for any unusable field. */
export function issueCertificate(schoolKey: KeyPair, fields: CertificateFields): SchoolCertificate {
  checkKeyPair(schoolKey, 'school');
  if (typeof fields !== 'object' || fields === null) throw SatchelError.invalidArgument('certificate fields missing');
  const { userKey, displayName, className, validFromS, validUntilS } = fields;
  if (!isBytes(userKey, PUBLIC_KEY_BYTES) || !isUsableKey(userKey)) throw SatchelError.invalidArgument('userKey must be a 32-byte Ed25519 public key');
  const name = nameBytes(displayName, MAX_SCHOOL_NAME_BYTES, false);
  if (name === undefined) throw SatchelError.invalidArgument(`displayName must be 1 to ${MAX_SCHOOL_NAME_BYTES} bytes of UTF-8 without control characters or outer spaces`);
  const klass = nameBytes(className, MAX_CLASS_NAME_BYTES, true);
  if (klass === undefined) throw SatchelError.invalidArgument(`className must be at most ${MAX_CLASS_NAME_BYTES} bytes of UTF-8 without control characters or outer spaces`);
  if (!isUint32(validFromS) || !isUint32(validUntilS) || validUntilS === 0 || validUntilS < validFromS) {
    throw SatchelError.invalidArgument('validity must be Unix seconds (uint32) with 0 < validUntilS and validFromS <= validUntilS');
  }
  const school = keyId(schoolKey.publicKey);
  const key = Uint8Array.from(userKey);
  const signature = ed25519.sign(signedBytes(school, key, name, klass, validFromS, validUntilS), schoolKey.secretKey);
  const cert: SchoolCertificate = { school, userKey: key, displayName, signature };
  if (className !== '') cert.className = className;
  if (validFromS !== 0) cert.validFromS = validFromS;
  cert.validUntilS = validUntilS;
  return cert;
}

function decoded(raw: unknown): SchoolCertificate | CertificateRejection {
  if (raw instanceof Uint8Array) {
    if (raw.length > MAX_CERTIFICATE_BYTES) return 'oversized';
    try {
      return decodeSchoolCertificate(raw);
    } catch {
      return 'malformed';
    }
  }
  if (typeof raw !== 'object' || raw === null) return 'malformed';
  return raw as SchoolCertificate;
}

/**
 * Checks a certificate from the network, D-Bus or a file (encoded or
 * decoded) against the trusted school keys at local time `nowMs`. Returns
 * the checked content or why it is unusable; never throws on the
 * certificate. Throws INVALID_ARGUMENT for bad `schoolKeys` or `nowMs`.
 */
export function checkCertificate(raw: unknown, schoolKeys: SchoolKeys, nowMs: number): CertificateCheck {
  if (!isSchoolKeys(schoolKeys)) throw SatchelError.invalidArgument('schoolKeys must come from trustSchoolKeys');
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs)) throw SatchelError.invalidArgument('nowMs must be a finite number');
  const c = decoded(raw);
  if (typeof c === 'string') return { ok: false, reason: c };
  const no = (reason: CertificateRejection): CertificateCheck => ({ ok: false, reason });
  const { school, userKey, signature } = c;
  const displayName = c.displayName ?? '';
  const className = c.className ?? '';
  const validFromS = c.validFromS ?? 0;
  const validUntilS = c.validUntilS ?? 0;
  if (!isBytes(school, KEY_ID_BYTES)) return no('malformed');
  const schoolKey = schoolKeys.byId.get(toHex(school));
  if (schoolKey === undefined) return no('unknown_school');
  if (!isBytes(userKey, PUBLIC_KEY_BYTES) || !isUsableKey(userKey)) return no('bad_user_key');
  const name = nameBytes(displayName, MAX_SCHOOL_NAME_BYTES, false);
  const klass = nameBytes(className, MAX_CLASS_NAME_BYTES, true);
  if (name === undefined || klass === undefined) return no('bad_name');
  if (!isUint32(validFromS) || !isUint32(validUntilS) || validUntilS === 0 || validUntilS < validFromS) return no('bad_validity');
  const signed = signedBytes(school, userKey, name, klass, validFromS, validUntilS);
  if (!verifiedBy(schoolKey, signature, signed)) return no('bad_signature');
  if (isExpired(validUntilS, nowMs)) return no('expired');
  const key = Uint8Array.from(userKey);
  const certificate: SchoolCertificate = { school: Uint8Array.from(school), userKey: key, displayName, signature: Uint8Array.from(signature as Uint8Array) };
  if (className !== '') certificate.className = className;
  if (validFromS !== 0) certificate.validFromS = validFromS;
  certificate.validUntilS = validUntilS;
  return {
    ok: true,
    certificate: {
      id: idOf(signed), schoolId: toHex(school), userKey: key, userId: keyIdHex(key),
      displayName, className, validFromS, validUntilS, certificate,
    },
  };
}
