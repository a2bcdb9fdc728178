/** Messenger events arrive in a dbus-python activity as typed signals. */
import t from 'tap';
import { pyListen } from './fixtures/clients.js';
import { ALICE, CAROL, T0 } from './fixtures/fake-messenger.js';
import { startHarness } from './fixtures/harness.js';

const MSG_ID = 'ab'.repeat(16);

t.test('every signal reaches python with its arguments', async (t) => {
  const h = await startHarness(t);
  const listener = await pyListen(h.address, 5);
  const neighbour = h.messenger.neighbourList[0]!;
  h.messenger.emit('messageReceived', { id: MSG_ID, contactId: ALICE, direction: 'in', text: 'ñandú 🦤', state: 'delivered', reason: '', timeMs: T0 + 7, copies: 0 });
  h.messenger.emit('messageStateChanged', { id: MSG_ID, contactId: ALICE, state: 'failed', reason: 'expired', copies: 0 });
  h.messenger.emit('neighbourAppeared', neighbour);
  h.messenger.emit('neighbourGone', { id: CAROL, nodeId: neighbour.nodeId });
  await h.messenger.setDisplayName('Ama K.');
  const got = await listener.signals;

  t.same(got.map((s) => `${s.interface}.${s.member}`), [
    'org.satchel.Satchel1.Messages.MessageReceived',
    'org.satchel.Satchel1.Messages.MessageStateChanged',
    'org.satchel.Satchel1.Contacts.NeighbourAppeared',
    'org.satchel.Satchel1.Contacts.NeighbourGone',
    'org.satchel.Satchel1.Identity.IdentityChanged',
  ]);
  t.same(got[0]?.args, [{ id: MSG_ID, contact_id: ALICE, direction: 'in', text: 'ñandú 🦤', state: 'delivered', reason: '', time_ms: T0 + 7, copies: 0 }]);
  t.match(got[0]?.types, [{ time_ms: 'Int64', text: 'String' }]);
  t.same(got[1]?.args, [MSG_ID, ALICE, 'failed', 'expired']);
  t.same(got[1]?.types, ['String', 'String', 'String', 'String']);
  t.same(got[2]?.args, [{
    id: CAROL, display_name: 'Carol', fingerprint: neighbour.fingerprint, node_id: neighbour.nodeId,
    address: neighbour.address, since_ms: T0, is_contact: false, trust: 'nearby', source: neighbour.source,
    sources: [neighbour.source], last_seen_ms: T0,
  }]);
  t.same(got[3]?.args, [CAROL, neighbour.nodeId]);
  t.match(got[4]?.args, [{ display_name: 'Ama K.', id: h.messenger.me.id }]);
});

t.test('close() stops forwarding and leaves no listeners behind', async (t) => {
  const h = await startHarness(t);
  t.equal(h.messenger.listenerCount(), 10, 'one listener per event');
  await h.service.close();
  t.equal(h.messenger.listenerCount(), 0);
  h.messenger.emit('neighbourGone', { id: CAROL, nodeId: 'c0c0c0c0c0c0c0c0' });
  t.pass('emitting after close is harmless');
});
