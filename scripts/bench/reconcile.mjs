#!/usr/bin/env node
/**
 * Set reconciliation: bytes on the link and round trips for two laptops
 * with 10,000 ids each to find out which ids each lacks, with the compiled
 * reconciler (dist/daemon/sync/reconcile/). Each message is counted as the
 * secure channel sends it: encodeFrame({ reconcile }) + the 16-byte
 * ChaCha20-Poly1305 tag + the varint length prefix. A round trip is one
 * opener -> answerer -> opener exchange; the opener's final `want` starts
 * the next one (the peer answers it with envelopes).
 *
 * Baseline, in the same run: the plain list. The opener sends all its
 * 16-byte ids; the answerer replies with the 16-byte ids it lacks and those
 * it holds that the opener lacks (one round trip, same framing).
 * Reference (Negentropy, measured by the author on the same sizes):
 * 338 B in sync, about 1,070 B for one difference, about 41 KB for 100.
 *
 * Every case runs with several seeds (ids and the opener's randomness);
 * targets are judged on the worst run.
 *
 *   node scripts/bench/reconcile.mjs [--quick] [--json]
 */
import { ensureBuilt, importDist, median, report, runMain } from './lib/common.mjs';
import { varintBytes } from './lib/varint.mjs';

const IDS_PER_SIDE = 10_000;
const TRIALS = 15;
const QUICK_TRIALS = 3;
const TARGET_IN_SYNC_BYTES = 64;
const TARGET_IN_SYNC_ROUND_TRIPS = 1;
const TARGET_ONE_BYTES = 600;
const TARGET_ONE_ROUND_TRIPS = 2;
const TARGET_HUNDRED_BYTES = 10_000;
const NEGENTROPY_BYTES = { inSync: 338, one: 1_070, hundred: 41_000 };

/** Cases: ids only the opener holds, ids only the answerer holds. The opener holds 10,000; so does the answerer, but for `one` (10,001). */
const CASES = [
  { key: 'inSync', label: 'in sync', openerOnly: 0, answererOnly: 0 },
  { key: 'one', label: '1 difference (opener lacks it)', openerOnly: 0, answererOnly: 1 },
  { key: 'hundred', label: '100 differences, 50 each way', openerOnly: 50, answererOnly: 50 },
  { key: 'thousand', label: '1,000 differences, 500 each way', openerOnly: 500, answererOnly: 500 },
];

const NEEDED = [
  'daemon/sync/reconcile/reconciler.js', 'daemon/sync/reconcile/id-set.js', 'daemon/wire/messages.js',
  'daemon/util/random.js', 'daemon/transport/frame-cipher.js',
];

async function load() {
  const [reconciler, idSet, wire, random, cipher] = await Promise.all(NEEDED.map((p) => importDist(p)));
  return {
    createReconciler: reconciler.createReconciler, createIdSet: idSet.createIdSet, encodeFrame: wire.encodeFrame,
    decodeFrame: wire.decodeFrame, MAX_FRAME_BYTES: wire.MAX_FRAME_BYTES, seededRandom: random.seededRandom,
    AEAD_TAG_BYTES: cipher.AEAD_TAG_BYTES,
  };
}

/** Bytes the secure channel puts on the link for one Frame. */
function linkBytes(d, frame) {
  const sealed = d.encodeFrame(frame).length + d.AEAD_TAG_BYTES;
  return varintBytes(sealed) + sealed;
}

function makeIds(d, n, random) {
  const all = random(n * 16);
  return Array.from({ length: n }, (_, i) => all.slice(i * 16, (i + 1) * 16));
}

/** One reconciliation through the real wire encoding; returns its cost and checks its answer. */
function reconcile(d, spec, seed) {
  const random = d.seededRandom(seed);
  const shared = makeIds(d, IDS_PER_SIDE - spec.openerOnly, random);
  const openerOnly = makeIds(d, spec.openerOnly, random);
  const answererOnly = makeIds(d, spec.answererOnly, random);
  const openerSet = d.createIdSet([...shared, ...openerOnly]);
  const answererSet = d.createIdSet([...shared, ...answererOnly]);
  openerSet.digest();
  answererSet.digest();

  const started = performance.now();
  const opener = d.createReconciler({ set: openerSet, role: 'opener', random: d.seededRandom(seed * 7 + 1) });
  const answerer = d.createReconciler({ set: answererSet, role: 'answerer', random: d.seededRandom(seed * 7 + 2) });
  let bytes = 0;
  let messages = 0;
  let largestFrame = 0;
  let roundTrips = 0;
  let openerResult;
  let answererResult;
  const carry = (m) => {
    const frame = { reconcile: m };
    const len = d.encodeFrame(frame).length;
    largestFrame = Math.max(largestFrame, len);
    bytes += linkBytes(d, frame);
    messages++;
    return d.decodeFrame(d.encodeFrame(frame)).reconcile;
  };
  let toAnswerer = [opener.start()];
  while (toAnswerer.length > 0) {
    roundTrips++;
    const toOpener = [];
    for (const m of toAnswerer) {
      const step = answerer.receive(carry(m));
      toOpener.push(...step.replies);
      answererResult = step.result ?? answererResult;
    }
    toAnswerer = [];
    for (const m of toOpener) {
      const step = opener.receive(carry(m));
      toAnswerer.push(...step.replies);
      openerResult = step.result ?? openerResult;
    }
  }
  const ms = performance.now() - started;
  const hex = (b) => Buffer.from(b).toString('hex');
  const same = (a, b) => a.map(hex).sort().join() === b.map(hex).sort().join();
  if (!openerResult || !answererResult
    || !same(openerResult.theyLack, openerOnly)
    || !same(openerResult.weLack, answererOnly.map((id) => id.subarray(0, 8)))
    || !same(answererResult.theyLack, answererOnly)) {
    throw new Error(`${spec.label}, seed ${seed}: the reconciliation found the wrong difference`);
  }
  if (largestFrame > d.MAX_FRAME_BYTES - 1000) throw new Error(`a frame of ${largestFrame} B leaves no headroom`);
  return { bytes, roundTrips, messages, ms, openerSet, answererSet };
}

/** The plain list, framed and sealed the same way: all 16-byte ids out, the differences back. */
function plainList(d, openerSet, answererSet) {
  const mine = [...openerSet];
  const out = linkBytes(d, { reconcile: { have: Buffer.concat(mine) } });
  const lacks = mine.filter((id) => !answererSet.has(id));
  const extra = [...answererSet].filter((id) => !openerSet.has(id));
  const back = linkBytes(d, { reconcile: { want: Buffer.concat(lacks), have: Buffer.concat(extra) } });
  return { bytes: out + back, roundTrips: 1 };
}

async function main(opts) {
  ensureBuilt(NEEDED);
  const d = await load();
  const trials = opts.quick ? QUICK_TRIALS : TRIALS;
  const cases = {};
  for (const spec of CASES) {
    const runs = [];
    let plain;
    for (let seed = 1; seed <= trials; seed++) {
      const r = reconcile(d, spec, seed);
      plain ??= plainList(d, r.openerSet, r.answererSet);
      runs.push(r);
    }
    const bytes = runs.map((r) => r.bytes);
    const rts = runs.map((r) => r.roundTrips);
    cases[spec.key] = {
      label: spec.label, openerOnly: spec.openerOnly, answererOnly: spec.answererOnly,
      bytes: { median: median(bytes), worst: Math.max(...bytes), best: Math.min(...bytes) },
      roundTrips: { median: median(rts), worst: Math.max(...rts) },
      messages: { median: median(runs.map((r) => r.messages)) },
      msMedian: Number(median(runs.map((r) => r.ms)).toFixed(2)),
      plainList: plain,
      ratioToPlainList: { median: median(bytes) / plain.bytes, worst: Math.max(...bytes) / plain.bytes },
    };
  }
  const c = cases;
  const targets = {
    inSync: { maxBytes: TARGET_IN_SYNC_BYTES, maxRoundTrips: TARGET_IN_SYNC_ROUND_TRIPS,
      pass: c.inSync.bytes.worst <= TARGET_IN_SYNC_BYTES && c.inSync.roundTrips.worst <= TARGET_IN_SYNC_ROUND_TRIPS },
    one: { maxBytes: TARGET_ONE_BYTES, maxRoundTrips: TARGET_ONE_ROUND_TRIPS,
      pass: c.one.bytes.worst <= TARGET_ONE_BYTES && c.one.roundTrips.worst <= TARGET_ONE_ROUND_TRIPS },
    hundred: { maxBytes: TARGET_HUNDRED_BYTES, pass: c.hundred.bytes.worst <= TARGET_HUNDRED_BYTES },
  };
  const allPass = Object.values(targets).every((x) => x.pass);
  const figures = {
    benchmark: 'reconcile', quick: opts.quick, idsPerSide: IDS_PER_SIDE, trials, cases, targets,
    negentropyReferenceBytes: NEGENTROPY_BYTES,
    ratioToNegentropy: { inSync: c.inSync.bytes.worst / NEGENTROPY_BYTES.inSync, one: c.one.bytes.worst / NEGENTROPY_BYTES.one,
      hundred: c.hundred.bytes.worst / NEGENTROPY_BYTES.hundred },
    pass: allPass,
  };

  const pad = (v, w) => String(v).padStart(w);
  const kb = (n) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} KB` : `${n} B`);
  const verdict = (t) => (t ? (t.pass ? 'PASS' : 'MISS') : '');
  const targetText = { inSync: `<= ${TARGET_IN_SYNC_BYTES} B, 1 RT`, one: `<= ${TARGET_ONE_BYTES} B, <= 2 RT`, hundred: `<= ${kb(TARGET_HUNDRED_BYTES)}`, thousand: '' };
  const lines = [
    `set reconciliation, ${IDS_PER_SIDE.toLocaleString('en')} ids a side, ${trials} seeds per case; link bytes = frame + ${d.AEAD_TAG_BYTES}-byte tag + length prefix`,
    '',
    ` ${'case'.padEnd(32)} | bytes median (worst) | RT (worst) | plain list | ratio   | target             |`,
    ...CASES.map(({ key }) => {
      const x = c[key];
      return [
        ` ${x.label.padEnd(32)}`, `${pad(kb(x.bytes.median), 10)} (${pad(kb(x.bytes.worst), 7)})`,
        `${pad(x.roundTrips.median, 4)} (${x.roundTrips.worst})   `, pad(kb(x.plainList.bytes), 10), pad(x.ratioToPlainList.worst.toFixed(4), 7),
        `${targetText[key].padEnd(18)} ${verdict(targets[key])}`,
      ].join(' | ');
    }),
    '',
    `plain list: opener's ids in 16 bytes each, one round trip; ratio = worst reconcile bytes / plain list bytes`,
    `Negentropy reference (issue): in sync ${NEGENTROPY_BYTES.inSync} B, one difference ~${NEGENTROPY_BYTES.one} B, 100 differences ~${kb(NEGENTROPY_BYTES.hundred)}`,
    `  ratio to it (worst run): in sync ${figures.ratioToNegentropy.inSync.toFixed(2)}, one ${figures.ratioToNegentropy.one.toFixed(2)}, 100 ${figures.ratioToNegentropy.hundred.toFixed(2)}`,
    `compute per reconciliation (median, both sides, one process): ${CASES.map(({ key }) => `${key} ${c[key].msMedian} ms`).join(', ')}`,
  ];
  const headline = `reconcile in-sync=${c.inSync.bytes.worst} B/${c.inSync.roundTrips.worst} RT one=${c.one.bytes.worst} B/${c.one.roundTrips.worst} RT `
    + `100=${c.hundred.bytes.worst} B 1000=${c.thousand.bytes.worst} B (plain list ${kb(c.inSync.plainList.bytes)}) ${allPass ? 'PASS' : 'MISS'}`;
  report(opts, { lines, headline, figures });
}

runMain(main);
