/**
 * The data mule's cycle on a manual clock, joining and leaving through the
 * real Wi-Fi client and worker against the stand-in nmcli. Links are plain
 * emitters of sync frames: the mule only listens to them.
 */
import { EventEmitter } from 'node:events';
import t, { type Test } from 'tap';
import { createDataMule, type AccessPointSeen, type DataMuleOptions } from '../../daemon/mule/mule.js';
import type { MuleLink } from '../../daemon/mule/link-activity.js';
import { createWifiClient } from '../../daemon/mule/wifi-client.js';
import { ManualClock, systemClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { silentLogger } from '../../daemon/util/log.js';
import type { Frame } from '../../daemon/wire/messages.js';
import { BUILT_WORKER, startNmcli, type NmcliState } from './fixtures/nmcli-standin.js';

const HOME = { ssid: 'school', bssid: '02:5a:00:00:01:01' };
const RELAY = { ssid: 'satchel-relay', bssid: '02:5a:00:00:01:02' };
const BUS = { ssid: 'satchel-bus', bssid: '02:5a:00:00:01:03' };
const BUDGET_MS = 60_000;
const QUIET_MS = 3_000;
const DATA: Frame = { stored: [new Uint8Array(16)] };

class Link implements MuleLink {
  readonly session = Object.assign(new EventEmitter(), { closed: false });
  constructor(readonly peer: { nodeId: string }) {}
  frame(f: Frame): void {
    this.session.emit('frame', f);
  }
}

async function until(pred: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function setup(t: Test, nm: Partial<NmcliState> = {}, over: Partial<DataMuleOptions> = {}) {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: 'school', networks: [HOME, RELAY, BUS], ...nm });
  const wifi = createWifiClient({ clock: systemClock, logger: silentLogger, counters: createCounters(), workerPath: BUILT_WORKER, env: nmcli.env, iface: 'wlan0' });
  t.teardown(() => wifi.close());
  const clock = new ManualClock();
  const counters = createCounters();
  let listener: ((ap: AccessPointSeen) => void) | undefined;
  const links: Link[] = [];
  let sourcesUp = true;
  const mule = createDataMule({
    clock, logger: silentLogger, counters, wifi, ssids: ['satchel-relay', 'satchel-bus'], budgetMs: BUDGET_MS, quietMs: QUIET_MS,
    onAccessPoint: (fn) => { listener = fn; return () => { listener = undefined; }; },
    links: () => links, accessPointSourcesUp: () => sourcesUp, ...over,
  });
  t.teardown(() => mule.close());
  mule.start();
  const see = (ssid: string): void => listener?.({ source: 'wpa_supplicant', key: `bss:${ssid}`, ssid });
  const connects = async (): Promise<string[][]> => (await nmcli.calls()).filter((a) => a.includes('connect') || a.includes('disconnect'));
  return {
    nmcli, wifi, clock, counters, mule, links, see, connects,
    subscribed: () => listener !== undefined,
    /** Whatever a buggy discovery hub might pass. */
    raw: (ap: unknown) => listener?.(ap as AccessPointSeen),
    setSourcesUp: (up: boolean) => { sourcesUp = up; },
  };
}

t.test('options are checked', async (t) => {
  const base = {
    clock: new ManualClock(), logger: silentLogger, counters: createCounters(), wifi: {} as never, ssids: ['x'],
    onAccessPoint: () => () => {}, links: () => [], accessPointSourcesUp: () => false,
  };
  for (const ssids of [[''], ['x'.repeat(33)], [7], 'satchel-relay', [null]]) {
    t.throws(() => createDataMule({ ...base, ssids: ssids as never }), { code: 'INVALID_ARGUMENT' }, `ssids ${JSON.stringify(ssids)}`);
  }
  for (const k of ['budgetMs', 'cooldownMs', 'quietMs', 'checkMs', 'scanIntervalMs']) {
    t.throws(() => createDataMule({ ...base, [k]: 0 }), { code: 'INVALID_ARGUMENT' }, `${k} 0`);
    t.throws(() => createDataMule({ ...base, [k]: Number.POSITIVE_INFINITY }), { code: 'INVALID_ARGUMENT' }, `${k} infinite`);
  }
  t.throws(() => createDataMule({ ...base, links: undefined as never }), { code: 'INVALID_ARGUMENT' });
  const m = createDataMule(base);
  await m.close();
  t.throws(() => m.start(), { code: 'CLOSED' });
});

t.test('a relay point in range: join, sync until the new link is quiet, return to the school network', async (t) => {
  const h = await setup(t);
  const old = new Link({ nodeId: 'aa' }); // a classmate on the school network, not the relay point
  h.links.push(old);
  h.see('school-guest');
  t.equal(h.mule.state(), 'idle', 'not a relay point');
  h.see('satchel-relay');
  await until(() => h.mule.state() === 'syncing', 'syncing');
  t.same((await h.nmcli.state()).current, 'satchel-relay', 'joined');
  t.match(h.mule.status(), { ssid: 'satchel-relay', previous: 'school' });
  h.clock.advance(QUIET_MS * 2);
  old.frame(DATA);
  t.equal(h.mule.state(), 'syncing', 'links from before the join are not the relay point');
  const relay = new Link({ nodeId: 'bb' });
  h.links.push(relay);
  h.clock.advance(1_000);
  for (let i = 0; i < 5; i++) {
    relay.frame(DATA);
    h.clock.advance(1_000);
  }
  relay.frame({}); // keepalives are not data
  t.equal(h.mule.state(), 'syncing', 'still moving data a moment ago');
  h.clock.advance(QUIET_MS);
  await until(() => h.mule.state() === 'idle', 'back to idle');
  t.same((await h.nmcli.state()).current, 'school', 'returned');
  t.same(await h.connects(), [
    ['-w', '10', 'device', 'wifi', 'connect', 'satchel-relay', 'password', '', 'ifname', 'wlan0'],
    ['-w', '10', 'device', 'wifi', 'connect', 'school', 'ifname', 'wlan0'],
  ]);
  t.match(h.mule.status(), { state: 'idle', cycles: 1, lastOutcome: 'synced', ssid: undefined });
  t.match(h.counters.snapshot(), { 'mule.cycles': 1, 'mule.outcome.synced': 1 });
});

t.test('the budget ends a meeting that never goes quiet, and one with nobody there', async (t) => {
  const h = await setup(t);
  h.see('satchel-relay');
  await until(() => h.mule.state() === 'syncing', 'syncing');
  const busy = new Link({ nodeId: 'bb' });
  h.links.push(busy);
  for (let ms = 0; ms < BUDGET_MS - 1_000; ms += 500) {
    busy.frame(DATA);
    h.clock.advance(500);
  }
  t.equal(h.mule.state(), 'syncing', 'within the budget');
  h.clock.advance(1_000);
  await until(() => h.mule.state() === 'idle', 'left');
  t.equal(h.mule.status().lastOutcome, 'budget');
  h.links.length = 0;
  h.see('satchel-bus');
  await until(() => h.mule.state() === 'syncing', 'syncing on the bus');
  h.clock.advance(BUDGET_MS);
  await until(() => h.mule.state() === 'idle', 'left the bus');
  t.equal(h.mule.status().lastOutcome, 'budget', 'nobody answered');
  t.same((await h.nmcli.state()).current, 'school');
});

t.test('an SSID is not joined again within the cool-down; seen again after it, it is', async (t) => {
  const h = await setup(t, {}, { cooldownMs: 600_000 });
  h.see('satchel-relay');
  await until(() => h.mule.state() === 'syncing', 'syncing');
  h.clock.advance(BUDGET_MS);
  await until(() => h.mule.state() === 'idle', 'first cycle over');
  h.see('satchel-relay');
  t.equal(h.mule.state(), 'idle', 'cooling down');
  h.clock.advance(600_000 - BUDGET_MS);
  h.see('satchel-relay');
  t.equal(h.mule.state(), 'idle', 'still cooling down (the cool-down runs from the end of the cycle)');
  h.clock.advance(BUDGET_MS);
  h.see('satchel-relay');
  t.equal(h.mule.state(), 'joining', 'cooled down');
  await until(() => h.mule.state() === 'syncing', 'syncing again');
  await h.mule.close();
  t.equal(h.mule.status().cycles, 2);
});

t.test('a failed join returns the laptop anyway and counts', async (t) => {
  const h = await setup(t, { fail_connect: true });
  h.see('satchel-relay');
  await until(() => h.mule.status().cycles === 1, 'cycle over');
  t.equal(h.mule.status().lastOutcome, 'join_failed');
  t.match(h.counters.snapshot(), { 'mule.join_failed': 1 });
  t.same((await h.connects()).map((a) => a[5]), ['satchel-relay', 'school'], 'tried, then went back');
  h.see('satchel-relay');
  t.equal(h.mule.state(), 'idle', 'a failed join cools down too');
});

t.test('from no network: disconnect afterwards; on the relay network already: no join, no leave', async (t) => {
  const off = await setup(t, { current: null });
  off.see('satchel-relay');
  await until(() => off.mule.state() === 'syncing', 'syncing');
  off.clock.advance(BUDGET_MS);
  await until(() => off.mule.state() === 'idle', 'over');
  t.same((await off.connects()).map((a) => a.slice(0, 3)), [['-w', '10', 'device'], ['device', 'disconnect', 'wlan0']]);
  t.equal((await off.nmcli.state()).current, null, 'on no network again');

  const there = await setup(t, { current: 'satchel-relay' });
  there.see('satchel-relay');
  await until(() => there.mule.state() === 'syncing', 'syncing');
  there.clock.advance(BUDGET_MS);
  await until(() => there.mule.state() === 'idle', 'over');
  t.same(await there.connects(), [], 'stayed where it was');
});

t.test('a relay point seen during a cycle is visited after it; hostile reports are ignored', async (t) => {
  const h = await setup(t);
  h.see('satchel-relay');
  await until(() => h.mule.state() === 'syncing', 'syncing');
  h.see('satchel-bus');
  h.see('satchel-relay');
  for (const bad of [null, {}, { ssid: 7 }, { ssid: 'x'.repeat(100) }]) h.raw(bad);
  h.clock.advance(BUDGET_MS);
  await until(() => h.mule.status().ssid === 'satchel-bus' && h.mule.state() === 'syncing', 'on to the bus');
  h.clock.advance(BUDGET_MS);
  await until(() => h.mule.status().cycles === 2 && h.mule.state() === 'idle', 'both done');
  t.same((await h.connects()).map((a) => a[5]), ['satchel-relay', 'school', 'satchel-bus', 'school']);
});

t.test('scans only when no D-Bus source reports access points, on one long timer', async (t) => {
  const h = await setup(t, {}, { scanIntervalMs: 300_000 });
  const scans = async (): Promise<number> => (await h.nmcli.calls()).filter((a) => a[1] === '--fields' && !(a[2] ?? '').endsWith(',device')).length;
  h.clock.advance(300_000);
  await new Promise((r) => setTimeout(r, 300));
  t.equal(await scans(), 0, 'a D-Bus source is up: no scan');
  h.setSourcesUp(false);
  h.clock.advance(299_000);
  t.equal(await scans(), 0, 'not before the interval');
  h.clock.advance(1_000);
  await until(() => h.mule.state() === 'syncing', 'the scan found the relay point');
  t.equal(await scans(), 1);
  t.match(h.counters.snapshot(), { 'mule.scans': 1 });
});

t.test('close() during a meeting returns the laptop at once', async (t) => {
  const h = await setup(t);
  h.see('satchel-relay');
  await until(() => h.mule.state() === 'syncing', 'syncing');
  await h.mule.close();
  t.equal(h.mule.state(), 'idle');
  t.equal(h.mule.status().lastOutcome, 'closed');
  t.same((await h.nmcli.state()).current, 'school');
  t.notOk(h.subscribed(), 'unsubscribed from access points');
  h.see('satchel-relay');
  t.equal(h.mule.state(), 'idle');
});
