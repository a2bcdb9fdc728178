/**
 * Bad input from NetworkManager's name (a buggy build, another version)
 * and from anyone else on the bus: ignored, counted, logged once per
 * reason, and never the end of the source.
 */
import t from 'tap';
import { Message } from '../../../daemon/service/dbus.js';
import { startNmHarness } from './fixtures/nm-harness.js';
import { NmStandin } from './fixtures/nm-standin.js';

const NM = '/org/freedesktop/NetworkManager';
const I_NM = 'org.freedesktop.NetworkManager';
const WIFI = 'org.freedesktop.NetworkManager.Device.Wireless';
const AP = 'org.freedesktop.NetworkManager.AccessPoint';
const PROPS = 'org.freedesktop.DBus.Properties';
const GOOD = '02:5a:00:00:00:01';

t.test('malformed signals from the owner are dropped and counted; good ones still work', async (t) => {
  const h = await startNmHarness(t);
  const nm = await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0' }]);
  await h.source.start();
  await h.devicesRead(1);
  const wlan = h.source.devices()[0]!.path;
  const ap1 = `${NM}/AccessPoint/1`;
  const bad: [string, string, string, string, unknown[], string][] = [
    [NM, I_NM, 'DeviceAdded', 's', [`${NM}/Devices/7`], 'signature'],
    [NM, I_NM, 'DeviceAdded', 'o', [`${NM}/AccessPoint/7`], 'path'],
    [NM, I_NM, 'DeviceRemoved', 'o', ['/elsewhere'], 'path'],
    [wlan, WIFI, 'AccessPointAdded', 'oo', [ap1, ap1], 'signature'],
    [wlan, WIFI, 'AccessPointAdded', 'o', [`${NM}/Devices/1`], 'path'],
    [wlan, WIFI, 'AccessPointAdded', 'o', [`${NM}/AccessPoint/x`], 'path'],
    [NM, WIFI, 'AccessPointAdded', 'o', [ap1], 'path'],
    [wlan, WIFI, 'AccessPointRemoved', 'u', [1], 'signature'],
    [ap1, PROPS, 'PropertiesChanged', 'sa{sv}as', [AP, { Ssid: { sig: 'ay', value: Array(33).fill(0x61) } }, []], 'ssid'],
    [ap1, PROPS, 'PropertiesChanged', 'sa{sv}as', [AP, { Ssid: { sig: 's', value: 'satchel-relay' } }, []], 'ssid'],
    [wlan, PROPS, 'PropertiesChanged', 'sa{sv}as', [AP, { Ssid: { sig: 'ay', value: [0x61] } }, []], 'path'],
    [ap1, PROPS, 'PropertiesChanged', 'sa{sv}', [AP, { Ssid: { sig: 'ay', value: [0x61] } }], 'signature'],
  ];
  const expected: Record<string, number> = {};
  for (const [path, iface, member, sig, args, reason] of bad) {
    await nm.signal(path, iface, member, sig, args);
    expected[`networkmanager.dropped.${reason}`] = (expected[`networkmanager.dropped.${reason}`] ?? 0) + 1;
  }
  // Not even delivered: the match rule names the manager's path.
  await nm.signal(wlan, I_NM, 'DeviceAdded', 'o', [`${NM}/Devices/8`]);
  // Signals the source has no use for are not bad input.
  await nm.signal(NM, I_NM, 'StateChanged', 'u', [70]);
  await nm.signal(wlan, PROPS, 'PropertiesChanged', 'sa{sv}as', [WIFI, { LastScan: { sig: 'x', value: 5 } }, []]);
  await nm.addAp(wlan, { bssid: GOOD, ssid: 'satchel-relay' });
  await h.rec.until(() => h.rec.current().has(`ap:${GOOD}`), 'the good AP');
  t.same(h.drops(), expected, 'each bad signal counted under its reason');
  t.same([...h.rec.current().keys()], [`ap:${GOOD}`], 'nothing from the bad ones');
  t.equal(h.source.devices().length, 1, 'no device invented');
  const warned = h.logs.filter((l) => l.includes('ignoring bad input'));
  t.equal(warned.length, Object.keys(expected).length, 'logged once per reason');
  t.equal(h.source.state(), 'up');
});

t.test('access points whose properties are of the wrong type or out of range are not reported', async (t) => {
  const h = await startNmHarness(t);
  const nm = await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0' }]);
  await h.source.start();
  await h.devicesRead(1);
  const wlan = h.source.devices()[0]!.path;
  const cases: [string, string, unknown, string][] = [
    ['Ssid', 's', 'satchel-relay', 'signature'],
    ['Ssid', 'ay', Array(40).fill(0x61), 'ssid'],
    ['HwAddress', 'ay', [2, 0x5a, 0, 0, 0, 9], 'signature'],
    ['HwAddress', 's', 'not a mac', 'bssid'],
    ['HwAddress', 's', '01:00:5E:00:00:01', 'bssid'],
    ['HwAddress', 's', '00:00:00:00:00:00', 'bssid'],
    ['HwAddress', 's', '02:5a:00:00:00:99; rm -rf /', 'bssid'],
  ];
  const expected: Record<string, number> = {};
  for (const [i, [name, sig, value, reason]] of cases.entries()) {
    await nm.addAp(wlan, { bssid: `02:5a:00:00:00:${(0x10 + i).toString(16)}`, ssid: 'satchel-relay', override: { [name]: { sig, value } } });
    expected[`networkmanager.dropped.${reason}`] = (expected[`networkmanager.dropped.${reason}`] ?? 0) + 1;
  }
  await nm.addAp(wlan, { bssid: GOOD, ssid: 'satchel-relay' });
  await h.rec.until(() => h.rec.current().has(`ap:${GOOD}`) && Object.values(h.drops()).reduce((a, b) => a + b, 0) === cases.length,
    'the good AP, and every bad one counted');
  t.same(h.drops(), expected, 'each counted under its reason');
  t.same([...h.rec.current().keys()], [`ap:${GOOD}`], 'only the good one reported');
  t.match(h.source.devices(), [{ accessPoints: cases.length + 1 }], 'bad ones are tracked (so their removal is clean), never shown');
});

t.test('signals from anyone but the owner of org.freedesktop.NetworkManager are not believed', async (t) => {
  const h = await startNmHarness(t);
  const nm = await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0', aps: [{ bssid: GOOD, ssid: 'satchel-relay' }] }]);
  await h.source.start();
  await h.rec.until(() => h.rec.current().has(`ap:${GOOD}`), 'seen');
  const wlan = h.source.devices()[0]!.path;
  const impostor = await h.nbus.connect();
  // Unicast to us: delivered whatever the match rules say, so the source must check.
  const removal = Message.newSignal(wlan, WIFI, 'AccessPointRemoved', 'o', [`${NM}/AccessPoint/1`]);
  removal.destination = h.bus.name!;
  impostor.send(removal);
  const added = Message.newSignal(NM, I_NM, 'DeviceRemoved', 'o', [wlan]);
  added.destination = h.bus.name!;
  impostor.send(added);
  await h.rec.until(() => h.drops()['networkmanager.dropped.sender'] === 2, 'both counted');
  t.equal(h.rec.lost(`ap:${GOOD}`), 0, 'nothing was lost on an impostor\'s word');
  await nm.removeAp(`${NM}/AccessPoint/1`);
  await h.rec.until(() => h.rec.lost(`ap:${GOOD}`) === 1, 'the owner is still believed');
});

t.test('a listener that throws does not break the source', async (t) => {
  const h = await startNmHarness(t);
  const nm = await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0' }]);
  h.source.on('seen', () => { throw new Error('listener bug'); });
  await h.source.start();
  await h.devicesRead(1);
  const ap = await nm.addAp(h.source.devices()[0]!.path, { bssid: GOOD, ssid: 'satchel-relay' });
  await h.rec.until(() => h.rec.seen(`ap:${GOOD}`).length === 1, 'seen, though the listener threw');
  await nm.removeAp(ap);
  await h.rec.until(() => h.rec.lost(`ap:${GOOD}`) === 1, 'still tracking after the throw');
  t.ok(h.logs.some((l) => l.includes('discovery listener threw')));
});
