/**
 * The school keys a laptop trusts: set when the laptop is imaged
 * (`school.keys`), found on the wire by their 8-byte key id. Ed25519
 * verification of anything signed by a school goes through `verifiedBy`,
 * which never throws, so network input cannot crash a check.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { isBytes } from '../crypto/bytes.js';
import { fromHex, keyIdHex, PUBLIC_KEY_BYTES, SIGNATURE_BYTES, toHex } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';

/** Most school keys one laptop trusts: a few schools (and a replaced key) at most. */
export const MAX_SCHOOL_KEYS = 16;

export interface SchoolKeys {
  /** Key id (16 hex digits) → the school's public key. */
  readonly byId: ReadonlyMap<string, Uint8Array>;
}

function isValidPoint(key: Uint8Array): boolean {
  try {
    return !ed25519.Point.fromBytes(key).isSmallOrder();
  } catch {
    return false;
  }
}

/** Keys as raw bytes or 64 hex digits; throws INVALID_ARGUMENT for anything that is not a usable Ed25519 key. */
export function trustSchoolKeys(keys: readonly (Uint8Array | string)[]): SchoolKeys {
  if (!Array.isArray(keys)) throw SatchelError.invalidArgument('school keys must be a list');
  if (keys.length > MAX_SCHOOL_KEYS) throw SatchelError.invalidArgument(`at most ${MAX_SCHOOL_KEYS} school keys`);
  const byId = new Map<string, Uint8Array>();
  for (const k of keys) {
    let key: Uint8Array;
    if (typeof k === 'string') {
      if (!/^[0-9a-fA-F]{64}$/.test(k)) throw SatchelError.invalidArgument('a school key is 64 hex digits');
      key = fromHex(k.toLowerCase());
    } else if (isBytes(k, PUBLIC_KEY_BYTES)) {
      key = Uint8Array.from(k);
    } else {
      throw SatchelError.invalidArgument(`a school key is ${PUBLIC_KEY_BYTES} bytes`);
    }
    if (!isValidPoint(key)) throw SatchelError.invalidArgument(`school key ${toHex(key)} is not a usable Ed25519 key`);
    byId.set(keyIdHex(key), key);
  }
  return { byId };
}

export function isSchoolKeys(v: unknown): v is SchoolKeys {
  return typeof v === 'object' && v !== null && (v as SchoolKeys).byId instanceof Map;
}

/** Strict Ed25519 (zip215 off): one signed thing has one valid signature per key. Never throws. */
export function verifiedBy(key: Uint8Array, signature: unknown, signed: Uint8Array): boolean {
  if (!isBytes(signature, SIGNATURE_BYTES)) return false;
  try {
    return ed25519.verify(signature, signed, key, { zip215: false });
  } catch {
    return false;
  }
}
