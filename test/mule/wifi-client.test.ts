/**
 * The Wi-Fi client and its worker (forked from dist/, running the real
 * node-wifi) against a stand-in nmcli first on PATH.
 */
import { fork } from 'node:child_process';
import t, { type Test } from 'tap';
import { createWifiClient, type WifiClientOptions } from '../../daemon/mule/wifi-client.js';
import { systemClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { silentLogger } from '../../daemon/util/log.js';
import { BUILT_WORKER, startNmcli, type NmcliStandin } from './fixtures/nmcli-standin.js';

const HOME = { ssid: 'school', bssid: '02:5a:00:00:01:01' };
const RELAY = { ssid: 'satchel-relay', bssid: '02:5a:00:00:01:02' };

async function client(t: Test, nmcli: NmcliStandin, over: Partial<WifiClientOptions> = {}) {
  const counters = createCounters();
  const c = createWifiClient({ clock: systemClock, logger: silentLogger, counters, workerPath: BUILT_WORKER, env: nmcli.env, ...over });
  t.teardown(() => c.close());
  return { c, counters };
}

t.test('current, scan, join and return, with the command lines node-wifi runs', async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: 'school', networks: [HOME, RELAY] });
  const { c } = await client(t, nmcli, { iface: 'wlan0' });
  t.same(await c.current(), HOME, 'on the school network');
  t.same(await c.scan(), [HOME, RELAY], 'both networks, BSSIDs in lower case');
  await c.connect('satchel-relay');
  t.same(await c.current(), RELAY, 'joined');
  await c.reconnect('school');
  t.same(await c.current(), HOME, 'back');
  t.same(await nmcli.calls(), [
    ['--terse', '--fields', 'active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags,device', 'device', 'wifi', 'list', 'ifname', 'wlan0'],
    ['--terse', '--fields', 'active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags', 'device', 'wifi', 'list', 'ifname', 'wlan0'],
    ['-w', '10', 'device', 'wifi', 'connect', 'satchel-relay', 'password', '', 'ifname', 'wlan0'],
    ['--terse', '--fields', 'active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags,device', 'device', 'wifi', 'list', 'ifname', 'wlan0'],
    ['-w', '10', 'device', 'wifi', 'connect', 'school', 'ifname', 'wlan0'],
    ['--terse', '--fields', 'active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags,device', 'device', 'wifi', 'list', 'ifname', 'wlan0'],
  ], 'the join passes an empty password; the return uses the saved profile (no password)');
});

t.test("node-wifi's locale rewrite stays in the worker", async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: null, networks: [RELAY] });
  const before = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  const { c } = await client(t, nmcli);
  t.equal(await c.current(), undefined, 'on no network');
  t.same(await nmcli.locales(), [{ LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' }], 'nmcli ran under the locale node-wifi sets');
  t.same({ LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES }, before, "the daemon's own environment is untouched");
});

t.test('leaving with no interface configured disconnects the connected one; on no network it is a no-op', async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlp2s0', current: 'satchel-relay', networks: [RELAY] });
  const { c } = await client(t, nmcli);
  await c.disconnect();
  t.equal(await c.current(), undefined);
  await c.disconnect();
  t.same((await nmcli.calls()).filter((a) => a[0] === 'device'), [['device', 'disconnect', 'wlp2s0']], 'one disconnect, of the device that was connected');
});

t.test('failures are SatchelErrors that say what nmcli said', async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: null, networks: [RELAY] });
  const { c } = await client(t, nmcli, { iface: 'wlan0' });
  await t.rejects(c.connect('elsewhere'), { code: 'WIFI_FAILED', message: /connect failed: .*No network with SSID 'elsewhere' found/s });
  await t.rejects(c.reconnect('elsewhere'), { code: 'WIFI_FAILED', message: /No network with SSID 'elsewhere' found/ });
  await nmcli.update({ fail_connect: true });
  await t.rejects(c.connect('satchel-relay'), { code: 'WIFI_FAILED', message: /Secrets were required/ });
  await t.rejects(c.disconnect(), { code: 'WIFI_FAILED', message: /not active/ });
});

t.test('hostile arguments are refused before anything runs', async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: null, networks: [RELAY] });
  const base = { clock: systemClock, logger: silentLogger, counters: createCounters(), workerPath: BUILT_WORKER };
  t.throws(() => createWifiClient({ ...base, iface: '../../etc' }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createWifiClient({ ...base, iface: 'wlan0; reboot' }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createWifiClient({ ...base, joinTimeoutMs: -1 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createWifiClient({ ...base, idleMs: Number.NaN }), { code: 'INVALID_ARGUMENT' });
  const { c } = await client(t, nmcli);
  for (const ssid of ['', 'x'.repeat(33), 'é'.repeat(17), 'a\nb', 'a\0b', 42 as unknown as string, undefined as unknown as string]) {
    await t.rejects(c.connect(ssid), { code: 'INVALID_ARGUMENT' }, `connect(${JSON.stringify(ssid)})`);
    await t.rejects(c.reconnect(ssid), { code: 'INVALID_ARGUMENT' }, `reconnect(${JSON.stringify(ssid)})`);
  }
  await t.rejects(c.connect('satchel-relay', 'p'.repeat(65)), { code: 'INVALID_ARGUMENT' });
  await t.rejects(c.connect('satchel-relay', 'pass\nword'), { code: 'INVALID_ARGUMENT' });
  t.same(await nmcli.calls(), [], 'nmcli never ran');
  t.equal(c.workerPid, undefined, 'no worker was even started');
  await c.close();
  await t.rejects(c.current(), { code: 'CLOSED' });
});

t.test('the worker refuses malformed requests on its own channel', async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: null, networks: [RELAY] });
  const w = fork(BUILT_WORKER, [], { env: nmcli.env, execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  t.teardown(() => { w.kill('SIGKILL'); });
  const answers: unknown[] = [];
  w.on('message', (m) => answers.push(m));
  const bad = [{ id: 1, req: { op: 'rm -rf' } }, { id: 2, req: { op: 'connect', ssid: 'x'.repeat(40) } }, { id: 3 }, 'text', { id: 4, req: { op: 'connect', ssid: 'a', password: 7 } }];
  for (const m of bad) w.send(m);
  w.send({ id: 5, req: { op: 'current' } });
  await new Promise<void>((resolve) => w.on('message', () => { if (answers.length === bad.length + 2) resolve(); }));
  t.match(answers, [
    { id: 0, ok: true },
    { id: 1, ok: false, error: /refused: unknown op/ }, { id: 2, ok: false, error: /refused: bad ssid/ },
    { id: 3, ok: false, error: /refused/ }, { id: -1, ok: false, error: /refused/ }, { id: 4, ok: false, error: /bad password/ },
    { id: 5, ok: true, networks: [] },
  ]);
  t.same(await nmcli.calls(), [['--terse', '--fields', 'active,ssid,bssid,mode,chan,freq,signal,security,wpa-flags,rsn-flags,device', 'device', 'wifi']],
    'only the good request reached nmcli');
  const gone = new Promise((r) => w.once('exit', r));
  w.disconnect();
  t.equal(await gone, 0, 'exits when the daemon closes the channel');
});

t.test('a worker that dies or hangs is replaced; an idle one is let go', async (t) => {
  const nmcli = await startNmcli(t, { iface: 'wlan0', current: null, networks: [RELAY], delay_s: 4 });
  const { c, counters } = await client(t, nmcli, { queryTimeoutMs: 1_500, idleMs: 300 });
  const slow = c.scan();
  await new Promise((r) => setTimeout(r, 200));
  const first = c.workerPid;
  t.ok(first, 'a worker runs');
  process.kill(first!, 'SIGKILL');
  await t.rejects(slow, { code: 'WIFI_FAILED', message: /scan: the worker exited \(SIGKILL\) before answering/ });
  await t.rejects(c.scan(), { code: 'WIFI_FAILED', message: /no answer within 1500 ms/ }, 'a hung nmcli');
  await nmcli.update({ delay_s: 0 });
  t.same(await c.scan(), [RELAY], 'a fresh worker answers');
  t.not(c.workerPid, first);
  t.match(counters.snapshot(), { 'mule.worker_started': 3, 'mule.worker_died': 1, 'mule.worker_timeout': 1 });
  const pid = c.workerPid!;
  await new Promise((r) => setTimeout(r, 800));
  t.equal(c.workerPid, undefined, 'stopped after the idle spell');
  t.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, 'the process is gone');
});
