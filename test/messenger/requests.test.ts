/**
 * The requests area and the block list, on real messengers with real LMDB
 * stores: what a child sees when someone who is not a contact writes.
 */
import t from 'tap';
import { sealEnvelope } from '../../daemon/crypto/seal.js';
import { encodeContent } from '../../daemon/wire/messages.js';
import { systemRandom } from '../../daemon/util/random.js';
import type { MessageInfo, RequestInfo } from '../../daemon/messenger/api.js';
import { BLOCKED_SOURCE_SHARE_BYTES, MAX_BLOCKED, MAX_REQUEST_MESSAGES, MAX_REQUESTS } from '../../daemon/messenger/requests.js';
import { generateKeyPair, keyIdHex } from '../../daemon/crypto/keys.js';
import { startCoreNode, type CoreNode } from '../fixtures/core-node.js';
import { envelopesFor, idOf, keyOf, linkPeer, nodes, write } from './fixtures/trio.js';

type Removed = { id: string; outcome: string };

function watch(n: CoreNode): { received: MessageInfo[]; requests: RequestInfo[]; removed: Removed[] } {
  const w = { received: [] as MessageInfo[], requests: [] as RequestInfo[], removed: [] as Removed[] };
  n.messenger.on('messageReceived', (m) => w.received.push(m));
  n.messenger.on('requestReceived', (r) => w.requests.push(r));
  n.messenger.on('requestRemoved', (r) => w.removed.push(r));
  return w;
}

t.test('a message from a non-contact is a request, not in the inbox, until accepted', async (t) => {
  const [a, b] = await nodes(t, 2);
  const w = watch(b);
  const first = await write(a, b, 'hi, I am new here');
  t.equal(first.stored, 1, 'taken (and acknowledged, so the network stops carrying it)');
  t.same(w.received, [], 'no MessageReceived for a request');
  t.same(b.messenger.conversations(), [], 'the inbox is empty');
  t.match(w.requests, [{ id: idOf(a), trust: 'nearby', messages: 1, lastText: 'hi, I am new here' }]);
  await write(a, b, 'second');
  t.match(b.messenger.requests(), [{ id: idOf(a), messages: 2, lastText: 'second' }]);
  const held = b.messenger.requestMessages(idOf(a));
  t.match(held, [{ text: 'hi, I am new here', request: true, direction: 'in' }, { text: 'second', request: true }]);
  await t.rejects(b.messenger.markRead([held[0]!.id]), { code: 'INVALID_ARGUMENT' }, 'reading a request tells the stranger nothing');
  t.equal(b.messenger.counters()['inbound.request'], 2);

  const c = await b.messenger.acceptRequest(idOf(a));
  t.match(c, { id: idOf(a), trust: 'added' });
  t.same(b.messenger.requests(), []);
  t.same(w.removed, [{ id: idOf(a), outcome: 'accepted' }]);
  t.match(b.messenger.conversations(), [{ contactId: idOf(a), total: 2, unread: 2 }], 'the messages moved to the inbox');
  const inbox = b.messenger.messages(idOf(a));
  t.same(inbox.map((m) => m.text), ['hi, I am new here', 'second']);
  t.notOk(inbox.some((m) => m.request), 'no longer marked as a request');
  await b.messenger.markRead(inbox.map((m) => m.id));
  // Later messages go straight to the inbox.
  await write(a, b, 'now we are friends');
  t.match(w.received, [{ text: 'now we are friends', request: undefined }]);
});

t.test('adding someone who already wrote moves their request to the inbox', async (t) => {
  const [a, b] = await nodes(t, 2);
  const w = watch(b);
  await write(a, b, 'hello?');
  await b.messenger.addContact(idOf(a));
  t.same(b.messenger.requests(), []);
  t.same(w.removed, [{ id: idOf(a), outcome: 'accepted' }]);
  t.equal(b.messenger.messages(idOf(a))[0]?.text, 'hello?');
});

t.test('an ignored request goes with its messages; a later message makes a new one', async (t) => {
  const [a, b] = await nodes(t, 2);
  const w = watch(b);
  const { id } = await write(a, b, 'buy my stickers');
  await b.messenger.ignoreRequest(idOf(a));
  t.same(b.messenger.requests(), []);
  t.same(w.removed, [{ id: idOf(a), outcome: 'ignored' }]);
  t.throws(() => b.messenger.requestMessages(idOf(a)), { code: 'NOT_FOUND' });
  t.throws(() => b.messenger.trace(id), { code: 'NOT_FOUND' }, 'its message is gone');
  // The same envelope handed over again is not taken twice.
  const again = b.messenger.accept(linkPeer(a), envelopesFor(a, b), []);
  t.equal(again.refused.length, 0, 'acknowledged as held');
  t.same(b.messenger.requests(), [], 'but no request comes back');
  await write(a, b, 'please?');
  t.match(b.messenger.requests(), [{ id: idOf(a), messages: 1, lastText: 'please?' }]);
  await t.rejects(b.messenger.ignoreRequest('0'.repeat(16)), { code: 'NOT_FOUND' });
});

t.test('a blocked sender never reaches the activity, as a request or a contact', async (t) => {
  const [a, b] = await nodes(t, 2);
  const w = watch(b);
  const blockedChanged: { id: string; blocked: boolean }[] = [];
  b.messenger.on('blockedChanged', (x) => blockedChanged.push(x));
  await write(a, b, 'first');
  const rec = await b.messenger.block(idOf(a));
  t.match(rec, { id: idOf(a), fingerprint: /^[0-9A-Z]{4}-/ });
  t.same(b.messenger.requests(), [], 'the request went');
  t.same(w.removed, [{ id: idOf(a), outcome: 'blocked' }]);
  t.match(b.messenger.blocked(), [{ id: idOf(a) }]);
  const before = w.requests.length;
  const r = await write(a, b, 'let me in');
  t.equal(r.stored, 1, 'acknowledged and proven, so carriers drop it');
  t.equal(w.requests.length, before);
  t.same(w.received, []);
  t.equal(b.messenger.counters()['inbound.blocked'], 1);
  // A contact blocked is blocked too.
  await b.messenger.addContact(idOf(a));
  await write(a, b, 'I am your contact now');
  t.same(w.received, [], 'nothing from a blocked contact is shown');
  t.same(b.messenger.conversations(), [], 'blocking dropped the request, and nothing came since');
  await b.messenger.unblock(idOf(a));
  await write(a, b, 'sorry');
  t.match(w.received, [{ text: 'sorry' }], 'after Unblock messages arrive again');
  t.same(blockedChanged, [{ id: idOf(a), blocked: true }, { id: idOf(a), blocked: false }]);
  await t.rejects(b.messenger.unblock(idOf(a)), { code: 'NOT_FOUND' });
  await t.rejects(b.messenger.block('ffffffffffffffff'), { code: 'UNKNOWN_CONTACT' });
});

t.test('a blocked user\'s laptop keeps only a small share of the carry area', async (t) => {
  const [a, b, c] = await nodes(t, 3);
  b.messenger.peerUp(linkPeer(a));
  await b.messenger.block(idOf(a));
  // A hands B envelopes sealed for C (B cannot open them; it can only see who handed them over).
  const chunk = 'x'.repeat(3500);
  const envs = Array.from({ length: Math.ceil(BLOCKED_SOURCE_SHARE_BYTES / 3500) + 4 }, () => sealEnvelope({
    sender: { secretKey: a.store.meta.get('userSecret') as Uint8Array, publicKey: keyOf(a) },
    recipient: keyOf(c), content: encodeContent({ text: chunk }), lifetimeS: 3600, random: systemRandom,
  }).envelope);
  const r = b.messenger.accept(linkPeer(a), envs, []);
  t.ok(r.refused.length >= 4, `${r.refused.length} refused beyond the share`);
  t.ok(b.messenger.storeUse().carryBytes <= BLOCKED_SOURCE_SHARE_BYTES, `${b.messenger.storeUse().carryBytes} bytes carried`);
  t.ok((b.messenger.counters()['carry.from_blocked'] ?? 0) > 0);
  // The same envelopes from a laptop whose user is not blocked fit in its usual share.
  const [d] = await nodes(t, 1);
  const fromD = b.messenger.accept(linkPeer(d), envs, []);
  t.equal(fromD.refused.length, 0);
});

t.test('requests are bounded per sender and in number; what does not fit waits in the network', async (t) => {
  const [a, b] = await nodes(t, 2);
  for (let i = 0; i < MAX_REQUEST_MESSAGES; i++) t.equal((await write(a, b, `note ${i}`)).stored, 1);
  const over = await write(a, b, 'one too many');
  t.equal(over.refused, 1, 'refused, not acknowledged: it stays with the sender');
  t.equal(b.messenger.counters()['inbound.refused.request_full'], 1);
  t.equal(b.messenger.requests()[0]?.messages, MAX_REQUEST_MESSAGES);
  // Once accepted, the one that waited is taken on the next meeting.
  await b.messenger.acceptRequest(idOf(a));
  const later = b.messenger.accept(linkPeer(a), envelopesFor(a, b), []);
  t.equal(later.refused.length, 0);
  t.equal(b.messenger.messages(idOf(a)).length, MAX_REQUEST_MESSAGES + 1);
  t.ok(MAX_REQUESTS > 0);
});

t.test('the block list holds what one child blocks; one more is StoreFull and changes nothing', async (t) => {
  const [b] = await nodes(t, 1);
  // People met once: anyone this laptop knows may be blocked.
  const people = Array.from({ length: MAX_BLOCKED + 1 }, (_, i) => {
    const pub = generateKeyPair(systemRandom).publicKey;
    const id = keyIdHex(pub);
    b.store.transact(() => b.store.peers.put(id, { id, userKey: pub, displayName: `met ${i}`, nodeKey: pub, lastSeenMs: 0 }));
    return id;
  });
  for (const id of people.slice(0, MAX_BLOCKED)) await b.messenger.block(id);
  await t.rejects(b.messenger.block(people[MAX_BLOCKED]!), { code: 'STORE_FULL' });
  t.equal(b.messenger.blocked().length, MAX_BLOCKED, 'the list is as it was');
  t.notOk(b.messenger.blocked().some((x) => x.id === people[MAX_BLOCKED]), 'and does not hold the one refused');
  await b.messenger.block(people[0]!);
  t.equal(b.messenger.blocked().length, MAX_BLOCKED, 'blocking someone already blocked is not one more');
});

t.test('bad ids are refused with a named error and change nothing', async (t) => {
  const [a, b] = await nodes(t, 2);
  await write(a, b, 'hi');
  for (const bad of ['', 'xyz', 'g'.repeat(16), 42, null, undefined, {}]) {
    const id = bad as string;
    await t.rejects(b.messenger.acceptRequest(id), { code: 'INVALID_ARGUMENT' });
    await t.rejects(b.messenger.ignoreRequest(id), { code: 'INVALID_ARGUMENT' });
    await t.rejects(b.messenger.block(id), { code: 'INVALID_ARGUMENT' });
    await t.rejects(b.messenger.unblock(id), { code: 'INVALID_ARGUMENT' });
    t.throws(() => b.messenger.requestMessages(id), { code: 'INVALID_ARGUMENT' });
  }
  await t.rejects(b.messenger.acceptRequest('0'.repeat(16)), { code: 'NOT_FOUND' });
  t.match(b.messenger.requests(), [{ id: idOf(a), messages: 1 }]);
  t.same(b.messenger.blocked(), []);
});

t.test('requests and the block list survive a restart', async (t) => {
  const [a, c] = await nodes(t, 2);
  const b = await startCoreNode();
  await write(a, b, 'remember me');
  await write(c, b, 'and block me');
  await b.messenger.block(idOf(c));
  await b.stop();
  const again = await startCoreNode(b.dir);
  t.teardown(() => again.stop());
  t.match(again.messenger.requests(), [{ id: idOf(a), messages: 1, lastText: 'remember me' }]);
  t.match(again.messenger.blocked(), [{ id: idOf(c) }]);
  t.match(again.messenger.requestMessages(idOf(a)), [{ text: 'remember me', request: true }]);
});
