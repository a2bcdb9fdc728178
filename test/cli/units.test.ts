/**
 * The CLI's pure parts: readable numbers, aligned columns, the exit-code
 * mapping of D-Bus error names, argument parsing, progress only on a TTY,
 * bus candidates for 'auto', and finding a store's holders in /proc/locks.
 */
import t from 'tap';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ago, duration, size, usage } from '../../daemon/cli/format.js';
import { table } from '../../daemon/cli/table.js';
import { EXIT, exitForDbusError } from '../../daemon/cli/exit-codes.js';
import { CliError, toCliError } from '../../daemon/cli/cli-error.js';
import { DBusError } from '../../daemon/service/dbus.js';
import { SatchelError } from '../../daemon/errors/satchel-error.js';
import { parseCommandArgs, parseGlobal } from '../../daemon/cli/args.js';
import { findCommand } from '../../daemon/cli/commands/index.js';
import { createProgress } from '../../daemon/cli/progress.js';
import { busCandidates } from '../../daemon/cli/bus-candidates.js';
import { storeHolders } from '../../daemon/cli/store-holders.js';
import { statusWarnings } from '../../daemon/cli/health.js';
import { configView, explainDenied, REDACTED } from '../../daemon/cli/commands/admin.js';
import { defaultBundleName } from '../../daemon/cli/commands/export.js';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

t.test('times and sizes read like a person would say them', async (t) => {
  t.equal(ago(NOW - 2_000, NOW), 'just now');
  t.equal(ago(NOW - 42_000, NOW), '42 s ago');
  t.equal(ago(NOW - 3 * 60_000 - 10_000, NOW), '3 min ago');
  t.equal(ago(NOW - (2 * 3600 + 5 * 60) * 1000, NOW), '2 h 5 min ago');
  t.equal(ago(NOW - 3 * 86_400_000, NOW), '3 d ago');
  t.equal(ago(NOW + 10 * 60_000, NOW), 'in 10 min (clock ahead?)');
  t.equal(ago(0, NOW), 'never');
  t.equal(duration(59_999), '59 s');
  t.equal(duration(61_000), '1 min 1 s');
  t.equal(size(0), '0 B');
  t.equal(size(512), '512 B');
  t.equal(size(1.2 * 1024 * 1024), '1.2 MiB');
  t.equal(size(16 * 1024 * 1024), '16 MiB');
  t.equal(usage(1.2 * 1024 * 1024, 16 * 1024 * 1024), '1.2 MiB of 16 MiB (7%)');
});

t.test('columns line up, numbers align right, and names cannot forge lines', async (t) => {
  const out = table([{ a: 'x', n: 5 }, { a: 'longer\nname', n: 12345 }], [
    { header: 'NAME', value: (r) => r.a },
    { header: 'N', value: (r) => String(r.n), align: 'right' },
  ]);
  t.equal(out, 'NAME             N\nx                5\nlonger?name  12345');
});

t.test('D-Bus error names map to the documented exit codes', async (t) => {
  const cases: [string, number][] = [
    ['org.freedesktop.DBus.Error.ServiceUnknown', EXIT.UNREACHABLE],
    ['org.freedesktop.DBus.Error.NoReply', EXIT.UNREACHABLE],
    ['org.freedesktop.DBus.Error.NameHasNoOwner', EXIT.UNREACHABLE],
    ['org.freedesktop.DBus.Error.AccessDenied', EXIT.DENIED],
    ['org.freedesktop.DBus.Error.InvalidArgs', EXIT.USAGE],
    ['org.freedesktop.DBus.Error.UnknownMethod', EXIT.DAEMON_ERROR],
    ['org.satchel.Satchel1.Error.InvalidArgument', EXIT.USAGE],
    ['org.satchel.Satchel1.Error.EmptyBody', EXIT.USAGE],
    ['org.satchel.Satchel1.Error.BodyTooLarge', EXIT.USAGE],
    ['org.satchel.Satchel1.Error.NotFound', EXIT.NOT_FOUND],
    ['org.satchel.Satchel1.Error.UnknownContact', EXIT.NOT_FOUND],
    ['org.satchel.Satchel1.Error.StoreFull', EXIT.DAEMON_ERROR],
    ['org.satchel.Satchel1.Error.Internal', EXIT.DAEMON_ERROR],
    ['org.satchel.Satchel1.Error.SomethingNew', EXIT.DAEMON_ERROR],
    ['com.example.Other', EXIT.DAEMON_ERROR],
  ];
  for (const [name, code] of cases) t.equal(exitForDbusError(name), code, name);
  t.same(Object.values(EXIT), [0, 1, 2, 3, 4, 5, 6], 'the codes are the documented ones, in order');
});

t.test('errors become CliErrors with their exit code, name and hint', async (t) => {
  const denied = toCliError(new DBusError('org.freedesktop.DBus.Error.AccessDenied', 'Rejected send message'));
  t.match(denied, { exitCode: EXIT.DENIED, dbusName: 'org.freedesktop.DBus.Error.AccessDenied', kind: 'denied' });
  const admin = explainDenied(new DBusError('org.freedesktop.DBus.Error.AccessDenied', 'Rejected send message'));
  t.match(admin.message, /satchel-admin/);
  t.equal(admin.exitCode, EXIT.DENIED);
  t.equal(explainDenied(new DBusError('org.satchel.Satchel1.Error.NotFound', 'x')).exitCode, EXIT.NOT_FOUND, 'others pass unchanged');
  t.equal(toCliError(SatchelError.invalidArgument('bad')).exitCode, EXIT.USAGE);
  t.equal(toCliError(Object.assign(new Error('gone'), { code: 'ENOENT' })).exitCode, EXIT.NOT_FOUND);
  t.equal(toCliError(Object.assign(new Error('no'), { code: 'EACCES' })).exitCode, EXIT.DENIED);
  t.equal(toCliError(new TypeError('bug')).exitCode, EXIT.DAEMON_ERROR);
  t.equal(toCliError(CliError.usage('x')).exitCode, EXIT.USAGE);
});

t.test('global options go anywhere before --; command options after the command', async (t) => {
  t.match(parseGlobal(['status', '--json', '--bus', 'session']), { command: 'status', json: true, bus: 'session', rest: [] });
  t.match(parseGlobal(['--bus=unix:path=/x', 'inbox', '--limit', '5']), { bus: 'unix:path=/x', command: 'inbox', rest: ['--limit', '5'] });
  t.match(parseGlobal(['send', 'abc', '--', '--json']), { json: false, rest: ['abc', '--', '--json'] });
  t.throws(() => parseGlobal(['--limit', '5', 'inbox']), { name: 'CliError', exitCode: EXIT.USAGE });
  t.throws(() => parseGlobal(['--bus']), { name: 'CliError', exitCode: EXIT.USAGE });
  const inbox = findCommand('inbox');
  if (!inbox) throw new Error('no inbox command');
  t.match(parseCommandArgs(inbox, ['--limit', '5', '--show-text']), { values: { limit: '5', 'show-text': true } });
  t.throws(() => parseCommandArgs(inbox, ['--frob']), { name: 'CliError', exitCode: EXIT.USAGE });
  t.throws(() => parseCommandArgs(inbox, ['extra']), { name: 'CliError', exitCode: EXIT.USAGE });
});

t.test('progress appears only on a terminal and never with --json', async (t) => {
  const written: string[] = [];
  const stream = (isTTY: boolean) => ({ isTTY, write: (s: string) => { written.push(s); return true; } });
  createProgress(stream(false), false).step('hidden');
  createProgress(stream(true), true).step('hidden too');
  t.same(written, []);
  const p = createProgress(stream(true), false);
  p.step('copying');
  p.done();
  t.match(written.join(''), /copying/);
  t.match(written.at(-1), /\r\x1b\[K$/, 'the line is cleared when done');
});

t.test("'auto' tries system, session, then a private bus's address file, and never starts one", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'satchel-cand-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const none = busCandidates('auto', { DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/s', XDG_STATE_HOME: dir });
  t.same(none.list, [{ kind: 'system', address: 'unix:path=/s' }]);
  t.same(none.skipped.map((s) => s.kind), ['session', 'private']);
  await rm(join(dir, 'satchel'), { recursive: true, force: true });
  await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'satchel')));
  await writeFile(join(dir, 'satchel', 'bus.address'), 'unix:path=/p\n');
  const all = busCandidates('auto', { DBUS_SYSTEM_BUS_ADDRESS: 'unix:path=/s', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/e', XDG_STATE_HOME: dir });
  t.same(all.list.map((c) => [c.kind, c.address]), [['system', 'unix:path=/s'], ['session', 'unix:path=/e'], ['private', 'unix:path=/p']]);
  t.same(busCandidates('unix:path=/x', {}).list, [{ kind: 'address', address: 'unix:path=/x' }]);
  t.same(busCandidates('session', {}).list, [], 'session with no session bus: nothing to try');
});

t.test('store holders are read from /proc/locks by device and inode', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'satchel-locks-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'lock.mdb'), '');
  const st = statSync(join(dir, 'lock.mdb'));
  const major = (st.dev >>> 8) & 0xfff;
  const minor = (st.dev & 0xff) | ((st.dev >>> 12) & 0xfff00);
  const dev = `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}`;
  const locks = join(dir, 'locks');
  await writeFile(locks, [
    `1: POSIX  ADVISORY  READ 4242 ${dev}:${st.ino} 0 0`,
    `2: POSIX  ADVISORY  WRITE 4242 ${dev}:${st.ino} 4242 4242`,
    `3: POSIX  ADVISORY  WRITE 77 ${dev}:${st.ino + 1} 0 EOF`,
    `4: -> POSIX  ADVISORY  WRITE 99 ${dev}:${st.ino} 0 EOF`,
    `5: OFDLCK ADVISORY  READ -1 ${dev}:${st.ino} 0 EOF`,
  ].join('\n'));
  t.same(storeHolders(dir, locks), [99, 4242]);
  t.same(storeHolders(join(dir, 'nope'), locks), [], 'no lock file: nobody');
});

t.test('health: sources, outbox use and the clock', async (t) => {
  const base = { started_ms: NOW - 60_000, uptime_ms: 60_000, sources: { beacon: 'up' }, store: { outbox_bytes: 0, outbox_quota_bytes: 100 } };
  t.same(statusWarnings(base, NOW), []);
  t.match(statusWarnings({ ...base, sources: { beacon: 'down' } }, NOW), [/beacon is down/, /no discovery source is up/]);
  t.match(statusWarnings({ ...base, sources: { beacon: 'disabled' } }, NOW), [/no discovery source is up/]);
  t.match(statusWarnings({ ...base, store: { outbox_bytes: 95, outbox_quota_bytes: 100 } }, NOW), [/95% full/]);
  t.match(statusWarnings({ ...base, started_ms: NOW - 3_600_000 }, NOW), [/moved forward by 59 min/]);
  t.match(statusWarnings({ ...base, started_ms: Date.UTC(2000, 0, 1), uptime_ms: 0 }, Date.UTC(2000, 0, 1)), [/clock says 2000/]);
});

t.test('configuration values that look secret are never shown', async (t) => {
  const v = configView({ config_path: '/etc/satchel/satcheld.conf', 'log.level': 'info', 'relay.password': 'hunter2' });
  t.same(v, { config_path: '/etc/satchel/satcheld.conf', config: { 'log.level': 'info', 'relay.password': REDACTED } });
});

t.test('bundle file names carry host and UTC time', async (t) => {
  t.equal(defaultBundleName(NOW, 'lap 7/b'), 'satchel-diagnostics-lap_7_b-20261121-120000.json');
});
