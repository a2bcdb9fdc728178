/**
 * The stand-in is only worth testing against if it behaves as logind does
 * where satchel relies on it: its policy, Inhibit's checks and errors, a
 * lock that lasts exactly as long as the descriptor, and no new sleep lock
 * while a sleep is under way.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CallFailed, DbusCaller } from '../../daemon/discovery/sources/dbus-calls.js';
import { readDelayMaxMs, releaseDelayLock, requestDelayLock } from '../../daemon/power/delay-lock.js';
import { LOGIND_MANAGER_IFACE, LOGIND_PATH, LOGIND_SERVICE, OPERATION_IN_PROGRESS } from '../../daemon/power/logind-names.js';
import { systemClock } from '../../daemon/util/clock.js';
import { waitFor } from '../e2e/fixtures/wait.js';
import { LOGIND_POLICY_RULES, MACHINE_LOGIND_POLICY, startLogindBus } from './fixtures/logind-bus.js';
import { LogindStandin } from './fixtures/logind-standin.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').replace(/\s*\/>/g, '/>');

t.test('the policy excerpt is made of rules from the machine\'s own logind policy', async (t) => {
  const machine = squash(readFileSync(MACHINE_LOGIND_POLICY, 'utf8'));
  for (const rule of LOGIND_POLICY_RULES) t.ok(machine.includes(squash(rule)), rule);
});

t.test('Inhibit checks its arguments as logind does, and a lock lasts as long as its descriptor', async (t) => {
  const lbus = await startLogindBus(t);
  const logind = await LogindStandin.start(t, lbus.address, { runtimeDir: lbus.runtimeDir });
  const caller = new DbusCaller(await lbus.connect(), systemClock);
  const inhibit = (what: string, mode: string): Promise<unknown> => caller.call({
    destination: LOGIND_SERVICE, path: LOGIND_PATH, iface: LOGIND_MANAGER_IFACE, member: 'Inhibit',
    signature: 'ssss', body: [what, 'test', 'testing', mode],
  });
  const refused = async (p: Promise<unknown>, name: string, text: RegExp): Promise<void> => {
    const err = await p.then(() => undefined, (e: unknown) => e);
    t.ok(err instanceof CallFailed && err.errorName === name && text.test(err.detail), `${name}: ${String(err)}`);
  };
  await refused(inhibit('sleep:nap', 'delay'), 'org.freedesktop.DBus.Error.InvalidArgs', /Invalid what specification sleep:nap/);
  await refused(inhibit('', 'delay'), 'org.freedesktop.DBus.Error.InvalidArgs', /Invalid what/);
  await refused(inhibit('sleep', 'later'), 'org.freedesktop.DBus.Error.InvalidArgs', /Invalid mode specification later/);
  await refused(inhibit('idle', 'delay'), 'org.freedesktop.DBus.Error.InvalidArgs', /only supported for shutdown and sleep/);

  const fd = await requestDelayLock(caller);
  t.ok(fd > 2, `a real descriptor (${fd})`);
  const listed = await caller.call({ destination: LOGIND_SERVICE, path: LOGIND_PATH, iface: LOGIND_MANAGER_IFACE, member: 'ListInhibitors' });
  t.equal(listed.signature, 'a(ssssuu)');
  t.same(listed.body[0], [['sleep', 'satchel', 'finishing message transfers', 'delay', 0, process.pid]], 'ListInhibitors shows it');
  const delayed = await caller.getProperty(LOGIND_SERVICE, LOGIND_PATH, LOGIND_MANAGER_IFACE, 'DelayInhibited');
  t.same(delayed, { signature: 's', value: 'sleep' });
  t.equal(await readDelayMaxMs(caller), 5_000, 'InhibitDelayMaxUSec: 5 s by default');
  // busctl is systemd's own client: it reads the stand-in's introspection as it would logind's.
  const xml = execFileSync('busctl', [`--address=${lbus.address}`, 'introspect', '--xml-interface', LOGIND_SERVICE, LOGIND_PATH], { encoding: 'utf8' });
  t.match(xml, /<method name="Inhibit">.*type="h" name="pipe_fd" direction="out"/s);
  t.match(xml, /<signal name="PrepareForSleep">\s*<arg type="b" name="start"\/>/);

  t.same(await logind.suspend(), ['satchel'], 'held when the sleep is announced');
  await refused(inhibit('sleep', 'delay'), OPERATION_IN_PROGRESS, /already running/);
  t.equal(await requestDelayLock(caller).then(() => 'granted', () => 'refused'), 'refused', 'the watch\'s own request too');
  releaseDelayLock(fd);
  const slept = await logind.waitForSleep();
  t.notOk(slept.timedOut, 'closing the descriptor ends the lock');
  t.same(await logind.inhibitors(), []);
  await logind.resume();
  const again = await requestDelayLock(caller);
  t.equal((await logind.inhibitors()).length, 1, 'a lock may be taken again after PrepareForSleep(false)');
  releaseDelayLock(again);
  await waitFor(async () => (await logind.inhibitors()).length === 0, 'the lock to go', 5_000);
});

t.test('a lock nobody releases holds sleep back until logind\'s delay runs out', async (t) => {
  const lbus = await startLogindBus(t);
  const logind = await LogindStandin.start(t, lbus.address, { runtimeDir: lbus.runtimeDir, delayMaxUSec: 300_000 });
  const fd = await requestDelayLock(new DbusCaller(await lbus.connect(), systemClock));
  t.teardown(() => releaseDelayLock(fd));
  await logind.suspend();
  const slept = await logind.waitForSleep();
  t.ok(slept.timedOut && slept.waitedMs >= 300, `timed out after ${slept.waitedMs.toFixed(0)} ms`);
});
