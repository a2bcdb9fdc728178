/**
 * User and node identities are Ed25519 key pairs. The secret we keep is the
 * 32-byte RFC 8032 seed: it is what the store encrypts and backs up, and both
 * the signing key and the X25519 sealing key are derived from it.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import { KEY_ID_BYTES } from '../wire/messages.js';
import { checkBytes } from './bytes.js';
import { DOMAIN } from './domain.js';
import { toHex } from './hex.js';

export { toHex, fromHex } from './hex.js';

export const SECRET_KEY_BYTES = 32;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export function generateKeyPair(random: RandomBytes): KeyPair {
  if (typeof random !== 'function') throw SatchelError.invalidArgument('random must be a function');
  return keyPairFromSecret(checkBytes(random(SECRET_KEY_BYTES), SECRET_KEY_BYTES, 'random output'));
}

export function keyPairFromSecret(secret: Uint8Array): KeyPair {
  checkBytes(secret, SECRET_KEY_BYTES, 'secret key');
  // Copy so that a caller wiping or reusing its buffer cannot change our key.
  const secretKey = Uint8Array.from(secret);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/** Throws unless both halves have the right sizes; does not check that they match. */
export function checkKeyPair(pair: unknown, what: string): KeyPair {
  if (typeof pair !== 'object' || pair === null) throw SatchelError.invalidArgument(`${what} must be a key pair`);
  const { secretKey, publicKey } = pair as Partial<KeyPair>;
  checkBytes(secretKey, SECRET_KEY_BYTES, `${what} secret key`);
  checkBytes(publicKey, PUBLIC_KEY_BYTES, `${what} public key`);
  return pair as KeyPair;
}

/** Short stable name for a key on the wire (Envelope.to) and in the store. */
export function keyId(publicKey: Uint8Array): Uint8Array {
  checkBytes(publicKey, PUBLIC_KEY_BYTES, 'public key');
  return sha256(concatBytes(DOMAIN.keyId, publicKey)).slice(0, KEY_ID_BYTES);
}

export function keyIdHex(publicKey: Uint8Array): string {
  return toHex(keyId(publicKey));
}
