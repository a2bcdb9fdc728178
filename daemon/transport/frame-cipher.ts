/**
 * One direction of a session: ChaCha20-Poly1305 with the frame counter as the
 * nonce. Both ends count frames, so the nonce is never sent and a peer cannot
 * choose it; a dropped, repeated or reordered frame fails to authenticate.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { SatchelError } from '../errors/satchel-error.js';

export const AEAD_TAG_BYTES = 16;
export const AEAD_NONCE_BYTES = 12;
/**
 * Frames per direction and key. The 96-bit nonce could count much further;
 * stopping at the largest exact JS integer keeps the counter arithmetic exact
 * and the session ends long before any nonce could repeat.
 */
export const MAX_FRAMES_PER_KEY = Number.MAX_SAFE_INTEGER;

const UINT32_SPAN = 2 ** 32;

/** The 96-bit little-endian nonce for frame number `counter`. */
export function counterNonce(counter: number): Uint8Array {
  const nonce = new Uint8Array(AEAD_NONCE_BYTES);
  const view = new DataView(nonce.buffer);
  view.setUint32(0, counter % UINT32_SPAN, true);
  view.setUint32(4, Math.floor(counter / UINT32_SPAN), true);
  return nonce;
}

export class FrameCipher {
  readonly #key: Uint8Array;
  readonly #maxFrames: number;
  #counter = 0;

  constructor(key: Uint8Array, maxFrames = MAX_FRAMES_PER_KEY) {
    this.#key = key;
    this.#maxFrames = maxFrames;
  }

  /** Frames sealed or opened so far; also the next nonce. */
  get counter(): number {
    return this.#counter;
  }

  seal(plaintext: Uint8Array): Uint8Array {
    return chacha20poly1305(this.#key, this.#nextNonce()).encrypt(plaintext);
  }

  /** Throws DECRYPT_FAILED for anything that does not authenticate, short input included. */
  open(ciphertext: Uint8Array): Uint8Array {
    const nonce = this.#nextNonce();
    try {
      return chacha20poly1305(this.#key, nonce).decrypt(ciphertext);
    } catch {
      throw SatchelError.decryptFailed();
    }
  }

  #nextNonce(): Uint8Array {
    if (this.#counter >= this.#maxFrames) throw SatchelError.closed('session key (frame counter used up)');
    return counterNonce(this.#counter++);
  }
}
