/**
 * The technician's methods: outbox, trace, status with store use, and the
 * Admin interface, as dbus-python and busctl see them.
 */
import t from 'tap';
import { busctlCall, pyCall } from './fixtures/clients.js';
import { BOB, T0 } from './fixtures/fake-messenger.js';
import { startHarness } from './fixtures/harness.js';

const MS = 'org.satchel.Satchel1.Messages';
const DA = 'org.satchel.Satchel1.Daemon';
const AD = 'org.satchel.Satchel1.Admin';
const WAITING = '0'.repeat(31) + '4';

t.test('ListOutbox and Trace', async (t) => {
  const h = await startHarness(t);
  const o = await pyCall(h.address, MS, 'ListOutbox', []);
  t.same(o.ok, [{ id: WAITING, contact_id: BOB, display_name: 'Bob', kind: 'text', bytes: 96, created_ms: T0 + 4000, state: 'waiting', reason: 'recipient not nearby' }]);
  t.match((o.types as unknown[])[0], { bytes: 'UInt32', created_ms: 'Int64' });
  const tr = await pyCall(h.address, MS, 'Trace', [WAITING]);
  t.same(tr.ok, [{ time_ms: T0 + 4000, event: 'queued', detail: 'sealed for Bob' }]);
  const missing = await pyCall(h.address, MS, 'Trace', ['f'.repeat(32)]);
  t.equal(missing.error, 'org.satchel.Satchel1.Error.NotFound');
  const bad = await pyCall(h.address, MS, 'Trace', ['nope']);
  t.equal(bad.error, 'org.satchel.Satchel1.Error.InvalidArgument');
});

t.test('GetStatus carries store use next to the daemon facts', async (t) => {
  const h = await startHarness(t);
  const s = await pyCall(h.address, DA, 'GetStatus', []);
  t.match(s.ok, { store_path: '/var/lib/satchel', outbox_bytes: 96, outbox_quota_bytes: 16 << 20, outbox_envelopes: 1, messages: 4, contacts: 2, sources: {}, config_path: '' });
  t.match(s.types, { outbox_quota_bytes: 'UInt64', outbox_envelopes: 'UInt32' });
});

t.test('Admin: GetConfig, Purge, ExportIdentity', async (t) => {
  const h = await startHarness(t);
  const c = await pyCall(h.address, AD, 'GetConfig', []);
  t.same(c.ok, { config_path: '' });
  const p = await busctlCall(h.address, AD, 'Purge', 's', WAITING);
  t.equal(p.run.code, 0, p.run.stderr);
  t.same(h.messenger.outboxList, []);
  const again = await pyCall(h.address, AD, 'Purge', [WAITING]);
  t.equal(again.error, 'org.satchel.Satchel1.Error.NotFound');
  const e = await busctlCall(h.address, AD, 'ExportIdentity', 's', 'a long passphrase');
  t.same(e.json, { type: 'ay', data: [[1, 2, 3]] });
});
