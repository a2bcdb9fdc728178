import t from 'tap';
import { HASHES_PER_ID, placeId, saltFor } from '../../../daemon/sync/reconcile/cell-hash.js';
import {
  CELL_BYTES, createSketch, isEmptyCell, packSketch, peel, sketchOf, subtract, unpackSketch,
} from '../../../daemon/sync/reconcile/iblt.js';
import { seededRandom } from '../../../daemon/util/random.js';
import { hex, makeIds, sortedHex } from './pair.js';

const word = (b: Uint8Array, at: number): number => Buffer.from(b).readUInt32LE(at);
const nonEmpty = (s: ReturnType<typeof createSketch>): number[] =>
  Array.from({ length: s.cells }, (_, i) => i).filter((i) => !isEmptyCell(s, i));

t.test('an empty sketch packs to zeros', async (t) => {
  const packed = packSketch(createSketch(24, 7));
  t.equal(packed.length, 24 * CELL_BYTES);
  t.ok(packed.every((b) => b === 0));
});

t.test('one id: one cell in each third, each holding the id', async (t) => {
  const [id] = makeIds(1, seededRandom(1));
  const s = sketchOf([id!], 30, 99);
  const cells = nonEmpty(s);
  t.equal(cells.length, HASHES_PER_ID);
  t.same(cells.map((i) => Math.floor(i / 10)), [0, 1, 2], 'one per third');
  const packed = packSketch(s);
  for (const i of cells) {
    const cell = packed.subarray(i * CELL_BYTES, (i + 1) * CELL_BYTES);
    t.equal(cell[0], 1, 'count 1');
    t.equal(hex(cell.subarray(1, 9)), hex(id!.subarray(0, 8)), 'the prefix itself');
  }
  const place = new Int32Array(3);
  const check = placeId(word(id!, 0), word(id!, 4), 99, 10, place);
  t.same([...place], cells);
  t.ok(check > 0 && check < 1 << 24);
  t.not(hex(packSketch(sketchOf([id!], 30, 100))), hex(packed), 'another salt, other cells or check');
});

t.test('pack and unpack keep every field, counts wrapping at 256', async (t) => {
  const ids = makeIds(300, seededRandom(2));
  const s = sketchOf(ids, 3, 5);
  t.same([...s.counts], [44, 44, 44], '300 ids in every cell: counts are mod 256');
  const back = unpackSketch(packSketch(s), 3, 5);
  t.same([...back.counts], [...s.counts]);
  t.same([...back.lo], [...s.lo]);
  t.same([...back.hi], [...s.hi]);
  t.same([...back.check], [...s.check]);
  const big = sketchOf(makeIds(1000, seededRandom(3)), 90, 1);
  t.same(hex(packSketch(unpackSketch(packSketch(big), 90, 1))), hex(packSketch(big)));
});

t.test('subtracting a sketch of the same ids leaves nothing', async (t) => {
  const ids = makeIds(5_000, seededRandom(4));
  const s = subtract(sketchOf(ids, 60, 3), sketchOf([...ids].reverse(), 60, 3));
  t.same(nonEmpty(s), []);
  const p = peel(s);
  t.ok(p.complete);
  t.same(p.plus, []);
  t.same(p.minus, []);
});

t.test('peeling lists both sides of a difference', async (t) => {
  const random = seededRandom(5);
  const common = makeIds(2_000, random);
  const mine = makeIds(40, random);
  const theirs = makeIds(35, random);
  const diff = subtract(sketchOf([...common, ...mine], 150, 11), sketchOf([...common, ...theirs], 150, 11));
  const p = peel(diff);
  t.ok(p.complete);
  t.same(sortedHex(p.plus), sortedHex(mine.map((id) => id.subarray(0, 8))));
  t.same(sortedHex(p.minus), sortedHex(theirs.map((id) => id.subarray(0, 8))));
  t.same(nonEmpty(p.residual), [], 'the residual is empty');
  t.equal(nonEmpty(diff).length > 0, true, 'peeling works on a copy');
});

t.test('peeling fails, and says so, when the sketch is too small', async (t) => {
  const ids = makeIds(100, seededRandom(6));
  const p = peel(sketchOf(ids, 24, 1));
  t.notOk(p.complete);
  t.ok(p.plus.length < 100);
  t.ok(nonEmpty(p.residual).length > 0);
  const two = peel(sketchOf(makeIds(2, seededRandom(7)), 3, 1));
  t.notOk(two.complete, 'two ids sharing every cell cannot come apart');
  t.same(two.plus, []);
});

t.test('a cell is taken as one id only if the id hashes back to it', async (t) => {
  const [id] = makeIds(1, seededRandom(8));
  const s = sketchOf([id!], 30, 4);
  const [cell] = nonEmpty(s);
  // Move the lone id's fields to a cell it does not hash to.
  const forged = createSketch(30, 4);
  const other = (cell! + 5) % 30;
  forged.counts[other] = 1;
  forged.lo[other] = s.lo[cell!]!;
  forged.hi[other] = s.hi[cell!]!;
  forged.check[other] = s.check[cell!]!;
  const p = peel(forged);
  t.notOk(p.complete);
  t.same(p.plus, []);
  // A count of 1 with a wrong check is no id either.
  const bad = sketchOf([id!], 30, 4);
  for (const i of nonEmpty(bad)) bad.check[i] = bad.check[i]! ^ 1;
  t.same(peel(bad).plus, []);
});

t.test('a hostile sketch costs bounded work', async (t) => {
  const random = seededRandom(9);
  for (let round = 0; round < 50; round++) {
    const cells = 3 * (1 + (random(1)[0]! % 100));
    const junk = random(cells * CELL_BYTES);
    const p = peel(unpackSketch(junk, cells, round));
    t.ok(p.plus.length + p.minus.length <= cells);
  }
  // An id planted so that taking it out puts it back: it comes out once, then peeling stops.
  const [id] = makeIds(1, random);
  const twice = sketchOf([id!], 30, 2);
  const [first] = nonEmpty(twice);
  twice.counts[first!] = 2;
  twice.lo[first!] = 0;
  twice.hi[first!] = 0;
  twice.check[first!] = 0;
  const p = peel(twice);
  t.notOk(p.complete, 'an id twice is a forged sketch');
  t.equal(p.plus.length, 1);
});

t.test('bad input', async (t) => {
  for (const cells of [0, 4, -3, 1.5, NaN]) t.throws(() => createSketch(cells, 1), { code: 'INVALID_ARGUMENT' }, `${cells} cells`);
  t.throws(() => createSketch(3, -1), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createSketch(3, 2 ** 32), { code: 'INVALID_ARGUMENT' });
  t.throws(() => subtract(createSketch(3, 1), createSketch(6, 1)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => subtract(createSketch(3, 1), createSketch(3, 2)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sketchOf([new Uint8Array(7)], 3, 1), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sketchOf(['nope' as unknown as Uint8Array], 3, 1), { code: 'INVALID_ARGUMENT' });
  t.throws(() => unpackSketch(new Uint8Array(35), 3, 1), { code: 'BAD_FRAME' }, 'short by one byte');
  t.throws(() => unpackSketch(new Uint8Array(37), 3, 1), { code: 'BAD_FRAME' }, 'long by one byte');
  t.throws(() => unpackSketch(new Uint8Array(48), 4, 1), { code: 'BAD_FRAME' }, 'not whole triples');
  t.throws(() => unpackSketch(new Uint8Array(0), 2 ** 32 - 1, 1), { code: 'BAD_FRAME' }, 'absurd cells, nothing allocated');
});

t.test('the salt mixes the seed with the opener digest', async (t) => {
  const digest = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
  t.equal(saltFor(0, digest), 0x04030201);
  t.equal(saltFor(0x04030201, digest), 0);
  t.not(saltFor(1, digest), saltFor(2, digest));
});
