/**
 * docs/dbus/org.satchel.Satchel1.xml is the contract with activities. The
 * live service, introspected by busctl, gdbus and dbus-python, must match
 * it exactly: interfaces, methods, signals, argument names, types,
 * directions and annotations, in order.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { SATCHEL_INTERFACES } from '../../daemon/service/interfaces.js';
import { busctl, NAME, PATH, PYTHON, run } from './fixtures/clients.js';
import { startHarness } from './fixtures/harness.js';
import { interfacesOf, parseXml } from './fixtures/introspection-xml.js';

const CONTRACT = fileURLToPath(new URL('../../docs/dbus/org.satchel.Satchel1.xml', import.meta.url));
const PREFIX = 'org.satchel.Satchel1.';

t.test('the committed XML matches the live service', async (t) => {
  const h = await startHarness(t);
  const committed = interfacesOf(readFileSync(CONTRACT, 'utf8'), PREFIX);
  t.same(Object.keys(committed), SATCHEL_INTERFACES.map((s) => s.name), 'all four interfaces, in order');

  const viaBusctl = await busctl(h.address, 'introspect', '--xml-interface', NAME, PATH);
  t.equal(viaBusctl.code, 0, viaBusctl.stderr);
  t.same(interfacesOf(viaBusctl.stdout, PREFIX), committed, 'busctl introspect');

  const viaGdbus = await run('gdbus', ['introspect', '--address', h.address, '--dest', NAME, '--object-path', PATH, '--xml']);
  t.same(interfacesOf(viaGdbus.stdout, PREFIX), committed, 'gdbus introspect --xml');

  const viaPython = await run(PYTHON, ['-c', [
    'import dbus, sys',
    'bus = dbus.bus.BusConnection(sys.argv[1])',
    `print(bus.get_object('${NAME}', '${PATH}').Introspect(dbus_interface='org.freedesktop.DBus.Introspectable'))`,
  ].join('\n'), h.address]);
  t.same(interfacesOf(viaPython.stdout, PREFIX), committed, 'org.freedesktop.DBus.Introspectable.Introspect');
});

t.test('the comparison would notice a drift', async (t) => {
  const xml = readFileSync(CONTRACT, 'utf8');
  const drifted = xml.replace('<arg name="limit" type="u" direction="in"/>', '<arg name="limit" type="i" direction="in"/>');
  t.not(drifted, xml);
  t.notSame(interfacesOf(drifted, PREFIX), interfacesOf(xml, PREFIX));
  const renamed = xml.replace('name="node_id"', 'name="nodeid"');
  t.notSame(interfacesOf(renamed, PREFIX), interfacesOf(xml, PREFIX));
});

t.test('the small XML reader handles what introspection data contains', async (t) => {
  const doc = parseXml('<?xml version="1.0"?><!DOCTYPE node PUBLIC "x" "y"><!-- <node> in a comment --><node><interface name="a.B"><annotation name="k" value="&lt;v&gt;"/></interface></node>');
  t.same(doc.children[0]?.children[0]?.children[0]?.attrs, { name: 'k', value: '<v>' });
  t.throws(() => parseXml('<node><interface></node>'), /closes/);
});
