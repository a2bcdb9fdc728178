/** connectBus: which bus, and what happens when it goes away. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { connectBus } from '../../daemon/service/bus.js';
import { startPrivateBus } from '../../daemon/service/private-bus.js';
import { silentLogger } from '../../daemon/util/log.js';
import { busctl } from './fixtures/clients.js';
import { alive, captureLogger, tempDir } from './fixtures/harness.js';

async function busPid(address: string): Promise<number> {
  const r = await busctl(address, 'call', 'org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
    'GetConnectionUnixProcessID', 's', 'org.freedesktop.DBus');
  return Number(/^u (\d+)$/.exec(r.stdout.trim())?.[1]);
}

t.test("'auto' with no system or session bus starts a private one and stops it", async (t) => {
  const dir = await tempDir(t);
  const env = { DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${dir}/no-such-socket` };
  const conn = await connectBus('auto', { logger: silentLogger, stateDir: dir, env });
  t.teardown(() => conn.close());
  t.equal(conn.kind, 'private');
  t.match(conn.address, new RegExp(`^unix:path=${dir}/bus\\.sock`));
  t.equal(readFileSync(join(dir, 'bus.address'), 'utf8').trim(), conn.address, 'address left for tools');
  const names = await busctl(conn.address, 'list', '--unique', '--no-legend');
  t.match(names.stdout, conn.bus.name!, 'busctl reaches the private bus and sees us on it');
  const pid = await busPid(conn.address);
  t.ok(pid > 0 && alive(pid), `dbus-daemon ${pid} runs`);
  await conn.close();
  await conn.close();
  t.notOk(alive(pid), 'close() stopped dbus-daemon');
  t.notOk(existsSync(join(dir, 'bus.sock')), 'and removed its socket');
});

t.test("'auto' prefers the system bus, then the session bus", async (t) => {
  const dir = await tempDir(t);
  const a = await startPrivateBus(join(dir, 'a'));
  t.teardown(() => a.stop());
  const nowhere = `unix:path=${dir}/nowhere`;
  const sys = await connectBus('auto', { logger: silentLogger, stateDir: dir, env: { DBUS_SYSTEM_BUS_ADDRESS: a.address } });
  t.equal(sys.kind, 'system');
  await sys.close();
  t.ok(alive(a.pid), 'closing a bus we did not start leaves it running');
  const env = { DBUS_SYSTEM_BUS_ADDRESS: nowhere, DBUS_SESSION_BUS_ADDRESS: a.address };
  const ses = await connectBus('auto', { logger: silentLogger, stateDir: dir, env });
  t.equal(ses.kind, 'session');
  t.equal(ses.address, a.address);
  await ses.close();
  t.notOk(existsSync(join(dir, 'bus.sock')), 'no private bus was started');
});

t.test('explicit buses fail clearly when unreachable', async (t) => {
  const dir = await tempDir(t);
  const opts = { logger: silentLogger, stateDir: dir };
  await t.rejects(connectBus('system', { ...opts, env: { DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${dir}/x` } }), {
    code: 'CONFIG', message: /cannot connect to unix:path=.*\/x/,
  });
  await t.rejects(connectBus('session', { ...opts, env: {} }), { code: 'CONFIG', message: /DBUS_SESSION_BUS_ADDRESS/ });
  await t.rejects(connectBus('not an address', opts), { code: 'CONFIG' });
  await t.rejects(connectBus('unix:path=/x%zz', opts), { code: 'CONFIG', message: /%-escape/ });
});

t.test('losing the bus is reported once and does not crash the daemon', async (t) => {
  const dir = await tempDir(t);
  const priv = await startPrivateBus(dir);
  t.teardown(() => priv.stop());
  const lost: Error[] = [];
  const { logger, logs } = captureLogger();
  const conn = await connectBus(priv.address, { logger, stateDir: dir, onLost: (e) => lost.push(e) });
  t.equal(conn.kind, 'address');
  await priv.stop();
  await new Promise((r) => setTimeout(r, 200));
  t.equal(lost.length, 1);
  t.ok(logs.some((l) => l.startsWith('error satcheld.bus: lost the bus')));
  await conn.close();
  t.equal(lost.length, 1, 'close() after a loss reports nothing more');
});

t.test('closing on purpose is not a loss', async (t) => {
  const dir = await tempDir(t);
  const lost: Error[] = [];
  const conn = await connectBus('auto', { logger: silentLogger, stateDir: dir, env: { DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${dir}/x` }, onLost: (e) => lost.push(e) });
  await conn.close();
  await new Promise((r) => setTimeout(r, 100));
  t.same(lost, []);
});
