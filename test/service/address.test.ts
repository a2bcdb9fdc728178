/** D-Bus address escaping, and the decoding dbus-next needs. */
import t from 'tap';
import { addressForDbusNext, escapeAddressValue, unixPathAddress } from '../../daemon/service/address.js';

t.test('escapes what the D-Bus spec requires, byte by byte', async (t) => {
  t.equal(escapeAddressValue('/tmp/a-b_c.d/e*\\'), '/tmp/a-b_c.d/e*\\');
  t.equal(escapeAddressValue('/tmp/a b,c=d;é'), '/tmp/a%20b%2cc%3dd%3b%c3%a9');
  t.equal(unixPathAddress('/run/x y/bus.sock'), 'unix:path=/run/x%20y/bus.sock');
});

t.test('decodes values for dbus-next, which does not', async (t) => {
  t.equal(addressForDbusNext('unix:path=/tmp/a%20b%c3%a9/bus.sock,guid=0f'), 'unix:path=/tmp/a bé/bus.sock,guid=0f');
  t.equal(addressForDbusNext('unix:path=/a;tcp:host=localhost,port=1'), 'unix:path=/a;tcp:host=localhost,port=1');
});

t.test('refuses what dbus-next would misread', async (t) => {
  t.throws(() => addressForDbusNext('unix:path=/a%2cb'), { code: 'CONFIG', message: /cannot use a value/ });
  t.throws(() => addressForDbusNext('/just/a/path'), { code: 'CONFIG', message: /no transport/ });
  t.throws(() => addressForDbusNext('unix:path'), { code: 'CONFIG', message: /key=value/ });
  t.throws(() => addressForDbusNext('unix:path=%e9'), { code: 'CONFIG', message: /%-escape/ });
});
