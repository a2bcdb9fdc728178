/**
 * The Admin commands under the real system-bus policy
 * (systemd/org.satchel.Satchel1.conf) on a private system-style bus, with
 * real Unix users as in test/policy: satcheld runs as `satchel`; `pupil` is
 * refused by the bus (exit 5, a clear sentence), `teacher` (satchel-admin)
 * and root are let through. Needs root, setpriv, useradd and dbus-daemon.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { becomeArgs, SatcheldAs } from '../policy/fixtures/as-user.js';
import { POLICY_PATH } from '../policy/fixtures/contract.js';
import { SETPRIV, startSystemBus } from '../policy/fixtures/system-bus.js';
import { ensureAccounts, type UnixUser } from '../policy/fixtures/users.js';
import { cliEnv, json, satchel, SATCHELD, type CliRun } from './fixtures/cli.js';

const ACCESS_DENIED = 'org.freedesktop.DBus.Error.AccessDenied';
const UNKNOWN_MESSAGE = '0123456789abcdef0123456789abcdef';

function unavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (creates Unix users, runs processes as them)';
  for (const [cmd, args] of [[SETPRIV, ['--version']], ['dbus-daemon', ['--version']], ['useradd', ['--help']]] as const) {
    try {
      execFileSync(cmd, [...args], { stdio: 'ignore' });
    } catch {
      return `${cmd} is missing or unusable`;
    }
  }
  return existsSync(SATCHELD) ? undefined : `${SATCHELD} is missing: run npm run build first`;
}

const why = unavailable();
if (why) t.plan(0, why);
else await main();

async function main(): Promise<void> {
  const { satchel: daemonUser, pupil, teacher } = ensureAccounts(t);
  const dir = await mkdtemp('/tmp/satchel-cli-policy-');
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 0o755);
  const bus = await startSystemBus(dir, POLICY_PATH);
  t.teardown(() => bus.stop());
  const stateDir = join(dir, 'state');
  await mkdir(stateDir, { mode: 0o700 });
  await chown(stateDir, daemonUser.uid, daemonUser.gid);
  const daemon = await SatcheldAs.start(daemonUser, bus.address, stateDir);
  t.teardown(async () => {
    await daemon.stop();
    if (!t.passing()) t.comment(`satcheld log:\n${daemon.logs.join('\n')}\ndbus-daemon:\n${bus.stderr()}`);
  });
  // The system bus is found the way it is on a laptop: DBUS_SYSTEM_BUS_ADDRESS, --bus system.
  const env = cliEnv({ DBUS_SYSTEM_BUS_ADDRESS: bus.address });
  const as = (who: UnixUser | undefined, args: string[]): Promise<CliRun> =>
    satchel(['--bus', 'system', ...args], { env, cwd: dir, ...(who ? { wrap: [SETPRIV, ...becomeArgs(who)] } : {}) });

  await t.test('pupil: messaging commands work, Admin commands exit 5 with a clear message', async (t) => {
    const status = await as(pupil, ['status', '--json']);
    t.ok(status.code === 0 || status.code === 1, `status works for pupil: ${status.stderr}`);
    t.match(json(status), { bus: { kind: 'system', address: bus.address } });
    for (const args of [['config'], ['purge', UNKNOWN_MESSAGE]]) {
      const r = await as(pupil, args);
      t.equal(r.code, 5, `${args[0]} is refused: ${r.stderr}`);
      t.match(r.stderr, /^satchel: permission denied: this needs root or membership of the satchel-admin group/);
      t.match(r.stderr, /run it with sudo, or ask for the satchel-admin group/);
      t.equal(r.stdout, '');
      const j = await as(pupil, [...args, '--json']);
      t.match(json(j), { error: { exit_code: 5, kind: 'denied', dbus_error: ACCESS_DENIED } });
    }
  });

  await t.test('pupil: doctor skips the configuration, export notes it is missing', async (t) => {
    const doc = json<{ checks: { name: string; status: string; advice: string }[] }>(await as(pupil, ['doctor', '--json']));
    t.match(doc.checks.find((c) => c.name === 'config'), { status: 'skip', advice: /root or as a member of satchel-admin/ });
    const out = join(dir, 'out');
    await mkdir(out, { mode: 0o777 });
    await chmod(out, 0o777);
    const r = await as(pupil, ['export', join(out, 'pupil.json'), '--json']);
    t.equal(r.code, 0, r.stderr);
    t.match(json(r), { complete: false, missing: [{ section: 'config', exit_code: 5, reason: /satchel-admin/ }] });
    const bundle = JSON.parse(await readFile(join(out, 'pupil.json'), 'utf8')) as Record<string, unknown>;
    t.equal(bundle['config'], null);
    t.match(bundle['status'], { identity: { id: /^[0-9a-f]{16}$/ } });
  });

  await t.test('teacher (satchel-admin) and root may use the Admin commands', async (t) => {
    for (const who of [teacher, undefined]) {
      const name = who?.name ?? 'root';
      const config = await as(who, ['config', '--json']);
      t.equal(config.code, 0, `${name}: config: ${config.stderr}`);
      t.match(json(config), { config_path: '', config: { 'store.dir': stateDir } });
      const purge = await as(who, ['purge', UNKNOWN_MESSAGE]);
      t.equal(purge.code, 4, `${name}: purge reaches satcheld, which knows no such message: ${purge.stderr}`);
    }
  });
}
