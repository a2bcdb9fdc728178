/**
 * Two reconcilers talking through the real wire encoding (each message goes
 * through encodeFrame and decodeFrame, as the link would carry it), with
 * the bytes and round trips the link would see.
 */
import { createIdSet, type IdSet } from '../../../daemon/sync/reconcile/id-set.js';
import { createReconciler, type ReconcileLimits, type ReconcileResult } from '../../../daemon/sync/reconcile/reconciler.js';
import { seededRandom, type RandomBytes } from '../../../daemon/util/random.js';
import { decodeFrame, encodeFrame, type Reconcile } from '../../../daemon/wire/messages.js';

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const sortedHex = (list: Uint8Array[]): string[] => list.map(hex).sort();

/** `n` distinct ids from a seeded stream. */
export function makeIds(n: number, random: RandomBytes): Uint8Array[] {
  const all = random(n * 16);
  return Array.from({ length: n }, (_, i) => all.slice(i * 16, (i + 1) * 16));
}

export interface PairRun {
  opener: ReconcileResult;
  answerer: ReconcileResult;
  /** Every message in the order sent, as the encoded Frame. */
  frames: { from: 'opener' | 'answerer'; bytes: Uint8Array }[];
  /** Opener turns: each starts a round trip. */
  roundTrips: number;
}

export interface PairOptions {
  seed?: number;
  limits?: Partial<ReconcileLimits>;
  openerLimits?: Partial<ReconcileLimits>;
}

export function runPair(openerSet: IdSet, answererSet: IdSet, opts: PairOptions = {}): PairRun {
  const seed = opts.seed ?? 1;
  const limits = opts.openerLimits ?? opts.limits;
  const opener = createReconciler({ set: openerSet, role: 'opener', random: seededRandom(seed), ...(limits ? { limits } : {}) });
  const answerer = createReconciler({
    set: answererSet, role: 'answerer', random: seededRandom(seed + 1000), ...(opts.limits ? { limits: opts.limits } : {}),
  });
  const frames: PairRun['frames'] = [];
  const carry = (from: 'opener' | 'answerer', m: Reconcile): Reconcile => {
    const bytes = encodeFrame({ reconcile: m });
    frames.push({ from, bytes });
    const back = decodeFrame(bytes).reconcile;
    if (!back) throw new Error('frame lost its reconcile field');
    return back;
  };
  let openerResult: ReconcileResult | undefined;
  let answererResult: ReconcileResult | undefined;
  const first = opener.start();
  if (!first) throw new Error('opener had nothing to say');
  let toAnswerer = [first];
  let roundTrips = 0;
  while (toAnswerer.length > 0) {
    if (++roundTrips > 64) throw new Error('reconciliation does not end');
    const toOpener: Reconcile[] = [];
    for (const m of toAnswerer) {
      const step = answerer.receive(carry('opener', m));
      toOpener.push(...step.replies);
      if (step.result) answererResult = step.result;
    }
    toAnswerer = [];
    for (const m of toOpener) {
      const step = opener.receive(carry('answerer', m));
      toAnswerer.push(...step.replies);
      if (step.result) openerResult = step.result;
    }
  }
  if (!openerResult || !answererResult) throw new Error('a side ended without a result');
  if (!opener.finished || !answerer.finished) throw new Error('a side did not finish');
  return { opener: openerResult, answerer: answererResult, frames, roundTrips };
}

/** Two sets sharing `common` ids, each with its own extra ids. */
export function sets(common: number, openerOnly: number, answererOnly: number, seed = 7) {
  const random = seededRandom(seed);
  const shared = makeIds(common, random);
  const a = makeIds(openerOnly, random);
  const b = makeIds(answererOnly, random);
  return { opener: createIdSet([...shared, ...a]), answerer: createIdSet([...shared, ...b]), openerOnly: a, answererOnly: b };
}

export const linkBytes = (run: PairRun): number =>
  run.frames.reduce((sum, f) => {
    const sealed = f.bytes.length + 16;
    return sum + sealed + (sealed < 0x80 ? 1 : sealed < 0x4000 ? 2 : 3);
  }, 0);
