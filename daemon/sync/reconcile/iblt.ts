/**
 * The sketch: an invertible Bloom lookup table over 8-byte id prefixes.
 * Subtracting the peer's sketch from one's own leaves only the ids held by
 * one side, and peeling lists them, whatever the size of the two sets.
 *
 * Packed cell format, CELL_BYTES = 12 bytes per cell, cells in index order:
 *   byte 0       net count of ids in the cell, mod 256, two's complement
 *   bytes 1..8   XOR of the 8-byte prefixes of the cell's ids
 *   bytes 9..11  XOR of the ids' 24-bit check values, little-endian
 * Only prefixes travel because they are all either side ever asks for
 * (`want` names ids by prefix; the opener knows its own full ids). The
 * count is a byte because only 1, -1 and 0 matter for peeling and the
 * estimate copes with wrap-around; it says which side holds a peeled id and
 * keeps a cell of two ids with a lucky check from passing as pure.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import { HASHES_PER_ID, placeId } from './cell-hash.js';
import { PREFIX_BYTES } from './id-set.js';

export const CELL_BYTES = 12;

export interface Sketch {
  /** A multiple of HASHES_PER_ID. */
  readonly cells: number;
  readonly salt: number;
  /** Net count per cell; Int8Array wraps mod 256 exactly as the wire does. */
  readonly counts: Int8Array;
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  readonly check: Uint32Array;
}

export interface PeelResult {
  /** Every cell emptied: the lists below are the whole difference. */
  readonly complete: boolean;
  /** Prefixes with count +1: in the sketch subtracted from, not in the other. */
  readonly plus: Uint8Array[];
  /** Prefixes with count -1. */
  readonly minus: Uint8Array[];
  /** What was left when peeling stopped, for estimating the difference. */
  readonly residual: Sketch;
}

export function createSketch(cells: number, salt: number): Sketch {
  if (!Number.isInteger(cells) || cells < HASHES_PER_ID || cells % HASHES_PER_ID !== 0) {
    throw SatchelError.invalidArgument(`a sketch needs a positive multiple of ${HASHES_PER_ID} cells, not ${cells}`);
  }
  if (!Number.isInteger(salt) || salt < 0 || salt > 0xffffffff) throw SatchelError.invalidArgument('salt must be a uint32');
  return {
    cells, salt, counts: new Int8Array(cells),
    lo: new Uint32Array(cells), hi: new Uint32Array(cells), check: new Uint32Array(cells),
  };
}

const word = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function toggle(s: Sketch, lo: number, hi: number, sign: number, place: Int32Array): void {
  const chk = placeId(lo, hi, s.salt, s.cells / HASHES_PER_ID, place);
  for (let k = 0; k < HASHES_PER_ID; k++) {
    const i = place[k]!;
    s.counts[i] = s.counts[i]! + sign;
    s.lo[i] = s.lo[i]! ^ lo;
    s.hi[i] = s.hi[i]! ^ hi;
    s.check[i] = s.check[i]! ^ chk;
  }
}

/** A sketch of `ids` (full ids or prefixes: only the first 8 bytes count). */
export function sketchOf(ids: Iterable<Uint8Array>, cells: number, salt: number): Sketch {
  const s = createSketch(cells, salt);
  const place = new Int32Array(HASHES_PER_ID);
  for (const id of ids) {
    if (!(id instanceof Uint8Array) || id.length < PREFIX_BYTES) throw SatchelError.invalidArgument('ids must be at least 8 bytes');
    toggle(s, word(id, 0), word(id, 4), 1, place);
  }
  return s;
}

export function packSketch(s: Sketch): Uint8Array {
  const out = new Uint8Array(s.cells * CELL_BYTES);
  const view = new DataView(out.buffer);
  for (let i = 0, at = 0; i < s.cells; i++, at += CELL_BYTES) {
    view.setInt8(at, s.counts[i]!);
    view.setUint32(at + 1, s.lo[i]!, true);
    view.setUint32(at + 5, s.hi[i]!, true);
    const c = s.check[i]!;
    out[at + 9] = c & 0xff;
    out[at + 10] = (c >>> 8) & 0xff;
    out[at + 11] = (c >>> 16) & 0xff;
  }
  return out;
}

/** Reads a peer's sketch; its length must match the cell count it claims. */
export function unpackSketch(bytes: Uint8Array, cells: number, salt: number): Sketch {
  if (!Number.isInteger(cells) || cells < HASHES_PER_ID || cells % HASHES_PER_ID !== 0) {
    throw SatchelError.badFrame(`sketch of ${cells} cells`);
  }
  if (!(bytes instanceof Uint8Array) || bytes.length !== cells * CELL_BYTES) {
    throw SatchelError.badFrame(`sketch of ${cells} cells must be ${cells * CELL_BYTES} bytes`);
  }
  const s = createSketch(cells, salt);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0, at = 0; i < cells; i++, at += CELL_BYTES) {
    s.counts[i] = view.getInt8(at);
    s.lo[i] = view.getUint32(at + 1, true);
    s.hi[i] = view.getUint32(at + 5, true);
    s.check[i] = bytes[at + 9]! | (bytes[at + 10]! << 8) | (bytes[at + 11]! << 16);
  }
  return s;
}

/** `a` minus `b`, cell by cell: ids in both cancel out. */
export function subtract(a: Sketch, b: Sketch): Sketch {
  if (a.cells !== b.cells || a.salt !== b.salt) throw SatchelError.invalidArgument('sketches differ in size or salt');
  const s = createSketch(a.cells, a.salt);
  for (let i = 0; i < a.cells; i++) {
    s.counts[i] = a.counts[i]! - b.counts[i]!;
    s.lo[i] = a.lo[i]! ^ b.lo[i]!;
    s.hi[i] = a.hi[i]! ^ b.hi[i]!;
    s.check[i] = a.check[i]! ^ b.check[i]!;
  }
  return s;
}

export function isEmptyCell(s: Sketch, i: number): boolean {
  return s.counts[i] === 0 && s.lo[i] === 0 && s.hi[i] === 0 && s.check[i] === 0;
}

function prefixOf(lo: number, hi: number): Uint8Array {
  const p = new Uint8Array(PREFIX_BYTES);
  const v = new DataView(p.buffer);
  v.setUint32(0, lo, true);
  v.setUint32(4, hi, true);
  return p;
}

/**
 * Repeatedly takes out an id from a cell that holds exactly one. A cell
 * counts as holding one only if its count is +-1, its check matches, and
 * the id it names hashes back to that very cell. At most one id per cell
 * can come out (more is impossible for a true difference), and an id coming
 * out twice means a forged or corrupt sketch: both stop peeling, so a
 * hostile sketch costs at most O(cells) work.
 */
export function peel(diff: Sketch): PeelResult {
  const s = subtract(diff, createSketch(diff.cells, diff.salt));
  const third = s.cells / HASHES_PER_ID;
  const place = new Int32Array(HASHES_PER_ID);
  const plus: Uint8Array[] = [];
  const minus: Uint8Array[] = [];
  const taken = new Set<string>();
  // Cells still to look at: all of them once, then those a peeled id touched.
  const toVisit: number[] = [];
  for (let i = s.cells - 1; i >= 0; i--) toVisit.push(i);
  let stuck = false;
  while (toVisit.length > 0) {
    const i = toVisit.pop()!;
    const sign = s.counts[i]!;
    if (sign !== 1 && sign !== -1) continue;
    const lo = s.lo[i]!;
    const hi = s.hi[i]!;
    if (placeId(lo, hi, s.salt, third, place) !== s.check[i] || (place[0] !== i && place[1] !== i && place[2] !== i)) continue;
    const key = `${lo}:${hi}`;
    if (taken.has(key) || plus.length + minus.length >= s.cells) {
      stuck = true;
      break;
    }
    taken.add(key);
    toggle(s, lo, hi, -sign, place);
    for (let k = 0; k < HASHES_PER_ID; k++) toVisit.push(place[k]!);
    (sign === 1 ? plus : minus).push(prefixOf(lo, hi));
  }
  let complete = !stuck;
  for (let i = 0; complete && i < s.cells; i++) if (!isEmptyCell(s, i)) complete = false;
  return { complete, plus, minus, residual: s };
}
