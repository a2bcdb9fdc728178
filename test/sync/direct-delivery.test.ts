import t, { type Test } from 'tap';
import { meet, nextEvent, removeDir, startCoreNode, type CoreNode } from '../fixtures/core-node.js';

async function pair(t: Test): Promise<[CoreNode, CoreNode]> {
  const a = await startCoreNode();
  const b = await startCoreNode();
  t.teardown(async () => {
    await a.stop(); await b.stop(); removeDir(a.dir); removeDir(b.dir);
  });
  return [a, b];
}

/** The two meet and add each other: a message from someone not added waits in the requests area. */
async function befriend(a: CoreNode, b: CoreNode): Promise<void> {
  const up = Promise.all([nextEvent(a.messenger, 'neighbourAppeared'), nextEvent(b.messenger, 'neighbourAppeared')]);
  meet(a, b);
  await up;
  await a.messenger.addContact(b.messenger.identity().id);
  await b.messenger.addContact(a.messenger.identity().id);
}

t.test('a message reaches the neighbour, authenticated, and its states go sent, delivered, read', async (t) => {
  const [a, b] = await pair(t);
  await a.messenger.setDisplayName('Amira');
  await befriend(a, b);
  const states: string[] = [];
  a.messenger.on('messageStateChanged', (s) => states.push(s.state));
  const arrived = nextEvent(b.messenger, 'messageReceived');
  const delivered = nextEvent(a.messenger, 'messageStateChanged', (s) => s.state === 'delivered');
  const id = await a.messenger.send(b.messenger.identity().id, 'hello from A');
  const [m] = await arrived;
  t.equal(m.text, 'hello from A');
  t.equal(m.contactId, a.messenger.identity().id, 'sender is A, proven by the seal');
  t.equal(m.id, id, 'both sides name the message alike');
  await delivered;
  const read = nextEvent(a.messenger, 'messageStateChanged', (s) => s.state === 'read');
  await b.messenger.markRead([m.id]);
  await read;
  t.same(states, ['sent', 'delivered', 'read']);
  t.equal(a.messenger.messages(b.messenger.identity().id)[0]?.state, 'read');
  t.equal(b.messenger.conversations()[0]?.displayName, 'Amira');
  t.equal(b.messenger.conversations()[0]?.unread, 0);
  t.same(a.messenger.counters()['inbound.accepted'] ?? 0, 2, 'A took two receipts');
});

t.test('a classmate met later gets the message once, even when offered twice', async (t) => {
  const [a, b] = await pair(t);
  await befriend(a, b);
  const bId = b.messenger.identity().id;
  const bDir = b.dir;
  // B leaves: sessions close.
  const gone = nextEvent(a.messenger, 'neighbourGone');
  await b.stop();
  await gone;
  const id = await a.messenger.send(bId, 'see you tomorrow');
  t.equal(a.messenger.messages(bId)[0]?.state, 'waiting');
  const b2 = await startCoreNode(bDir);
  t.teardown(async () => { await b2.stop(); });
  const arrived = nextEvent(b2.messenger, 'messageReceived');
  const delivered = nextEvent(a.messenger, 'messageStateChanged', (s) => s.id === id && s.state === 'delivered');
  meet(a, b2);
  await arrived;
  await delivered;
  // Hand the same envelope over again, as a sender that missed the ack would.
  const peer = b2.sessions.links()[0]?.peer;
  t.ok(peer);
  const before = b2.messenger.messages(a.messenger.identity().id).length;
  const again = [...a.store.outbox.getRange({})].length;
  t.equal(again, 0, 'A dropped the envelope once B stored it');
  t.equal(before, 1, 'B shows the message once');
});
