/**
 * The bounds and sizing rules of reconciliation, in one place so that both
 * roles apply the same ones and tests can shrink them.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import { MAX_FRAME_BYTES } from '../../wire/messages.js';
import { HASHES_PER_ID } from './cell-hash.js';
import { CELL_BYTES } from './iblt.js';
import { PREFIX_BYTES } from './id-set.js';

/** Room kept in every frame for the Frame and Reconcile field tags, in bytes. */
export const FRAME_HEADROOM_BYTES = 1024;
/** Largest `sketch`, `have` or `want` payload of one message, in bytes. */
export const MAX_PAYLOAD_BYTES = MAX_FRAME_BYTES - FRAME_HEADROOM_BYTES;
/** Largest sketch that fits one frame, in cells (21,759 with 256 KiB frames). */
export const MAX_SKETCH_CELLS = Math.floor(MAX_PAYLOAD_BYTES / CELL_BYTES / HASHES_PER_ID) * HASHES_PER_ID;
/** Prefixes per `have` or `want` message (32,640 with 256 KiB frames). */
export const IDS_PER_MESSAGE = Math.floor(MAX_PAYLOAD_BYTES / PREFIX_BYTES);
/**
 * Smallest first sketch, in cells. 24 cells (288 bytes) peel a difference
 * of up to about 8 ids in one go, which is what two laptops that met
 * recently usually have, and keep a one-id meeting well under 600 bytes.
 */
export const DEFAULT_MIN_CELLS = 24;
/** First sketch: cells per id of difference the two counts already prove. */
export const DEFAULT_FIRST_CELLS_PER_ID = 1.5;
/**
 * First sketch: cells on top of those, for ids that differ both ways and so
 * leave the counts equal, in cells. Half the minimum: a one-id difference
 * still gets the minimum sketch.
 */
export const DEFAULT_FIRST_EXTRA_CELLS = 12;
/**
 * Retry: cells per id of the estimated difference. Peeling three-hash
 * sketches needs 1.23 cells per id as differences grow; 1.35 makes failure
 * rare from a few hundred ids up.
 */
export const DEFAULT_RETRY_CELLS_PER_ID = 1.35;
/**
 * Retry: cells added on top, so that small differences, which need
 * relatively more room, still peel (2.5 cells per id at 20, 1.6 at 100).
 */
export const DEFAULT_RETRY_EXTRA_CELLS = 24;
/**
 * Retry: standard deviations of estimate error to allow for. An estimate
 * from m cells is off by about sqrt(2 / m) (29% from 24 cells, 5% from 800);
 * a low estimate costs a round trip, a high one only bytes.
 */
export const DEFAULT_ESTIMATE_SPREADS = 1.3;
/** Retry: the least a new sketch grows over the failed one, as a factor, so a wrong estimate cannot stall. */
export const DEFAULT_MIN_GROWTH = 1.5;
/**
 * Last round number either side accepts. Round 0 opens; requests for
 * sketches may use rounds up to DEFAULT_MAX_ROUNDS - 2, the round after a
 * failed last sketch asks for the plain list, and the final `want` comes one
 * round later, so every reconciliation ends within this many round trips.
 */
export const DEFAULT_MAX_ROUNDS = 6;
/** Largest set a peer may claim, in ids; far beyond any store's quota, it only bounds memory. */
export const MAX_PEER_IDS = 1_000_000;

export interface ReconcileLimits {
  minCells: number;
  maxCells: number;
  firstCellsPerId: number;
  firstExtraCells: number;
  retryCellsPerId: number;
  retryExtraCells: number;
  estimateSpreads: number;
  minGrowth: number;
  maxRounds: number;
  maxPeerIds: number;
  idsPerMessage: number;
}

export const DEFAULT_LIMITS: Readonly<ReconcileLimits> = Object.freeze({
  minCells: DEFAULT_MIN_CELLS,
  maxCells: MAX_SKETCH_CELLS,
  firstCellsPerId: DEFAULT_FIRST_CELLS_PER_ID,
  firstExtraCells: DEFAULT_FIRST_EXTRA_CELLS,
  retryCellsPerId: DEFAULT_RETRY_CELLS_PER_ID,
  retryExtraCells: DEFAULT_RETRY_EXTRA_CELLS,
  estimateSpreads: DEFAULT_ESTIMATE_SPREADS,
  minGrowth: DEFAULT_MIN_GROWTH,
  maxRounds: DEFAULT_MAX_ROUNDS,
  maxPeerIds: MAX_PEER_IDS,
  idsPerMessage: IDS_PER_MESSAGE,
});

function check(ok: boolean, what: string): void {
  if (!ok) throw SatchelError.invalidArgument(`reconcile limits: ${what}`);
}

const isInt = (v: number, min: number, max: number): boolean => Number.isInteger(v) && v >= min && v <= max;

export function resolveLimits(given: Partial<ReconcileLimits> = {}): ReconcileLimits {
  if (given === null || typeof given !== 'object') throw SatchelError.invalidArgument('reconcile limits must be an object');
  const l: ReconcileLimits = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(given)) {
    check(k in DEFAULT_LIMITS, `unknown limit ${k}`);
    if (v !== undefined) (l as unknown as Record<string, unknown>)[k] = v;
  }
  check(isInt(l.maxCells, HASHES_PER_ID, MAX_SKETCH_CELLS) && l.maxCells % HASHES_PER_ID === 0,
    `maxCells must be a multiple of ${HASHES_PER_ID} up to ${MAX_SKETCH_CELLS}`);
  check(isInt(l.minCells, HASHES_PER_ID, l.maxCells) && l.minCells % HASHES_PER_ID === 0,
    `minCells must be a multiple of ${HASHES_PER_ID} up to maxCells`);
  for (const k of ['firstCellsPerId', 'retryCellsPerId'] as const) check(Number.isFinite(l[k]) && l[k] >= 1 && l[k] <= 100, `${k} must be in [1, 100]`);
  check(Number.isFinite(l.minGrowth) && l.minGrowth > 1 && l.minGrowth <= 100, 'minGrowth must be in (1, 100]');
  check(Number.isFinite(l.estimateSpreads) && l.estimateSpreads >= 0 && l.estimateSpreads <= 10, 'estimateSpreads must be in [0, 10]');
  for (const k of ['firstExtraCells', 'retryExtraCells'] as const) check(isInt(l[k], 0, MAX_SKETCH_CELLS), `${k} must be a count of cells`);
  check(isInt(l.maxRounds, 2, 64), 'maxRounds must be in [2, 64]');
  check(isInt(l.maxPeerIds, 1, 100_000_000), 'maxPeerIds must be in [1, 1e8]');
  check(isInt(l.idsPerMessage, 1, IDS_PER_MESSAGE), `idsPerMessage must be in [1, ${IDS_PER_MESSAGE}]`);
  return l;
}

/** Rounds `n` up to a whole number of cell triples. */
export const wholeCells = (n: number): number => Math.ceil(n / HASHES_PER_ID) * HASHES_PER_ID;

/** Whether the plain list of `ids` prefixes is no bigger than a sketch of `cells`. */
export const listIsCheaper = (ids: number, cells: number): boolean => ids * PREFIX_BYTES <= cells * CELL_BYTES;
