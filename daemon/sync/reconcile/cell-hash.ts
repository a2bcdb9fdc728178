/**
 * Where an id goes in a sketch, and the check value that tells a cell
 * holding one id from a cell holding several.
 *
 * Ids are SHA-256 outputs, so their prefix bits are already uniform: a few
 * multiply-xorshift steps (the MurmurHash3 finaliser) are enough to spread
 * them, and cost nothing next to reading the id. The salt is what keeps this
 * honest against someone who grinds envelope ids so that several land in the
 * same cells: it changes every request and is unknown until the session
 * runs, so there is nothing to precompute against.
 */

/** Cells each id is added to; one in each third of the sketch. */
export const HASHES_PER_ID = 3;
/** Bits of the per-id check value kept in each cell. */
export const CHECK_BITS = 24;
const CHECK_MASK = (1 << CHECK_BITS) - 1;
const TWO_TO_32 = 2 ** 32;

export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Maps a uniform 32-bit value onto [0, n) without the bias of `%`. */
const scale = (h: number, n: number): number => Math.floor((h * n) / TWO_TO_32);

/**
 * Writes the id's three cell indexes into `out` (one per third of a sketch
 * of 3 * `third` cells) and returns its check value. `lo` and `hi` are the
 * id's first 8 bytes read as two little-endian 32-bit words.
 */
export function placeId(lo: number, hi: number, salt: number, third: number, out: Int32Array): number {
  const a = mix32(lo ^ salt);
  const b = mix32(hi ^ a ^ 0x9e3779b9);
  const c = mix32(b ^ 0x7f4a7c15);
  const d = mix32(c ^ 0x94d049bb);
  out[0] = scale(b, third);
  out[1] = third + scale(c, third);
  out[2] = 2 * third + scale(d, third);
  return mix32(d ^ hi ^ 0x2545f491) & CHECK_MASK;
}

/**
 * The salt both sides use for cell hashing: the opener's seed mixed with
 * its round-0 digest. Round 0 sends no seed (in sync, those bytes would be
 * a tenth of the exchange), so the first sketch is salted by the digest
 * alone, which nobody can know without knowing the opener's whole store;
 * every later request carries a fresh random seed.
 */
export function saltFor(seed: number, openerDigest: Uint8Array): number {
  const d = (openerDigest[0]! | (openerDigest[1]! << 8) | (openerDigest[2]! << 16) | (openerDigest[3]! << 24)) >>> 0;
  return (seed ^ d) >>> 0;
}
