import t, { type Test } from 'tap';
import net from 'node:net';
import { once } from 'node:events';
import { ManualClock } from '../../daemon/util/clock.js';
import { seededRandom, systemRandom } from '../../daemon/util/random.js';
import { encodeFrame, encodeHello } from '../../daemon/wire/messages.js';
import { connectSession } from '../../daemon/transport/connect.js';
import { TRANSPORT_COUNTERS as C } from '../../daemon/transport/counter-names.js';
import { AEAD_TAG_BYTES } from '../../daemon/transport/frame-cipher.js';
import { encodeLengthPrefixed } from '../../daemon/transport/frame-reader.js';
import { SecureChannel } from '../../daemon/transport/secure-channel.js';
import type { Session } from '../../daemon/transport/session.js';
import { HANDSHAKE_TIMEOUT_MS, MAX_HANDSHAKE_FRAME_BYTES } from '../../daemon/transport/session-options.js';
import {
  flipLastBit, listen, makeNode, rawConnect, readUntilClosed, sessionOpts, startProxy, waitFor, type RunningListener, type TestNode,
} from './fixtures/helpers.js';

const count = (node: TestNode, name: string): number => node.counters.snapshot()[name] ?? 0;
const FAILURE_COUNTERS = [C.handshakeFailed, C.handshakeTimeout, C.decryptFailed, C.badFrame, C.frameTooLarge, C.truncated, C.socketError];
const failures = (node: TestNode): number => FAILURE_COUNTERS.reduce((n, c) => n + count(node, c), 0);
const varint = (n: number): Uint8Array => encodeLengthPrefixed(new Uint8Array(n), n).subarray(0, -n || undefined);

async function server(t: Test, node: TestNode, extra = {}): Promise<RunningListener> {
  const s = await listen(node, extra);
  t.teardown(() => s.listener.close());
  return s;
}

/** Proves a good peer still gets through, and returns its server-side session. */
async function stillAccepts(t: Test, s: RunningListener, port = s.port): Promise<Session> {
  const accepted = s.next();
  const client = await connectSession({ ...sessionOpts(makeNode('good')), host: '127.0.0.1', port });
  const inbound = await accepted;
  t.teardown(() => { client.destroy(); inbound.destroy(); });
  t.equal(inbound.peerCard.displayName, 'good', 'a good session still opens');
  return inbound;
}

t.test('an initiator signing with another node key than it sends is refused', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob);
  const mallory = makeNode('mallory');
  const victim = makeNode('victim');
  const spoofed = { ...mallory, nodeKey: { secretKey: mallory.nodeKey.secretKey, publicKey: victim.nodeKey.publicKey } };
  // The initiator finishes first (it sends its Auth last), so its session opens and is then dropped.
  const client = await connectSession({ ...sessionOpts(spoofed), host: '127.0.0.1', port: s.port });
  const closed = once(client, 'close');
  await waitFor(() => count(bob, C.handshakeFailed) === 1, 'the responder to refuse');
  await closed;
  t.equal(s.sessions.length, 0, 'no session reaches the application');
});

t.test('a responder signing with another node key than it sends is refused', async (t) => {
  const mallory = makeNode('mallory');
  const victim = makeNode('victim');
  const s = await server(t, { ...mallory, nodeKey: { secretKey: mallory.nodeKey.secretKey, publicKey: victim.nodeKey.publicKey } });
  const alice = makeNode('alice');
  await t.rejects(connectSession({ ...sessionOpts(alice), host: '127.0.0.1', port: s.port }), { code: 'HANDSHAKE_FAILED', message: /signature/ });
  t.equal(count(alice, C.handshakeFailed), 1);
});

t.test('a recorded initiator transcript replayed to a fresh responder fails', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob);
  const proxy = await startProxy(s.port);
  t.teardown(() => proxy.close());
  const accepted = s.next();
  const client = await connectSession({ ...sessionOpts(makeNode('alice')), host: '127.0.0.1', port: proxy.port });
  const inbound = await accepted;
  const got: unknown[] = [];
  inbound.on('frame', (f) => got.push(f));
  client.send({ done: true });
  await waitFor(() => got.length === 1, 'original frame');
  await client.close();
  const recorded = Buffer.concat(proxy.seen.c2s);

  const raw = await rawConnect(s.port);
  const answer = readUntilClosed(raw);
  raw.write(recorded);
  const reply = await answer;
  t.ok(reply.length > 0, 'the responder answered with its own fresh Hello and Auth');
  t.equal(count(bob, C.decryptFailed), 1, 'the old Auth does not open under the fresh keys');
  t.equal(s.sessions.length, 1, 'only the original session was ever opened');
});

t.test('one flipped bit on the wire destroys the session and is counted', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob);
  const proxy = await startProxy(s.port);
  t.teardown(() => proxy.close());
  const accepted = s.next();
  const client = await connectSession({ ...sessionOpts(makeNode('alice')), host: '127.0.0.1', port: proxy.port });
  const inbound = await accepted;
  const got: unknown[] = [];
  inbound.on('frame', (f) => got.push(f));
  const closed = once(inbound, 'close');
  const clientClosed = once(client, 'close');
  proxy.tamperNext('c2s', flipLastBit);
  client.send({ done: true, stored: [new Uint8Array(16)] });
  const [err] = (await closed) as [Error & { code?: string }];
  t.equal(err.code, 'DECRYPT_FAILED');
  t.equal(got.length, 0, 'nothing delivered');
  t.equal(count(bob, C.decryptFailed), 1);
  await clientClosed;
  t.throws(() => client.send({ done: true }), { code: 'CLOSED' }, 'the sender sees its session end');
  await stillAccepts(t, s);
});

t.test('truncated frames and garbage on the port: no crash, counted, still accepting', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob);
  const raw = await rawConnect(s.port);
  const ended = readUntilClosed(raw);
  raw.end(Buffer.concat([varint(100), new Uint8Array(10)]));
  await ended;
  t.equal(count(bob, C.truncated), 1, 'frame cut short');

  const random = seededRandom(42);
  const attempts = 30;
  for (let i = 0; i < attempts; i++) {
    const sock = await rawConnect(s.port);
    const done = readUntilClosed(sock);
    sock.end(random(1 + ((i * 37) % 400)));
    await done;
  }
  await waitFor(() => failures(bob) === attempts + 1, 'every garbage connection counted once');
  t.equal(failures(bob), attempts + 1);
  t.equal(s.listener.pendingHandshakes, 0);
  await stillAccepts(t, s);
});

t.test('oversized length prefixes are refused before any payload', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob, { maxFrameBytes: 1024 });
  const raw = await rawConnect(s.port);
  const closed = readUntilClosed(raw);
  raw.write(varint(MAX_HANDSHAKE_FRAME_BYTES + 1)); // the prefix alone, no payload, no FIN
  t.equal((await closed).length, 0);
  t.equal(count(bob, C.frameTooLarge), 1, 'before authentication');

  const proxy = await startProxy(s.port);
  t.teardown(() => proxy.close());
  const accepted = s.next();
  await connectSession({ ...sessionOpts(makeNode('alice'), { maxFrameBytes: 1024 }), host: '127.0.0.1', port: proxy.port });
  const inbound = await accepted;
  const closedIn = once(inbound, 'close');
  proxy.injectToServer(varint(1024 + AEAD_TAG_BYTES + 1));
  const [err] = (await closedIn) as [Error & { code?: string }];
  t.equal(err.code, 'FRAME_TOO_LARGE', 'after authentication');
  t.equal(count(bob, C.frameTooLarge), 2);
});

t.test('a peer speaking another wire version is refused, both ways', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob);
  const raw = await rawConnect(s.port);
  const reply = readUntilClosed(raw);
  raw.write(encodeLengthPrefixed(encodeHello({ version: 2, ephemeral: systemRandom(32) })));
  t.equal((await reply).length, 0, 'the responder says nothing to a wrong Hello');
  t.equal(count(bob, C.handshakeFailed), 1);

  const fake = net.createServer((sock) => {
    sock.on('error', () => {});
    sock.write(encodeLengthPrefixed(encodeHello({ version: 2, ephemeral: systemRandom(32) })));
  });
  fake.listen(0, '127.0.0.1');
  await once(fake, 'listening');
  t.teardown(() => fake.close());
  const alice = makeNode('alice');
  const port = (fake.address() as net.AddressInfo).port;
  await t.rejects(connectSession({ ...sessionOpts(alice), host: '127.0.0.1', port }), { code: 'HANDSHAKE_FAILED', message: /version 2/ });

  const zero = await rawConnect(s.port);
  const zeroReply = readUntilClosed(zero);
  zero.write(encodeLengthPrefixed(encodeHello({ version: 1, ephemeral: new Uint8Array(32) })));
  await zeroReply;
  t.equal(count(bob, C.handshakeFailed), 2, 'low-order ephemeral refused');
});

t.test('a silent peer is dropped at the handshake timeout, either role', async (t) => {
  const clock = new ManualClock();
  const bob = makeNode('bob');
  const s = await server(t, bob, { clock });
  const raw = await rawConnect(s.port);
  const closed = readUntilClosed(raw);
  await waitFor(() => s.listener.pendingHandshakes === 1, 'connection accepted');
  clock.advance(HANDSHAKE_TIMEOUT_MS - 1);
  t.equal(raw.destroyed, false, 'still open just before the timeout');
  clock.advance(1);
  await closed;
  t.equal(count(bob, C.handshakeTimeout), 1);
  t.equal(s.listener.pendingHandshakes, 0);

  let heard = 0;
  const silent = net.createServer((sock) => { sock.on('data', (c) => { heard += c.length; }); sock.on('error', () => {}); });
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  t.teardown(() => silent.close());
  const alice = makeNode('alice');
  const pending = connectSession({
    ...sessionOpts(alice, { clock }), host: '127.0.0.1', port: (silent.address() as net.AddressInfo).port,
  });
  await waitFor(() => heard > 0, 'initiator Hello');
  clock.advance(HANDSHAKE_TIMEOUT_MS);
  await t.rejects(pending, { code: 'HANDSHAKE_FAILED', message: /within/ });
  t.equal(count(alice, C.handshakeTimeout), 1);
});

t.test('a flood of unauthenticated connections is capped', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob, { maxPendingHandshakes: 4 });
  const flood = await Promise.all(Array.from({ length: 10 }, () => rawConnect(s.port)));
  await waitFor(() => count(bob, C.inboundRefused) === 6, 'refusals');
  t.equal(s.listener.pendingHandshakes, 4);
  for (const sock of flood) sock.destroy();
  await waitFor(() => s.listener.pendingHandshakes === 0, 'pending drained');
  await stillAccepts(t, s);
});

/** An initiator built from the protocol machine itself, free to send what Session would refuse. */
async function scriptedPeer(t: Test, port: number): Promise<SecureChannel> {
  const socket = await rawConnect(port);
  t.teardown(() => socket.destroy());
  let authenticated!: () => void;
  const ready = new Promise<void>((r) => { authenticated = r; });
  const alice = makeNode('scripted');
  const channel = new SecureChannel({
    initiator: true, nodeKey: alice.nodeKey, card: alice.card, random: systemRandom, maxFrameBytes: 4096,
    write: (wire) => socket.write(wire), onAuthenticated: () => authenticated(),
  });
  socket.on('data', (c: Buffer) => { for (const _ of channel.feed(c)); });
  channel.start();
  await ready;
  return channel;
}

t.test('a second Auth or an undecodable frame after the handshake ends the session', async (t) => {
  const bob = makeNode('bob');
  const s = await server(t, bob);
  for (const [payload, code] of [
    [encodeFrame({ auth: { nodeKey: new Uint8Array(32), signature: new Uint8Array(64) } }), 'BAD_FRAME'],
    [Uint8Array.of(0x0a, 0xff, 0xff), 'BAD_FRAME'],
  ] as const) {
    const accepted = s.next();
    const peer = await scriptedPeer(t, s.port);
    const inbound = await accepted;
    const closed = once(inbound, 'close');
    peer.sendEncoded(payload);
    const [err] = (await closed) as [Error & { code?: string }];
    t.equal(err.code, code);
  }
  t.equal(count(bob, C.badFrame), 2);
});
