import t, { type Test } from 'tap';
import { createIdSet } from '../../../daemon/sync/reconcile/id-set.js';
import { IDS_PER_MESSAGE, createReconciler } from '../../../daemon/sync/reconcile/reconciler.js';
import { seededRandom } from '../../../daemon/util/random.js';
import { MAX_FRAME_BYTES, decodeFrame, encodeFrame } from '../../../daemon/wire/messages.js';
import { hex, linkBytes, makeIds, runPair, sets, sortedHex, type PairRun } from './pair.js';

/** Every frame stays a kilobyte short of the limit, as the sync layer needs room beside it. */
const FRAME_BUDGET = MAX_FRAME_BYTES - 1000;

function checkExact(t: Test, run: PairRun, openerOnly: Uint8Array[], answererOnly: Uint8Array[]): void {
  t.same(sortedHex(run.opener.theyLack), sortedHex(openerOnly), 'the opener offers exactly what only it holds');
  t.same(sortedHex(run.opener.weLack), sortedHex(answererOnly.map((id) => id.subarray(0, 8))), 'the opener knows exactly what it lacks');
  t.same(sortedHex(run.answerer.theyLack), sortedHex(answererOnly), 'the answerer offers exactly what only it holds');
  t.ok(run.opener.theyLack.every((id) => id.length === 16), 'offers are full 16-byte ids');
  t.notOk(run.opener.inSync || run.answerer.inSync, 'not reported in sync');
  const largest = Math.max(...run.frames.map((f) => f.bytes.length));
  t.ok(largest <= FRAME_BUDGET, `largest frame ${largest} B fits the frame budget`);
}

t.test('in sync: one small message each way, whatever the set size', async (t) => {
  const costs: number[] = [];
  for (const n of [0, 100, 10_000]) {
    const { opener, answerer } = sets(n, 0, 0);
    const run = runPair(opener, answerer);
    t.equal(run.frames.length, 2, `${n} ids: two messages`);
    t.equal(run.roundTrips, 1);
    t.same(run.opener, { theyLack: [], weLack: [], inSync: true });
    t.same(run.answerer, { theyLack: [], weLack: [], inSync: true });
    costs.push(linkBytes(run));
  }
  t.ok(costs.every((c) => c <= 64), `in sync costs ${costs.join(', ')} B on the link`);
  t.ok(costs[2]! - costs[0]! <= 3, 'only the count grows with the set');
});

for (const d of [1, 100, 1000, 5000]) {
  t.test(`${d} difference(s): opener only, answerer only, split`, async (t) => {
    const common = d >= 1000 ? 3000 : 2000;
    for (const [a, b] of [[d, 0], [0, d], [Math.ceil(d / 2), Math.floor(d / 2)]] as const) {
      const s = sets(common, a, b, d + a);
      const run = runPair(s.opener, s.answerer, { seed: d });
      t.test(`opener +${a}, answerer +${b}`, async (t) => {
        checkExact(t, run, s.openerOnly, s.answererOnly);
      });
    }
  });
}

t.test('bytes grow with the difference, not with the store', async (t) => {
  const small = sets(1_000, 0, 1);
  const large = sets(20_000, 0, 1);
  const a = linkBytes(runPair(small.opener, small.answerer));
  const b = linkBytes(runPair(large.opener, large.answerer));
  t.ok(a <= 600 && b <= 600, `one difference: ${a} B with 1,000 ids, ${b} B with 20,000`);
  t.ok(Math.abs(a - b) <= 4, 'the same but for the count fields');
  const hundred = sets(5_000, 50, 50);
  const bytes = linkBytes(runPair(hundred.opener, hundred.answerer));
  t.ok(bytes <= 10_000, `100 differences: ${bytes} B`);
});

t.test('empty sets and one empty side', async (t) => {
  t.test('both empty: in sync', async (t) => {
    const run = runPair(createIdSet(), createIdSet());
    t.equal(run.frames.length, 2);
    t.ok(run.opener.inSync && run.answerer.inSync);
  });
  t.test('empty opener: the answerer lists its ids, the opener wants them all', async (t) => {
    const s = sets(0, 0, 300);
    const run = runPair(s.opener, s.answerer);
    checkExact(t, run, [], s.answererOnly);
    t.equal(run.roundTrips, 2);
  });
  t.test('empty answerer: an empty list, the opener offers everything', async (t) => {
    const s = sets(0, 300, 0);
    const run = runPair(s.opener, s.answerer);
    checkExact(t, run, s.openerOnly, []);
    t.equal(run.roundTrips, 2);
    t.ok(linkBytes(run) < 120, `${linkBytes(run)} B for 300 ids the peer lacks`);
  });
});

t.test('long lists are split into frames that fit', async (t) => {
  t.test('with the real frame limit', async (t) => {
    const n = IDS_PER_MESSAGE + 500;
    const s = sets(0, 0, n);
    const run = runPair(s.opener, s.answerer);
    checkExact(t, run, [], s.answererOnly);
    const answerFrames = run.frames.filter((f) => f.from === 'answerer');
    const openerFrames = run.frames.filter((f) => f.from === 'opener');
    t.equal(answerFrames.length, 2, 'the have list in two parts');
    t.equal(openerFrames.length, 3, 'opening, then the want list in two parts');
    t.ok(decodeFrame(openerFrames[2]!.bytes).reconcile?.done, 'done on the last part only');
    t.notOk(decodeFrame(openerFrames[1]!.bytes).reconcile?.done);
  });
  t.test('with small parts', async (t) => {
    const s = sets(40, 0, 95);
    const run = runPair(s.opener, s.answerer, { limits: { idsPerMessage: 10, maxCells: 27 } });
    checkExact(t, run, [], s.answererOnly);
    t.equal(run.frames.filter((f) => f.from === 'answerer').length, 14, '135 ids in parts of 10');
  });
});

t.test('falls back to the plain list when sketches would cost more', async (t) => {
  const s = sets(2_000, 400, 400);
  const run = runPair(s.opener, s.answerer, { limits: { maxCells: 300 } });
  checkExact(t, run, s.openerOnly, s.answererOnly);
  t.ok(run.frames.some((f) => (decodeFrame(f.bytes).reconcile?.have?.length ?? 0) > 0), 'a have list was sent');
  const rounds = sets(2_000, 300, 300);
  const few = runPair(rounds.opener, rounds.answerer, { limits: { maxRounds: 2 } });
  checkExact(t, few, rounds.openerOnly, rounds.answererOnly);
  t.ok(few.roundTrips <= 3, 'the round limit holds');
});

t.test('retries are sized from the failed sketch, not doubled', async (t) => {
  const s = sets(3_000, 500, 500);
  const run = runPair(s.opener, s.answerer);
  checkExact(t, run, s.openerOnly, s.answererOnly);
  const requested = run.frames
    .filter((f) => f.from === 'opener')
    .map((f) => decodeFrame(f.bytes).reconcile?.cells ?? 0)
    .filter((c) => c > 0);
  t.ok(requested.length >= 1, 'the small first sketch did not peel 1,000 ids');
  const first = decodeFrame(run.frames[1]!.bytes).reconcile?.cells ?? 0;
  t.ok(requested[0]! >= 20 * first && requested[0]! <= 4_000, `after ${first} cells, the first retry asks for ${requested[0]} cells for 1,000 ids`);
});

t.test('seeded randomness reproduces the exchange byte for byte', async (t) => {
  const s = sets(3_000, 200, 200);
  const a = runPair(s.opener, s.answerer, { seed: 5 });
  const b = runPair(s.opener, s.answerer, { seed: 5 });
  t.same(a.frames.map((f) => hex(f.bytes)), b.frames.map((f) => hex(f.bytes)));
  const c = runPair(s.opener, s.answerer, { seed: 6 });
  const seeds = (r: PairRun) => r.frames.map((f) => decodeFrame(f.bytes).reconcile?.seed ?? 0).filter((x) => x !== 0);
  t.ok(seeds(a).length > 0, 'retries carry a seed');
  t.not(seeds(a).join(), seeds(c).join(), 'another random source, other seeds');
  checkExact(t, c, s.openerOnly, s.answererOnly);
});

t.test('the opening carries count and digest and nothing it need not', async (t) => {
  const set = createIdSet(makeIds(10_000, seededRandom(3)));
  const r = createReconciler({ set, role: 'opener', random: seededRandom(1) });
  const open = r.start()!;
  t.equal(open.count, 10_000);
  t.same(hex(open.digest!), hex(set.digest()));
  t.equal(encodeFrame({ reconcile: open }).length, 23, 'field tag and length 2 + count 3 + digest 18, nothing else');
  t.throws(() => r.start(), { code: 'INVALID_ARGUMENT' }, 'start twice');
  t.equal(createReconciler({ set, role: 'answerer', random: seededRandom(1) }).start(), undefined);
});
