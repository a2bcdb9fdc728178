/**
 * Bad input from wpa_supplicant's name (a buggy build, a different version)
 * and from anyone else on the bus: ignored, counted, logged once per
 * reason, and never the end of the source.
 */
import t from 'tap';
import { Message, Variant } from '../../../daemon/service/dbus.js';
import { linkLocal, startHarness } from './fixtures/source-harness.js';
import { WpaStandin } from './fixtures/wpa-standin.js';

const ROOT = '/fi/w1/wpa_supplicant1';
const MESH = 'fi.w1.wpa_supplicant1.Interface.Mesh';
const IFACE = 'fi.w1.wpa_supplicant1.Interface';
const P2P = 'fi.w1.wpa_supplicant1.Interface.P2PDevice';
const PROPS = 'org.freedesktop.DBus.Properties';
const GOOD = '02:5a:00:00:00:01';
const ay = (bytes: number[]): { sig: string; value: number[] } => ({ sig: 'ay', value: bytes });

t.test('malformed signals from the owner are dropped and counted; good ones still work', async (t) => {
  const h = await startHarness(t);
  const wpa = await WpaStandin.start(t, h.wbus.address);
  const mesh = await wpa.addInterface({ ifname: 'mesh0', mesh: true, p2p: true });
  const other = await wpa.addInterface({ ifname: 'wlan1' });
  await h.source.start();
  await h.interfacesRead(2);

  const bad: [string, string, string, string, unknown[], string][] = [
    [mesh, MESH, 'MeshPeerConnected', 's', [GOOD], 'signature'],
    [mesh, MESH, 'MeshPeerConnected', 'a{sv}', [{ PeerAddress: ay([2, 0x5a, 0, 0, 1]) }], 'mac'],
    [mesh, MESH, 'MeshPeerConnected', 'a{sv}', [{ PeerAddress: ay([1, 0, 0x5e, 0, 0, 1]) }], 'mac'],
    [mesh, MESH, 'MeshPeerConnected', 'a{sv}', [{ PeerAddress: ay([0, 0, 0, 0, 0, 0]) }], 'mac'],
    [mesh, MESH, 'MeshPeerConnected', 'a{sv}', [{ PeerAddress: { sig: 's', value: GOOD } }], 'mac'],
    [mesh, MESH, 'MeshPeerConnected', 'a{sv}', [{}], 'mac'],
    [mesh, MESH, 'MeshPeerDisconnected', 'a{sv}s', [{ PeerAddress: ay([2, 0x5a, 0, 0, 0, 1]) }, 'x'], 'signature'],
    [ROOT, MESH, 'MeshPeerConnected', 'a{sv}', [{ PeerAddress: ay([2, 0x5a, 0, 0, 0, 2]) }], 'path'],
    [`${mesh}/BSSs/0`, MESH, 'MeshPeerConnected', 'a{sv}', [{ PeerAddress: ay([2, 0x5a, 0, 0, 0, 3]) }], 'path'],
    [mesh, IFACE, 'BSSAdded', 'oa{sv}', [`${other}/BSSs/0`, { SSID: ay([0x61]), BSSID: ay([2, 0x5a, 0, 0, 0, 4]) }], 'path'],
    [mesh, IFACE, 'BSSAdded', 'oa{sv}', [`${mesh}/BSSs/0`, { SSID: ay(Array(33).fill(0x61)), BSSID: ay([2, 0x5a, 0, 0, 0, 5]) }], 'ssid'],
    [mesh, IFACE, 'BSSAdded', 'oa{sv}', [`${mesh}/BSSs/1`, { SSID: ay([0x61]) }], 'bssid'],
    [mesh, IFACE, 'BSSAdded', 'o', [`${mesh}/BSSs/2`], 'signature'],
    [mesh, IFACE, 'BSSRemoved', 'o', [`${other}/BSSs/0`], 'path'],
    [ROOT, 'fi.w1.wpa_supplicant1', 'InterfaceAdded', 'oa{sv}', [`${ROOT}/Interfaces/9`, { Ifname: { sig: 's', value: '-rf' } }], 'ifname'],
    [ROOT, 'fi.w1.wpa_supplicant1', 'InterfaceAdded', 'oa{sv}', [`${ROOT}/Interfaces/9`, { Ifname: { sig: 's', value: 'a/b%c' } }], 'ifname'],
    [ROOT, 'fi.w1.wpa_supplicant1', 'InterfaceAdded', 'oa{sv}', [`${ROOT}/Other/9`, { Ifname: { sig: 's', value: 'x0' } }], 'path'],
    [ROOT, 'fi.w1.wpa_supplicant1', 'InterfaceRemoved', 's', ['x'], 'signature'],
    [mesh, 'fi.w1.wpa_supplicant1', 'InterfaceAdded', 'oa{sv}', [`${ROOT}/Interfaces/9`, { Ifname: { sig: 's', value: 'x0' } }], 'path'],
    [mesh, P2P, 'DeviceFoundProperties', 'oa{sv}', [`${mesh}/Peers/025a00000006`, { DeviceName: { sig: 's', value: 'x' } }], 'mac'],
    [mesh, P2P, 'DeviceFoundProperties', 'oa{sv}', [`${other}/Peers/025a00000007`, { DeviceAddress: ay([2, 0x5a, 0, 0, 0, 7]) }], 'path'],
    [mesh, P2P, 'DeviceLost', 'oa{sv}', [`${mesh}/Peers/025a00000006`, {}], 'signature'],
    [mesh, PROPS, 'PropertiesChanged', 'sa{sv}as', [IFACE, { BSSs: { sig: 'as', value: ['x'] } }, []], 'properties'],
    [mesh, PROPS, 'PropertiesChanged', 'sa{sv}as', [IFACE, { BSSs: { sig: 'ao', value: [`${other}/BSSs/1`] } }, []], 'properties'],
    [mesh, PROPS, 'PropertiesChanged', 'sa{sv}', [IFACE, { BSSs: { sig: 'ao', value: [] } }], 'signature'],
    [mesh, IFACE, 'PropertiesChanged', 's', ['BSSs'], 'signature'],
  ];
  const expected: Record<string, number> = {};
  for (const [path, iface, member, sig, args, reason] of bad) {
    await wpa.signal(path, iface, member, sig, args);
    expected[`wpa_supplicant.dropped.${reason}`] = (expected[`wpa_supplicant.dropped.${reason}`] ?? 0) + 1;
  }
  // Signals the source has no use for are not bad input.
  await wpa.signal(mesh, IFACE, 'ScanDone', 'b', [true]);
  await wpa.signal(mesh, MESH, 'MeshGroupStarted', 'a{sv}', [{}]);
  await wpa.meshPeer(mesh, GOOD, true);
  await h.rec.until(() => h.rec.seen(GOOD).length === 1, 'the good peer');
  t.same(h.drops(), expected, 'each bad signal counted under its reason');
  t.same([...h.rec.current().keys()], [GOOD], 'nothing from the bad ones');
  t.equal(h.rec.current().get(GOOD)?.address, linkLocal(GOOD, 'mesh0'));
  t.match(h.source.interfaces(), [{ ifname: 'mesh0', bsss: 0, p2pPeers: 0 }, { ifname: 'wlan1' }], 'no interface, BSS or peer invented');
  const warned = h.logs.filter((l) => l.includes('ignoring bad input'));
  t.equal(warned.length, Object.keys(expected).length, 'logged once per reason');
  t.equal(h.source.state(), 'up');
});

t.test('signals from anyone but the owner of fi.w1.wpa_supplicant1 are not believed', async (t) => {
  const h = await startHarness(t);
  const wpa = await WpaStandin.start(t, h.wbus.address);
  const mesh = await wpa.addInterface({ ifname: 'mesh0', mesh: true });
  await h.source.start();
  await h.interfacesRead(1);
  const impostor = await h.wbus.connect();
  const body = [{ PeerAddress: new Variant('ay', Buffer.from([2, 0x5a, 0, 0, 0, 9])) }];
  // Broadcast: our match rules name the sender, so the bus does not even deliver it.
  impostor.send(Message.newSignal(mesh, MESH, 'MeshPeerConnected', 'a{sv}', body));
  // Unicast to us: delivered whatever the match rules say, so the source must check.
  const direct = Message.newSignal(mesh, MESH, 'MeshPeerConnected', 'a{sv}', body);
  direct.destination = h.bus.name!;
  impostor.send(direct);
  await wpa.meshPeer(mesh, GOOD, true);
  await h.rec.until(() => h.rec.seen(GOOD).length === 1, 'the real peer');
  await h.rec.until(() => h.drops()['wpa_supplicant.dropped.sender'] === 1, 'the unicast one counted');
  t.same([...h.rec.current().keys()], [GOOD]);
});

t.test('a listener that throws does not break the source', async (t) => {
  const h = await startHarness(t);
  const wpa = await WpaStandin.start(t, h.wbus.address);
  const mesh = await wpa.addInterface({ ifname: 'mesh0', mesh: true });
  h.source.on('seen', () => { throw new Error('listener bug'); });
  await h.source.start();
  await h.interfacesRead(1);
  await wpa.meshPeer(mesh, GOOD, true);
  await h.rec.until(() => h.rec.seen(GOOD).length === 1, 'seen, though the listener threw');
  await wpa.meshPeer(mesh, GOOD, false);
  await h.rec.until(() => h.rec.lost(GOOD) === 1, 'still tracking after the throw');
  t.ok(h.logs.some((l) => l.includes('discovery listener threw')));
});
