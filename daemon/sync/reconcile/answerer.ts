/**
 * The answerer's side (the higher node id): it says in_sync when count and
 * digest match, otherwise sends a sketch of its set (or its plain list when
 * that is smaller), answers each request for a larger one, and ends when
 * the opener's `want` and `done` arrive, knowing what to offer.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import { HASHES_PER_ID, saltFor } from './cell-hash.js';
import { firstCells } from './estimate.js';
import { compact, only, packPrefixes, prefixKeys, readFields, type Fields } from './fields.js';
import { packSketch, sketchOf } from './iblt.js';
import { DIGEST_BYTES, PREFIX_BYTES } from './id-set.js';
import { MAX_SKETCH_CELLS, listIsCheaper } from './limits.js';
import { inSyncResult, type Reconciler, type RoleOptions, type Step } from './outcome.js';
import type { Reconcile } from '../../wire/messages.js';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function createAnswerer({ set, limits }: RoleOptions): Reconciler {
  let phase: 'opening' | 'running' | 'finished' = 'opening';
  /** Round the opener's next message must carry. */
  let round = 0;
  let openerDigest: Uint8Array = new Uint8Array(0);
  let salt = 0;
  let lastCells = 0;
  /** Our count as last told to the opener: no honest `want` names more ids. */
  let announced = 0;
  /** Prefixes the opener wants so far, and how many it named, duplicates included. */
  let wanted: { keys: Set<string>; prefixes: Uint8Array[]; named: number } | undefined;

  function sketchOrList(r: number, cells: number): Reconcile[] {
    announced = set.size;
    if (cells > limits.maxCells || listIsCheaper(set.size, cells)) {
      return packPrefixes([...set], limits.idsPerMessage).map((have) => compact({ round: r, count: announced, have }));
    }
    lastCells = cells;
    return [compact({ round: r, count: announced, cells, sketch: packSketch(sketchOf(set, cells, salt)) })];
  }

  function onOpening(f: Fields): Step {
    only(f, ['count', 'digest', 'seed'], 'opening');
    if (f.digest.length !== DIGEST_BYTES) throw SatchelError.badFrame(`reconcile digest of ${f.digest.length} bytes`);
    if (f.count > limits.maxPeerIds) throw SatchelError.badFrame(`peer claims ${f.count} ids; the limit is ${limits.maxPeerIds}`);
    openerDigest = f.digest.slice();
    salt = saltFor(f.seed, openerDigest);
    if (f.count === set.size && sameBytes(f.digest, set.digest())) {
      phase = 'finished';
      return { replies: [compact({ inSync: true })], result: inSyncResult() };
    }
    phase = 'running';
    round = 1;
    return { replies: sketchOrList(0, firstCells(set.size, f.count, limits)) };
  }

  function onRequest(f: Fields): Step {
    only(f, ['cells', 'seed'], 'request');
    if (round > limits.maxRounds - 1 || (f.cells > 0 && round > limits.maxRounds - 2)) {
      throw SatchelError.badFrame(`reconcile request in round ${round}; too many rounds`);
    }
    if (f.cells % HASHES_PER_ID !== 0 || f.cells > MAX_SKETCH_CELLS) throw SatchelError.badFrame(`request for ${f.cells} cells`);
    if (f.cells > 0 && f.cells <= lastCells) throw SatchelError.badFrame(`request for ${f.cells} cells after ${lastCells}`);
    salt = saltFor(f.seed, openerDigest);
    const r = round++;
    return { replies: sketchOrList(r, f.cells === 0 ? Infinity : f.cells) };
  }

  function onWant(f: Fields): Step {
    only(f, ['want', 'done'], 'want');
    const keys = prefixKeys(f.want, 'want');
    if (keys.length === 0 && !f.done) throw SatchelError.badFrame('an empty part of a want list');
    wanted ??= { keys: new Set(), prefixes: [], named: 0 };
    wanted.named += keys.length;
    if (wanted.named > announced) throw SatchelError.badFrame(`want of ${wanted.named} ids from a set of ${announced}`);
    keys.forEach((k, i) => {
      if (wanted!.keys.has(k)) return;
      wanted!.keys.add(k);
      wanted!.prefixes.push(f.want.subarray(i * PREFIX_BYTES, (i + 1) * PREFIX_BYTES));
    });
    if (!f.done) return { replies: [] };
    phase = 'finished';
    const theyLack: Uint8Array[] = [];
    for (const p of wanted.prefixes) {
      const id = set.byPrefix(p);
      if (id !== undefined) theyLack.push(id);
    }
    return { replies: [], result: { theyLack, weLack: [], inSync: false } };
  }

  return {
    get finished() {
      return phase === 'finished';
    },
    start() {
      return undefined;
    },
    receive(msg) {
      const f = readFields(msg);
      if (phase === 'finished') throw SatchelError.badFrame('a reconcile message after the end');
      if (f.round !== round) throw SatchelError.badFrame(`reconcile round ${f.round} where ${round} was due`);
      if (phase === 'opening') return onOpening(f);
      return f.done || f.want.length > 0 || wanted !== undefined ? onWant(f) : onRequest(f);
    },
  };
}
