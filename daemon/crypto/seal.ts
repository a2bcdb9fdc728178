/**
 * End-to-end sealed envelopes (see Envelope in proto/satchel/v1/satchel.proto).
 * The sender is not named in the envelope; the recipient learns it from
 * which known key opens the seal, and that proves it too: only the sender
 * and the recipient can compute the pair key.
 */
import { gcmsiv } from '@noble/ciphers/aes.js';
import { equalBytes } from '@noble/curves/utils.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import type { Envelope } from '../wire/messages.js';
import { checkBytes, isBytes, isUint32 } from './bytes.js';
import { checkEnvelope, envelopeId, sealAad, sealNonce } from './envelope-id.js';
import { checkKeyPair, keyId, PUBLIC_KEY_BYTES, type KeyPair } from './keys.js';
import { PairKeys } from './pair-keys.js';

export { envelopeId } from './envelope-id.js';
export { PairKeys, PAIR_KEY_CACHE_ENTRIES } from './pair-keys.js';

export interface SealArgs {
  sender: KeyPair;
  /** Recipient's Ed25519 public key. */
  recipient: Uint8Array;
  /** An encoded Content. */
  content: Uint8Array;
  lifetimeS: number;
  random: RandomBytes;
  keys?: PairKeys;
}

export function sealEnvelope(args: SealArgs): { envelope: Envelope; id: Uint8Array } {
  if (typeof args !== 'object' || args === null) throw SatchelError.invalidArgument('seal arguments missing');
  const { sender, recipient, content, lifetimeS, random } = args;
  checkKeyPair(sender, 'sender');
  checkBytes(recipient, PUBLIC_KEY_BYTES, 'recipient public key');
  if (!isBytes(content)) throw SatchelError.invalidArgument('content must be bytes');
  if (!isUint32(lifetimeS)) throw SatchelError.invalidArgument('lifetimeS must be an integer in 0..2^32-1');
  if (typeof random !== 'function') throw SatchelError.invalidArgument('random must be a function');
  const keys = args.keys ?? new PairKeys(1);
  const key = keys.sending(sender, recipient);
  const nonceBytes = checkBytes(random(4), 4, 'random output');
  const nonce = new DataView(nonceBytes.buffer, nonceBytes.byteOffset, 4).getUint32(0, true);
  const to = keyId(recipient);
  const sealed = gcmsiv(key, sealNonce(nonce), sealAad(to, lifetimeS)).encrypt(content);
  // protobufjs writes every field that is set, even zeros; leave defaults out as proto3 does.
  const envelope: Envelope = { to, sealed };
  if (nonce !== 0) envelope.nonce = nonce;
  if (lifetimeS !== 0) envelope.lifetimeS = lifetimeS;
  return { envelope, id: envelopeId(envelope) };
}

/**
 * Tries `candidates` (likely senders first) until one opens the envelope.
 * Returns null when the envelope is not for `me`, is malformed, or no
 * candidate opens it: hostile input never throws. Only a malformed `me`
 * (a local bug) throws invalidArgument.
 */
export function openEnvelope(
  env: Envelope,
  me: KeyPair,
  candidates: Iterable<Uint8Array>,
  keys?: PairKeys,
): { sender: Uint8Array; content: Uint8Array } | null {
  checkKeyPair(me, 'own');
  if (typeof (candidates as Partial<Iterable<Uint8Array>> | null)?.[Symbol.iterator] !== 'function') {
    throw SatchelError.invalidArgument('candidates must be iterable');
  }
  const checked = checkEnvelope(env);
  if (typeof checked === 'string') return null;
  const { to, nonce, lifetimeS, sealed } = checked;
  if (!equalBytes(to, keyId(me.publicKey))) return null;
  const cache = keys ?? new PairKeys(1);
  const nonceBytes = sealNonce(nonce);
  const aad = sealAad(to, lifetimeS);
  for (const candidate of candidates) {
    if (!isBytes(candidate, PUBLIC_KEY_BYTES)) continue;
    try {
      const content = gcmsiv(cache.receiving(me, candidate), nonceBytes, aad).decrypt(sealed);
      return { sender: Uint8Array.from(candidate), content };
    } catch {
      // Wrong sender, tampered envelope or unusable candidate key: all mean "not this one".
    }
  }
  return null;
}
