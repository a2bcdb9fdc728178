/**
 * Keeping the stand-in honest: where wpa_supplicant itself is installed, its
 * introspection and its error replies are compared with the stand-in's, and
 * the source is run against it (no radio here, so no peers: this checks the
 * plumbing, the interface lifecycle and a real restart).
 */
import t from 'tap';
import { members, introspect, propertyError } from './fixtures/introspection.js';
import { realWpaUnavailable, startRealWpa, wiredNamespace } from './fixtures/real-wpa.js';
import { startHarness } from './fixtures/source-harness.js';
import { startWpaBus } from './fixtures/wpa-bus.js';
import { WpaStandin } from './fixtures/wpa-standin.js';

const SERVICE = 'fi.w1.wpa_supplicant1';
const ROOT = '/fi/w1/wpa_supplicant1';
const skip = realWpaUnavailable();

t.test('the stand-in exports nothing wpa_supplicant does not, with the same signatures', { skip: skip ?? false }, async (t) => {
  const wbus = await startWpaBus(t);
  const bus = await wbus.connect();
  const real = await startRealWpa(t, wbus.address, bus, wiredNamespace(t));
  const realIface = await real.createInterface();
  t.match(realIface, /^\/fi\/w1\/wpa_supplicant1\/Interfaces\/\d+$/);
  const realRoot = members(await introspect(bus, SERVICE, ROOT));
  const realInterface = members(await introspect(bus, SERVICE, realIface));
  const realErrors = await Promise.all([
    propertyError(bus, realIface, 'Get', ['fi.w1.wpa_supplicant1.Interface.Mesh', 'MeshPeers']),
    propertyError(bus, realIface, 'GetAll', ['fi.w1.wpa_supplicant1.Interface.Mesh']),
    propertyError(bus, realIface, 'Get', ['fi.w1.wpa_supplicant1.Interface.P2PDevice', 'Peers']),
    propertyError(bus, realIface, 'Get', ['fi.w1.wpa_supplicant1.Interface', 'NoSuchThing']),
    propertyError(bus, `${realIface}/BSSs/77`, 'Get', ['fi.w1.wpa_supplicant1.BSS', 'SSID']),
  ]);
  await real.stop();

  const standin = await WpaStandin.start(t, wbus.address);
  const plain = await standin.addInterface({ ifname: 'wlan0' });
  const full = await standin.addInterface({ ifname: 'mesh0', mesh: true, p2p: true });
  const fakeRoot = members(await introspect(bus, SERVICE, ROOT));
  const fakeInterface = members(await introspect(bus, SERVICE, full));
  t.ok(fakeRoot.size > 5 && fakeInterface.size > 20, 'the stand-in has something to compare');
  t.same([...fakeRoot].filter((m) => !realRoot.has(m)), [], 'root object: nothing invented');
  t.same([...fakeInterface].filter((m) => !realInterface.has(m)), [], 'interface object: nothing invented');
  for (const m of ['MeshPeerConnected(a{sv})', 'MeshPeerDisconnected(a{sv})', 'property MeshPeers aay read']) {
    t.ok([...realInterface].some((x) => x.endsWith(m.startsWith('property') ? m : `signal ${m}`)), `real one has ${m}`);
  }
  const fakeErrors = await Promise.all([
    propertyError(bus, plain, 'Get', ['fi.w1.wpa_supplicant1.Interface.Mesh', 'MeshPeers']),
    propertyError(bus, plain, 'GetAll', ['fi.w1.wpa_supplicant1.Interface.Mesh']),
    propertyError(bus, plain, 'Get', ['fi.w1.wpa_supplicant1.Interface.P2PDevice', 'Peers']),
    propertyError(bus, plain, 'Get', ['fi.w1.wpa_supplicant1.Interface', 'NoSuchThing']),
    propertyError(bus, `${plain}/BSSs/77`, 'Get', ['fi.w1.wpa_supplicant1.BSS', 'SSID']),
  ]);
  t.same(fakeErrors, realErrors, 'the same error replies, word for word');
});

t.test('the source against wpa_supplicant itself: absent, started, interface added and removed, restarted', { skip: skip ?? false }, async (t) => {
  const h = await startHarness(t);
  const probe = await h.wbus.connect();
  const where = wiredNamespace(t);
  await h.source.start();
  t.equal(h.source.state(), 'down');
  let real = await startRealWpa(t, h.wbus.address, probe, where);
  await h.rec.until(() => h.source.state() === 'up', 'up');
  const path = await real.createInterface();
  await h.interfacesRead(1);
  t.same(h.source.interfaces(), [{ path, ifname: where.ifname, read: true, meshPeers: 0, p2pPeers: 0, bsss: 0 }]);
  await real.removeInterface(path);
  await h.interfacesRead(0);
  await real.createInterface();
  await h.interfacesRead(1);
  await real.stop();
  await h.rec.until(() => h.source.state() === 'down' && h.source.interfaces().length === 0, 'down, nothing tracked');
  real = await startRealWpa(t, h.wbus.address, probe, where);
  await h.rec.until(() => h.source.state() === 'up', 'up again');
  await real.createInterface();
  await h.rec.until(() => h.source.interfaces()[0]?.path === `${ROOT}/Interfaces/0`, 'a real restart numbers from 0 again');
  t.same(h.rec.states(), ['up', 'down', 'up']);
  t.same(h.drops(), {}, 'nothing the real one says is mistaken for bad input');
  t.same(h.rec.said.filter((e) => e.type !== 'state'), [], 'and no sightings without a radio');
});
