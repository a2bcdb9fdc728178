/**
 * The clear-text layout of a sealed envelope: which fields the seal covers
 * and how the message id is computed. Shared by sealing, opening and anyone
 * (sync, store) that needs an id without being able to open the envelope.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { SatchelError } from '../errors/satchel-error.js';
import { KEY_ID_BYTES, MESSAGE_ID_BYTES, type Envelope } from '../wire/messages.js';
import { isBytes, isUint32, uint32BE, uint32LE } from './bytes.js';
import { DOMAIN } from './domain.js';

export const SEAL_TAG_BYTES = 16;
const GCM_SIV_NONCE_BYTES = 12;

/** An envelope whose clear fields have been checked; absent numbers mean 0, as on the wire. */
export interface CheckedEnvelope {
  to: Uint8Array;
  nonce: number;
  lifetimeS: number;
  sealed: Uint8Array;
}

/** Returns a reason the envelope is malformed, or the checked fields. */
export function checkEnvelope(env: Envelope): CheckedEnvelope | string {
  if (typeof env !== 'object' || env === null) return 'envelope missing';
  const { to, sealed } = env;
  const nonce = env.nonce ?? 0;
  const lifetimeS = env.lifetimeS ?? 0;
  if (!isBytes(to, KEY_ID_BYTES)) return `envelope recipient id is not ${KEY_ID_BYTES} bytes`;
  if (!isBytes(sealed) || sealed.length < SEAL_TAG_BYTES) return 'envelope is shorter than its tag';
  if (!isUint32(nonce)) return 'envelope nonce is not a uint32';
  if (!isUint32(lifetimeS)) return 'envelope lifetime is not a uint32';
  return { to, nonce, lifetimeS, sealed };
}

/** 32 bits of randomness suffice: GCM-SIV only leaks equality of identical messages if a nonce repeats. */
export function sealNonce(nonce: number): Uint8Array {
  const out = new Uint8Array(GCM_SIV_NONCE_BYTES);
  out.set(uint32LE(nonce), 0);
  return out;
}

/** Binds the routing fields to the seal, so a carrier cannot redirect a message or stretch its lifetime. */
export function sealAad(to: Uint8Array, lifetimeS: number): Uint8Array {
  return concatBytes(to, uint32BE(lifetimeS));
}

/**
 * Computed, never sent, so nobody can claim a false id for an envelope. age_s
 * is left out because every carrier changes it.
 */
export function envelopeId(env: Envelope): Uint8Array {
  const checked = checkEnvelope(env);
  if (typeof checked === 'string') throw SatchelError.badFrame(checked);
  const { to, nonce, lifetimeS, sealed } = checked;
  // Only `sealed` varies in length and it comes last, so no length prefixes are needed.
  const input = concatBytes(DOMAIN.messageId, to, uint32LE(nonce), uint32BE(lifetimeS), sealed);
  return sha256(input).slice(0, MESSAGE_ID_BYTES);
}
