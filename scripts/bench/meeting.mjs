#!/usr/bin/env node
/**
 * Meeting throughput: two laptops meet, each holding 10,000 short texts
 * for the other. Two daemon cores (store, messenger, session manager; the
 * compiled parts in dist/) run in this process on loopback, each user a
 * contact of the other. Both queue their texts through messenger.send
 * while apart (not timed); then each hears the other's beacon, as
 * discovery would report it, and the clock starts.
 *
 * Done = both sides have received all the other's texts and all their own
 * are acknowledged by the other laptop ('sent'). Also reported: when every
 * own text is 'delivered' (the receipts came back), and when the link went
 * quiet. Bytes are counted at the socket: each Session counts every byte it
 * writes to and reads from its TCP socket, handshake included, and the two
 * ends are checked to agree.
 *
 * Baseline, in the same run: the same 2 x 10,000 bodies written both ways
 * at once over a plain loopback TCP socket (connect included), time until
 * both ends have read them all, bytes as the sockets counted them.
 *
 *   node scripts/bench/meeting.mjs [--quick] [--json]
 */
import net from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { ensureBuilt, importDist, median, report, round, runMain } from './lib/common.mjs';
import { befriend, CORE_MODULES, linkPeer, loadCore, startCore } from './lib/core.mjs';
import { tempDir } from './lib/daemon.mjs';

const MESSAGES = 10_000;
const QUICK_MESSAGES = 200;
const TEXT_BYTES = 40;
const BASELINE_RUNS = 5;
/** The link counts as quiet once no byte has moved for this long, in ms. */
const QUIET_MS = 500;
const QUIET_POLL_MS = 25;
const MEETING_TIMEOUT_MS = 300_000;
const NEEDED = [...CORE_MODULES, 'daemon/wire/messages.js', 'daemon/crypto/seal.js', 'daemon/transport/frame-cipher.js'];
const SAMPLE_TEXT = 'Did you finish the river drawing? Bring it tomorrow, we can hang it up. ';

/** An ASCII text of exactly TEXT_BYTES bytes, different for every message. */
const textOf = (who, i) => `${who}${i} ${SAMPLE_TEXT}`.slice(0, TEXT_BYTES);

const varintBytes = (x) => {
  let len = 1;
  while (x >= 0x80) {
    x = Math.floor(x / 0x80);
    len++;
  }
  return len;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Where a session's bytes go, by Frame field: wraps its send() (observing
 * only) before sync sends anything. The socket counts stay the figure; this
 * split must add up to them.
 */
function tallySends(d, sess, isText) {
  const tally = {
    transport: 0, textEnvelopes: 0, textBodies: 0, receiptEnvelopes: 0, proofs: 0, acks: 0, reconcile: 0, route: 0, other: 0,
  };
  const send = sess.send.bind(sess);
  sess.send = (frame) => {
    send(frame);
    const sealed = d.encodeFrame(frame).length + d.AEAD_TAG_BYTES;
    tally.transport += varintBytes(sealed) + d.AEAD_TAG_BYTES;
    for (const [key, value] of Object.entries(frame)) {
      if (value === undefined || value === null) continue;
      if (key === 'envelopes') {
        for (const env of value) {
          const bytes = d.encodeFrame({ envelopes: [env] }).length;
          if (isText(Buffer.from(d.envelopeId(env)).toString('hex'))) {
            tally.textEnvelopes += bytes;
            tally.textBodies += TEXT_BYTES;
          } else {
            tally.receiptEnvelopes += bytes;
          }
        }
        continue;
      }
      const bytes = d.encodeFrame({ [key]: value }).length;
      if (key === 'stored' || key === 'refused') tally.acks += bytes;
      else if (key in tally) tally[key] += bytes;
      else tally.other += bytes;
    }
  };
  return tally;
}

/** What one side sees of the meeting: texts in, own texts acknowledged and delivered. */
function watchSide(d, core, otherUserId, ownIds, isText) {
  const side = { received: 0, sent: new Set(), delivered: new Set(), handshakeOut: undefined, tally: undefined, onChange: () => {} };
  core.messenger.on('messageReceived', (m) => {
    if (m.contactId !== otherUserId || m.direction !== 'in') return;
    side.received++;
    side.onChange();
  });
  core.messenger.on('messageStateChanged', (m) => {
    if (!ownIds.has(m.id)) return;
    if (m.state === 'sent' || m.state === 'delivered' || m.state === 'read') side.sent.add(m.id);
    if (m.state === 'delivered' || m.state === 'read') side.delivered.add(m.id);
    side.onChange();
  });
  // Sync tells the messenger before it sends its first frame: this side has written the handshake only.
  core.messenger.on('neighbourAppeared', () => {
    if (side.tally !== undefined) return;
    const sess = session(core);
    side.handshakeOut = sess.bytesOut;
    side.tally = tallySends(d, sess, isText);
  });
  return side;
}

function session(core) {
  const links = core.sessions.links();
  if (links.length > 1) throw new Error(`${links.length} sessions between two laptops`);
  return links[0]?.session;
}

function linkBytes(a, b) {
  const sa = session(a);
  const sb = session(b);
  return { aToB: sa?.bytesOut ?? 0, bToA: sb?.bytesOut ?? 0, total: (sa?.bytesOut ?? 0) + (sb?.bytesOut ?? 0) };
}

/** Resolves at the first moment `test()` holds, checked whenever either side changes. */
function until(sides, test, what, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      for (const s of sides) s.onChange = () => {};
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const check = () => {
      if (!test()) return;
      clearTimeout(timer);
      for (const s of sides) s.onChange = () => {};
      resolve();
    };
    for (const s of sides) s.onChange = check;
    check();
  });
}

/** Waits until neither socket has moved a byte for QUIET_MS; returns when the last byte moved. */
async function quiet(a, b, t0) {
  let last = linkBytes(a, b).total;
  let lastChange = performance.now();
  while (performance.now() - lastChange < QUIET_MS) {
    await sleep(QUIET_POLL_MS);
    const now = linkBytes(a, b).total;
    if (now !== last) {
      last = now;
      lastChange = performance.now();
    }
  }
  return (lastChange - t0) / 1000;
}

/** Both ends write their bodies at once over one plain TCP connection; seconds until both have read everything. */
async function plainTcp(bodiesA, bodiesB) {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const t0 = performance.now();
    const accepted = once(server, 'connection');
    const client = net.connect(server.address().port, '127.0.0.1');
    client.setNoDelay(true);
    await once(client, 'connect');
    const [peer] = await accepted;
    peer.setNoDelay(true);
    const readAll = (sock, bytes) => new Promise((resolve) => {
      let got = 0;
      sock.on('data', (chunk) => {
        got += chunk.length;
        if (got >= bytes) resolve();
      });
    });
    const done = Promise.all([readAll(peer, bodiesA.length), readAll(client, bodiesB.length)]);
    client.write(bodiesA);
    peer.write(bodiesB);
    await done;
    const seconds = (performance.now() - t0) / 1000;
    const bytes = client.bytesWritten + peer.bytesWritten;
    if (client.bytesRead + peer.bytesRead !== bytes) throw new Error('plain TCP: bytes read and written differ');
    client.destroy();
    peer.destroy();
    return { seconds, bytes };
  } finally {
    server.close();
  }
}

async function main(opts, onCleanup) {
  ensureBuilt(NEEDED);
  const [core, wire, seal, cipher] = await Promise.all([
    loadCore(), importDist('daemon/wire/messages.js'), importDist('daemon/crypto/seal.js'), importDist('daemon/transport/frame-cipher.js'),
  ]);
  const c = { ...core, encodeFrame: wire.encodeFrame, envelopeId: seal.envelopeId, AEAD_TAG_BYTES: cipher.AEAD_TAG_BYTES };
  const n = opts.quick ? QUICK_MESSAGES : MESSAGES;
  const dir = await tempDir(onCleanup, 'satchel-meeting-');
  const a = await startCore(c, join(dir, 'a'), { listen: true });
  onCleanup(() => a.stop());
  const b = await startCore(c, join(dir, 'b'), { listen: true });
  onCleanup(() => b.stop());
  await befriend(a, linkPeer(c, b.messenger.card(), b.nodePublicKey, `127.0.0.1:${b.port}`));
  await befriend(b, linkPeer(c, a.messenger.card(), a.nodePublicKey, `127.0.0.1:${a.port}`));

  // Apart: each queues its texts for the other.
  const queueStart = performance.now();
  const ownA = new Set();
  const ownB = new Set();
  const textsA = [];
  const textsB = [];
  for (let i = 0; i < n; i++) {
    textsA.push(textOf('a', i));
    textsB.push(textOf('b', i));
    ownA.add(await a.messenger.send(b.userId, textsA[i]));
    ownB.add(await b.messenger.send(a.userId, textsB[i]));
  }
  const queueSeconds = (performance.now() - queueStart) / 1000;
  const bodyBytes = [...textsA, ...textsB].reduce((s, t) => s + Buffer.byteLength(t), 0);
  if (bodyBytes !== 2 * n * TEXT_BYTES) throw new Error('texts are not all TEXT_BYTES long');

  const isText = (id) => ownA.has(id) || ownB.has(id);
  const atA = watchSide(c, a, b.userId, ownA, isText);
  const atB = watchSide(c, b, a.userId, ownB, isText);
  const sides = [atA, atB];

  // They meet: each hears the other's beacon.
  const t0 = performance.now();
  a.sessions.heard({ nodeId: b.nodeId, address: '127.0.0.1', sessionPort: b.port });
  b.sessions.heard({ nodeId: a.nodeId, address: '127.0.0.1', sessionPort: a.port });

  const doneTest = () => atA.received === n && atB.received === n && atA.sent.size === n && atB.sent.size === n;
  await until(sides, doneTest, `both sides done (a got ${atA.received}, b got ${atB.received} of ${n})`, MEETING_TIMEOUT_MS);
  const doneSeconds = (performance.now() - t0) / 1000;
  const atDone = linkBytes(a, b);
  await until(sides, () => atA.delivered.size === n && atB.delivered.size === n, 'every text delivered (receipts back)', MEETING_TIMEOUT_MS);
  const deliveredSeconds = (performance.now() - t0) / 1000;
  const atDelivered = linkBytes(a, b);
  const settledSeconds = await quiet(a, b, t0);
  const settled = linkBytes(a, b);

  const sa = session(a);
  const sb = session(b);
  if (sa.bytesOut !== sb.bytesIn || sb.bytesOut !== sa.bytesIn) throw new Error('the two ends of the link counted different bytes');
  const handshake = atA.handshakeOut + atB.handshakeOut;
  const split = {};
  for (const key of Object.keys(atA.tally)) split[key] = atA.tally[key] + atB.tally[key];
  const splitTotal = Object.entries(split).reduce((s, [k, v]) => (k === 'textBodies' ? s : s + v), 0);
  if (splitTotal + handshake !== settled.total) {
    throw new Error(`the split by frame field (${splitTotal} B + ${handshake} B handshake) does not add up to the socket count ${settled.total} B`);
  }
  if (split.textBodies !== bodyBytes) throw new Error(`${split.textBodies} B of bodies were sent, expected ${bodyBytes}`);
  const perMessage = {
    handshake: handshake / (2 * n), transport: split.transport / (2 * n), textEnvelope: (split.textEnvelopes - bodyBytes) / (2 * n),
    receipts: split.receiptEnvelopes / (2 * n), proofs: split.proofs / (2 * n), acks: split.acks / (2 * n),
    reconcile: split.reconcile / (2 * n), route: split.route / (2 * n), other: split.other / (2 * n),
  };
  const inA = a.messenger.messages(b.userId).filter((m) => m.direction === 'in').length;
  const inB = b.messenger.messages(a.userId).filter((m) => m.direction === 'in').length;
  if (inA !== n || inB !== n) throw new Error(`stores hold ${inA} and ${inB} incoming texts, expected ${n} each`);
  const frames = sa.framesOut + sb.framesOut;
  const snap = (core) => core.counters.snapshot();
  const counters = {};
  for (const name of ['sync.offered', 'sync.reconcile.differ', 'sync.reconcile.in_sync', 'sync.reconcile_failed', 'inbound.accepted', 'inbound.duplicate', 'inbound.proof.accepted', 'inbound.proof.duplicate']) {
    counters[name] = (snap(a)[name] ?? 0) + (snap(b)[name] ?? 0);
  }

  const bodiesA = Buffer.from(textsA.join(''));
  const bodiesB = Buffer.from(textsB.join(''));
  const baselineRuns = [];
  for (let i = 0; i < BASELINE_RUNS; i++) baselineRuns.push(await plainTcp(bodiesA, bodiesB));
  const tcpSeconds = median(baselineRuns.map((r) => r.seconds));
  const tcpBytes = baselineRuns[0].bytes;

  const perMsg = (bytes) => (bytes - bodyBytes) / (2 * n);
  const figures = {
    benchmark: 'meeting', quick: opts.quick, messagesEachWay: n, textBytes: TEXT_BYTES, bodyBytes,
    queueSeconds,
    seconds: { done: doneSeconds, delivered: deliveredSeconds, settled: settledSeconds },
    messagesPerSecond: (2 * n) / doneSeconds,
    bytes: {
      done: atDone, delivered: atDelivered, settled, handshake, frames,
      overheadPerMessage: { done: perMsg(atDone.total), settled: perMsg(settled.total) },
      split, overheadSplitPerMessage: perMessage,
    },
    counters,
    plainTcp: { seconds: tcpSeconds, bytes: tcpBytes, runs: baselineRuns.length, secondsRuns: baselineRuns.map((r) => r.seconds) },
    ratio: { timeToPlainTcp: doneSeconds / tcpSeconds, bytesToPlainTcp: settled.total / tcpBytes },
  };

  const kb = (x) => `${(x / 1000).toFixed(1)} kB`;
  const lines = [
    `meeting: two in-process daemon cores on loopback, ${n.toLocaleString('en')} texts of ${TEXT_BYTES} B each way, each user the other's contact`,
    `  queued apart through messenger.send (not timed): ${round(queueSeconds, 1)} s for ${(2 * n).toLocaleString('en')}`,
    `  bytes counted by each Session at its TCP socket (handshake included); both ends agree`,
    '',
    ` moment                               | seconds | a->b        | b->a        | B/msg beyond bodies`,
    ` both received all, all own 'sent'    | ${round(doneSeconds, 3).toFixed(3).padStart(7)} | ${kb(atDone.aToB).padStart(11)} | ${kb(atDone.bToA).padStart(11)} | ${perMsg(atDone.total).toFixed(1)}`,
    ` all own 'delivered' (receipts back)  | ${round(deliveredSeconds, 3).toFixed(3).padStart(7)} | ${kb(atDelivered.aToB).padStart(11)} | ${kb(atDelivered.bToA).padStart(11)} | ${perMsg(atDelivered.total).toFixed(1)}`,
    ` link quiet (last byte moved)         | ${round(settledSeconds, 3).toFixed(3).padStart(7)} | ${kb(settled.aToB).padStart(11)} | ${kb(settled.bToA).padStart(11)} | ${perMsg(settled.total).toFixed(1)}`,
    '',
    `overhead per text once quiet, by what carried it (B/msg): ${Object.entries(perMessage).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`,
    `handshake ${handshake} B; ${frames} frames in all; reconciliation: differ ${counters['sync.reconcile.differ']}, failed ${counters['sync.reconcile_failed']}; offered ${counters['sync.offered']}; proofs taken ${counters['inbound.proof.accepted']}, already known ${counters['inbound.proof.duplicate']}`,
    `throughput: ${Math.round(figures.messagesPerSecond).toLocaleString('en')} texts/s both ways together`,
    `plain TCP, same ${(2 * n).toLocaleString('en')} bodies both ways at once, connect included (median of ${BASELINE_RUNS}): ${(tcpSeconds * 1000).toFixed(2)} ms, ${kb(tcpBytes)}`,
    `  ratio: time ${figures.ratio.timeToPlainTcp.toFixed(0)} x plain TCP, bytes ${figures.ratio.bytesToPlainTcp.toFixed(2)} x`,
  ];
  const headline = `meeting ${n}+${n} done=${doneSeconds.toFixed(2)} s (${figures.ratio.timeToPlainTcp.toFixed(0)} x plain TCP) `
    + `overhead=${perMsg(settled.total).toFixed(1)} B/msg beyond ${TEXT_BYTES} B bodies (${figures.ratio.bytesToPlainTcp.toFixed(2)} x plain TCP bytes)`;
  report(opts, { lines, headline, figures });
}

runMain(main);
