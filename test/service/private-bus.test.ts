/** startPrivateBus: the per-test dbus-daemon other tests build on. */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { connectBus } from '../../daemon/service/bus.js';
import { startPrivateBus } from '../../daemon/service/private-bus.js';
import { silentLogger } from '../../daemon/util/log.js';
import { busctl } from './fixtures/clients.js';
import { alive, tempDir } from './fixtures/harness.js';

async function waitGone(pid: number, ms = 3_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    if (!alive(pid)) return true;
  }
  return false;
}

t.test('starts a reachable bus on a socket file and stops it', async (t) => {
  const dir = await tempDir(t);
  const bus = await startPrivateBus(dir);
  t.teardown(() => bus.stop());
  t.match(bus.address, new RegExp(`^unix:path=${dir}/bus\\.sock,guid=[0-9a-f]{32}$`), 'a path socket, not abstract');
  t.ok(alive(bus.pid));
  t.match(readFileSync(join(dir, 'bus.conf'), 'utf8'), `<listen>unix:path=${dir}/bus.sock</listen>`);
  const ping = await busctl(bus.address, 'call', 'org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.Peer', 'Ping');
  t.equal(ping.code, 0, ping.stderr);
  await Promise.all([bus.stop(), bus.stop()]);
  t.notOk(alive(bus.pid), 'the pid is gone once stop() resolves');
  for (const f of ['bus.sock', 'bus.conf', 'bus.address']) t.notOk(existsSync(join(dir, f)), `${f} removed`);
});

t.test('buses in different directories are independent', async (t) => {
  const dir = await tempDir(t);
  const [a, b] = await Promise.all([startPrivateBus(join(dir, 'a')), startPrivateBus(join(dir, 'b'))]);
  t.teardown(() => Promise.all([a.stop(), b.stop()]));
  t.not(a.address, b.address);
  await a.stop();
  const r = await busctl(b.address, 'list', '--no-legend');
  t.equal(r.code, 0, 'b survives a stopping');
});

t.test('a socket left by a killed bus is replaced; a live one is refused', async (t) => {
  const dir = await tempDir(t);
  const first = await startPrivateBus(dir);
  process.kill(first.pid, 'SIGKILL');
  t.ok(await waitGone(first.pid));
  t.ok(existsSync(join(dir, 'bus.sock')), 'stale socket left behind');
  const second = await startPrivateBus(dir);
  t.teardown(() => second.stop());
  t.equal((await busctl(second.address, 'list')).code, 0);
  await t.rejects(startPrivateBus(dir), { code: 'CONFIG', message: /already served by another bus/ });
  t.ok(alive(second.pid), 'the live bus was left alone');
  await first.stop();
});

t.test('paths needing escapes work for dbus-next and for busctl', async (t) => {
  const dir = await tempDir(t, 'satchel svc,=é-');
  const bus = await startPrivateBus(dir);
  t.teardown(() => bus.stop());
  t.match(bus.address, /satchel%20svc%2c%3d%c3%a9-/);
  t.equal((await busctl(bus.address, 'list')).code, 0);
  // dbus-next cannot carry ',' or '=' in a value even unescaped; we say so.
  await t.rejects(connectBus(bus.address, { logger: silentLogger, stateDir: dir }), { code: 'CONFIG', message: /dbus-next cannot use/ });
  const plain = await tempDir(t, 'satchel svc é-');
  const bus2 = await startPrivateBus(plain);
  t.teardown(() => bus2.stop());
  const conn = await connectBus(bus2.address, { logger: silentLogger, stateDir: plain });
  t.ok(conn.bus.name, 'dbus-next connected through the decoded address');
  await conn.close();
});

t.test('clear failures: long path, missing dbus-daemon', async (t) => {
  const dir = await tempDir(t);
  await t.rejects(startPrivateBus(join(dir, 'x'.repeat(120))), { code: 'CONFIG', message: /longer than 107 bytes/ });
  const path = process.env['PATH'];
  process.env['PATH'] = '/nonexistent';
  t.teardown(() => void (process.env['PATH'] = path));
  await t.rejects(startPrivateBus(join(dir, 'nobin')), { code: 'CONFIG', message: /dbus-daemon/ });
  t.notOk(existsSync(join(dir, 'nobin', 'bus.conf')), 'no config left behind');
});

t.test('the bus dies with the process that started it, even on SIGKILL', async (t) => {
  const dir = await tempDir(t);
  const script = fileURLToPath(new URL('./fixtures/hold-private-bus.ts', import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.teardown(() => void child.kill('SIGKILL'));
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const pid = Number(line);
  t.ok(alive(pid), `bus ${pid} running`);
  child.kill('SIGKILL');
  t.ok(await waitGone(pid), 'parent-death signal took the bus along');
});
