/**
 * A hostile laptop next to B: garbage on B's beacon and session ports,
 * connections that never finish, and — the ones that matter — forged,
 * replayed and tampered messages over well-formed sessions, and sessions
 * that present someone else's identity card. The hostile side (mallory.ts)
 * runs in A's namespace and uses the project's own modules.
 *
 * For each: B's activity is never shown anything it should not see, B counts
 * the drop, B keeps running, and genuine messages still arrive afterwards.
 */
import t, { type Test as Tap } from 'tap';
import { x25519 } from '@noble/curves/ed25519.js';
import { randomBytes } from 'node:crypto';
import { parseBeacon, buildBeacon } from '../../daemon/discovery/beacon-packet.js';
import { DEFAULT_BEACON_PORT } from '../../daemon/discovery/beacon.js';
import { encodeLengthPrefixed } from '../../daemon/transport/frame-reader.js';
import { HANDSHAKE_TIMEOUT_MS } from '../../daemon/transport/session-options.js';
import { encodeBeacon, encodeHello, MAX_BEACON_BYTES, MAX_FRAME_BYTES, WIRE_VERSION } from '../../daemon/wire/messages.js';
import { AEAD_TAG_BYTES } from '../../daemon/transport/frame-cipher.js';
import { MAX_TEXT_BYTES } from '../../daemon/messenger/api.js';
import { alive } from '../service/fixtures/harness.js';
import type { Activity, Message } from './fixtures/activity.js';
import { e2eUnavailable, logsOf } from './fixtures/laptop.js';
import { Mallory } from './fixtures/mallory-process.js';
import type { SessionStatus } from './fixtures/mallory.js';
import { reachesState, seen, startPair, type Pair } from './fixtures/pair.js';
import { sleep, waitFor } from './fixtures/wait.js';

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const RANDOM_DATAGRAMS = 30;
const FAKE_NODE_ID = 'ffffffffffffffff';
/** Every way the transport counts a dropped connection. */
const TRANSPORT_DROPS = ['transport.handshake_failed', 'transport.handshake_timeout', 'transport.decrypt_failed',
  'transport.bad_frame', 'transport.frame_too_large', 'transport.truncated', 'transport.socket_error'];

type Counters = Record<string, number>;

/** A length prefix as the session stream writes it (protobuf varint). */
function varint(n: number): Uint8Array {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Uint8Array.from(out);
}

function delta(now: Counters, base: Counters, names: string[]): Counters {
  return Object.fromEntries(names.map((n) => [n, (now[n] ?? 0) - (base[n] ?? 0)]));
}

/** Waits until every counter in `want` has grown by at least that much; returns the growth of all of them. */
async function grows(app: Activity, base: Counters, want: Counters, what: string, p: Pair, timeoutMs = 10_000): Promise<Counters> {
  const names = Object.keys(want);
  await waitFor(async () => {
    const d = delta(await app.counters(), base, names);
    return names.every((n) => (d[n] ?? 0) >= (want[n] ?? 0));
  }, what, timeoutMs, async () => `counter growth: ${JSON.stringify(delta(await app.counters(), base, names))}, wanted ${JSON.stringify(want)}\n${logsOf(p.a, p.b)}`);
  await sleep(200);
  return delta(await app.counters(), base, names);
}

t.test('a hostile neighbour cannot make B show, lose or misattribute anything', async (t) => {
  const p = await startPair(t);
  const { A, B } = p;
  await A.app.addContact(B.me.id);
  await B.app.addContact(A.me.id);
  const m = await Mallory.start(t, p.a.ns);
  const mallory = await m.must({ cmd: 'identity' }) as unknown as { userId: string; nodeId: string; strangerId: string };
  const hostB = p.b.ipv4;
  const portB = p.b.sessionPort();
  const t0 = Date.now();

  // Two connections that never finish the handshake, from the start: checked at the end.
  await m.must({ cmd: 'tcp', conn: 'idle', host: hostB, port: portB, hex: '', end: false });
  const hello = encodeLengthPrefixed(encodeHello({ version: WIRE_VERSION, ephemeral: x25519.getPublicKey(x25519.utils.randomSecretKey()) }));
  await m.must({ cmd: 'tcp', conn: 'hello-only', host: hostB, port: portB, hex: hex(hello), end: false });

  const conversationsB = await B.app.conversations();
  t.same(conversationsB, [], 'B starts with no conversations');
  /** Nothing B's user can see has changed. */
  const nothingShown = async (t: Tap, what: string): Promise<void> => {
    t.same(B.app.received(), [], `${what}: B's activity was shown no message`);
    t.same(await B.app.conversations(), conversationsB, `${what}: B's conversations are unchanged`);
  };

  t.test('garbage on the beacon port is counted by reason and changes nothing', async (t) => {
    const base = await B.app.counters();
    const ownB = Buffer.from(B.me.node_id, 'hex');
    const node8 = randomBytes(8);
    const crafted: [string, Uint8Array][] = [
      ['oversize', randomBytes(MAX_BEACON_BYTES + 72)],
      ['undecodable', Buffer.from('0880', 'hex')],
      ['version', encodeBeacon({ version: WIRE_VERSION + 1, nodeId: node8, port: 4000, epoch: 1 })],
      ['node_id', encodeBeacon({ version: WIRE_VERSION, nodeId: randomBytes(5), port: 4000, epoch: 1 })],
      ['port', encodeBeacon({ version: WIRE_VERSION, nodeId: node8, port: 0, epoch: 1 })],
      ['self', buildBeacon(ownB, 4000, 1)],
    ];
    const datagrams = [...crafted.map(([, d]) => d), ...Array.from({ length: RANDOM_DATAGRAMS }, () => randomBytes(1 + Math.floor(Math.random() * MAX_BEACON_BYTES)))];
    // What B must make of each, judged by the same parser in this process.
    const want: Counters = {};
    for (const d of datagrams) {
      const r = parseBeacon(d, ownB);
      t.notOk(r.ok, 'every datagram sent is bad');
      if (!r.ok) want[`beacon.dropped.${r.reason}`] = (want[`beacon.dropped.${r.reason}`] ?? 0) + 1;
    }
    for (const [reason] of crafted) t.ok((want[`beacon.dropped.${reason}`] ?? 0) >= 1, `a datagram for ${reason}`);
    for (const d of datagrams) await m.must({ cmd: 'udp', host: hostB, port: DEFAULT_BEACON_PORT, hex: hex(d) });
    const got = await grows(B.app, base, want, 'B to count every bad beacon', p);
    t.same(got, want, 'B counts each bad datagram once, under its reason');
    t.notOk((await B.app.neighbours()).some((n) => n.node_id === B.me.node_id), 'B does not list itself');
    await nothingShown(t, 'after beacon garbage');
  });

  t.test('a beacon pointing at a port that speaks garbage costs B one failed handshake', async (t) => {
    const base = await B.app.counters();
    const badHello = encodeLengthPrefixed(encodeHello({ version: 7, ephemeral: randomBytes(32) }));
    const { port } = await m.must({ cmd: 'garbageServer', hex: hex(badHello) }) as unknown as { port: number };
    const beacon = buildBeacon(Buffer.from(FAKE_NODE_ID, 'hex'), port, 1);
    await m.must({ cmd: 'udp', host: hostB, port: DEFAULT_BEACON_PORT, hex: hex(beacon) });
    const got = await grows(B.app, base, { 'transport.handshake_failed': 1 }, 'B to dial the fake neighbour and fail', p);
    t.equal(got['transport.handshake_failed'], 1, 'one failed handshake');
    t.notOk((await B.app.neighbours()).some((n) => n.node_id === FAKE_NODE_ID), 'the fake node is not listed as a neighbour');
    t.notOk(B.app.appeared().some((n) => n.node_id === FAKE_NODE_ID), 'and never appeared');
  });

  t.test('garbage on the session port: each connection dropped and counted once', async (t) => {
    const validHello = encodeLengthPrefixed(encodeHello({ version: WIRE_VERSION, ephemeral: x25519.getPublicKey(x25519.utils.randomSecretKey()) }));
    const known: { conn: string; bytes: Uint8Array; counter: string }[] = [
      { conn: 'oversized-prefix', bytes: Buffer.from('c0843d', 'hex'), counter: 'transport.frame_too_large' }, // 1 000 000 bytes announced
      { conn: 'six-byte-prefix', bytes: Buffer.from('ffffffffff01', 'hex'), counter: 'transport.bad_frame' },
      { conn: 'non-minimal-prefix', bytes: Buffer.from('8000', 'hex'), counter: 'transport.bad_frame' },
      { conn: 'truncated', bytes: Buffer.concat([Buffer.from([40]), randomBytes(10)]), counter: 'transport.truncated' },
      { conn: 'empty-hello', bytes: Buffer.from('00', 'hex'), counter: 'transport.handshake_failed' },
      { conn: 'hello-v7', bytes: encodeLengthPrefixed(encodeHello({ version: 7, ephemeral: randomBytes(32) })), counter: 'transport.handshake_failed' },
      { conn: 'hello-then-noise', bytes: Buffer.concat([validHello, encodeLengthPrefixed(randomBytes(80))]), counter: 'transport.decrypt_failed' },
    ];
    const noise = Array.from({ length: 6 }, (_, i) => ({ conn: `random-${i}`, bytes: randomBytes(1 + Math.floor(Math.random() * 3000)) }));
    const allClosed = (conns: { conn: string }[]): Promise<unknown> => waitFor(async () => {
      for (const c of conns) if (!((await m.must({ cmd: 'tcpStatus', conn: c.conn })).closed)) return false;
      return true;
    }, 'B to close every garbage connection', 10_000, () => logsOf(p.b));

    let base = await B.app.counters();
    for (const c of known) await m.must({ cmd: 'tcp', conn: c.conn, host: hostB, port: portB, hex: hex(c.bytes), end: true });
    await allClosed(known);
    t.pass('B closed every connection with malformed framing or handshake');
    const want: Counters = {};
    for (const c of known) want[c.counter] = (want[c.counter] ?? 0) + 1;
    const got = await grows(B.app, base, want, 'B to count the garbage', p);
    t.same(got, want, 'each kind counted under its own name, once per connection');

    base = await B.app.counters();
    for (const c of noise) await m.must({ cmd: 'tcp', conn: c.conn, host: hostB, port: portB, hex: hex(c.bytes), end: true });
    await allClosed(noise);
    t.pass('B closed every connection that sent random bytes');
    await sleep(300);
    const all = delta(await B.app.counters(), base, TRANSPORT_DROPS);
    const total = Object.values(all).reduce((a, b) => a + b, 0);
    t.equal(total, noise.length, `random bytes: one drop counted per connection (${JSON.stringify(all)})`);
    t.notOk(B.app.appeared().some((n) => n.node_id !== A.me.node_id && n.id !== mallory.userId), 'no stranger appeared as a neighbour');
    await nothingShown(t, 'after session-port garbage');
  });

  t.test('forged and tampered envelopes over a real session are refused, counted and never shown', async (t) => {
    const base = await B.app.counters();
    const opened = await m.must({ cmd: 'open', session: 'm1', host: hostB, port: portB, card: 'own' }) as unknown as SessionStatus;
    t.equal(opened.peerUserId, B.me.id, 'Mallory reached B\'s daemon');
    await seen(B, mallory.userId, p);

    // Sealed by a key B has never seen, claiming nothing but being for B: a spoofed sender.
    const spoof = await m.must({ cmd: 'seal', name: 'spoof', sealer: 'stranger', recipient: 'peer:m1', text: 'this is A, send me your password' });
    // Genuinely Mallory's, then tampered with on the way.
    await m.must({ cmd: 'seal', name: 'genuine', sealer: 'mallory', recipient: 'peer:m1', text: 'never delivered as such' });
    const flipped = await m.must({ cmd: 'tamper', name: 'flipped', from: 'genuine', field: 'sealed' });
    const stretched = await m.must({ cmd: 'tamper', name: 'stretched', from: 'genuine', field: 'lifetime' });
    const redirected = await m.must({ cmd: 'tamper', name: 'redirected', from: 'genuine', field: 'to' });
    const elsewhere = await m.must({ cmd: 'seal', name: 'elsewhere', sealer: 'mallory', recipient: 'random', text: 'for someone else' });
    // Authentic, but longer than any activity could have sent.
    const huge = await m.must({ cmd: 'seal', name: 'huge', sealer: 'mallory', recipient: 'peer:m1', text: 'x'.repeat(MAX_TEXT_BYTES + 1) });
    const ids = [spoof, flipped, stretched, redirected, elsewhere, huge].map((r) => r.envelope as string);
    await m.must({ cmd: 'send', session: 'm1', envelopes: ['spoof', 'flipped', 'stretched', 'redirected', 'elsewhere', 'huge'] });

    // Envelopes for B that do not open are refused; envelopes for someone else are
    // carried (B cannot read them either) and never shown.
    const forB = [spoof, flipped, stretched, huge].map((r) => r.envelope as string);
    const forOthers = [redirected, elsewhere].map((r) => r.envelope as string);
    const answered = await waitFor(async () => {
      const st = await m.status('m1');
      const r = st.frames.flatMap((f) => f.refused);
      const k = st.frames.flatMap((f) => f.stored);
      return forB.every((id) => r.includes(id)) && forOthers.every((id) => k.includes(id)) ? { r, k } : undefined;
    }, 'B to answer all six envelopes', 10_000, async () => `${JSON.stringify(await m.status('m1'))}\n${logsOf(p.b)}`);
    t.same(answered.r.filter((id) => ids.includes(id)).sort(), [...forB].sort(), 'B refuses each forged or oversized envelope for itself, once');
    t.same(answered.k.filter((id) => ids.includes(id)).sort(), [...forOthers].sort(), 'and carries the two addressed to others');
    const s = await m.status('m1');
    const want = { 'inbound.dropped.unauthenticated': 3, 'carry.taken': 2, 'inbound.dropped.too_large': 1 };
    const got = await grows(B.app, base, want, 'B to count the drops', p);
    t.same(got, want, 'spoofed, bit-flipped and stretched: unauthenticated; redirected and someone else\'s: carried; oversized: too large');
    t.equal(delta(await B.app.counters(), base, ['inbound.accepted'])['inbound.accepted'], 0, 'B accepted none');
    t.equal(s.closed, false, 'refusing envelopes does not end an honest-looking session');
    await nothingShown(t, 'after forged envelopes');
    t.same(await B.app.messages(mallory.userId, 0), [], 'no message from Mallory either');
  });

  t.test('a replayed envelope is shown once; a replayed frame ends the session', async (t) => {
    // B adds the laptop that came near as a contact: a stranger's message would be a request, not shown.
    await B.app.addContact(mallory.userId);
    const base = await B.app.counters();
    const fromB = B.app.signals.length;
    const sealed = await m.must({ cmd: 'seal', name: 'valid', sealer: 'mallory', recipient: 'peer:m1', text: 'hello, I am Mallory' });
    const id = sealed.envelope as string;
    await m.must({ cmd: 'send', session: 'm1', envelopes: ['valid'] });
    const got = await B.app.waitSignal((s) => s.member === 'MessageReceived', 'B: Mallory\'s own message', 10_000, fromB);
    t.match(got.args[0], { id, contact_id: mallory.userId, text: 'hello, I am Mallory', direction: 'in' },
      'a message sealed by Mallory is shown as from Mallory, not from anyone else');
    t.not((got.args[0] as Message).contact_id, A.me.id);

    // The same envelope again: later in the session, twice in one frame, and in a new session.
    await m.must({ cmd: 'send', session: 'm1', envelopes: ['valid'] });
    await m.must({ cmd: 'send', session: 'm1', envelopes: ['valid', 'valid'] });
    await m.must({ cmd: 'close', session: 'm1' });
    await m.must({ cmd: 'open', session: 'm2', host: hostB, port: portB, card: 'own' });
    await m.must({ cmd: 'send', session: 'm2', envelopes: ['valid'] });
    const d = await grows(B.app, base, { 'inbound.duplicate': 4 }, 'B to count four duplicates', p);
    t.equal(d['inbound.duplicate'], 4, 'B counts each replay as a duplicate');
    const stored = (await m.status('m2')).frames.flatMap((f) => f.stored);
    t.ok(stored.includes(id), 'and still answers "stored", so an honest carrier can let go');

    // A fresh envelope twice in the very frame that first brings it.
    const twin = (await m.must({ cmd: 'seal', name: 'twin', sealer: 'mallory', recipient: 'peer:m2', text: 'one of twins' })).envelope as string;
    await m.must({ cmd: 'send', session: 'm2', envelopes: ['twin', 'twin'] });
    await B.app.waitSignal((s) => s.member === 'MessageReceived' && (s.args[0] as Message).id === twin, 'B: the twin', 10_000, fromB);
    await sleep(500);

    const heard = B.app.signals.slice(fromB).filter((s) => s.member === 'MessageReceived').map((s) => (s.args[0] as Message).id);
    t.same(heard, [id, twin], 'B\'s activity was told of each message exactly once');
    t.same((await B.app.messages(mallory.userId, 0)).map((x) => x.id), [id, twin], 'B stores one copy of each');
    t.match(await B.app.conversations(), [{ contact_id: mallory.userId, total: 2 }]);

    // The bytes of a sealed frame, sent again: the frame counter no longer matches.
    const before = await B.app.counters();
    await m.must({ cmd: 'seal', name: 'carrier', sealer: 'mallory', recipient: 'peer:m2', text: 'carried by a replayed frame' });
    await m.must({ cmd: 'send', session: 'm2', envelopes: ['carrier'], replayWire: true });
    const r = await grows(B.app, before, { 'transport.decrypt_failed': 1 }, 'B to reject the replayed frame', p);
    t.equal(r['transport.decrypt_failed'], 1, 'the replayed frame fails to decrypt');
    await waitFor(async () => (await m.status('m2')).closed, 'B to end the session with the replayed frame', 10_000);
    t.pass('B ended that session');
    await sleep(300);
    const carried = B.app.received().filter((x) => x.text === 'carried by a replayed frame');
    t.ok(carried.length <= 1, `the frame's own first copy is taken at most once (${carried.length})`);
  });

  t.test('a frame with flipped ciphertext bits ends the session and is not taken', async (t) => {
    const base = await B.app.counters();
    await m.must({ cmd: 'open', session: 'm3', host: hostB, port: portB, card: 'own' });
    const sealed = await m.must({ cmd: 'seal', name: 'in-bad-frame', sealer: 'mallory', recipient: 'peer:m3', text: 'inside a corrupted frame' });
    await m.must({ cmd: 'send', session: 'm3', envelopes: ['in-bad-frame'], corrupt: true });
    const d = await grows(B.app, base, { 'transport.decrypt_failed': 1 }, 'B to count the bad frame', p);
    t.equal(d['transport.decrypt_failed'], 1);
    await waitFor(async () => (await m.status('m3')).closed, 'B to end the session', 10_000);
    t.pass('B ended the session');
    await sleep(300);
    t.notOk(B.app.received().some((x) => x.id === sealed.envelope), 'the envelope inside was never taken');
    t.equal(delta(await B.app.counters(), base, ['inbound.accepted'])['inbound.accepted'], 0);
  });

  t.test('an authenticated peer announcing an oversized frame is cut off before B buffers it', async (t) => {
    const base = await B.app.counters();
    await m.must({ cmd: 'open', session: 'm4', host: hostB, port: portB, card: 'own' });
    // One byte more than the largest sealed frame B reads.
    await m.must({ cmd: 'rawOnSession', session: 'm4', hex: hex(varint(MAX_FRAME_BYTES + AEAD_TAG_BYTES + 1)) });
    const d = await grows(B.app, base, { 'transport.frame_too_large': 1 }, 'B to refuse the oversized frame', p);
    t.equal(d['transport.frame_too_large'], 1);
    await waitFor(async () => (await m.status('m4')).closed, 'B to end the session', 10_000);
    t.pass('B ended the session');
  });

  t.test('a laptop presenting A\'s identity card is not taken for A, and gets nothing meant for A', async (t) => {
    const portA = p.a.sessionPort();
    const stolen = await m.must({ cmd: 'steal', host: '127.0.0.1', port: portA });
    t.equal(stolen.userId, A.me.id, 'Mallory holds a copy of A\'s card (it is sent to anyone in a handshake)');

    // A goes away; B writes to A, and the message waits on B.
    t.same(await p.a.stop(), { code: 0, signal: null });
    await waitFor(async () => !(await B.app.neighbours()).some((n) => n.id === A.me.id), 'B to notice A left', 15_000);
    const forA = await B.app.send(A.me.id, 'for A\'s eyes only');
    t.match(await B.app.messages(A.me.id, 0), [{ id: forA, state: 'waiting' }]);

    // A receipt for it, authentic but from Mallory: it must not count as A's.
    let base = await B.app.counters();
    await m.must({ cmd: 'open', session: 'm5', host: hostB, port: portB, card: 'own' });
    const receipt = await m.must({ cmd: 'seal', name: 'fake-receipt', sealer: 'mallory', recipient: 'peer:m5', text: '', receipt: { delivered: [forA], read: [forA] } });
    await m.must({ cmd: 'send', session: 'm5', envelopes: ['fake-receipt'] });
    await waitFor(async () => (await m.status('m5')).frames.some((f) => f.stored.includes(receipt.envelope as string)), 'B to take the receipt envelope', 10_000);
    const r = await grows(B.app, base, { 'inbound.receipt.ignored': 2 }, 'B to ignore the forged receipt', p);
    t.equal(r['inbound.receipt.ignored'], 2, 'both claims (delivered, read) are ignored and counted');
    t.match(await B.app.messages(A.me.id, 0), [{ id: forA, state: 'waiting' }], 'B\'s message to A is not shown as delivered or read');
    t.same(B.app.stateChanges(forA), [], 'and no state change was announced');
    await m.must({ cmd: 'close', session: 'm5' });

    base = await B.app.counters();
    const fromB = B.app.signals.length;
    // Mallory's node key with A's card, and then A's node key (which Mallory cannot sign for) with A's card.
    const one = await m.request({ cmd: 'open', session: 'as-A', host: hostB, port: portB, card: 'stolen' });
    if (one.ok) {
      const late = await m.must({ cmd: 'seal', name: 'late', sealer: 'mallory', recipient: 'peer:as-A', text: 'sent over the stolen-card session' });
      await m.request({ cmd: 'send', session: 'as-A', envelopes: ['late'] });
      t.comment(`envelope ${String(late.envelope)} sent right after the handshake`);
    }
    await waitFor(async () => (await m.status('as-A')).closed, 'B to drop the session with A\'s card', 10_000, () => logsOf(p.b));
    const two = await m.request({ cmd: 'open', session: 'as-A-key', host: hostB, port: portB, card: 'stolen', nodeKey: 'stolen' });
    if (two.ok) await waitFor(async () => (await m.status('as-A-key')).closed, 'B to drop the session with A\'s node key', 10_000);
    await sleep(500);

    const statuses = [await m.status('as-A'), await m.status('as-A-key')];
    t.same(statuses.flatMap((s) => s.frames.flatMap((f) => f.envelopes)), [], 'B handed Mallory nothing');
    t.match(await B.app.messages(A.me.id, 0), [{ id: forA, state: 'waiting' }], 'B\'s message for A is still waiting');
    t.notOk(B.app.stateChanges(forA).length > 0, 'and never changed state');
    const d = delta(await B.app.counters(), base, ['sync.peer_rejected', 'transport.handshake_failed', 'inbound.accepted', 'sync.offered']);
    t.equal(d['sync.peer_rejected'], 1, 'the card bound to another laptop is rejected and counted', { growth: d });
    t.equal(d['transport.handshake_failed'], 1, 'A\'s node key without A\'s secret fails the handshake', { growth: d });
    t.equal(d['inbound.accepted'], 0, 'nothing sent over those sessions was taken');
    t.equal(d['sync.offered'], 0, 'nothing was offered to them');
    const appeared = B.app.signals.slice(fromB).filter((s) => s.member === 'NeighbourAppeared').map((s) => s.args[0] as { id: string; node_id: string });
    t.same(appeared.filter((n) => n.id === A.me.id), [], 'A never "appeared" on B while A was away');
    t.notOk((await B.app.neighbours()).some((n) => n.id === A.me.id), 'B does not list A as nearby');

    // The real A comes back and gets it.
    const fromA = A.app.signals.length;
    await p.a.start();
    await reachesState(B, A.me.id, forA, 'delivered', 20_000, p.a, p.b);
    const got = await A.app.waitSignal((s) => s.member === 'MessageReceived', 'A: the message B wrote while A was away', 10_000, fromA);
    t.match(got.args[0], { id: forA, contact_id: B.me.id, text: 'for A\'s eyes only' });
  });

  t.test('afterwards B is healthy and genuine messages still arrive', async (t) => {
    // Both were opened right after t0; B gives a stranger HANDSHAKE_TIMEOUT_MS.
    const closed = async (conn: string): Promise<boolean> => (await m.must({ cmd: 'tcpStatus', conn })).closed === true;
    await waitFor(async () => (await closed('idle')) && (await closed('hello-only')), 'B to close the stalled connections',
      Math.max(0, t0 + HANDSHAKE_TIMEOUT_MS + 5_000 - Date.now()), () => logsOf(p.b)).catch(() => undefined);
    t.ok(await closed('idle'), 'B closed the connection that never said anything');
    t.ok(await closed('hello-only'), 'and the one that stopped after its Hello');
    const c = await B.app.counters();
    t.ok((c['transport.handshake_timeout'] ?? 0) >= 2, `both counted as handshake timeouts (${c['transport.handshake_timeout'] ?? 0})`);

    t.ok(p.b.running && alive(p.b.pid!), 'B\'s daemon is still running, never restarted');
    t.equal(p.b.runs, 1);
    t.match(await B.app.status(), { pid: p.b.pid }, 'and answers on D-Bus');
    await seen(B, A.me.id, p);
    const fromB = B.app.signals.length;
    const id = await A.app.send(B.me.id, 'still friends?');
    const got = await B.app.waitSignal((s) => s.member === 'MessageReceived', 'B: a genuine message from A', 15_000, fromB)
      .catch((e: Error) => { throw new Error(`${e.message}\n${logsOf(p.a, p.b)}`); });
    t.match(got.args[0], { id, contact_id: A.me.id, text: 'still friends?' });
    await reachesState(A, B.me.id, id, 'delivered', 15_000, p.a, p.b);
    const fromA = (await B.app.conversations()).find((c) => c.contact_id === A.me.id);
    t.match(fromA, { total: 2 }, 'B\'s conversation with A holds exactly the two genuine messages');
    t.same(B.app.received().filter((x) => x.contact_id === A.me.id).map((x) => x.id), [id], 'nothing else was ever shown as from A');
    t.same(await p.b.stop(), { code: 0, signal: null }, 'B stops cleanly after all that');
  });
});
