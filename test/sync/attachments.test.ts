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
