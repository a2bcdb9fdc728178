/**
 * The system-style bus of the policy tests is only as good as its likeness to
 * a laptop's: its default policy must be the machine's system.conf policy. And
 * a policy file dbus-daemon cannot use must stop the tests with dbus-daemon's
 * own words, not pass them because the broken file was quietly skipped (as
 * <includedir> on a real system bus would skip it).
 */
import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY_PATH } from './fixtures/contract.js';
import { DBUS_DAEMON, DEBIAN_SYSTEM_POLICY, MACHINE_SYSTEM_CONF, policyElements, startSystemBus, systemBusConfig } from './fixtures/system-bus.js';

const policy = readFileSync(POLICY_PATH, 'utf8');

function haveDbusDaemon(): boolean {
  try {
    execFileSync(DBUS_DAEMON, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function tempDir(t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'satchel-buscfg-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await chmod(dir, 0o755);
  return dir;
}

/** Starts a bus with policyText as our policy file; returns the error message, or '' if it started. */
async function startWith(t: Test, policyText: string): Promise<string> {
  const dir = await tempDir(t);
  const file = join(dir, 'org.satchel.Satchel1.conf');
  await writeFile(file, policyText);
  try {
    const bus = await startSystemBus(dir, file);
    await bus.stop();
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

const noSystemConf = existsSync(MACHINE_SYSTEM_CONF) ? false : `${MACHINE_SYSTEM_CONF} is missing: no system bus to compare with`;

t.test('the test bus has the default policy of this machine\'s system bus', { skip: noSystemConf }, async (t) => {
  t.same(policyElements(DEBIAN_SYSTEM_POLICY), policyElements(readFileSync(MACHINE_SYSTEM_CONF, 'utf8')),
    'fixtures/system-bus.ts DEBIAN_SYSTEM_POLICY matches the machine; update it if dbus changed its defaults');
  const config = systemBusConfig('/tmp/x/system_bus_socket', POLICY_PATH);
  t.match(config, /<type>system<\/type>/);
  t.match(config, /<auth>EXTERNAL<\/auth>/);
  t.notMatch(config, /<auth>(?!EXTERNAL)/, 'no other auth mechanism');
  t.ok(config.indexOf('<include>') > config.lastIndexOf('</policy>'), 'our policy comes after the defaults, as system.d does');
});

t.test('a policy dbus-daemon cannot use stops the bus, and says why', { skip: haveDbusDaemon() ? false : `no ${DBUS_DAEMON}` }, async (t) => {
  const truncated = await startWith(t, policy.slice(0, policy.indexOf('</policy>')));
  t.match(truncated, /refused to start/, `truncated XML: ${truncated}`);
  t.match(truncated, /org\.satchel\.Satchel1\.conf, line \d+/, 'names the file and line');

  const badAttr = await startWith(t, policy.replace('<allow own=', '<allow owner='));
  t.match(badAttr, /refused to start/, `unknown attribute: ${badAttr}`);
  t.match(badAttr, /Attribute "owner" is invalid/);

  // dbus-daemon only warns about these and drops the <policy> block.
  const noUser = await startWith(t, policy.replace('user="satchel"', 'user="satchel-no-such-user"'));
  t.match(noUser, /ignored part of the policy/, `unknown user: ${noUser}`);
  t.match(noUser, /Unknown username "satchel-no-such-user"/);

  const noGroup = await startWith(t, policy.replace('</busconfig>', '<policy group="satchel-no-such-group"><deny own="*"/></policy></busconfig>'));
  t.match(noGroup, /ignored part of the policy/, `unknown group: ${noGroup}`);
  t.match(noGroup, /Unknown group "satchel-no-such-group"/);
});
