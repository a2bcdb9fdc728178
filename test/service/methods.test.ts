/**
 * Every method, called from dbus-python and busctl, returns exactly what the
 * messenger returned, with the documented D-Bus types.
 */
import t from 'tap';
import { busctlCall, gdbusCall, pyCall } from './fixtures/clients.js';
import { ALICE, BOB, CAROL, T0 } from './fixtures/fake-messenger.js';
import { startHarness, VERSION } from './fixtures/harness.js';

const ID = 'org.satchel.Satchel1.Identity';
const CO = 'org.satchel.Satchel1.Contacts';
const MS = 'org.satchel.Satchel1.Messages';
const DA = 'org.satchel.Satchel1.Daemon';

t.test('Identity from python', async (t) => {
  const h = await startHarness(t);
  const r = await pyCall(h.address, ID, 'GetIdentity', []);
  t.same(r.ok, { id: h.messenger.me.id, fingerprint: '7KQ2-M9XD-43HV-0ZPA', display_name: 'Ama', node_id: 'b0b0b0b0b0b0b0b0' });
  t.same(r.types, { id: 'String', fingerprint: 'String', display_name: 'String', node_id: 'String' });
  const set = await pyCall(h.address, ID, 'SetDisplayName', ['Ama B. 🎒']);
  t.equal(set.ok, null, 'no return value');
  t.equal(h.messenger.me.displayName, 'Ama B. 🎒', 'non-ASCII survives the trip');
});

t.test('Contacts from python', async (t) => {
  const h = await startHarness(t);
  const n = await pyCall(h.address, CO, 'ListNeighbours', []);
  t.same(n.ok, h.messenger.neighbourList.map((x) => ({
    id: x.id, display_name: x.displayName, fingerprint: x.fingerprint, node_id: x.nodeId,
    address: x.address, since_ms: x.sinceMs, is_contact: x.isContact, trust: x.trust, source: x.source,
    // Without discovery behind the service, the session's own source is all there is to say.
    sources: [x.source], last_seen_ms: x.sinceMs,
  })));
  t.match((n.types as unknown[])[0], { since_ms: 'Int64', is_contact: 'Boolean', address: 'String' });
  const c = await pyCall(h.address, CO, 'ListContacts', []);
  t.same(c.ok, h.messenger.contactList.map((x) => ({
    id: x.id, display_name: x.displayName, fingerprint: x.fingerprint, trust: x.trust, verified: x.verified, added_ms: x.addedMs,
    verified_ms: x.verifiedMs, failed_checks: x.failedChecks, origin: x.origin,
  })));
  const added = await pyCall(h.address, CO, 'AddContact', [CAROL.toUpperCase()]);
  t.match(added.ok, { id: CAROL, display_name: 'Carol', verified: false, added_ms: T0 + 60_000 });
  t.same(h.messenger.calls.at(-1), { method: 'addContact', args: [CAROL] }, 'ids are lowercased before the messenger sees them');
});

t.test('Messages from python', async (t) => {
  const h = await startHarness(t);
  const sent = await pyCall(h.address, MS, 'Send', [BOB, 'hello Bob']);
  t.match(sent.ok, /^[0-9a-f]{32}$/);
  t.same(h.messenger.calls.at(-1), { method: 'send', args: [BOB, 'hello Bob'] });
  const conv = await pyCall(h.address, MS, 'ListConversations', []);
  t.same(conv.ok, [
    { contact_id: ALICE, display_name: 'Alice ✓', last_time_ms: T0 + 3000, last_text: 'see you', unread: 1, total: 3 },
    { contact_id: BOB, display_name: 'Bob', last_time_ms: 0, last_text: '', unread: 0, total: 0 },
  ]);
  t.match((conv.types as unknown[])[0], { unread: 'UInt32', total: 'UInt32', last_time_ms: 'Int64' });
  const all = await pyCall(h.address, MS, 'ListMessages', [ALICE, 0]);
  t.same(all.ok, h.messenger.messageList.filter((m) => m.contactId === ALICE).map((m) => ({
    id: m.id, contact_id: m.contactId, direction: m.direction, text: m.text, state: m.state, reason: m.reason, time_ms: m.timeMs, copies: m.copies,
  })));
  t.same(h.messenger.calls.at(-1), { method: 'messages', args: [ALICE, {}] }, 'limit 0 means no limit');
  const two = await pyCall(h.address, MS, 'ListMessages', [ALICE, 2]);
  t.equal((two.ok as unknown[]).length, 2);
  t.same(h.messenger.calls.at(-1), { method: 'messages', args: [ALICE, { limit: 2 }] });
  const ids = ['0'.repeat(31) + '1', '0'.repeat(31) + '3'];
  const read = await pyCall(h.address, MS, 'MarkRead', [ids]);
  t.equal(read.ok, null);
  t.same(h.messenger.calls.at(-1), { method: 'markRead', args: [ids] });
  const none = await pyCall(h.address, MS, 'MarkRead', [[]]);
  t.equal(none.ok, null, 'an empty list is fine');
});

t.test('Daemon from python', async (t) => {
  const h = await startHarness(t);
  h.clock.advance(1_234);
  const s = await pyCall(h.address, DA, 'GetStatus', []);
  t.match(s.ok, { version: VERSION, started_ms: h.clock.now() - 1_234 - 5_000, uptime_ms: 6_234, bus_kind: 'address', pid: process.pid });
  t.equal((s.ok as { unique_name: string }).unique_name, h.conn.bus.name);
  t.match(s.types, { uptime_ms: 'Int64', started_ms: 'Int64', pid: 'UInt32' });
  const c = await pyCall(h.address, DA, 'GetCounters', []);
  t.same(c.ok, h.messenger.counterValues);
  t.match(c.types, { 'sessions.opened': 'UInt64' });
});

t.test('a call without an interface (dbus-python default) still works', async (t) => {
  const h = await startHarness(t);
  const r = await pyCall(h.address, '', 'GetIdentity', [], '--no-interface');
  t.match(r.ok, { display_name: 'Ama' });
});

t.test('busctl sees the same records with exact wire types', async (t) => {
  const h = await startHarness(t);
  const id = await busctlCall(h.address, ID, 'GetIdentity');
  t.same(id.json, {
    type: 'a{sv}',
    data: [{
      id: { type: 's', data: h.messenger.me.id },
      fingerprint: { type: 's', data: '7KQ2-M9XD-43HV-0ZPA' },
      display_name: { type: 's', data: 'Ama' },
      node_id: { type: 's', data: 'b0b0b0b0b0b0b0b0' },
    }],
  });
  const n = await busctlCall(h.address, CO, 'ListNeighbours');
  t.equal(n.json?.type, 'aa{sv}');
  t.match((n.json?.data[0] as unknown[])[0], { since_ms: { type: 'x', data: T0 }, is_contact: { type: 'b', data: false } });
  const sent = await busctlCall(h.address, MS, 'Send', 'ss', ALICE, 'from busctl');
  t.same(sent.json?.type, 's');
  t.match(sent.json?.data[0], /^[0-9a-f]{32}$/);
  const msgs = await busctlCall(h.address, MS, 'ListMessages', 'su', ALICE, '1');
  t.match(msgs.json?.data[0], [{ text: { type: 's', data: 'from busctl' }, state: { type: 's', data: 'waiting' } }]);
  const read = await busctlCall(h.address, MS, 'MarkRead', 'as', '1', '0'.repeat(31) + '1');
  t.equal(read.run.code, 0, read.run.stderr);
  const counters = await busctlCall(h.address, DA, 'GetCounters');
  t.match(counters.json, { type: 'a{st}', data: [{ big: 2 ** 53 - 1 }] });
});

t.test('gdbus call works with the plain text an author would type', async (t) => {
  const h = await startHarness(t);
  const r = await gdbusCall(h.address, `${MS}.Send`, BOB, 'hi from gdbus');
  t.equal(r.code, 0, r.stderr);
  t.match(r.stdout, /^\('[0-9a-f]{32}',\)$/m);
  const s = await gdbusCall(h.address, `${DA}.GetStatus`);
  t.match(s.stdout, /'version': <'0\.1\.0-test'>/);
  t.match(s.stdout, /'uptime_ms': <int64 \d+>/);
});
