import t from 'tap';
import type { NetworkInterfaceInfo } from 'node:os';
import { listLinkInterfaces } from '../../daemon/discovery/link-interfaces.js';

const v4 = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: null });
const v6 = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, family: 'IPv6', internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: null, scopeid: 0 });

const source = () => ({
  lo: [v4('127.0.0.1', true), v6('::1', true)],
  wlan0: [v6('2001:db8::5'), v4('10.1.2.3'), v6('fe80::aa:bb')],
  eth0: [v4('192.168.1.9')],
  mesh0: [v6('FE80::1')],
  down0: [],
});

t.test('all non-loopback interfaces with their usable addresses', async (t) => {
  t.same(listLinkInterfaces(undefined, source), [
    { name: 'wlan0', ipv4: '10.1.2.3', ipv6LinkLocal: 'fe80::aa:bb%wlan0' },
    { name: 'eth0', ipv4: '192.168.1.9' },
    { name: 'mesh0', ipv6LinkLocal: 'FE80::1%mesh0' },
  ]);
});

t.test('a named interface only, even loopback, and nothing while it is absent', async (t) => {
  t.same(listLinkInterfaces('eth0', source), [{ name: 'eth0', ipv4: '192.168.1.9' }]);
  t.same(listLinkInterfaces('lo', source), [{ name: 'lo', ipv4: '127.0.0.1' }]);
  t.same(listLinkInterfaces('wlan9', source), []);
});

t.test('the real machine answers without throwing', async (t) => {
  t.ok(Array.isArray(listLinkInterfaces()));
});
