/**
 * Files with messages, one laptop handing envelopes to another by hand (no
 * sessions), so each arrival order, hostile header and piece, and expiry
 * can be staged exactly. The link-level journeys are in test/sync.
 */
import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, startCoreNode, type CoreNode, type CoreNodeOptions } from '../fixtures/core-node.js';
import { openEnvelope, sealEnvelope } from '../../daemon/crypto/seal.js';
import { decodeContent, decodeEnvelope, encodeContent, type Content, type Envelope } from '../../daemon/wire/messages.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { systemRandom } from '../../daemon/util/random.js';
import type { LinkPeer } from '../../daemon/sync/mailbox.js';
import type { MessageInfo } from '../../daemon/messenger/api.js';
import { PIECE_BYTES } from '../../daemon/messenger/attachment-rules.js';
import { outboxBytes } from '../../daemon/messenger/outbox.js';
import { sha256 } from '@noble/hashes/sha2.js';

const DAY_MS = 24 * 3600 * 1000;

function linkPeer(n: CoreNode): LinkPeer {
  const card = n.messenger.card();
  return {
    userId: n.messenger.identity().id, userKey: card.userKey as Uint8Array, displayName: card.displayName ?? '',
    nodeId: n.messenger.identity().nodeId, nodeKey: n.messenger.nodeKey().publicKey, address: '127.0.0.1:1', via: 'beacon',
  };
}

/** Two people who know each other, with nothing on the link between them. */
async function pair(t: Test, opts: CoreNodeOptions = {}): Promise<[CoreNode, CoreNode]> {
  const nodes = [await startCoreNode(undefined, opts), await startCoreNode(undefined, opts)] as [CoreNode, CoreNode];
  t.teardown(async () => { for (const n of nodes) { await n.stop(); removeDir(n.dir); } });
  const [a, b] = nodes;
  a.messenger.peerUp(linkPeer(b));
  b.messenger.peerUp(linkPeer(a));
  await a.messenger.addContact(b.messenger.identity().id);
  await b.messenger.addContact(a.messenger.identity().id);
  return nodes;
}

/** What A's outbox holds for B: the header, and the pieces in index order (opened with B's key to learn it). */
function outgoing(a: CoreNode, b: CoreNode): { header: Envelope; pieces: Envelope[] } {
  const recs = [...a.store.outbox.getRange({})].map(({ value }) => value).filter((r) => r.to === b.messenger.identity().id);
  const header = recs.find((r) => r.kind === 'text');
  if (header === undefined) throw new Error('no header queued');
  const me = { secretKey: b.store.meta.get('userSecret') as Uint8Array, publicKey: b.messenger.card().userKey as Uint8Array };
  const indexOf = (env: Envelope): number => {
    const opened = openEnvelope(env, me, [a.messenger.card().userKey as Uint8Array]);
    return decodeContent(opened?.content ?? new Uint8Array()).piece?.index ?? 0;
  };
  const pieces = recs.filter((r) => r.kind === 'piece').map((r) => decodeEnvelope(r.envelope));
  return { header: decodeEnvelope(header.envelope), pieces: pieces.sort((x, y) => indexOf(x) - indexOf(y)) };
}

/** Seals content from A to B with A's own key, as a buggy or hostile contact could. */
function sealedByA(a: CoreNode, b: CoreNode, content: Content): Envelope {
  return sealEnvelope({
    sender: { secretKey: a.store.meta.get('userSecret') as Uint8Array, publicKey: a.messenger.card().userKey as Uint8Array },
    recipient: b.messenger.card().userKey as Uint8Array, content: encodeContent(content), lifetimeS: 0, random: systemRandom,
  }).envelope;
}

function shownOn(n: CoreNode): MessageInfo[] {
  const shown: MessageInfo[] = [];
  n.messenger.on('messageReceived', (m) => shown.push(m));
  return shown;
}

const file = (bytes: number): Uint8Array => new Uint8Array(randomBytes(bytes));

t.test('an activity gets a named error for every bad file, and nothing is queued', async (t) => {
  const [a, b] = await pair(t, { attachmentMaxBytes: 64 * 1024 });
  const bId = b.messenger.identity().id;
  const ok = { name: 'ok.png', bytes: file(10), mediaType: 'image/png' };
  const send = (text: unknown, f: unknown, to: unknown = bId): Promise<string> =>
    a.messenger.sendWithAttachment(to as string, text as string, f as typeof ok);
  for (const name of ['', '.', '..', 'a/b', '/etc/passwd', 'nul\u0000.png', 'line\nbreak.png', 'x'.repeat(256), 'é'.repeat(128), 42, undefined]) {
    await t.rejects(send('hi', { ...ok, name }), { code: 'INVALID_ARGUMENT' }, `name ${JSON.stringify(name)}`);
  }
  await t.rejects(send('hi', { ...ok, bytes: 'not bytes' }), { code: 'INVALID_ARGUMENT' });
  await t.rejects(send('hi', { ...ok, mediaType: 'image' }), { code: 'INVALID_ARGUMENT' });
  await t.rejects(send('hi', { ...ok, mediaType: 'text/plain\r\nX: y' }), { code: 'INVALID_ARGUMENT' });
  await t.rejects(send('hi', null), { code: 'INVALID_ARGUMENT' });
  await t.rejects(send('a\u0000b', ok), { code: 'INVALID_ARGUMENT' });
  await t.rejects(send('x'.repeat(4097), ok), { code: 'BODY_TOO_LARGE' });
  await t.rejects(send('hi', { ...ok, bytes: file(64 * 1024 + 1) }), { code: 'BODY_TOO_LARGE', message: /65537 bytes; the limit is 65536/ });
  await t.rejects(send('hi', ok, 'ffffffffffffffff'), { code: 'UNKNOWN_CONTACT' });
  await t.rejects(send('hi', ok, 'not an id'), { code: 'INVALID_ARGUMENT' });
  t.equal(a.store.outbox.getCount(), 0, 'nothing queued');
  t.equal(outboxBytes(a.store), 0);
  t.equal(a.messenger.conversations().length, 0);
  t.match(await send('', { ...ok, name: 'x'.repeat(255) }), /^[0-9a-f]{32}$/, 'a 255-byte name and no text are fine: the file is the message');
  t.match(await send('', { name: 'empty.txt', bytes: new Uint8Array(0), mediaType: '' }), /^[0-9a-f]{32}$/, 'an empty file too');
  t.equal(a.messenger.attachmentMaxBytes(), 64 * 1024);
});

t.test('a file bigger than the outbox quota fails with StoreFull and queues nothing', async (t) => {
  const [a, b] = await pair(t, { outboxQuotaBytes: 256 * 1024 });
  const bId = b.messenger.identity().id;
  await a.messenger.send(bId, 'a text first');
  const before = outboxBytes(a.store);
  await t.rejects(a.messenger.sendWithAttachment(bId, 'too big', { name: 'big.png', bytes: file(300 * 1024), mediaType: '' }), { code: 'STORE_FULL', message: /300-byte|307200-byte file/ });
  t.equal(a.store.outbox.getCount(), 1, 'only the earlier text waits');
  t.equal(outboxBytes(a.store), before, 'the byte count is unchanged');
  t.equal(a.messenger.conversations()[0]?.total, 1, 'no half-sent message in the conversation');
  // A file that fits still goes.
  await a.messenger.sendWithAttachment(bId, 'fits', { name: 'small.png', bytes: file(100 * 1024), mediaType: '' });
  t.equal(a.store.outbox.getCount(), 1 + 1 + 4, 'text, header and four pieces');
});

t.test('pieces in any order, duplicates included: shown once, when the last one is in', async (t) => {
  const [a, b] = await pair(t);
  const bytes = file(3 * PIECE_BYTES + 17);
  const id = await a.messenger.sendWithAttachment(b.messenger.identity().id, 'puzzle', { name: 'p.svg', bytes, mediaType: 'image/svg+xml' });
  const { header, pieces } = outgoing(a, b);
  t.equal(pieces.length, 4);
  const shown = shownOn(b);
  const from = linkPeer(a);
  t.equal(b.messenger.accept(from, [pieces[3]!, pieces[1]!, pieces[1]!], []).stored.length, 3, 'pieces before their header are kept');
  t.same(shown, []);
  b.messenger.accept(from, [header], []);
  t.same(shown, [], 'the header alone shows nothing');
  t.same(b.messenger.conversations(), []);
  t.equal([...b.store.outbox.getRange({})].length, 0, 'no receipt yet: "delivered" must mean the file is there');
  t.equal(b.store.proofs.getCount(), 1, 'the pieces are proven (carriers may drop them), the header not yet');
  b.messenger.accept(from, [pieces[0]!], []);
  t.same(shown, []);
  b.messenger.accept(from, [pieces[2]!, pieces[0]!], []);
  t.equal(shown.length, 1);
  t.equal(shown[0]?.id, id);
  t.ok(Buffer.from(readFileSync(shown[0]?.attachment?.path ?? '')).equals(Buffer.from(bytes)));
  t.equal(b.messenger.counters()['inbound.duplicate'], 2);
  t.equal(b.store.pieces.getCount(), 0);
  t.equal([...b.store.outbox.getRange({})].filter(({ value }) => value.kind === 'receipt').length, 1, 'now the receipt goes');
  t.same(b.messenger.trace(id).map((e) => e.event), ['received']);
  t.match(b.messenger.trace(id)[0]?.detail, /4 pieces, SHA-256 checked/);
  b.messenger.accept(from, [header, ...pieces], []);
  t.equal(shown.length, 1, 'a replay of everything shows nothing new');
});

t.test('a file that does not match its digest is dropped, counted and never shown', async (t) => {
  const [a, b] = await pair(t);
  const bytes = file(2 * PIECE_BYTES);
  await a.messenger.sendWithAttachment(b.messenger.identity().id, 'tampered', { name: 't.png', bytes, mediaType: '' });
  const { header, pieces } = outgoing(a, b);
  const shown = shownOn(b);
  const from = linkPeer(a);
  b.messenger.accept(from, [header, pieces[0]!], []);
  const rec = [...b.store.incoming.getRange({})][0]?.value;
  t.ok(rec, 'a file is on its way in');
  // A second piece with the right file id (the key's last 32 digits) and the wrong bytes, sealed by A itself.
  const wrong = sealedByA(a, b, { piece: { fileId: Buffer.from(rec!.key.slice(16), 'hex'), index: 1, data: file(PIECE_BYTES) } });
  b.messenger.accept(from, [wrong], []);
  t.same(shown, []);
  t.equal(b.messenger.counters()['inbound.attachment.corrupt'], 1);
  t.equal(b.store.pieces.getCount(), 0, 'its pieces are gone');
  t.same([...b.store.incoming.getRange({})].map(({ value }) => value.refused), [true], 'only a mark that the file is refused is left');
  t.same(b.messenger.conversations(), []);
  t.notOk(existsSync(join(b.dir, 'attachments')), 'nothing was written');
  t.equal(b.messenger.accept(from, [pieces[1]!], []).refused.length, 1, 'the genuine piece coming late is refused, so the sender learns of it');
  t.same(shown, [], 'and does not bring the message back');
});

t.test('hostile headers and pieces are refused and counted; nothing is shown or written', async (t) => {
  const [a, b] = await pair(t, { attachmentMaxBytes: 256 * 1024 });
  const shown = shownOn(b);
  const from = linkPeer(a);
  // A refused header marks its file refused, so each case names a file of its own.
  let files = 0;
  const newFileId = (): Uint8Array => new Uint8Array(16).fill(++files);
  const fileId = new Uint8Array(16).fill(200);
  const digest = sha256(new Uint8Array(10));
  const header = (over: object): Envelope =>
    sealedByA(a, b, { text: 'look', attachment: { fileId: newFileId(), name: 'x.png', size: 10, sha256: digest, pieces: 1, ...over } });
  const cases: [string, Envelope, string][] = [
    ['a path for a name', header({ name: '../../.bashrc' }), 'bad_header'],
    ['a dot-dot name', header({ name: '..' }), 'bad_header'],
    ['an empty name', header({ name: '' }), 'bad_header'],
    ['a short file id', header({ fileId: new Uint8Array(3) }), 'bad_header'],
    ['a short digest', header({ sha256: new Uint8Array(31) }), 'bad_header'],
    ['no pieces for a non-empty file', header({ pieces: 0 }), 'bad_header'],
    ['more pieces than bytes', header({ pieces: 11 }), 'bad_header'],
    ['pieces too big to be real', header({ size: 100_000, pieces: 1 }), 'bad_header'],
    ['a file over this laptop\'s limit', header({ size: 256 * 1024 + 1, pieces: 9 }), 'too_large'],
    ['an empty piece', sealedByA(a, b, { piece: { fileId, index: 0, data: new Uint8Array(0) } }), 'bad_piece'],
    ['an oversized piece', sealedByA(a, b, { piece: { fileId, index: 0, data: new Uint8Array(2 * PIECE_BYTES + 1) } }), 'bad_piece'],
    ['a piece with a short file id', sealedByA(a, b, { piece: { fileId: new Uint8Array(15), index: 0, data: new Uint8Array(5) } }), 'bad_piece'],
  ];
  for (const [what, env, counter] of cases) {
    const before = b.messenger.counters()[`inbound.attachment.${counter}`] ?? 0;
    const r = b.messenger.accept(from, [env], []);
    t.equal(r.refused.length, 1, what);
    t.equal(b.messenger.counters()[`inbound.attachment.${counter}`], before + 1, `${what}: counted as ${counter}`);
  }
  // A good header, then a piece past its end.
  b.messenger.accept(from, [header({ fileId })], []);
  t.equal(b.messenger.accept(from, [sealedByA(a, b, { piece: { fileId, index: 1, data: new Uint8Array(5) } })], []).refused.length, 1, 'a piece past the last');
  t.same(shown, []);
  t.notOk(existsSync(join(b.dir, 'attachments')));
  // The right piece with the wrong bytes: corrupt, never shown.
  b.messenger.accept(from, [sealedByA(a, b, { piece: { fileId, index: 0, data: new Uint8Array(10).fill(1) } })], []);
  t.equal(b.messenger.counters()['inbound.attachment.corrupt'], 1);
  t.same(shown, []);
});

t.test('a file whose pieces never all come stays hidden and goes with its lifetime', async (t) => {
  const clock = new ManualClock();
  const [a, b] = await pair(t, { clock, lifetimeS: 2 * 24 * 3600 });
  await a.messenger.sendWithAttachment(b.messenger.identity().id, 'half', { name: 'h.png', bytes: file(3 * PIECE_BYTES), mediaType: '' });
  const { header, pieces } = outgoing(a, b);
  const shown = shownOn(b);
  b.messenger.accept(linkPeer(a), [header, pieces[0]!, pieces[1]!], []);
  t.equal(b.store.pieces.getCount(), 2);
  clock.advance(DAY_MS);
  t.equal(b.store.incoming.getCount(), 1, 'still waiting for the last piece a day later');
  clock.advance(DAY_MS + 1000);
  t.equal(b.store.incoming.getCount(), 0, 'given up when its lifetime ran out');
  t.equal(b.store.pieces.getCount(), 0);
  t.equal(b.messenger.counters()['inbound.attachment.expired'], 1);
  t.same(shown, []);
  t.same(b.messenger.conversations(), []);
});

t.test('purging a message with a file takes its pieces out of the outbox too', async (t) => {
  const [a, b] = await pair(t);
  const id = await a.messenger.sendWithAttachment(b.messenger.identity().id, 'never mind', { name: 'n.png', bytes: file(5 * PIECE_BYTES), mediaType: '' });
  t.equal(a.store.outbox.getCount(), 6);
  await a.messenger.purge(id);
  t.equal(a.store.outbox.getCount(), 0);
  t.equal(outboxBytes(a.store), 0);
  t.same(a.messenger.outbox(), []);
});

t.test('the outbox lists pieces as such, in the state of their message', async (t) => {
  const [a, b] = await pair(t);
  const id = await a.messenger.sendWithAttachment(b.messenger.identity().id, '', { name: 'o.png', bytes: file(PIECE_BYTES + 1), mediaType: '' });
  const list = a.messenger.outbox();
  t.same(list.map((e) => e.kind).sort(), ['piece', 'piece', 'text']);
  t.ok(list.every((e) => e.state === 'waiting'));
  t.ok(list.find((e) => e.kind === 'text')?.id === id);
  t.same(readdirSync(a.dir).includes('attachments'), false, 'the sender keeps no copy of its own');
});
