/**
 * A peer that breaks the protocol, by mistake or on purpose: every message
 * out of order, out of shape or out of bounds ends in BAD_FRAME, and no
 * message makes a side loop or allocate beyond the frame it came in.
 */
import t from 'tap';
import { CELL_BYTES, packSketch, sketchOf, subtract } from '../../../daemon/sync/reconcile/iblt.js';
import { createIdSet, type IdSet } from '../../../daemon/sync/reconcile/id-set.js';
import { saltFor } from '../../../daemon/sync/reconcile/cell-hash.js';
import {
  DEFAULT_MAX_ROUNDS, MAX_PEER_IDS, MAX_SKETCH_CELLS, createReconciler, type Reconciler,
} from '../../../daemon/sync/reconcile/reconciler.js';
import { seededRandom } from '../../../daemon/util/random.js';
import type { Reconcile } from '../../../daemon/wire/messages.js';
import { makeIds, sets } from './pair.js';

const BAD = { code: 'BAD_FRAME' };

function answererWith(set: IdSet): Reconciler {
  return createReconciler({ set, role: 'answerer', random: seededRandom(1) });
}

/** An opener that has sent its opening and waits for the answer. */
function openerWith(set: IdSet): { opener: Reconciler; open: Reconcile } {
  const opener = createReconciler({ set, role: 'opener', random: seededRandom(2) });
  return { opener, open: opener.start()! };
}

/** An answerer past the opening, waiting for round 1. */
function answererInRound1() {
  const s = sets(1_000, 30, 30);
  const { open } = openerWith(s.opener);
  const answerer = answererWith(s.answerer);
  const first = answerer.receive(open).replies[0]!;
  return { answerer, s, first };
}

t.test('the answerer refuses a bad opening', async (t) => {
  const set = createIdSet(makeIds(100, seededRandom(3)));
  const digest = set.digest();
  const cases: [string, unknown][] = [
    ['no digest', { count: 100 }],
    ['short digest', { count: 100, digest: digest.subarray(0, 15) }],
    ['long digest', { count: 100, digest: new Uint8Array(17) }],
    ['digest as text', { count: 100, digest: 'x'.repeat(16) }],
    ['round 1 first', { round: 1, count: 100, digest }],
    ['a sketch in the opening', { count: 100, digest, sketch: new Uint8Array(36), cells: 3 }],
    ['a want in the opening', { count: 100, digest, want: new Uint8Array(8) }],
    ['done in the opening', { count: 100, digest, done: true }],
    ['absurd count', { count: MAX_PEER_IDS + 1, digest }],
    ['negative round', { round: -1, count: 100, digest }],
    ['fractional count', { count: 1.5, digest }],
    ['count as text', { count: '100', digest }],
    ['not an object', null],
  ];
  for (const [what, msg] of cases) t.throws(() => answererWith(set).receive(msg as Reconcile), BAD, what);
});

t.test('the answerer refuses bad requests', async (t) => {
  const cases: [string, Reconcile][] = [
    ['round 0 again', { round: 0, cells: 300 }],
    ['round 2 before 1', { round: 2, cells: 300 }],
    ['cells not in triples', { round: 1, cells: 301 }],
    ['absurd cells', { round: 1, cells: 0xffffffff }],
    ['beyond any frame', { round: 1, cells: MAX_SKETCH_CELLS + 3 }],
    ['no larger than the last', { round: 1, cells: 24 }],
    ['a sketch in a request', { round: 1, cells: 300, sketch: new Uint8Array(12) }],
    ['want not in 8-byte ids', { round: 1, want: new Uint8Array(12), done: true }],
    ['a have list from the opener', { round: 1, cells: 300, have: new Uint8Array(8) }],
  ];
  for (const [what, msg] of cases) {
    const { answerer } = answererInRound1();
    t.throws(() => answerer.receive(msg), BAD, what);
  }
});

t.test('the answerer bounds the rounds and the want list', async (t) => {
  const { answerer } = answererInRound1();
  let cells = 24;
  let round = 1;
  for (; round <= DEFAULT_MAX_ROUNDS - 2; round++) {
    cells += 30;
    t.ok(answerer.receive({ round, cells }).replies.length > 0, `round ${round} answered`);
  }
  t.throws(() => answerer.receive({ round, cells: cells + 30 }), BAD, 'one sketch request too many');
  const again = answererInRound1().answerer;
  t.throws(() => again.receive({ round: 1, want: new Uint8Array(8 * 1_100), done: true }), BAD, 'wants more ids than the answerer holds');
  const parts = answererInRound1().answerer;
  const part = new Uint8Array(8 * 500);
  parts.receive({ round: 1, want: part });
  parts.receive({ round: 1, want: part });
  t.throws(() => parts.receive({ round: 1, want: part }), BAD, 'the same ids over and over still count');
  const empty = answererInRound1().answerer;
  empty.receive({ round: 1, want: new Uint8Array(8) });
  t.throws(() => empty.receive({ round: 1 }), BAD, 'an empty part of a want list');
  t.throws(() => answererInRound1().answerer.receive({ round: 1, want: new Uint8Array(8), cells: 30 }), BAD, 'a request inside a want');
});

t.test('a finished side takes nothing more', async (t) => {
  const { answerer, s } = answererInRound1();
  const want = s.answererOnly[0]!.subarray(0, 8);
  const end = answerer.receive({ round: 1, want, done: true });
  t.equal(end.result?.theyLack.length, 1);
  t.ok(answerer.finished);
  t.throws(() => answerer.receive({ round: 2, cells: 300 }), BAD);
  const same = sets(10, 0, 0);
  const { opener, open } = openerWith(same.opener);
  const ans = answererWith(same.answerer);
  const reply = ans.receive(open);
  t.ok(reply.result?.inSync && ans.finished);
  opener.receive(reply.replies[0]!);
  t.ok(opener.finished);
  t.throws(() => opener.receive({ inSync: true }), BAD);
  t.throws(() => ans.receive(open), BAD);
});

t.test('unknown wanted ids are ignored', async (t) => {
  const { answerer, s } = answererInRound1();
  const want = new Uint8Array(16);
  want.set(s.answererOnly[0]!.subarray(0, 8), 0);
  want.fill(0xab, 8);
  const end = answerer.receive({ round: 1, want, done: true });
  t.equal(end.result?.theyLack.length, 1);
});

t.test('the opener refuses bad answers', async (t) => {
  const s = sets(1_000, 30, 30);
  const good = () => openerWith(s.opener);
  const salt = saltFor(0, s.opener.digest());
  const sketch24 = packSketch(sketchOf(s.answerer, 24, salt));
  t.throws(() => createReconciler({ set: s.opener, role: 'opener', random: seededRandom(1) }).receive({ inSync: true }), BAD,
    'an answer before the opening');
  const cases: [string, Reconcile][] = [
    ['wrong round', { round: 1, count: 1030, cells: 24, sketch: sketch24 }],
    ['sketch shorter than its cells', { count: 1030, cells: 24, sketch: sketch24.subarray(12) }],
    ['sketch longer than its cells', { count: 1030, cells: 21, sketch: sketch24 }],
    ['cells not in triples', { count: 1030, cells: 25, sketch: new Uint8Array(25 * CELL_BYTES) }],
    ['absurd cells', { count: 1030, cells: 0xfffffff, sketch: sketch24 }],
    ['absurd count', { count: MAX_PEER_IDS + 1, cells: 24, sketch: sketch24 }],
    ['in_sync with a sketch', { inSync: true, cells: 24, sketch: sketch24 }],
    ['have not in 8-byte ids', { count: 2, have: new Uint8Array(12) }],
    ['have longer than its count', { count: 1, have: new Uint8Array(16) }],
    ['an id twice in have', { count: 2, have: new Uint8Array(16) }],
    ['an empty part of a list', { count: 5 }],
    ['a want from the answerer', { want: new Uint8Array(8), done: true }],
    ['sketch as text', { count: 1030, cells: 24, sketch: 'x' as unknown as Uint8Array }],
  ];
  for (const [what, msg] of cases) t.throws(() => good().opener.receive(msg), BAD, what);

  const parts = good().opener;
  const ids = makeIds(3, seededRandom(4));
  parts.receive({ count: 3, have: ids[0]!.subarray(0, 8) });
  t.throws(() => parts.receive({ count: 4, have: ids[1]!.subarray(0, 8) }), BAD, 'list parts that disagree on the count');
  const mixed = good().opener;
  mixed.receive({ count: 3, have: ids[0]!.subarray(0, 8) });
  t.throws(() => mixed.receive({ count: 3, cells: 24, sketch: sketch24 }), BAD, 'a sketch in the middle of a list');
});

t.test('the opener refuses a sketch of another size than it asked for', async (t) => {
  const s = sets(10_000, 300, 300);
  const { opener, open } = openerWith(s.opener);
  const answerer = answererWith(s.answerer);
  const first = answerer.receive(open).replies[0]!;
  const request = opener.receive(first).replies[0]!;
  t.ok(request.cells! > 24, `asks for ${request.cells} cells`);
  const cells = request.cells! - 3;
  const salt = saltFor(request.seed ?? 0, s.opener.digest());
  t.throws(() => opener.receive({ round: 1, count: 10_300, cells, sketch: packSketch(sketchOf(s.answerer, cells, salt)) }), BAD);
});

t.test('a junk or forged sketch never ends in a wrong answer', async (t) => {
  const s = sets(1_000, 5, 5);
  const random = seededRandom(8);
  const junk = openerWith(s.opener).opener.receive({ count: 1_005, cells: 24, sketch: random(24 * CELL_BYTES) });
  t.notOk(junk.result, 'junk does not peel');
  t.equal(junk.replies.length, 1, 'the opener asks again');
  const { opener, open } = openerWith(s.opener);
  let step: ReturnType<Reconciler['receive']> = { replies: [{ cells: 24 }] };
  // Forged sketches that peel cleanly into ids the opener would have to hold, and does not.
  const strangers = makeIds(4, random);
  let round = 0;
  for (; !step.result; round++) {
    const ask = step.replies[0]!;
    t.ok(round <= DEFAULT_MAX_ROUNDS - 1, `round ${round}`);
    let answer: Reconcile;
    if ((ask.cells ?? 0) > 0) {
      const salt = saltFor(ask.seed ?? 0, open.digest!);
      const forged = subtract(sketchOf(s.opener, ask.cells!, salt), sketchOf(strangers, ask.cells!, salt));
      answer = { round, count: 1_001, cells: ask.cells!, sketch: packSketch(forged) };
    } else {
      answer = { round, count: 1_005, have: Buffer.concat([...s.answerer].map((id) => id.subarray(0, 8))) };
    }
    step = opener.receive(answer);
  }
  t.ok(round > 2, 'the forgeries were turned down');
  t.equal(step.result.theyLack.length, 5, 'the answer came from the plain list');
  t.equal(step.result.weLack.length, 5);
});

t.test('bad options', async (t) => {
  const set = createIdSet();
  const random = seededRandom(1);
  t.throws(() => createReconciler(null as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createReconciler({ set, role: 'peer' as never, random }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createReconciler({ set: {} as IdSet, role: 'opener', random }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createReconciler({ set, role: 'opener', random: 5 as never }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createReconciler({ set, role: 'opener', random, limits: { maxRounds: 0 } }), { code: 'INVALID_ARGUMENT' });
});
