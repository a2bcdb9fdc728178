#!/usr/bin/env node
/**
 * Wire overhead: bytes that cross the link per 1:1 text message beyond its
 * body, measured on the real path: two real link sessions over loopback TCP
 * (handshake, ChaCha20-Poly1305 frames) carrying real sealed envelopes
 * (GCM-SIV, sealed as the messenger seals: default lifetime, 0 on the wire). The socket byte
 * counters of both sessions are read after the handshake, so nothing here
 * is computed from what the code is believed to do; the per-field
 * breakdown is derived from the encodings and checked against the sockets.
 *
 * The baseline, computed in the same run, is the same message as a minimal
 * Bundle Protocol v7 bundle (RFC 9171). Plain BPv7 has no authentication or
 * encryption, so satchel's figure carries two AEAD tags BPv7's does not.
 *
 * Target (issue): one sealed, sender-authenticated message costs at most 56
 * bytes beyond its body.
 *
 *   node scripts/bench/wire-overhead.mjs [--quick] [--json]
 */
import { once } from 'node:events';
import { ensureBuilt, importDist, report, round, runMain } from './lib/common.mjs';
import { encodeBundle } from './lib/bpv7.mjs';
import { varintBytes } from './lib/varint.mjs';

const TARGET_SINGLE_OVERHEAD_BYTES = 56;
const TYPICAL_BODY_BYTES = 60;
const SWEEP_BODY_BYTES = [1, 40, 60, 100, 200, 1000, 4000];
const BATCH_MESSAGES = 1000;
/** --quick: a smaller batch for the sweep (the 60-byte headline keeps 1,000). */
const QUICK_SWEEP_BATCH = 100;
const QUICK_SWEEP_BODY_BYTES = [1, 60, 200, 4000];
const TRANSFER_TIMEOUT_MS = 30_000;
const SAMPLE_TEXT = 'Meet me at the library after class and bring the drawing of the river you made. ';

const NEEDED = [
  'daemon/transport/connect.js', 'daemon/transport/listener.js', 'daemon/transport/frame-cipher.js',
  'daemon/crypto/seal.js', 'daemon/crypto/keys.js', 'daemon/crypto/card.js', 'daemon/wire/messages.js',
  'daemon/messenger/messenger.js', 'daemon/util/clock.js', 'daemon/util/counters.js', 'daemon/util/log.js',
  'daemon/util/random.js',
];

/** An ASCII text of exactly `n` bytes. */
const textOfBytes = (n) => SAMPLE_TEXT.repeat(Math.ceil(n / SAMPLE_TEXT.length)).slice(0, n);

async function loadDaemon() {
  const [connect, listener, cipher, seal, keys, card, wire, messenger, clock, counters, log, random] = await Promise.all(
    NEEDED.map((p) => importDist(p)),
  );
  return {
    connectSession: connect.connectSession, createListener: listener.createListener, AEAD_TAG_BYTES: cipher.AEAD_TAG_BYTES,
    sealEnvelope: seal.sealEnvelope, openEnvelope: seal.openEnvelope, PairKeys: seal.PairKeys,
    generateKeyPair: keys.generateKeyPair, keyId: keys.keyId, toHex: keys.toHex, makeCard: card.makeCard,
    encodeContent: wire.encodeContent, decodeContent: wire.decodeContent, encodeEnvelope: wire.encodeEnvelope,
    encodeFrame: wire.encodeFrame, MAX_FRAME_BYTES: wire.MAX_FRAME_BYTES,
    DEFAULT_LIFETIME_S: messenger.DEFAULT_LIFETIME_S, WIRE_DEFAULT_LIFETIME: messenger.WIRE_DEFAULT_LIFETIME,
    systemClock: clock.systemClock, createCounters: counters.createCounters, silentLogger: log.silentLogger,
    systemRandom: random.systemRandom,
  };
}

/** Two laptops' worth of keys: node key for the session, user key for sealing. */
function makeLaptop(d, name) {
  const node = d.generateKeyPair(d.systemRandom);
  const user = d.generateKeyPair(d.systemRandom);
  return { name, node, user, card: d.makeCard(user, node.publicKey, name, Date.now()) };
}

function sessionOptions(d, laptop) {
  return {
    nodeKey: laptop.node, card: laptop.card, clock: d.systemClock, random: d.systemRandom,
    logger: d.silentLogger, counters: d.createCounters(),
  };
}

/** Counts what a session receives, and lets callers wait for a total. */
function watch(session) {
  const seen = { envelopes: 0, stored: 0, lastEnvelopes: [] };
  const waiters = [];
  session.on('frame', (frame) => {
    const envs = frame.envelopes ?? [];
    seen.envelopes += envs.length;
    if (envs.length > 0) seen.lastEnvelopes = envs;
    seen.stored += frame.stored?.length ?? 0;
    for (const w of [...waiters]) {
      if (w.done()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  session.on('close', (err) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`session closed during a transfer: ${err?.message ?? 'by peer'}`));
  });
  const until = (done, what) => new Promise((resolve, reject) => {
    if (done()) return resolve();
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), TRANSFER_TIMEOUT_MS);
    waiters.push({ done, resolve: () => { clearTimeout(timer); resolve(); }, reject: (e) => { clearTimeout(timer); reject(e); } });
  });
  return { seen, until };
}

/** Greedily packs envelopes into as few Frames as MAX_FRAME_BYTES allows. */
function packFrames(d, envelopes) {
  const frames = [];
  let current = [];
  let size = 0;
  for (const env of envelopes) {
    const len = d.encodeEnvelope(env).length;
    const cost = 1 + varintBytes(len) + len; // field 2 tag, length, envelope
    if (current.length > 0 && size + cost > d.MAX_FRAME_BYTES) {
      frames.push({ envelopes: current });
      current = [];
      size = 0;
    }
    current.push(env);
    size += cost;
  }
  if (current.length > 0) frames.push({ envelopes: current });
  for (const f of frames) {
    const len = d.encodeFrame(f).length;
    if (len > d.MAX_FRAME_BYTES) throw new Error(`packed frame of ${len} B exceeds MAX_FRAME_BYTES`);
  }
  return frames;
}

/** Same for acknowledgement ids (Frame.stored). */
function packIds(d, ids) {
  const perId = 1 + varintBytes(ids[0].length) + ids[0].length;
  const perFrame = Math.floor(d.MAX_FRAME_BYTES / perId);
  const frames = [];
  for (let i = 0; i < ids.length; i += perFrame) frames.push({ stored: ids.slice(i, i + perFrame) });
  return frames;
}

/**
 * Sends `frames` from one session to the other and returns the socket bytes
 * that crossed, after checking that both ends counted the same.
 */
async function transfer(from, to, toWatch, frames, field) {
  const out0 = from.session.bytesOut;
  const in0 = to.session.bytesIn;
  const before = toWatch.seen[field];
  const expected = frames.reduce((s, f) => s + f[field].length, 0);
  for (const f of frames) {
    from.session.send(f);
    if (from.session.pendingOutBytes > 1 << 20) await once(from.session, 'drain');
  }
  await toWatch.until(() => toWatch.seen[field] - before >= expected, `${expected} ${field}`);
  const sent = from.session.bytesOut - out0;
  const received = to.session.bytesIn - in0;
  if (sent !== received) throw new Error(`sender wrote ${sent} B but receiver read ${received} B`);
  if (toWatch.seen[field] - before !== expected) throw new Error(`received ${toWatch.seen[field] - before} ${field}, expected ${expected}`);
  return received;
}

/** Where each byte of one message alone goes, from the encodings themselves. */
function breakdown(d, env, bodyBytes) {
  const content = bodyBytes === 0 ? 0 : d.encodeContent({ text: textOfBytes(bodyBytes) }).length;
  const envBytes = d.encodeEnvelope(env).length;
  const fieldBytes = (field) => {
    const e = { ...env };
    delete e[field];
    return envBytes - d.encodeEnvelope(e).length;
  };
  const frameBytes = d.encodeFrame({ envelopes: [env] }).length;
  const sealedWire = frameBytes + d.AEAD_TAG_BYTES;
  const parts = {
    lengthPrefix: varintBytes(sealedWire),
    sessionTag: d.AEAD_TAG_BYTES,
    frameEnvelopeTagLen: frameBytes - envBytes,
    envelopeTo: fieldBytes('to'),
    envelopeNonce: fieldBytes('nonce'),
    envelopeLifetime: fieldBytes('lifetimeS'),
    envelopeAge: fieldBytes('ageS'),
    envelopeSealedTagLen: fieldBytes('sealed') - env.sealed.length,
    sealTag: env.sealed.length - content,
    contentTextTagLen: content - bodyBytes,
  };
  const total = Object.values(parts).reduce((s, v) => s + v, 0);
  return { parts, total, wireBytes: varintBytes(sealedWire) + sealedWire };
}

async function main(opts, onCleanup) {
  ensureBuilt(NEEDED);
  const d = await loadDaemon();
  // BPv7 states the lifetime in every bundle; satchel's messenger writes the
  // default as WIRE_DEFAULT_LIFETIME (0, omitted), so seal exactly as it does.
  const lifetimeS = d.DEFAULT_LIFETIME_S;
  const wireLifetimeS = d.WIRE_DEFAULT_LIFETIME;
  if (!Number.isInteger(lifetimeS) || !Number.isInteger(wireLifetimeS)) throw new Error('messenger lifetime constants are missing');
  const alice = makeLaptop(d, 'Alice');
  const bob = makeLaptop(d, 'Bob');
  const pairKeys = new d.PairKeys();

  // --- two real sessions over loopback TCP -------------------------------
  let accept;
  const accepted = new Promise((resolve) => { accept = resolve; });
  const listener = d.createListener({ ...sessionOptions(d, bob), host: '127.0.0.1', port: 0, onSession: accept });
  onCleanup(() => listener.close());
  const { port } = await listener.start();
  const [aliceSession, bobSession] = await Promise.all([
    d.connectSession({ ...sessionOptions(d, alice), host: '127.0.0.1', port }),
    accepted,
  ]);
  onCleanup(() => { aliceSession.destroy(); bobSession.destroy(); });
  const handshake = { initiatorOut: aliceSession.bytesOut, responderOut: bobSession.bytesOut };
  if (aliceSession.bytesOut !== bobSession.bytesIn || bobSession.bytesOut !== aliceSession.bytesIn) {
    throw new Error('handshake bytes differ between the two ends');
  }
  const sender = { session: aliceSession };
  const receiver = { session: bobSession };
  const atBob = watch(bobSession);
  const atAlice = watch(aliceSession);

  const seal = (bodyBytes, lt = wireLifetimeS) => d.sealEnvelope({
    sender: alice.user, recipient: bob.user.publicKey, content: d.encodeContent({ text: textOfBytes(bodyBytes) }),
    lifetimeS: lt, random: d.systemRandom, keys: pairKeys,
  });
  /** The receiver must be able to open what it got, or we measured garbage. */
  const checkOpens = (env, bodyBytes) => {
    const opened = d.openEnvelope(env, bob.user, [alice.user.publicKey], pairKeys);
    if (!opened || d.decodeContent(opened.content).text !== textOfBytes(bodyBytes)) throw new Error('receiver cannot open the envelope');
  };

  const bpv7For = (bodyBytes, crc16) => encodeBundle({
    srcNode: d.toHex(d.keyId(alice.node.publicKey)), dstNode: d.toHex(d.keyId(bob.node.publicKey)),
    payload: new TextEncoder().encode(textOfBytes(bodyBytes)), creationUnixMs: Date.now(), sequence: 0,
    lifetimeMs: lifetimeS * 1000, crc16,
  }).length - bodyBytes;

  async function measure(bodyBytes, batchSize) {
    // One message alone: one frame, one envelope.
    const { envelope, id } = seal(bodyBytes);
    const singleWire = await transfer(sender, receiver, atBob, [{ envelopes: [envelope] }], 'envelopes');
    checkOpens(atBob.seen.lastEnvelopes[0], bodyBytes);
    const bd = breakdown(d, envelope, bodyBytes);
    if (bd.wireBytes !== singleWire) throw new Error(`breakdown says ${bd.wireBytes} B, the socket saw ${singleWire} B`);
    const singleAck = await transfer(receiver, sender, atAlice, [{ stored: [id] }], 'stored');

    // A batch: as many envelopes per frame as fit.
    const sealed = Array.from({ length: batchSize }, () => seal(bodyBytes));
    const frames = packFrames(d, sealed.map((s) => s.envelope));
    const batchWire = await transfer(sender, receiver, atBob, frames, 'envelopes');
    checkOpens(atBob.seen.lastEnvelopes.at(-1), bodyBytes);
    const batchAck = await transfer(receiver, sender, atAlice, packIds(d, sealed.map((s) => s.id)), 'stored');
    const largest = Math.max(...frames.map((f) => d.encodeFrame(f).length));
    return {
      bodyBytes,
      single: { wireBytes: singleWire, overheadBytes: singleWire - bodyBytes },
      batch: {
        messages: batchSize, frames: frames.length, wireBytes: batchWire,
        overheadPerMessage: (batchWire - batchSize * bodyBytes) / batchSize,
        transportPerFrameBytes: varintBytes(largest + d.AEAD_TAG_BYTES) + d.AEAD_TAG_BYTES,
      },
      ack: { singleBytes: singleAck, batchPerMessage: batchAck / batchSize },
      breakdown: bd.parts,
      bpv7: { overheadBytes: bpv7For(bodyBytes, false), overheadBytesWithCrc16: bpv7For(bodyBytes, true) },
    };
  }

  const typical = await measure(TYPICAL_BODY_BYTES, BATCH_MESSAGES);
  // The same typical message with an explicit (non-default) lifetime, for comparison.
  const explicitLifetime = seal(TYPICAL_BODY_BYTES, lifetimeS).envelope;
  const explicitLifetimeWire = await transfer(sender, receiver, atBob, [{ envelopes: [explicitLifetime] }], 'envelopes');
  const sweepSizes = opts.quick ? QUICK_SWEEP_BODY_BYTES : SWEEP_BODY_BYTES;
  const sweepBatch = opts.quick ? QUICK_SWEEP_BATCH : BATCH_MESSAGES;
  const sweep = [];
  for (const n of sweepSizes) sweep.push(n === TYPICAL_BODY_BYTES && sweepBatch === BATCH_MESSAGES ? typical : await measure(n, sweepBatch));

  const single = typical.single.overheadBytes;
  const pass = single <= TARGET_SINGLE_OVERHEAD_BYTES;
  const bpv7 = typical.bpv7.overheadBytes;
  const b = typical.breakdown;
  const figures = {
    benchmark: 'wire-overhead',
    quick: opts.quick,
    bodyBytes: TYPICAL_BODY_BYTES,
    lifetimeS,
    single: typical.single,
    batch: typical.batch,
    ack: typical.ack,
    breakdown: b,
    transportPerFrameBytes: b.lengthPrefix + b.sessionTag,
    singleWithExplicitLifetime: { wireBytes: explicitLifetimeWire, overheadBytes: explicitLifetimeWire - TYPICAL_BODY_BYTES },
    bpv7: typical.bpv7,
    ratioToBpv7: { single: single / bpv7, batch: typical.batch.overheadPerMessage / bpv7 },
    handshake,
    target: { maxSingleOverheadBytes: TARGET_SINGLE_OVERHEAD_BYTES, pass },
    sweep: sweep.map((m) => ({
      bodyBytes: m.bodyBytes, singleOverheadBytes: m.single.overheadBytes, batchMessages: m.batch.messages,
      batchFrames: m.batch.frames, batchOverheadPerMessage: m.batch.overheadPerMessage,
      bpv7OverheadBytes: m.bpv7.overheadBytes, bpv7OverheadBytesWithCrc16: m.bpv7.overheadBytesWithCrc16,
      ratioToBpv7: m.single.overheadBytes / m.bpv7.overheadBytes,
    })),
  };

  const pad = (v, w) => String(v).padStart(w);
  const lines = [
    `wire overhead per 1:1 text message: real sessions over loopback TCP, real sealed envelopes (lifetime_s=${lifetimeS}, the messenger's default)`,
    `handshake (once per session, not counted below): initiator ${handshake.initiatorOut} B, responder ${handshake.responderOut} B`,
    '',
    ` body B | single B | batch B/msg (msgs, frames) | BPv7 B | BPv7+CRC B | single/BPv7`,
    ...sweep.map((m) => [
      pad(m.bodyBytes, 7), pad(m.single.overheadBytes, 8),
      `${pad(round(m.batch.overheadPerMessage, 2).toFixed(2), 11)} (${m.batch.messages}, ${m.batch.frames})`.padEnd(27),
      pad(m.bpv7.overheadBytes, 6), pad(m.bpv7.overheadBytesWithCrc16, 10), pad((m.single.overheadBytes / m.bpv7.overheadBytes).toFixed(2), 11),
    ].join(' | ')),
    '',
    `${TYPICAL_BODY_BYTES}-byte text alone: ${typical.single.wireBytes} B on the wire = ${TYPICAL_BODY_BYTES} body + ${single} overhead:`,
    `  transport: length prefix ${b.lengthPrefix} + session ChaCha20-Poly1305 tag ${b.sessionTag} = ${b.lengthPrefix + b.sessionTag} B per frame`,
    `  Frame.envelopes tag+len ${b.frameEnvelopeTagLen}; Envelope: to ${b.envelopeTo}, nonce ${b.envelopeNonce}, lifetime_s ${b.envelopeLifetime}, age_s ${b.envelopeAge}, sealed tag+len ${b.envelopeSealedTagLen}`,
    `  end-to-end seal: GCM-SIV tag ${b.sealTag} (this tag is what authenticates the sender); Content.text tag+len ${b.contentTextTagLen}`,
    `  with an explicit 14-day lifetime_s instead of the default 0: ${figures.singleWithExplicitLifetime.overheadBytes} B`,
    `batch of ${typical.batch.messages}: ${typical.batch.frames} frame(s), ${typical.batch.wireBytes} B -> ${round(typical.batch.overheadPerMessage, 2)} B/msg (transport ${typical.batch.transportPerFrameBytes} B per frame)`,
    `acknowledgements back (Frame.stored; reverse direction, not in the target): alone ${typical.ack.singleBytes} B, batched ${round(typical.ack.batchPerMessage, 2)} B/msg`,
    `BPv7 (RFC 9171), same text, minimal bundle: ${bpv7 + TYPICAL_BODY_BYTES} B = ${bpv7} B overhead (CRC type 0); ${typical.bpv7.overheadBytesWithCrc16} B with the primary-block CRC-16 RFC 9171 4.3.1 requires when no BIB covers it`,
    `  plain BPv7 has no authentication or encryption (BPSec BIB/BCB out of scope): satchel's figure includes two 16-byte AEAD tags BPv7's does not; no convergence layer (TCPCLv4) counted for BPv7`,
    `  ratio satchel/BPv7 overhead: single ${figures.ratioToBpv7.single.toFixed(2)}, batched ${figures.ratioToBpv7.batch.toFixed(2)}`,
    `target: a single sealed, sender-authenticated message costs <= ${TARGET_SINGLE_OVERHEAD_BYTES} B beyond its body: ${pass ? 'PASS' : 'FAIL'} (${single} B)`,
  ];
  const headline = `overhead single=${single} B batch=${typical.batch.overheadPerMessage.toFixed(1)} B/msg bpv7=${bpv7} B (target <= ${TARGET_SINGLE_OVERHEAD_BYTES}) ${pass ? 'PASS' : 'FAIL'}`;
  report(opts, { lines, headline, figures });
}

runMain(main);
