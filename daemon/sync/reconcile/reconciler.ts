/**
 * Set reconciliation between two laptops that meet: which of the 16-byte
 * ids (stored envelopes, known delivery proofs) each holds that the other
 * lacks. Pure logic: messages in, messages out; the link carries each
 * returned message as `Frame.reconcile`.
 *
 * The exchange (rounds count up; an answer carries its request's round):
 *   opener  r0  {count, digest}          nothing new: one small exchange
 *   answer  r0  {in_sync}                  whatever the set sizes
 *           r0  {count, cells, sketch}   or the plain list {count, have}, in
 *                                         parts, when that is smaller
 *   opener  rN  {cells, seed}            the sketch did not peel: a larger
 *                                         one, sized from the failed one's
 *                                         estimate; {} asks for the list
 *   answer  rN  {count, cells, sketch} / {count, have}...
 *   opener  rN+1 {want}... {want, done}  prefixes it lacks; it now knows
 *                                         the whole difference
 * Costs grow with the difference, not the store, until the plain list is
 * the smaller message; every message fits one frame. Round 0 carries no
 * seed: in sync its 6 bytes would take the exchange from 61 to 67 bytes, so
 * the first sketch is salted by the opener's digest and later ones by the
 * seed each request carries (see cell-hash.ts).
 */
import { SatchelError } from '../../errors/satchel-error.js';
import type { RandomBytes } from '../../util/random.js';
import { createAnswerer } from './answerer.js';
import type { IdSet } from './id-set.js';
import { resolveLimits, type ReconcileLimits } from './limits.js';
import { createOpener } from './opener.js';
import type { Reconciler } from './outcome.js';

export type { ReconcileResult, Reconciler, Step } from './outcome.js';
export {
  DEFAULT_FIRST_CELLS_PER_ID, DEFAULT_FIRST_EXTRA_CELLS, DEFAULT_LIMITS, DEFAULT_MAX_ROUNDS, DEFAULT_MIN_CELLS, DEFAULT_MIN_GROWTH,
  DEFAULT_ESTIMATE_SPREADS, DEFAULT_RETRY_CELLS_PER_ID, DEFAULT_RETRY_EXTRA_CELLS, FRAME_HEADROOM_BYTES, IDS_PER_MESSAGE, MAX_PAYLOAD_BYTES,
  MAX_PEER_IDS, MAX_SKETCH_CELLS, type ReconcileLimits,
} from './limits.js';
export { CELL_BYTES } from './iblt.js';

export type ReconcileRole = 'opener' | 'answerer';

export interface ReconcilerOptions {
  set: IdSet;
  /** 'opener' for the side with the lower node id. */
  role: ReconcileRole;
  /** Source of the opener's seeds. */
  random: RandomBytes;
  limits?: Partial<ReconcileLimits>;
}

export function createReconciler(options: ReconcilerOptions): Reconciler {
  if (options === null || typeof options !== 'object') throw SatchelError.invalidArgument('reconciler options must be an object');
  const { set, role, random } = options;
  if (set === null || typeof set !== 'object' || typeof set.digest !== 'function' || typeof set.byPrefix !== 'function') {
    throw SatchelError.invalidArgument('reconciler needs an IdSet');
  }
  if (typeof random !== 'function') throw SatchelError.invalidArgument('reconciler needs a random source');
  const limits = resolveLimits(options.limits);
  if (role === 'opener') return createOpener({ set, random, limits });
  if (role === 'answerer') return createAnswerer({ set, random, limits });
  throw SatchelError.invalidArgument(`reconciler role must be 'opener' or 'answerer', not ${String(role)}`);
}
