/**
 * Ed25519 verification for input from the network: never throws, and
 * refuses small-order keys (they verify forged signatures under lax rules;
 * no real user has one) and non-canonical encodings (zip215 off), so one
 * signed thing has exactly one valid signature per key.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { isBytes } from '../crypto/bytes.js';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from '../crypto/keys.js';

export function verifiesBy(key: unknown, signature: unknown, signed: Uint8Array): boolean {
  if (!isBytes(key, PUBLIC_KEY_BYTES) || !isBytes(signature, SIGNATURE_BYTES)) return false;
  try {
    return !ed25519.Point.fromBytes(key).isSmallOrder() && ed25519.verify(signature, signed, key, { zip215: false });
  } catch {
    return false;
  }
}
