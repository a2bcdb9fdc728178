import { randomBytes as nodeRandomBytes } from 'node:crypto';

/** Source of randomness, injected so tests can be deterministic. */
export type RandomBytes = (length: number) => Uint8Array;

export const systemRandom: RandomBytes = (length) => new Uint8Array(nodeRandomBytes(length));

/**
 * Deterministic bytes for tests only: a xorshift stream from a seed. Never
 * used for keys outside tests.
 */
export function seededRandom(seed: number): RandomBytes {
  let s = seed >>> 0 || 0x9e3779b9;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      s ^= s << 13; s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5; s >>>= 0;
      out[i] = s & 0xff;
    }
    return out;
  };
}
