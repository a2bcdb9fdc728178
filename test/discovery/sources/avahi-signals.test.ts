/**
 * Avahi's signals checked against the signatures its introspection data
 * gives (see avahi-real.test.ts for the real daemon saying them): good
 * ones become events, anything else a drop reason or nothing at all.
 */
import t from 'tap';
import { parseAvahiSignal } from '../../../daemon/discovery/sources/avahi-signals.js';
import { Message } from '../../../daemon/service/dbus.js';

const BROWSER = '/Client3/ServiceBrowser1';
const signal = (path: string, iface: string, member: string, signature: string, body: unknown[]) =>
  parseAvahiSignal(new Message({ type: 4, path, interface: `org.freedesktop.Avahi.${iface}`, member, signature, body }));
const item = (...body: unknown[]) => signal(BROWSER, 'ServiceBrowser', 'ItemNew', 'iisssu', body);
const reason = (r: ReturnType<typeof parseAvahiSignal>): string => ('reason' in r ? r.reason : r.kind);

t.test('good signals become events', async (t) => {
  t.same(item(2, 0, 'satchel-0102030405060708', '_satchel._tcp', 'local', 4), {
    kind: 'item-new', path: BROWSER, item: { iface: 2, protocol: 0, name: 'satchel-0102030405060708', type: '_satchel._tcp', domain: 'local', flags: 4 },
  });
  t.equal(signal(BROWSER, 'ServiceBrowser', 'ItemRemove', 'iisssu', [2, 1, 'x', '_satchel._tcp', 'local', 0]).kind, 'item-remove');
  t.same(signal(BROWSER, 'ServiceBrowser', 'Failure', 's', ['Timeout reached']), { kind: 'browser-failure', path: BROWSER, error: 'Timeout reached' });
  t.same(signal('/', 'Server', 'StateChanged', 'is', [2, '']), { kind: 'server-state', state: 2 });
  t.same(signal('/Client3/EntryGroup2', 'EntryGroup', 'StateChanged', 'is', [3, 'Local name collision']),
    { kind: 'group-state', path: '/Client3/EntryGroup2', state: 3, error: 'Local name collision' });
  t.same(item(2, 0, 'ü'.repeat(31), '_satchel._tcp', 'local', 0).kind, 'item-new', '62 bytes of UTF-8 is one label');
});

t.test('what nobody waits for is ignored', async (t) => {
  for (const [path, iface, member, sig] of [
    [BROWSER, 'ServiceBrowser', 'AllForNow', ''], [BROWSER, 'ServiceBrowser', 'CacheExhausted', ''],
    ['/Client1/ServiceResolver1', 'ServiceResolver', 'Found', 'iissssisqaayu'], ['/', 'Server', 'NoSuch', ''],
    ['/elsewhere', 'Server', 'StateChanged', 'is'], ['/Client1/EntryGroup1', 'EntryGroup', 'Other', ''],
  ]) t.equal(reason(signal(path!, iface!, member!, sig!, [])), 'ignored', `${iface}.${member} on ${path}`);
});

t.test('bad signals are drop reasons, never exceptions', async (t) => {
  const cases: [ReturnType<typeof parseAvahiSignal>, string][] = [
    [signal(BROWSER, 'ServiceBrowser', 'ItemNew', 'iissu', [2, 0, 'x', '_satchel._tcp', 0]), 'signature'],
    [signal(BROWSER, 'ServiceBrowser', 'ItemNew', 's', ['x']), 'signature'],
    [item(-1, 0, 'x', '_satchel._tcp', 'local', 0), 'interface'],
    [item(1.5, 0, 'x', '_satchel._tcp', 'local', 0), 'interface'],
    [item('2', 0, 'x', '_satchel._tcp', 'local', 0), 'interface'],
    [item(2, -1, 'x', '_satchel._tcp', 'local', 0), 'protocol'],
    [item(2, 2, 'x', '_satchel._tcp', 'local', 0), 'protocol'],
    [item(2, 0, '', '_satchel._tcp', 'local', 0), 'name'],
    [item(2, 0, 'x'.repeat(64), '_satchel._tcp', 'local', 0), 'name'],
    [item(2, 0, 'ü'.repeat(32), '_satchel._tcp', 'local', 0), 'name'],
    [item(2, 0, 7, '_satchel._tcp', 'local', 0), 'name'],
    [item(2, 0, 'x', null, 'local', 0), 'signature'],
    [item(2, 0, 'x', '_satchel._tcp', 'local', 'zero'), 'signature'],
    [item(), 'interface'],
    [signal('/', 'Server', 'StateChanged', 'i', [2]), 'signature'],
    [signal('/', 'Server', 'StateChanged', 'is', ['2', '']), 'signature'],
    [signal('/Client1/EntryGroup1', 'EntryGroup', 'StateChanged', 'ss', ['2', '']), 'signature'],
  ];
  for (const [i, [r, want]] of cases.entries()) t.equal(reason(r), want, `case ${i}: ${want}`);
});
