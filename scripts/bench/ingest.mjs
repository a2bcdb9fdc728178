#!/usr/bin/env node
/**
 * Ingest: envelopes received in a sync and durably stored per second, on
 * the real path. A receiving messenger (compiled, dist/) on a temp LMDB
 * store knows a sender as a contact; the sender's short texts are sealed as
 * its messenger seals them, cut into Frames by the real send queue (about
 * 256 KiB of envelopes each), put through the wire encoding, and handed to
 * Mailbox.accept one Frame at a time, as a session hands them over. Each
 * accept is one LMDB transactionSync that opens every envelope, records it,
 * seals the delivery receipt and signs the delivery proof.
 *
 * Baseline, in the same run and on the same filesystem: raw lmdb-js puts of
 * the same records (the encoded envelopes, keyed by their ids), in the same
 * batches, each batch one transactionSync. Rounds alternate which goes
 * first; each round uses fresh stores. Each round also times opening alone
 * (id and GCM-SIV open of as many envelopes, no store), the floor under any
 * ingest, so a miss can be read as crypto or storage.
 *
 * Target (issue 3): ingest at least 0.5 of the raw put rate.
 *
 *   node scripts/bench/ingest.mjs [--quick] [--json]
 */
import { join } from 'node:path';
import { ensureBuilt, importDist, median, report, round, runMain } from './lib/common.mjs';
import { befriend, CORE_MODULES, loadCore, makeForeignUser, startCore } from './lib/core.mjs';
import { tempDir } from './lib/daemon.mjs';

const TARGET_RATIO = 0.5;
const MESSAGES = 30_000;
const QUICK_MESSAGES = 1_500;
const ROUNDS = 5;
const QUICK_ROUNDS = 2;
const TEXT_BYTES = 40;
const SAMPLE_TEXT = 'See you at the well after school, bring the red kite and the map. ';

const NEEDED = [
  ...CORE_MODULES, 'daemon/sync/send-queue.js', 'daemon/sync/mailbox.js', 'daemon/crypto/seal.js', 'daemon/wire/messages.js',
];

async function load() {
  const [c, queue, mailbox, seal, wire, store, lmdb] = await Promise.all([
    loadCore(), importDist('daemon/sync/send-queue.js'), importDist('daemon/sync/mailbox.js'), importDist('daemon/crypto/seal.js'),
    importDist('daemon/wire/messages.js'), importDist('daemon/store/store.js'), import('lmdb'),
  ]);
  return {
    ...c, createSendQueue: queue.createSendQueue, PRIORITY: mailbox.PRIORITY, sealEnvelope: seal.sealEnvelope,
    PairKeys: seal.PairKeys, envelopeId: seal.envelopeId, openEnvelope: seal.openEnvelope, encodeContent: wire.encodeContent, encodeEnvelope: wire.encodeEnvelope,
    encodeFrame: wire.encodeFrame, decodeFrame: wire.decodeFrame, MAX_FRAME_BYTES: wire.MAX_FRAME_BYTES,
    openLmdb: lmdb.open, DEFAULT_STORE_MAP_BYTES: store.DEFAULT_STORE_MAP_BYTES,
  };
}

const textOf = (i) => `${i} ${SAMPLE_TEXT.repeat(2)}`.slice(0, TEXT_BYTES);

/**
 * `count` texts from `sender` to the receiver, as the Frames a session
 * would carry them in: the send queue packs them, and each Frame is encoded
 * and decoded, so accept gets what a socket would give it.
 */
function framesFor(d, sender, receiverKey, count) {
  const keys = new d.PairKeys();
  const offers = [];
  for (let i = 0; i < count; i++) {
    const { envelope, id } = d.sealEnvelope({
      sender: sender.user, recipient: receiverKey, content: d.encodeContent({ text: textOf(i) }),
      lifetimeS: d.WIRE_DEFAULT_LIFETIME, random: d.systemRandom, keys,
    });
    const bytes = d.encodeEnvelope(envelope).length;
    offers.push({ id: Buffer.from(id).toString('hex'), to: '', priority: d.PRIORITY.forPeer, bytes, envelope, copiesGiven: 0 });
  }
  const queue = d.createSendQueue(Infinity, Infinity);
  queue.add(offers);
  return queue.take().map((f) => {
    const wire = d.encodeFrame(f);
    if (wire.length > d.MAX_FRAME_BYTES) throw new Error(`the send queue made a ${wire.length} B frame`);
    return { frame: d.decodeFrame(wire), wireBytes: wire.length };
  });
}

/** The receiver's side of a sync: one accept per Frame. Returns ms per batch. */
function ingest(core, peer, frames) {
  const ms = [];
  for (const { frame } of frames) {
    const envelopes = frame.envelopes ?? [];
    const t = performance.now();
    const r = core.messenger.accept(peer, envelopes, frame.proofs ?? []);
    ms.push(performance.now() - t);
    if (r.stored.length !== envelopes.length || r.refused.length !== 0) {
      throw new Error(`accept stored ${r.stored.length} and refused ${r.refused.length} of ${envelopes.length}`);
    }
  }
  return ms;
}

/** Raw lmdb-js: each batch's records put in one transactionSync, opened like the daemon's store. */
async function rawPuts(d, dir, batches) {
  const root = d.openLmdb({ path: dir, maxDbs: 32, mapSize: d.DEFAULT_STORE_MAP_BYTES });
  const db = root.openDB({ name: 'raw', encoding: 'binary' });
  const ms = [];
  for (const batch of batches) {
    const t = performance.now();
    root.transactionSync(() => {
      for (const [key, value] of batch) db.put(key, value);
    });
    ms.push(performance.now() - t);
  }
  const stored = db.getCount();
  // As store.close does: lmdb-js can hang when close follows a transactionSync in the same tick.
  await new Promise((resolve) => setImmediate(resolve));
  await root.close();
  const expected = batches.reduce((s, b) => s + b.length, 0);
  if (stored !== expected) throw new Error(`raw lmdb holds ${stored} records, expected ${expected}`);
  return ms;
}

/**
 * The least any ingest must do per envelope: compute its id and open it
 * (one key agreement, then the cached pair key), with no store at all. Its
 * rate bounds the ratio ingest could reach with free storage.
 */
function openingFloor(d, sender, count) {
  const me = makeForeignUser(d, 'Bea').user;
  const frames = framesFor(d, sender, me.publicKey, count);
  const keys = new d.PairKeys();
  const t = performance.now();
  for (const { frame } of frames) {
    for (const env of frame.envelopes) {
      d.envelopeId(env);
      if (d.openEnvelope(env, me, [sender.user.publicKey], keys) === null) throw new Error('cannot open an envelope sealed to me');
    }
  }
  const ms = performance.now() - t;
  return { ms, usPerEnvelope: (ms * 1000) / count };
}

async function runRound(d, onCleanup, sender, count, rawFirst) {
  const dir = await tempDir(onCleanup, 'satchel-ingest-');
  const core = await startCore(d, join(dir, 'store'));
  onCleanup(() => core.stop());
  await befriend(core, sender.peer);
  const receiverKey = d.verifyCard(core.messenger.card(), core.nodePublicKey).userKey;
  const frames = framesFor(d, sender, receiverKey, count);
  const batches = frames.map(({ frame }) => frame.envelopes.map((env) => [
    Buffer.from(d.envelopeId(env)).toString('hex'), d.encodeEnvelope(env),
  ]));

  let rawMs;
  if (rawFirst) rawMs = await rawPuts(d, join(dir, 'raw'), batches);
  const ingestMs = ingest(core, sender.peer, frames);
  if (!rawFirst) rawMs = await rawPuts(d, join(dir, 'raw'), batches);

  // A carrier's side: the same texts sealed to someone else, taken into the carry area unopened.
  const carrier = await startCore(d, join(dir, 'carrier'));
  onCleanup(() => carrier.stop());
  const carryFrames = framesFor(d, sender, makeForeignUser(d, 'Chidi').user.publicKey, count);
  const carryMs = ingest(carrier, sender.peer, carryFrames);
  const carried = carrier.messenger.storeUse().carryEnvelopes;
  if (carried !== count) throw new Error(`the carrier holds ${carried} of ${count}`);
  await carrier.stop();

  const open = openingFloor(d, sender, count);
  const accepted = core.counters.snapshot()['inbound.accepted'] ?? 0;
  if (accepted !== count) throw new Error(`the receiver accepted ${accepted} of ${count}`);
  const receiptsQueued = core.messenger.outbox().length;
  await core.stop();

  const ingestTotal = ingestMs.reduce((s, x) => s + x, 0);
  const carryTotal = carryMs.reduce((s, x) => s + x, 0);
  const rawTotal = rawMs.reduce((s, x) => s + x, 0);
  const recordBytes = batches.flat().map(([, v]) => v.length);
  return {
    rawFirst, batches: frames.length, receiptsQueued,
    envelopesPerBatch: median(frames.map(({ frame }) => frame.envelopes.length)),
    frameBytes: median(frames.map((f) => f.wireBytes)),
    recordBytes: median(recordBytes),
    ingest: { ms: ingestTotal, perSecond: count / (ingestTotal / 1000), batchMsMedian: median(ingestMs) },
    raw: { ms: rawTotal, perSecond: count / (rawTotal / 1000), batchMsMedian: median(rawMs) },
    openOnly: open,
    ratio: rawTotal / ingestTotal,
    carry: { ms: carryTotal, perSecond: count / (carryTotal / 1000), ratio: rawTotal / carryTotal },
  };
}

async function main(opts, onCleanup) {
  ensureBuilt(NEEDED);
  const d = await load();
  const count = opts.quick ? QUICK_MESSAGES : MESSAGES;
  const rounds = opts.quick ? QUICK_ROUNDS : ROUNDS;
  const sender = makeForeignUser(d, 'Amara');
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await runRound(d, onCleanup, sender, count, i % 2 === 0));

  const ratio = median(runs.map((r) => r.ratio));
  const ingestRate = median(runs.map((r) => r.ingest.perSecond));
  const rawRate = median(runs.map((r) => r.raw.perSecond));
  const openUs = median(runs.map((r) => r.openOnly.usPerEnvelope));
  const pass = ratio >= TARGET_RATIO;
  const carryRatio = median(runs.map((r) => r.carry.ratio));
  const carryRate = median(runs.map((r) => r.carry.perSecond));
  const carryPass = carryRatio >= TARGET_RATIO;
  const first = runs[0];
  const figures = {
    benchmark: 'ingest', quick: opts.quick, messagesPerRound: count, rounds, textBytes: TEXT_BYTES,
    recordBytes: first.recordBytes, batches: first.batches, envelopesPerBatch: first.envelopesPerBatch, frameBytes: first.frameBytes,
    ingest: { perSecondMedian: ingestRate, usPerEnvelope: 1e6 / ingestRate, batchMsMedian: median(runs.map((r) => r.ingest.batchMsMedian)) },
    raw: { perSecondMedian: rawRate, usPerRecord: 1e6 / rawRate, batchMsMedian: median(runs.map((r) => r.raw.batchMsMedian)) },
    ratio: { median: ratio, worst: Math.min(...runs.map((r) => r.ratio)), best: Math.max(...runs.map((r) => r.ratio)) },
    openOnly: { usPerEnvelope: openUs, ratioCeiling: median(runs.map((r) => (1e6 / r.raw.perSecond) / r.openOnly.usPerEnvelope)) },
    carry: { perSecondMedian: carryRate, usPerEnvelope: 1e6 / carryRate, ratio: carryRatio, pass: carryPass },
    target: { minRatio: TARGET_RATIO, pass, carryPass },
    runs,
  };

  const rate = (x) => `${Math.round(x).toLocaleString('en')}/s`;
  const lines = [
    `ingest: ${count.toLocaleString('en')} sealed ${TEXT_BYTES}-byte texts from a contact, ${rounds} rounds, fresh stores each round`,
    `  batches as the send queue makes Frames: ${first.batches} of ~${first.envelopesPerBatch} envelopes (${first.frameBytes} B frames), records ${first.recordBytes} B`,
    `  accept per batch: open, record (message, conversation, trace, received, expiry), delivery receipt, signed proof; one transactionSync`,
    `  raw: lmdb-js put of the same records in the same batches, one transactionSync each, same filesystem`,
    '',
    ' round | first  | ingest/s    | raw puts/s  | ratio',
    ...runs.map((r, i) => ` ${String(i + 1).padStart(5)} | ${(r.rawFirst ? 'raw' : 'ingest').padEnd(6)} | ${rate(r.ingest.perSecond).padStart(11)} | ${rate(r.raw.perSecond).padStart(11)} | ${r.ratio.toFixed(3)}`),
    '',
    `per envelope: ingest ${round(1e6 / ingestRate, 1)} us, raw put ${round(1e6 / rawRate, 2)} us; per batch median: ingest ${round(figures.ingest.batchMsMedian, 2)} ms, raw ${round(figures.raw.batchMsMedian, 2)} ms`,
    `opening alone (id + GCM-SIV open, no store; same rounds): ${round(openUs, 1)} us per envelope; with free storage the ratio could reach at most ${figures.openOnly.ratioCeiling.toFixed(3)}`,
    `carrier (same texts sealed to someone else, stored unopened in the carry area): ${rate(carryRate)}, ${round(1e6 / carryRate, 1)} us per envelope, ratio ${carryRatio.toFixed(3)}: ${carryPass ? 'PASS' : 'MISS'}`,
    `target: ingest >= ${TARGET_RATIO} x raw lmdb puts: recipient ${pass ? 'PASS' : 'MISS'} (median ratio ${ratio.toFixed(3)}, worst ${figures.ratio.worst.toFixed(3)}), carrier ${carryPass ? 'PASS' : 'MISS'}`,
  ];
  const headline = `ingest recipient ${rate(ingestRate)} ratio=${ratio.toFixed(3)} ${pass ? 'PASS' : 'MISS'}, carrier ${rate(carryRate)} ratio=${carryRatio.toFixed(3)} ${carryPass ? 'PASS' : 'MISS'}, raw ${rate(rawRate)} (target >= ${TARGET_RATIO})`;
  report(opts, { lines, headline, figures });
}

runMain(main);
