import t from 'tap';
import { estimateResidual, firstCells, nextCells } from '../../../daemon/sync/reconcile/estimate.js';
import { createSketch, peel, sketchOf, subtract } from '../../../daemon/sync/reconcile/iblt.js';
import { DEFAULT_LIMITS, resolveLimits } from '../../../daemon/sync/reconcile/limits.js';
import { seededRandom } from '../../../daemon/util/random.js';
import { makeIds } from './pair.js';

/** The residual of peeling the difference of `plus` and `minus` random ids. */
function residualOf(plus: number, minus: number, cells: number, seed: number) {
  const random = seededRandom(seed);
  const p = peel(subtract(sketchOf(makeIds(plus, random), cells, seed), sketchOf(makeIds(minus, random), cells, seed)));
  const net = plus - minus - (p.plus.length - p.minus.length);
  return { p, net, left: plus + minus - p.plus.length - p.minus.length };
}

t.test('an empty residual estimates to nothing', async (t) => {
  t.equal(estimateResidual(createSketch(24, 1), 0), 0);
});

t.test('small differences: counted from the empty cells', async (t) => {
  for (const d of [1, 3, 6]) {
    const s = sketchOf(makeIds(d, seededRandom(d)), 96, 1);
    const e = estimateResidual(s, d);
    t.ok(e >= d && e <= d * 2 + 1, `${d} ids in 96 cells: ${e}`);
  }
});

t.test('large differences in a small sketch: counted from the cell counts', async (t) => {
  for (const [plus, minus] of [[500, 500], [1000, 0], [0, 1000], [2500, 2500]] as const) {
    const ratios: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const { p, net, left } = residualOf(plus, minus, 24, seed);
      ratios.push(estimateResidual(p.residual, net) / left);
    }
    ratios.sort((a, b) => a - b);
    const median = ratios[10]!;
    t.ok(median > 0.7 && median < 1.4, `+${plus}/-${minus} in 24 cells: median estimate/true ${median.toFixed(2)}`);
    t.ok(ratios[0]! > 0.3 && ratios[19]! < 3, `and within [${ratios[0]!.toFixed(2)}, ${ratios[19]!.toFixed(2)}]`);
  }
});

t.test('one-way differences survive counts wrapping at 256', async (t) => {
  // 3,000 ids one way in 24 cells: about 375 per cell, so every count wraps.
  const { p, net, left } = residualOf(3000, 0, 24, 3);
  const e = estimateResidual(p.residual, net);
  t.ok(e >= left && e < left * 1.5, `estimate ${e} for ${left}`);
});

t.test('the next request grows with the estimate and at least by the minimum growth', async (t) => {
  const limits = DEFAULT_LIMITS;
  const { p, net } = residualOf(500, 500, 24, 1);
  const cells = nextCells(p.residual, p.plus.length + p.minus.length, net, limits);
  t.equal(cells % 3, 0);
  t.ok(cells >= 1000 * limits.retryCellsPerId * 0.5 && cells <= 5000, `1,000 ids after 24 cells: ask for ${cells}`);
  const tiny = residualOf(2, 0, 96, 1);
  t.ok(nextCells(tiny.p.residual, 0, 2, limits) >= 96 * limits.minGrowth, 'never less than the minimum growth');
});

t.test('the first sketch: the minimum, or more when the counts prove a large difference', async (t) => {
  t.equal(firstCells(10_000, 10_000, DEFAULT_LIMITS), DEFAULT_LIMITS.minCells);
  t.equal(firstCells(10_000, 10_001, DEFAULT_LIMITS), DEFAULT_LIMITS.minCells);
  const big = firstCells(10_000, 9_000, DEFAULT_LIMITS);
  t.ok(big >= 1_000 * DEFAULT_LIMITS.firstCellsPerId && big % 3 === 0, `${big} cells for 1,000 proven`);
});

t.test('limits are checked', async (t) => {
  t.same(resolveLimits(), DEFAULT_LIMITS);
  t.equal(resolveLimits({ minCells: 30 }).minCells, 30);
  for (const bad of [
    { minCells: 25 }, { minCells: 0 }, { maxCells: 1e9 }, { maxCells: 12, minCells: 24 }, { maxRounds: 1 },
    { retryCellsPerId: 0.5 }, { minGrowth: 1 }, { idsPerMessage: 0 }, { idsPerMessage: 1e9 }, { maxPeerIds: -1 },
    { estimateSpreads: NaN }, { firstExtraCells: 1.5 }, { nonsense: 1 },
  ]) {
    t.throws(() => resolveLimits(bad as never), { code: 'INVALID_ARGUMENT' }, JSON.stringify(bad));
  }
  t.throws(() => resolveLimits(null as never), { code: 'INVALID_ARGUMENT' });
});
