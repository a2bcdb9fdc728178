import t, { type Test } from 'tap';
import { removeDir, startCoreNode, type CoreNode } from '../fixtures/core-node.js';
import { keyIdHex } from '../../daemon/crypto/keys.js';
import { sealEnvelope } from '../../daemon/crypto/seal.js';
import { encodeContent, type Envelope } from '../../daemon/wire/messages.js';
import { systemRandom } from '../../daemon/util/random.js';
import type { LinkPeer } from '../../daemon/sync/mailbox.js';
import type { MessageInfo } from '../../daemon/messenger/api.js';

function linkPeer(n: CoreNode): LinkPeer {
  const card = n.messenger.card();
  return {
    userId: n.messenger.identity().id, userKey: card.userKey as Uint8Array, displayName: card.displayName ?? '',
    nodeId: n.messenger.identity().nodeId, nodeKey: n.messenger.nodeKey().publicKey, address: '127.0.0.1:1', via: 'beacon',
  };
}

/** The envelopes A would hand to B if B were on the link. */
function envelopesFor(a: CoreNode, b: CoreNode): Envelope[] {
  return a.messenger.offersFor(linkPeer(b)).flatMap((o) => (o.envelope !== undefined && o.to === b.messenger.identity().id ? [o.envelope] : []));
}

async function three(t: Test): Promise<[CoreNode, CoreNode, CoreNode]> {
  const nodes = await Promise.all([startCoreNode(), startCoreNode(), startCoreNode()]);
  t.teardown(async () => { for (const n of nodes) { await n.stop(); removeDir(n.dir); } });
  return nodes as [CoreNode, CoreNode, CoreNode];
}

t.test('the same envelope handed over twice is shown once and acknowledged both times', async (t) => {
  const [a, b] = await three(t);
  b.messenger.peerUp(linkPeer(a));
  a.messenger.peerUp(linkPeer(b));
  await a.messenger.addContact(b.messenger.identity().id);
  await b.messenger.addContact(a.messenger.identity().id);
  await a.messenger.send(b.messenger.identity().id, 'once only');
  const [env] = envelopesFor(a, b);
  t.ok(env);
  const shown: MessageInfo[] = [];
  b.messenger.on('messageReceived', (m) => shown.push(m));
  const first = b.messenger.accept(linkPeer(a), [env!, env!], []);
  const second = b.messenger.accept(linkPeer(a), [env!], []);
  t.equal(shown.length, 1);
  t.equal(first.stored.length, 2);
  t.equal(second.stored.length, 1, 'a replay is acknowledged so the sender stops offering it');
  t.equal(b.messenger.counters()['inbound.duplicate'], 2);
  t.equal(b.messenger.conversations()[0]?.total, 1);
});

t.test('an envelope sealed by a stranger but handed over by A is never shown as from A', async (t) => {
  const [a, b, c] = await three(t);
  b.messenger.peerUp(linkPeer(a));
  // C knows B's key but is unknown to B: it seals with its own key.
  const forged = sealEnvelope({
    sender: { secretKey: c.store.meta.get('userSecret') as Uint8Array, publicKey: c.messenger.card().userKey as Uint8Array },
    recipient: b.messenger.card().userKey as Uint8Array,
    content: encodeContent({ text: 'I am A, honest' }), lifetimeS: 3600, random: systemRandom,
  });
  const shown: MessageInfo[] = [];
  b.messenger.on('messageReceived', (m) => shown.push(m));
  const res = b.messenger.accept(linkPeer(a), [forged.envelope], []);
  t.equal(shown.length, 0);
  t.equal(res.refused.length, 1);
  t.equal(b.messenger.counters()['inbound.dropped.unauthenticated'], 1);
  t.same(b.messenger.conversations(), []);
  // Flipped bits in a genuine envelope are refused the same way.
  a.messenger.peerUp(linkPeer(b));
  await a.messenger.addContact(b.messenger.identity().id);
  await b.messenger.addContact(a.messenger.identity().id);
  await a.messenger.send(b.messenger.identity().id, 'genuine');
  const [env] = envelopesFor(a, b);
  const sealed = new Uint8Array(env!.sealed as Uint8Array);
  sealed[3]! ^= 0x01;
  const bad = b.messenger.accept(linkPeer(a), [{ ...env!, sealed }], []);
  t.equal(bad.refused.length, 1);
  t.equal(shown.length, 0);
  const good = b.messenger.accept(linkPeer(a), [env!], []);
  t.equal(good.stored.length, 1);
  t.equal(shown[0]?.text, 'genuine');
  t.equal(shown[0]?.contactId, keyIdHex(a.messenger.card().userKey as Uint8Array));
});

t.test('a receipt only moves messages sent to its author', async (t) => {
  const [a, b, c] = await three(t);
  for (const [x, y] of [[a, b], [a, c], [b, a], [c, a]] as const) x.messenger.peerUp(linkPeer(y));
  await a.messenger.addContact(b.messenger.identity().id);
  await a.messenger.addContact(c.messenger.identity().id);
  const id = await a.messenger.send(b.messenger.identity().id, 'for B only');
  // C claims to have read A's message to B.
  await c.messenger.addContact(a.messenger.identity().id);
  const fake = sealEnvelope({
    sender: { secretKey: c.store.meta.get('userSecret') as Uint8Array, publicKey: c.messenger.card().userKey as Uint8Array },
    recipient: a.messenger.card().userKey as Uint8Array,
    content: encodeContent({ receipt: { read: [Buffer.from(id, 'hex')] } }), lifetimeS: 3600, random: systemRandom,
  });
  a.messenger.accept(linkPeer(c), [fake.envelope], []);
  t.equal(a.messenger.messages(b.messenger.identity().id)[0]?.state, 'waiting');
  t.equal(a.messenger.counters()['inbound.receipt.ignored'], 1);
});

t.test('bad input from an activity gets named errors and stores nothing', async (t) => {
  const [a, b] = await three(t);
  a.messenger.peerUp(linkPeer(b));
  const bId = b.messenger.identity().id;
  await t.rejects(a.messenger.send(bId, 'hi'), { code: 'UNKNOWN_CONTACT' });
  await t.rejects(a.messenger.addContact('ffffffffffffffff'), { code: 'UNKNOWN_CONTACT' });
  await a.messenger.addContact(bId);
  await t.rejects(a.messenger.send(bId, '   '), { code: 'EMPTY_BODY' });
  await t.rejects(a.messenger.send(bId, 'x'.repeat(4097)), { code: 'BODY_TOO_LARGE' });
  await t.rejects(a.messenger.send('B', 'hi'), { code: 'INVALID_ARGUMENT' });
  await t.rejects(a.messenger.markRead(['0'.repeat(32)]), { code: 'NOT_FOUND' });
  await t.rejects(a.messenger.setDisplayName('a\nb'), { code: 'INVALID_ARGUMENT' });
  await t.rejects(a.messenger.setDisplayName('x'.repeat(65)), { code: 'INVALID_ARGUMENT' });
  t.same(a.messenger.conversations(), []);
  t.same(envelopesFor(a, b), []);
});

t.test('a full outbox refuses Send with StoreFull and works again once it drains', async (t) => {
  const a = await startCoreNode(undefined, { outboxQuotaBytes: 400 });
  const [, b] = await three(t);
  t.teardown(async () => { await a.stop(); removeDir(a.dir); });
  a.messenger.peerUp(linkPeer(b));
  const bId = b.messenger.identity().id;
  await a.messenger.addContact(bId);
  const ids: string[] = [];
  await t.rejects(async () => { for (;;) ids.push(await a.messenger.send(bId, 'x'.repeat(100))); }, { code: 'STORE_FULL' });
  t.ok(ids.length >= 1);
  t.equal(a.messenger.messages(bId).length, ids.length, 'the refused message left no trace');
  a.messenger.acknowledged(linkPeer(b), ids.map((id) => ({ id, to: bId, stored: true, copiesGiven: 0 })));
  t.ok(await a.messenger.send(bId, 'room again'));
});

t.test('only the peer on the link and contacts are tried as senders', async (t) => {
  const [a, b, c] = await three(t);
  // B once met C, but C is not a contact; A hands over an envelope C sealed.
  b.messenger.peerUp(linkPeer(c));
  b.messenger.peerDown(linkPeer(c));
  const fromC = sealEnvelope({
    sender: { secretKey: c.store.meta.get('userSecret') as Uint8Array, publicKey: c.messenger.card().userKey as Uint8Array },
    recipient: b.messenger.card().userKey as Uint8Array,
    content: encodeContent({ text: 'relayed by A' }), lifetimeS: 0, random: systemRandom,
  });
  const res = b.messenger.accept(linkPeer(a), [fromC.envelope], []);
  t.equal(res.refused.length, 1, 'a message for B from someone B does not know is not shown');
  t.equal(b.messenger.counters()['inbound.dropped.unauthenticated'], 1);
  // Once C is a contact, the same envelope opens and shows C as the author.
  await b.messenger.addContact(c.messenger.identity().id);
  const again = b.messenger.accept(linkPeer(a), [fromC.envelope], []);
  t.equal(again.stored.length, 1);
  t.equal(b.messenger.conversations()[0]?.contactId, c.messenger.identity().id);
});

t.test('ids copied in upper case are accepted and stored in their canonical form', async (t) => {
  const [a, b] = await three(t);
  a.messenger.peerUp(linkPeer(b));
  const contact = await a.messenger.addContact(b.messenger.identity().id.toUpperCase());
  t.equal(contact.id, b.messenger.identity().id);
  const id = await a.messenger.send(b.messenger.identity().id.toUpperCase(), 'hi');
  t.equal(a.messenger.trace(id.toUpperCase())[0]?.event, 'queued');
  t.throws(() => a.messenger.trace('xyz'), { code: 'INVALID_ARGUMENT', message: /message id must be 32 hex digits; got "xyz"/ });
});
