/**
 * How big the difference is, judged from a sketch that did not peel, so
 * that the next request is sized to succeed instead of blindly doubled.
 *
 * Two readings of the residual (the cells peeling could not empty), over
 * each third of the sketch, where every id sits in exactly one of q cells:
 * - empty cells: with r ids left a cell stays empty with probability
 *   (1 - 1/q)^r, so r = ln(empty / q) / ln(1 - 1/q). Exact for small r,
 *   blind once every cell is hit.
 * - counts: a cell's net count S is a sum of +-1, one per id in it, and the
 *   expected sum of S^2 over the third is r + (net^2 - r) / q, with net the
 *   third's total count. This keeps working when no cell is empty, which is
 *   where a small first sketch meets a large difference.
 * The larger reading wins: asking for too many cells costs bytes, too few
 * costs a round trip and bytes. `net` comes from the two set counts, which
 * are exact, rather than from the cells, whose counts wrap at 256.
 */
import { HASHES_PER_ID } from './cell-hash.js';
import { isEmptyCell, type Sketch } from './iblt.js';
import type { ReconcileLimits } from './limits.js';
import { wholeCells } from './limits.js';

/**
 * A cell's count as the wire gives it is mod 256; the true value lies near
 * the mean of its third, net / q, because ids spread evenly. Picking the
 * representative nearest that mean undoes the wrap whenever the cells'
 * spread stays under about 128, which holds wherever a sketch is cheaper
 * than the plain list.
 */
function unwrap(count: number, mean: number): number {
  return count + 256 * Math.round((mean - count) / 256);
}

/**
 * Ids still in `residual`, estimated; 0 only if it is empty. `net` is the
 * residual's true net count (ids only on the subtracting side minus ids
 * only on the other), which the two set counts give exactly.
 */
export function estimateResidual(residual: Sketch, net: number): number {
  const q = residual.cells / HASHES_PER_ID;
  let byEmpty = 0;
  let byCounts = 0;
  let saturated = false;
  let anyLeft = false;
  for (let part = 0; part < HASHES_PER_ID; part++) {
    let empty = 0;
    let squares = 0;
    for (let i = part * q; i < (part + 1) * q; i++) {
      if (isEmptyCell(residual, i)) empty++;
      const s = unwrap(residual.counts[i]!, net / q);
      squares += s * s;
    }
    if (empty < q) anyLeft = true;
    if (empty === 0) saturated = true;
    else if (q > 1) byEmpty += Math.log(empty / q) / Math.log(1 - 1 / q);
    const moment = q > 1 ? (squares - (net * net) / q) / (1 - 1 / q) : squares;
    byCounts += Math.max(moment, Math.abs(net));
  }
  if (!anyLeft) return 0;
  const counts = byCounts / HASHES_PER_ID;
  const estimate = saturated ? counts : Math.max(byEmpty / HASHES_PER_ID, counts);
  return Math.max(1, Math.ceil(estimate));
}

/**
 * Cells for the next request after a sketch of `cells` left `residual`
 * with `peeled` ids out. The estimate from a sketch of m cells is off by a
 * factor of about sqrt(2 / m) (one standard deviation), so the request
 * leaves room for that many spreads on top of what peeling needs.
 */
export function nextCells(residual: Sketch, peeled: number, net: number, limits: ReconcileLimits): number {
  const difference = peeled + estimateResidual(residual, net);
  const spread = 1 + limits.estimateSpreads * Math.sqrt(2 / residual.cells);
  const sized = Math.ceil(difference * limits.retryCellsPerId * spread) + limits.retryExtraCells;
  return wholeCells(Math.max(sized, Math.ceil(residual.cells * limits.minGrowth)));
}

/** Cells for the first sketch: at least the minimum, more when the counts alone prove a large difference. */
export function firstCells(ownCount: number, peerCount: number, limits: ReconcileLimits): number {
  const proven = Math.abs(ownCount - peerCount);
  return wholeCells(Math.max(limits.minCells, Math.ceil(proven * limits.firstCellsPerId) + limits.firstExtraCells));
}
