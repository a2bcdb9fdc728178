/**
 * The mule as the daemon builds it: off without SSIDs; fed by the hub's
 * access points, including one in range before it started; scanning only
 * while no D-Bus source is up.
 */
import { EventEmitter } from 'node:events';
import t from 'tap';
import { configuredMule } from '../../daemon/mule/configured-mule.js';
import type { AccessPointSeen } from '../../daemon/mule/mule.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { silentLogger } from '../../daemon/util/log.js';
import { BUILT_WORKER, startNmcli } from './fixtures/nmcli-standin.js';

const HOME = { ssid: 'school', bssid: '02:5a:00:00:01:01' };
const RELAY = { ssid: 'satchel-relay', bssid: '02:5a:00:00:01:02' };

class Hub extends EventEmitter {
  inRange: AccessPointSeen[] = [];
  sources: Record<string, string> = { wpa_supplicant: 'down', networkmanager: 'down' };
  accessPoints(): AccessPointSeen[] { return this.inRange; }
  states(): Record<string, string> { return this.sources; }
}

async function until(pred: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`waited for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

t.test('no SSIDs: no mule at all', async (t) => {
  t.equal(configuredMule({
    clock: new ManualClock(), logger: silentLogger, counters: createCounters(), discovery: new Hub(), links: () => [], ssids: [], budgetS: 120,
  }), undefined);
});

t.test('a relay point in range before the start is visited; the budget is in seconds', async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: 'school', networks: [HOME, RELAY] });
  const hub = new Hub();
  hub.inRange = [{ source: 'networkmanager', key: `ap:${RELAY.bssid}`, ssid: 'satchel-relay' }];
  hub.sources.networkmanager = 'up';
  const clock = new ManualClock();
  const m = configuredMule({
    clock, logger: silentLogger, counters: createCounters(), discovery: hub, links: () => [], ssids: ['satchel-relay'], budgetS: 20,
    env: nmcli.env, workerPath: BUILT_WORKER,
  })!;
  t.teardown(() => m.close());
  m.start();
  await until(() => m.mule.state() === 'syncing', 'syncing');
  clock.advance(19_000);
  t.equal(m.mule.state(), 'syncing');
  clock.advance(1_000);
  await until(() => m.mule.state() === 'idle', 'back');
  t.match(m.mule.status(), { cycles: 1, lastOutcome: 'budget' });
  await m.close();
  t.equal(hub.listenerCount('accessPoint'), 0, 'unsubscribed on close');
  t.same((await nmcli.calls()).filter((a) => a[1] === '--fields' && !(a[2] ?? '').endsWith(',device')), [], 'never scanned: NetworkManager was up');
});
