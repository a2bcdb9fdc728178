import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { meet, nextEvent, part, removeDir, startCoreNode, type CoreNode, type CoreNodeOptions } from '../fixtures/core-node.js';
import { PIECE_BYTES } from '../../daemon/messenger/attachment-rules.js';

const MIB = 1024 * 1024;

async function nodes(t: Test, n: number, opts: CoreNodeOptions = {}): Promise<CoreNode[]> {
  const out: CoreNode[] = [];
  for (let i = 0; i < n; i++) out.push(await startCoreNode(undefined, opts));
  t.teardown(async () => {
    for (const x of out) { await x.stop(); removeDir(x.dir); }
  });
  return out;
}

async function until(what: string, fn: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function together(a: CoreNode, b: CoreNode): Promise<void> {
  const up = Promise.all([
    nextEvent(a.messenger, 'neighbourAppeared', (n) => n.id === b.messenger.identity().id),
    nextEvent(b.messenger, 'neighbourAppeared', (n) => n.id === a.messenger.identity().id),
  ]);
  meet(a, b);
  await up;
}

async function friends(a: CoreNode, b: CoreNode): Promise<void> {
  await together(a, b);
  await a.messenger.addContact(b.messenger.identity().id);
  await b.messenger.addContact(a.messenger.identity().id);
  await part(a, b);
}

const waiting = (n: CoreNode): number => n.store.outbox.getCount();
const carried = (n: CoreNode): number => n.store.carry.getCount();
const drawing = (bytes: number): Uint8Array => new Uint8Array(randomBytes(bytes));
const id = (n: CoreNode): string => n.messenger.identity().id;

t.test('a 1 MiB file reaches a neighbour byte for byte, and "delivered" means the file is there', async (t) => {
  const [a, b] = await nodes(t, 2) as [CoreNode, CoreNode];
  await together(a, b);
  await a.messenger.addContact(id(b));
  await b.messenger.addContact(id(a));
  const file = drawing(MIB);
  const arrived = nextEvent(b.messenger, 'messageReceived');
  const sentId = await a.messenger.sendWithAttachment(id(b), 'my drawing', { name: 'cat.svg', bytes: file, mediaType: 'image/svg+xml' });
  const delivered = nextEvent(a.messenger, 'messageStateChanged', (s) => s.id === sentId && s.state === 'delivered');
  const [m] = await arrived;
  t.equal(m.id, sentId, 'the message keeps its id');
  t.equal(m.text, 'my drawing');
  t.same({ ...m.attachment, path: '' }, { name: 'cat.svg', size: MIB, mediaType: 'image/svg+xml', path: '' });
  const path = m.attachment?.path ?? '';
  t.equal(path, `${b.dir}/attachments/${sentId}/cat.svg`);
  t.ok(Buffer.from(readFileSync(path)).equals(Buffer.from(file)), 'byte-identical');
  t.equal(statSync(path).mode & 0o777, 0o600, 'only the daemon reads it');
  t.equal(statSync(dirname(path)).mode & 0o777, 0o700);
  await delivered;
  await until('the outbox is empty', () => waiting(a) === 0);
  t.equal(b.store.pieces.getCount(), 0, 'no pieces are left once the file is written');
  t.equal(b.store.incoming.getCount(), 0);
  t.equal(b.counters.snapshot()['inbound.attachment.piece'], MIB / PIECE_BYTES);
  t.same(b.messenger.messages(id(a)).map((x) => x.id), [sentId], 'shown once');
  const mine = a.messenger.messages(id(b))[0];
  t.same(mine?.attachment, { name: 'cat.svg', size: MIB, mediaType: 'image/svg+xml', path: '' }, "the sender's record names the file");
});

/**
 * The link drops the moment `receiver` has taken `envelopes` envelopes from
 * `sender`, before it can acknowledge them: a meeting cut short mid-file.
 */
function cutAfter(sender: CoreNode, receiver: CoreNode, envelopes: number): Promise<unknown> {
  const real = receiver.messenger.accept;
  let taken = 0;
  const gone = Promise.all([
    nextEvent(sender.messenger, 'neighbourGone', (n) => n.id === id(receiver)),
    nextEvent(receiver.messenger, 'neighbourGone', (n) => n.id === id(sender)),
  ]);
  receiver.messenger.accept = (peer, envs, proofs) => {
    const r = real(peer, envs, proofs);
    taken += envs.length;
    if (taken >= envelopes) {
      receiver.messenger.accept = real;
      receiver.sessions.lost(peer.nodeId);
      sender.sessions.lost(receiver.messenger.identity().nodeId);
    }
    return r;
  };
  return gone;
}

t.test('a file travels with a carrier that cannot read it, and arrives whole', async (t) => {
  const [a, b, c] = await nodes(t, 3) as [CoreNode, CoreNode, CoreNode];
  await friends(a, c);
  const file = drawing(MIB);
  const sentId = await a.messenger.sendWithAttachment(id(c), 'for your wall', { name: 'wall.png', bytes: file, mediaType: 'image/png' });
  await together(a, b);
  await until('B carries the message and all 32 pieces', () => carried(b) === 33);
  t.equal(b.messenger.conversations().length, 0, 'the carrier shows nothing');
  t.equal(b.store.incoming.getCount(), 0, 'nor does it try to put the file together');
  await part(a, b);
  const arrived = nextEvent(c.messenger, 'messageReceived');
  await together(b, c);
  const [m] = await arrived;
  t.equal(m.id, sentId);
  t.ok(Buffer.from(readFileSync(m.attachment?.path ?? '')).equals(Buffer.from(file)), 'byte-identical');
  await until('B drops every copy once C has them', () => carried(b) <= 1);
  await part(b, c);
  const delivered = nextEvent(a.messenger, 'messageStateChanged', (s) => s.id === sentId && s.state === 'delivered');
  await together(a, b);
  await delivered;
  await until("nothing of A's waits any more", () => waiting(a) === 0);
});

t.test('a transfer cut off mid-file resumes through another laptop; nothing is lost or taken twice', async (t) => {
  // Epidemic routing, named: D must take what A holds although A has met C and D nobody,
  // which the default (encounter-spray) would not hand over.
  const [a, c, d] = await nodes(t, 3, { routing: 'epidemic' }) as [CoreNode, CoreNode, CoreNode];
  await friends(a, c);
  const file = drawing(MIB);
  let shown = 0;
  c.messenger.on('messageReceived', () => { shown++; });
  const sentId = await a.messenger.sendWithAttachment(id(c), 'cut short', { name: 'long.svg', bytes: file, mediaType: 'image/svg+xml' });
  // 24 envelopes is more than one send window (16 pieces), so A has heard some acknowledgements.
  const cut = cutAfter(a, c, 24);
  meet(a, c);
  await cut;
  const onC = c.store.pieces.getCount();
  t.ok(onC >= 23 && onC < 32, `C holds some pieces (${onC}), not all`);
  t.equal(shown, 0, 'a partial file shows nothing');
  t.same(c.messenger.conversations(), []);
  // A never heard the acks for the last frames: it offers those again, and C answers "have it".
  const left = waiting(a);
  t.ok(left < 33 && left >= 33 - onC - 1, `A still holds ${left} of 33 envelopes, no fewer than C lacks`);

  await together(a, d);
  await until('D carries what A still holds', () => carried(d) === left);
  await part(a, d);
  const arrived = nextEvent(c.messenger, 'messageReceived');
  await together(d, c);
  const [m] = await arrived;
  t.equal(m.id, sentId);
  t.ok(Buffer.from(readFileSync(m.attachment?.path ?? '')).equals(Buffer.from(file)), 'byte-identical');
  const counts = c.counters.snapshot();
  t.equal(counts['inbound.attachment.piece'], 32, 'each piece stored once');
  t.equal(counts['inbound.attachment.duplicate_piece'] ?? 0, 0);
  t.equal(shown, 1, 'shown once');
  t.equal(c.store.pieces.getCount(), 0);
  await until('D drops its copies', () => carried(d) <= 1);
});

t.test('own texts go before own pieces when both wait', async (t) => {
  const [a, b] = await nodes(t, 2) as [CoreNode, CoreNode];
  await friends(a, b);
  await a.messenger.sendWithAttachment(id(b), 'a big one first', { name: 'big.png', bytes: drawing(MIB), mediaType: '' });
  const textId = await a.messenger.send(id(b), 'then a short one');
  const order: string[] = [];
  b.messenger.on('messageReceived', (m) => order.push(m.id));
  const textArrived = nextEvent(b.messenger, 'messageReceived', (m) => m.id === textId);
  await together(a, b);
  await textArrived;
  t.ok(b.store.pieces.getCount() < 32, 'the text arrived while pieces were still on the way');
  t.equal(order[0], textId, 'the short text is shown first');
});

t.test('a recipient with a smaller limit refuses the file and the sender is told why', async (t) => {
  const [a] = await nodes(t, 1, { attachmentMaxBytes: 2 * MIB });
  const [c] = await nodes(t, 1) as [CoreNode];
  await friends(a!, c);
  const sentId = await a!.messenger.sendWithAttachment(id(c), 'too much for you', { name: 'huge.png', bytes: drawing(MIB + 1), mediaType: '' });
  const failed = nextEvent(a!.messenger, 'messageStateChanged', (s) => s.id === sentId && s.state === 'failed');
  await together(a!, c);
  const [s] = await failed;
  t.match(s.reason, /refused/);
  await until("A's outbox lets go of the pieces", () => waiting(a!) === 0);
  t.equal(c.store.pieces.getCount(), 0, 'C keeps no pieces of a file it refused');
  t.same(c.messenger.conversations(), []);
});
