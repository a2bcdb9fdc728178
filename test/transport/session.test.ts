import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import { connectSession } from '../../daemon/transport/connect.js';
import { AEAD_TAG_BYTES } from '../../daemon/transport/frame-cipher.js';
import { keyId as nodeKeyId } from '../../daemon/crypto/keys.js';
import type { Session } from '../../daemon/transport/session.js';
import { TRANSPORT_COUNTERS } from '../../daemon/transport/counter-names.js';
import { encodeFrame, type Frame } from '../../daemon/wire/messages.js';
import { listen, makeNode, sessionOpts, waitFor, type TestNode } from './fixtures/helpers.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const varintLength = (n: number): number => (n < 2 ** 7 ? 1 : n < 2 ** 14 ? 2 : n < 2 ** 21 ? 3 : 4);
const envelope = (n: number): Frame => ({
  envelopes: [{ to: new Uint8Array(8).fill(n), nonce: 1000 + n, sealed: new Uint8Array(40).fill(n), lifetimeS: 3600 }],
});
const collect = (s: Session): Frame[] => {
  const got: Frame[] = [];
  s.on('frame', (f) => got.push(f));
  return got;
};

async function pairUp(t: Test, a: TestNode, b: TestNode, host = '127.0.0.1', extra = {}): Promise<[Session, Session]> {
  const server = await listen(b, extra, host);
  t.teardown(() => server.listener.close());
  const accepted = server.next();
  const client = await connectSession({ ...sessionOpts(a, extra), host, port: server.port });
  const inbound = await accepted;
  t.teardown(() => { client.destroy(); inbound.destroy(); });
  return [client, inbound];
}

t.test('two sessions authenticate each other and exchange frames both ways', async (t) => {
  const alice = makeNode('alice');
  const bob = makeNode('bob');
  const [client, server] = await pairUp(t, alice, bob);
  t.equal(client.initiator, true);
  t.equal(server.initiator, false);
  t.equal(hex(client.peerNodeKey), hex(bob.nodeKey.publicKey));
  t.equal(hex(server.peerNodeKey), hex(alice.nodeKey.publicKey));
  t.equal(hex(client.peerNodeId), hex(nodeKeyId(bob.nodeKey.publicKey)));
  t.equal(client.peerCard.displayName, 'bob');
  t.equal(server.peerCard.displayName, 'alice');
  t.equal(server.remoteAddress, '127.0.0.1');
  t.equal(alice.counters.snapshot()[TRANSPORT_COUNTERS.sessionsOpened], 1);
  t.equal(bob.counters.snapshot()[TRANSPORT_COUNTERS.sessionsOpened], 1);

  const atServer = collect(server);
  const atClient = collect(client);
  for (let i = 1; i <= 5; i++) client.send(envelope(i));
  server.send({ stored: [new Uint8Array(16).fill(1)], done: true });
  await waitFor(() => atServer.length === 5 && atClient.length === 1, 'frames');
  t.same(atServer.map((f) => f.envelopes?.[0]?.nonce), [1001, 1002, 1003, 1004, 1005], 'in order');
  t.equal(hex(atServer[2]!.envelopes![0]!.sealed!), hex(new Uint8Array(40).fill(3)));
  t.equal(atClient[0]!.done, true);
  t.equal(atClient[0]!.auth, null, 'the Auth frame is never delivered');
  t.equal(client.framesOut, 5);
  t.equal(server.framesIn, 5);
  t.equal(server.framesOut, 1);
  t.equal(client.framesIn, 1);
  await waitFor(() => client.bytesOut === server.bytesIn && server.bytesOut === client.bytesIn, 'byte counters to agree');
  t.ok(client.bytesOut > 0 && server.bytesOut > 0);
});

t.test('each frame costs its length prefix plus a 16-byte tag on the wire', async (t) => {
  const [client, server] = await pairUp(t, makeNode('a'), makeNode('b'));
  await waitFor(() => server.bytesIn === client.bytesOut, 'handshake bytes to arrive');
  t.comment(`handshake on the wire: initiator ${client.bytesOut} bytes, responder ${server.bytesOut} bytes`);
  t.equal(client.bytesOut, server.bytesIn);
  t.equal(server.bytesOut, client.bytesIn);
  const got = collect(server);
  for (const frame of [{ done: true }, envelope(1), { envelopes: [{ sealed: new Uint8Array(20_000) }] }]) {
    const plain = encodeFrame(frame).length;
    const before = client.bytesOut;
    const beforeIn = server.bytesIn;
    client.send(frame);
    const cost = client.bytesOut - before;
    t.equal(cost, plain + AEAD_TAG_BYTES + varintLength(plain + AEAD_TAG_BYTES), `${plain}-byte frame costs ${cost} bytes`);
    await waitFor(() => server.bytesIn === beforeIn + cost, 'bytes to arrive');
  }
  t.equal(got.length, 3);
});

t.test('frames sent right after the handshake wait for a listener', async (t) => {
  const [client, server] = await pairUp(t, makeNode('a'), makeNode('b'));
  for (let i = 1; i <= 3; i++) client.send(envelope(i));
  await new Promise((r) => setTimeout(r, 50));
  const got = collect(server);
  await waitFor(() => got.length === 3, 'queued frames');
  t.same(got.map((f) => f.envelopes?.[0]?.nonce), [1001, 1002, 1003]);
});

t.test('expected peer node id: match connects, mismatch fails the handshake', async (t) => {
  const alice = makeNode('alice');
  const bob = makeNode('bob');
  const server = await listen(bob);
  t.teardown(() => server.listener.close());
  const ok = await connectSession({
    ...sessionOpts(alice), host: '127.0.0.1', port: server.port, expectedPeerNodeId: nodeKeyId(bob.nodeKey.publicKey),
  });
  ok.destroy();
  await t.rejects(connectSession({
    ...sessionOpts(alice), host: '127.0.0.1', port: server.port, expectedPeerNodeId: nodeKeyId(alice.nodeKey.publicKey),
  }), { code: 'HANDSHAKE_FAILED', message: /expected/ });
});

t.test('a node connecting to itself is refused', async (t) => {
  const alice = makeNode('alice');
  const server = await listen(alice);
  t.teardown(() => server.listener.close());
  await t.rejects(connectSession({ ...sessionOpts(alice), host: '127.0.0.1', port: server.port }), { code: 'HANDSHAKE_FAILED' });
});

t.test('IPv6 loopback', async (t) => {
  const [client, server] = await pairUp(t, makeNode('a'), makeNode('b'), '::1');
  t.equal(server.remoteAddress, '::1');
  const got = collect(server);
  client.send({ done: true });
  await waitFor(() => got.length === 1, 'frame over ::1');

});

const linkLocalHost = Object.entries(os.networkInterfaces()).flatMap(([name, addrs]) =>
  (addrs ?? []).filter((a) => a.family === 'IPv6' && a.address.startsWith('fe80:')).map((a) => `${a.address}%${name}`))[0];

t.test('a link-local IPv6 address with its scope', { skip: linkLocalHost === undefined && 'no link-local IPv6 address here' }, async (t) => {
  const host = linkLocalHost!;
  const [client, server] = await pairUp(t, makeNode('c'), makeNode('d'), host);
  t.equal(server.remoteAddress, host, 'scope kept in the remote address');
  const got = collect(server);
  client.send({ done: true });
  await waitFor(() => got.length === 1, `frame over ${host}`);
  const [bracketed] = await pairUp(t, makeNode('e'), makeNode('f'), `[${host}]`);
  t.equal(bracketed.peerNodeKey.length, 32, 'bracketed host accepted');
});

t.test('close and destroy are idempotent; send after close throws CLOSED', async (t) => {
  const [client, server] = await pairUp(t, makeNode('a'), makeNode('b'));
  const clientCloses: (Error | undefined)[] = [];
  const serverCloses: (Error | undefined)[] = [];
  client.on('close', (e) => clientCloses.push(e));
  server.on('close', (e) => serverCloses.push(e));
  const got = collect(server);
  client.send({ done: true });
  const first = client.close();
  t.throws(() => client.send({ done: true }), { code: 'CLOSED' });
  t.equal(client.closed, true);
  await Promise.all([first, client.close()]);
  client.destroy();
  client.destroy(new Error('late'));
  await waitFor(() => serverCloses.length === 1, 'server close');
  t.equal(got.length, 1, 'frame sent before close() was flushed');
  t.same(clientCloses, [undefined], 'one close event, graceful');
  t.same(serverCloses, [undefined]);
  t.throws(() => server.send({ done: true }), { code: 'CLOSED' });
  await server.close();

  const [c2, s2] = await pairUp(t, makeNode('c'), makeNode('d'));
  const closes: (Error | undefined)[] = [];
  c2.on('close', (e) => closes.push(e));
  const boom = new Error('boom');
  c2.destroy(boom);
  c2.destroy(new Error('again'));
  await c2.close();
  await once(s2, 'close');
  t.same(closes, [boom], 'destroy(err) reaches close once');
  t.throws(() => c2.send({ done: true }), { code: 'CLOSED' });
});

t.test('send refuses oversized frames and Auth, and the session survives', async (t) => {
  const [client, server] = await pairUp(t, makeNode('a'), makeNode('b'), '127.0.0.1', { maxFrameBytes: 1024 });
  const got = collect(server);
  t.throws(() => client.send({ envelopes: [{ sealed: new Uint8Array(1100) }] }), { code: 'FRAME_TOO_LARGE' });
  t.throws(() => client.send({ auth: { nodeKey: new Uint8Array(32) } }), { code: 'INVALID_ARGUMENT' });
  client.send({ envelopes: [{ sealed: new Uint8Array(1000) }] });
  await waitFor(() => got.length === 1, 'frame at the limit');
});

t.test('captured plaintext frames decode with stock protoc', async (t) => {
  const alice = makeNode('alice');
  const bob = makeNode('bob');
  const frames: { dir: 'in' | 'out'; bytes: Uint8Array }[] = [];
  const server = await listen(bob);
  t.teardown(() => server.listener.close());
  const accepted = server.next();
  const client = await connectSession({
    ...sessionOpts(alice), host: '127.0.0.1', port: server.port,
    onPlainFrame: (dir, bytes) => frames.push({ dir, bytes: Uint8Array.from(bytes) }),
  });
  const inbound = await accepted;
  t.teardown(() => { client.destroy(); inbound.destroy(); });
  client.send({ ...envelope(7), done: true });
  const decode = (type: string, bytes: Uint8Array): string =>
    execFileSync('protoc', [`--decode=satchel.v1.${type}`, '-I', 'proto', 'proto/satchel/v1/satchel.proto'], { input: bytes }).toString();
  t.same(frames.map((f) => f.dir), ['out', 'in', 'in', 'out', 'out'], 'hello out, hello in, auth in, auth out, data out');
  t.match(decode('Hello', frames[0]!.bytes), /version: 1\s+ephemeral: "/);
  t.match(decode('Hello', frames[1]!.bytes), /version: 1/);
  t.match(decode('Frame', frames[2]!.bytes), /auth \{[\s\S]*display_name: "bob"/);
  t.match(decode('Frame', frames[3]!.bytes), /auth \{[\s\S]*display_name: "alice"/);
  t.match(decode('Frame', frames[4]!.bytes), /envelopes \{[\s\S]*nonce: 1007[\s\S]*done: true/);
});
