/**
 * When satcheld is not there: every command that needs it exits 3 with a
 * sentence naming the buses tried; 'auto' finds a daemon through a private
 * bus's address file and never starts a bus itself; doctor and export still
 * work (exit 1), reading the stopped daemon's store.
 */
import t from 'tap';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivateBus } from '../../daemon/service/private-bus.js';
import { cliEnv, json, NO_SYSTEM_BUS, on, satchel } from './fixtures/cli.js';
import { TestDaemon } from './fixtures/daemon.js';

const SOME_USER = '0123456789abcdef';
const SOME_MESSAGE = '0123456789abcdef0123456789abcdef';
/** Every command that cannot work without the daemon. */
const NEEDS_DAEMON: string[][] = [
  ['status'], ['neighbours'], ['outbox'], ['inbox'], ['send', SOME_USER, 'hi'], ['contacts'], ['contacts', 'add', SOME_USER],
  ['trace', SOME_MESSAGE], ['config'], ['purge', SOME_MESSAGE],
];

t.test('no daemon on an explicit address: exit 3 for every command', async (t) => {
  const cli = on('unix:path=/nonexistent/satchel-test.sock');
  for (const args of NEEDS_DAEMON) {
    const r = await cli([...args, '--json']);
    t.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
    t.match(json(r), { error: { exit_code: 3, kind: 'unreachable', message: /cannot connect \(connect ENOENT/, hint: /systemctl start satcheld/ } });
  }
});

t.test('a bus without satcheld on it: exit 3, "nobody owns"', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'satchel-nodaemon-'));
  const bus = await startPrivateBus(join(dir, 'bus'));
  t.teardown(async () => { await bus.stop(); await rm(dir, { recursive: true, force: true }); });
  const r = await on(bus.address)(['status']);
  t.equal(r.code, 3);
  t.match(r.stderr, /satcheld is not on it \(nobody owns org\.satchel\.Satchel1\)/);
  t.equal(r.stdout, '');
});

t.test('--bus session without a session bus, and a malformed address', async (t) => {
  const session = await satchel(['--bus', 'session', 'status']);
  t.equal(session.code, 3);
  t.match(session.stderr, /DBUS_SESSION_BUS_ADDRESS is not set/);
  const bad = await satchel(['--bus', 'nonsense', 'status']);
  t.equal(bad.code, 2, bad.stderr);
  t.match(bad.stderr, /is not a D-Bus address/);
  const doctor = await satchel(['--bus', 'nonsense', 'doctor']);
  t.equal(doctor.code, 2, 'doctor too: a bad --bus is bad usage, not a finding');
});

t.test("'auto': system bus, else session bus, else the address a private bus left in the state dir", async (t) => {
  const d = await TestDaemon.start(t);
  const home = await mkdtemp(join(tmpdir(), 'satchel-xdg-'));
  t.teardown(() => rm(home, { recursive: true, force: true }));
  const env = cliEnv({ XDG_STATE_HOME: home });

  const none = await satchel(['status', '--json'], { env });
  t.equal(none.code, 3);
  const msg = (json(none) as { error: { message: string } }).error.message;
  t.match(msg, `system bus ${NO_SYSTEM_BUS}: cannot connect`);
  t.match(msg, 'session bus: DBUS_SESSION_BUS_ADDRESS is not set');
  t.match(msg, `private bus: no ${join(home, 'satchel', 'bus.address')}`);
  t.ok(msg.indexOf('system bus') < msg.indexOf('session bus') && msg.indexOf('session bus') < msg.indexOf('private bus'), 'in the order tried');
  t.same(await readdir(home), [], 'satchel started no bus of its own and wrote nothing');

  await mkdir(join(home, 'satchel'));
  await writeFile(join(home, 'satchel', 'bus.address'), `${d.address}\n`);
  const found = await satchel(['status', '--json'], { env });
  t.equal(found.code, 1, 'found it (degraded: its beacon is off)');
  t.match(json(found), { bus: { kind: 'private', address: d.address }, health: 'degraded', sources: { beacon: 'disabled' } });

  const viaSession = await satchel(['status', '--json'], { env: cliEnv({ XDG_STATE_HOME: home, DBUS_SESSION_BUS_ADDRESS: d.address }) });
  t.match(json(viaSession), { bus: { kind: 'session', address: d.address } }, 'the session bus comes before the address file');
});

t.test('doctor and export with the daemon stopped: the store is read without it', async (t) => {
  const d = await TestDaemon.start(t);
  t.equal(await d.stop(), 0, 'satcheld stopped cleanly');
  const cli = on('unix:path=/nonexistent/satchel-test.sock');
  const env = cliEnv({ XDG_STATE_HOME: d.dir });

  const doc = await cli(['doctor', '--json'], { env });
  t.equal(doc.code, 1, 'doctor found a problem');
  const v = json<{ healthy: boolean; checks: { name: string; status: string; summary: string; advice: string }[] }>(doc);
  t.equal(v.healthy, false);
  const by = Object.fromEntries(v.checks.map((c) => [c.name, c]));
  t.match(by['bus'], { status: 'fail', advice: /systemctl start satcheld.*satchel inspect/ });
  t.match(by['store'], { status: 'ok', summary: `${d.stateDir} reads fine without the daemon (0 messages, 0 waiting)` });
  t.match(by['clock'], { status: 'ok' });
  for (const name of ['daemon', 'discovery', 'config', 'outbox']) t.equal(by[name]?.status, 'skip', `${name} skipped`);
  const human = await cli(['doctor'], { env });
  t.match(human.stdout, /^FAIL +bus +satcheld is not running/m);
  t.match(human.stdout, /^what to do:\n  bus: start it/m);
  const missingStore = await cli(['doctor', '--store', join(d.dir, 'nothing-here'), '--json'], { env });
  t.match(json(missingStore), { checks: [{}, {}, { name: 'store', status: 'warn', summary: /^no store in / }] });

  const file = join(d.dir, 'partial.json');
  const ex = await cli(['export', file, '--json'], { env });
  t.equal(ex.code, 1, 'the bundle is written but partial');
  t.match(json(ex), { path: file, complete: false, missing: [{ section: 'status', exit_code: 3 }] });
  const bundle = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  t.match(bundle, { bus: null, status: null, neighbours: null, outbox: null, counters: null, config: null, doctor: { healthy: false } });
  t.match(bundle['store'], { store: { path: d.stateDir, opened: 'copy', in_use_by: [] }, identity: { id: /^[0-9a-f]{16}$/ }, counts: { messages: 0 } });
  const shown = await satchel(['import', file]);
  t.equal(shown.code, 0);
  t.match(shown.stdout, /^missing status, neighbours, outbox, counters, config: satcheld is not running/m);
  t.match(shown.stdout, /== store ==\nstore: +/);
  t.notOk(existsSync(join(d.stateDir, 'bus.address')), 'nothing was written into the store directory');
});
