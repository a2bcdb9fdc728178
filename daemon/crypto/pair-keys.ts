/**
 * Sealing keys between two users. Both directions come from one X25519
 * exchange between the users' own keys (converted from Ed25519), and HKDF
 * binds the result to (sender, recipient) in that order, so a message from A
 * to B can never be replayed to A as if B had written it.
 *
 * The X25519 step dominates the cost of opening an envelope, and a recipient
 * tries several candidate senders per envelope, so keys are cached per pair.
 */
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { SatchelError } from '../errors/satchel-error.js';
import { checkBytes } from './bytes.js';
import { DOMAIN } from './domain.js';
import { toHex } from './hex.js';
import { checkKeyPair, PUBLIC_KEY_BYTES, type KeyPair } from './keys.js';

export const SEAL_KEY_BYTES = 32; // AES-256-GCM-SIV
/** Enough for every contact of a class and then some; about 100 bytes each. */
export const PAIR_KEY_CACHE_ENTRIES = 1024;

/** X25519 between `me` and `peer`; the same bytes on both sides. Throws invalidArgument for unusable peer keys. */
export function sharedSecret(me: KeyPair, peer: Uint8Array): Uint8Array {
  checkKeyPair(me, 'own');
  checkBytes(peer, PUBLIC_KEY_BYTES, 'peer public key');
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(ed25519.utils.toMontgomerySecret(me.secretKey), ed25519.utils.toMontgomery(peer));
  } catch (err) {
    throw new SatchelError('INVALID_ARGUMENT', 'peer public key is not a usable curve point', { cause: err });
  }
  // noble already refuses low-order points; this keeps the guarantee if that ever changes.
  if (shared.every((b) => b === 0)) throw SatchelError.invalidArgument('peer public key has low order');
  return shared;
}

/** Key for messages from `senderPub` to `recipientPub`. */
export function sealKey(shared: Uint8Array, senderPub: Uint8Array, recipientPub: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, DOMAIN.seal, concatBytes(senderPub, recipientPub), SEAL_KEY_BYTES);
}

interface Entry { send: Uint8Array; receive: Uint8Array }

export class PairKeys {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;

  constructor(maxEntries: number = PAIR_KEY_CACHE_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw SatchelError.invalidArgument('maxEntries must be a positive integer');
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Key for sealing from `me` to `peer`. */
  sending(me: KeyPair, peer: Uint8Array): Uint8Array {
    return this.#entry(me, peer).send;
  }

  /** Key for opening what `peer` sealed to `me`. */
  receiving(me: KeyPair, peer: Uint8Array): Uint8Array {
    return this.#entry(me, peer).receive;
  }

  clear(): void {
    this.#entries.clear();
  }

  #entry(me: KeyPair, peer: Uint8Array): Entry {
    checkKeyPair(me, 'own');
    checkBytes(peer, PUBLIC_KEY_BYTES, 'peer public key');
    // Keyed by both public keys so one cache can serve several local users.
    const id = toHex(me.publicKey) + toHex(peer);
    const hit = this.#entries.get(id);
    if (hit) {
      // Re-insert to keep Map order least-recently-used first.
      this.#entries.delete(id);
      this.#entries.set(id, hit);
      return hit;
    }
    const shared = sharedSecret(me, peer);
    const entry = { send: sealKey(shared, me.publicKey, peer), receive: sealKey(shared, peer, me.publicKey) };
    shared.fill(0);
    this.#entries.set(id, entry);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return entry;
  }
}
