import t from 'tap';
import { connectedPair, nextEvent, removeDir, startCoreNode } from '../fixtures/core-node.js';
import { openBackup } from '../../daemon/crypto/backup.js';
import { keyPairFromSecret, keyIdHex } from '../../daemon/crypto/keys.js';

t.test('trace tells where a message went; the outbox says why things wait', async (t) => {
  const [a, b] = await connectedPair(t);
  const bId = b.messenger.identity().id;
  await a.messenger.addContact(bId);
  // B leaves before A writes.
  const gone = nextEvent(a.messenger, 'neighbourGone');
  await b.sessions.close();
  await gone;
  const id = await a.messenger.send(bId, 'where did this go?');
  const waiting = a.messenger.outbox();
  t.equal(waiting.length, 1);
  t.equal(waiting[0]?.id, id);
  t.match(waiting[0]?.reason, /not nearby/);
  t.ok(a.messenger.storeUse().outboxBytes > 0);
  t.same(a.messenger.trace(id).map((e) => e.event), ['queued']);
  await t.rejects(a.messenger.purge('0'.repeat(32)), { code: 'NOT_FOUND' });
  t.throws(() => a.messenger.trace('f'.repeat(32)), { code: 'NOT_FOUND' });
  await a.messenger.purge(id);
  t.same(a.messenger.outbox(), []);
  t.equal(a.messenger.storeUse().outboxBytes, 0, 'the quota is given back');
  t.equal(a.messenger.messages(bId)[0]?.state, 'failed');
  t.same(a.messenger.trace(id).map((e) => e.event), ['queued', 'purged']);
  await t.rejects(a.messenger.purge(id), { code: 'NOT_FOUND' }, 'a purged message cannot be purged again');
});

t.test('trace of a delivered and read message, on both sides', async (t) => {
  const [a, b] = await connectedPair(t);
  await a.messenger.addContact(b.messenger.identity().id);
  // From a non-contact it would be a request, which is never read.
  await b.messenger.addContact(a.messenger.identity().id);
  const delivered = nextEvent(a.messenger, 'messageStateChanged', (s) => s.state === 'delivered');
  const id = await a.messenger.send(b.messenger.identity().id, 'trace me');
  await delivered;
  const read = nextEvent(a.messenger, 'messageStateChanged', (s) => s.state === 'read');
  await b.messenger.markRead([id]);
  await read;
  const events = a.messenger.trace(id);
  t.same(events.map((e) => e.event), ['queued', 'handed_over', 'delivered', 'read']);
  t.match(events[1]?.detail, new RegExp(`stored by node ${b.messenger.identity().nodeId}`));
  t.same(b.messenger.trace(id).map((e) => e.event), ['received']);
});

t.test('an exported identity opens only with its passphrase and holds the same key', async (t) => {
  const a = await startCoreNode();
  t.teardown(async () => { await a.stop(); removeDir(a.dir); });
  await a.messenger.setDisplayName('Amira');
  t.throws(() => a.messenger.exportIdentity('short'), { code: 'INVALID_ARGUMENT' });
  const backup = a.messenger.exportIdentity('a long passphrase');
  const secrets = openBackup(backup, 'a long passphrase');
  t.equal(keyIdHex(keyPairFromSecret(new Uint8Array(secrets.userSecret ?? [])).publicKey), a.messenger.identity().id);
  t.equal(secrets.displayName, 'Amira');
  t.throws(() => openBackup(backup, 'another passphrase'), { code: 'DECRYPT_FAILED' });
});

t.test('the configured lifetime is what travels; the default costs no bytes', async (t) => {
  const { DEFAULT_LIFETIME_S } = await import('../../daemon/messenger/lifetime.js');
  for (const [lifetimeS, onWire] of [[DEFAULT_LIFETIME_S, 0], [3 * 24 * 3600, 3 * 24 * 3600]] as const) {
    const a = await startCoreNode(undefined, { lifetimeS });
    const b = await startCoreNode();
    t.teardown(async () => { await a.stop(); await b.stop(); removeDir(a.dir); removeDir(b.dir); });
    const peerB = { userId: b.messenger.identity().id, userKey: b.messenger.card().userKey as Uint8Array, displayName: 'B',
      nodeId: b.messenger.identity().nodeId, nodeKey: b.messenger.nodeKey().publicKey, address: '127.0.0.1:1', via: 'beacon' };
    a.messenger.peerUp(peerB);
    await a.messenger.addContact(peerB.userId);
    await a.messenger.send(peerB.userId, 'how long may I travel?');
    t.equal(a.messenger.offersFor(peerB)[0]?.envelope?.lifetimeS ?? 0, onWire, `lifetime ${lifetimeS} s`);
  }
});
