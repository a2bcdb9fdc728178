/**
 * The NetworkManager source against a stand-in that speaks NetworkManager's
 * D-Bus API on a private system-style bus with NetworkManager's own policy.
 */
import t from 'tap';
import { NM_MATCH_RULES } from '../../../daemon/discovery/sources/nm-names.js';
import { createNetworkManagerSource } from '../../../daemon/discovery/sources/nm-source.js';
import { systemClock } from '../../../daemon/util/clock.js';
import { createCounters } from '../../../daemon/util/counters.js';
import { silentLogger } from '../../../daemon/util/log.js';
import { SESSION_PORT, startNmHarness } from './fixtures/nm-harness.js';
import { NmStandin } from './fixtures/nm-standin.js';

const RELAY = '02:5a:00:00:00:0d';
const OTHER = '02:5a:00:00:00:0e';
const HIDDEN = '02:5a:00:00:00:0f';

const relaySeen = (ssid = 'satchel-relay') => ({ source: 'networkmanager', key: `ap:${RELAY}`, address: '', sessionPort: SESSION_PORT, ssid });

t.test('options are checked; start() after close() is refused', async (t) => {
  const base = { bus: {} as never, logger: silentLogger, counters: createCounters(), clock: systemClock };
  t.throws(() => createNetworkManagerSource({ ...base, sessionPort: 0 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createNetworkManagerSource({ ...base, sessionPort: 70_000 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createNetworkManagerSource({ ...base, sessionPort: 1.5 }), { code: 'INVALID_ARGUMENT' });
  const h = await startNmHarness(t);
  await h.source.close();
  await h.source.close();
  await t.rejects(h.source.start(), { code: 'CLOSED' });
});

t.test('absent at start: down and silent; up once NetworkManager owns its name', async (t) => {
  const h = await startNmHarness(t);
  await h.source.start();
  t.equal(h.source.state(), 'down');
  t.same(h.rec.said, [], 'nothing said while it is absent');
  t.notOk(h.logs.some((l) => /warn|error/.test(l)), 'no warning for an absent NetworkManager');
  const nm = await NmStandin.start(t, h.nbus.address);
  await h.rec.until(() => h.source.state() === 'up', 'state up');
  const wlan = await nm.addDevice({ ifname: 'wlan0' });
  await h.devicesRead(1);
  t.match(h.source.devices(), [{ path: wlan, read: true, accessPoints: 0 }]);
});

t.test('access points present at start, and added and removed later; only Wi-Fi devices count', async (t) => {
  const h = await startNmHarness(t);
  const nm = await NmStandin.start(t, h.nbus.address, [
    { ifname: 'eth0', type: 'ethernet' },
    { ifname: 'wlan0', aps: [{ bssid: RELAY, ssid: 'satchel-relay' }, { bssid: HIDDEN, ssid: [] }] },
  ]);
  await h.source.start();
  await h.rec.until(() => h.rec.current().size === 1, 'the relay AP seen');
  t.same(h.rec.current().get(`ap:${RELAY}`), relaySeen(), 'address empty, SSID, key ap:<BSSID> in lower case');
  await h.devicesRead(1);
  t.match(h.source.devices(), [{ path: '/org/freedesktop/NetworkManager/Devices/2', accessPoints: 2 }], 'the hidden one tracked, eth0 not');
  const wlan = h.source.devices()[0]!.path;
  const other = await nm.addAp(wlan, { bssid: OTHER, ssid: 'school-guest' });
  await h.rec.until(() => h.rec.current().has(`ap:${OTHER}`), 'a new AP seen');
  await nm.removeAp(other);
  await h.rec.until(() => h.rec.lost(`ap:${OTHER}`) === 1, 'and lost');
  t.equal(h.rec.seen(`ap:${RELAY}`).length, 1, 'the relay AP was reported once');
  t.same(h.drops(), {});
});

t.test('acceptSsid filters; a hidden network whose name becomes known is reported then', async (t) => {
  const h = await startNmHarness(t, { acceptSsid: (s) => s.startsWith('satchel-') });
  const nm = await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0' }]);
  await h.source.start();
  await h.devicesRead(1);
  const wlan = h.source.devices()[0]!.path;
  await nm.addAp(wlan, { bssid: OTHER, ssid: 'school-guest' });
  const hidden = await nm.addAp(wlan, { bssid: RELAY, ssid: [] });
  await h.rec.until(() => h.source.devices()[0]?.accessPoints === 2, 'both tracked');
  await nm.setStrength(hidden, 40); // a property change that is not the name: nothing to say
  await nm.setSsid(hidden, 'satchel-relay');
  await h.rec.until(() => h.rec.current().has(`ap:${RELAY}`), 'named now');
  t.same(h.rec.current().get(`ap:${RELAY}`), relaySeen());
  await nm.setSsid(hidden, 'renamed');
  await h.rec.until(() => h.rec.lost(`ap:${RELAY}`) === 1, 'no longer a relay point name');
  t.equal(h.rec.said.filter((e) => e.type === 'seen').length, 1, 'school-guest never reported');
});

t.test('a device going away takes its access points with it; devices come back', async (t) => {
  const h = await startNmHarness(t);
  const nm = await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0', aps: [{ bssid: RELAY, ssid: 'satchel-relay' }] }]);
  await h.source.start();
  await h.rec.until(() => h.rec.current().size === 1, 'seen');
  await nm.removeDevice(h.source.devices()[0]!.path);
  await h.rec.until(() => h.rec.lost(`ap:${RELAY}`) === 1 && h.source.devices().length === 0, 'lost with its device');
  const wlan1 = await nm.addDevice({ ifname: 'wlan1' });
  await nm.addAp(wlan1, { bssid: RELAY, ssid: 'satchel-relay' });
  await h.rec.until(() => h.rec.seen(`ap:${RELAY}`).length === 2, 'seen again on the new device');
  t.equal(h.source.state(), 'up');
});

t.test('NetworkManager restarting is survived, with no new match rules', async (t) => {
  const h = await startNmHarness(t);
  const me = h.bus.name!;
  const baseline = await h.nbus.matchRules(me);
  let nm = await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0', aps: [{ bssid: RELAY, ssid: 'satchel-relay' }] }]);
  await h.source.start();
  t.equal(await h.nbus.matchRules(me), baseline + NM_MATCH_RULES.length, 'one AddMatch per kind of signal');
  await h.rec.until(() => h.rec.current().size === 1, 'seen');
  for (const [i, how] of (['term', 'kill', 'term'] as const).entries()) {
    nm = await nm.restart(how);
    await h.rec.until(() => h.rec.lost(`ap:${RELAY}`) === i + 1 && h.rec.seen(`ap:${RELAY}`).length === i + 2, `${how}: lost, then seen again`);
    t.same(h.rec.states().slice(-2), ['down', 'up'], `${how}: down, then up`);
  }
  t.equal(await h.nbus.matchRules(me), baseline + NM_MATCH_RULES.length, 'restarts added no match rules');
  await nm.stop('term');
  await h.rec.until(() => h.source.state() === 'down', 'down while it is gone');
  t.same(h.drops(), {});
  await h.source.close();
  t.equal(await h.nbus.matchRules(me), baseline, 'close() removed its rules');
});

t.test('the bus going away: everything lost, state down; nothing said after close()', async (t) => {
  const h = await startNmHarness(t);
  await NmStandin.start(t, h.nbus.address, [{ ifname: 'wlan0', aps: [{ bssid: RELAY, ssid: 'satchel-relay' }] }]);
  await h.source.start();
  await h.rec.until(() => h.rec.current().size === 1, 'seen');
  h.bus._connection?.stream?.destroy();
  await h.rec.until(() => h.source.state() === 'down' && h.rec.lost(`ap:${RELAY}`) === 1, 'down and lost');
  const before = h.rec.said.length;
  await h.source.close();
  t.equal(h.rec.said.length, before);
});
