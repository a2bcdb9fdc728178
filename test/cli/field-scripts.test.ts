/**
 * scripts/field/: check-classroom.sh and collect-bundle.sh against running
 * daemons (healthy, degraded) and against none, run by dash with satchel on
 * PATH. (The backlog and neighbour lines are checked with two laptops in
 * two-laptops.test.ts.)
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { netnsUnavailable } from '../discovery/fixtures/netns.js';
import { TestDaemon } from './fixtures/daemon.js';
import { FIELD_DIR, fieldScript, satchelOnPath } from './fixtures/field.js';

const NOBODY = 'unix:path=/nonexistent/satchel-test.sock';
const why = netnsUnavailable();
if (why) t.plan(0, why);
else await main();

async function main(): Promise<void> {
  const bin = await satchelOnPath(t);
  const healthy = await TestDaemon.start(t, { beacon: true });
  const degraded = await TestDaemon.start(t);
  const work = await mkdtemp(join(tmpdir(), 'satchel-field-'));
  t.teardown(() => rm(work, { recursive: true, force: true }));

  await t.test('the scripts are executable POSIX sh', async (t) => {
    for (const f of ['check-classroom.sh', 'collect-bundle.sh']) {
      t.ok(((await stat(join(FIELD_DIR, f))).mode & 0o111) !== 0, `${f} is executable`);
      t.doesNotThrow(() => execFileSync('dash', ['-n', join(FIELD_DIR, f)]), `${f} parses with dash`);
      t.match(await readFile(join(FIELD_DIR, f), 'utf8'), /^#!\/bin\/sh\n/, `${f} asks for /bin/sh`);
    }
  });

  await t.test('check-classroom: healthy, degraded, not running', async (t) => {
    const ok = await fieldScript(bin, 'check-classroom.sh', ['-b', healthy.address]);
    t.equal(ok.code, 0, ok.stderr);
    t.equal(ok.stdout, 'laptops near: 0\noutbox: empty (0.0 MiB of 16.0 MiB)\nsatcheld: ok (version 0.1.0, discovery beacon up, wpa_supplicant not running, networkmanager not running, avahi not running)\n');
    const bad = await fieldScript(bin, 'check-classroom.sh', ['-b', degraded.address]);
    t.equal(bad.code, 1, bad.stderr);
    t.match(bad.stdout, /^satcheld: DEGRADED \(version 0\.1\.0, discovery beacon disabled, wpa_supplicant not running, networkmanager not running, avahi not running\)\nwarning: no discovery source is up/m);
    const none = await fieldScript(bin, 'check-classroom.sh', ['-b', NOBODY]);
    t.equal(none.code, 3);
    t.match(none.stdout, /^satcheld: NOT OK: satcheld is not running or not reachable/);
    const usage = await fieldScript(bin, 'check-classroom.sh', ['-x']);
    t.equal(usage.code, 2);
    t.match(usage.stderr, /usage: check-classroom\.sh/);
  });

  await t.test('collect-bundle: names the file and prints where; partial with no daemon', async (t) => {
    const file = join(work, 'ticket-42.json');
    const r = await fieldScript(bin, 'collect-bundle.sh', ['-b', healthy.address, '-o', file]);
    t.equal(r.code, 0, r.stderr);
    t.equal(r.stdout, `${file}\n`);
    t.match(JSON.parse(await readFile(file, 'utf8')), { format: 'satchel-diagnostics', status: { health: 'ok' }, missing: [] });

    const r2 = await fieldScript(bin, 'collect-bundle.sh', ['-b', healthy.address], { cwd: work });
    t.equal(r2.code, 0, r2.stderr);
    t.match(r2.stdout, new RegExp(`^${work}/satchel-diagnostics-[\\w.-]+-\\d{8}-\\d{6}\\.json\\n$`), 'a default name, in the current directory');
    t.ok((await readdir(work)).some((f) => f.startsWith('satchel-diagnostics-')));

    const partial = join(work, 'partial.json');
    const r3 = await fieldScript(bin, 'collect-bundle.sh', ['-b', NOBODY, '-o', partial], { env: { XDG_STATE_HOME: degraded.dir } });
    t.equal(r3.code, 1, 'written, but partial');
    t.equal(r3.stdout, `${partial}\n`);
    t.match(r3.stderr, /^collect-bundle: without status, neighbours, outbox, counters, config: satcheld is not running/m);
    t.match(JSON.parse(await readFile(partial, 'utf8')), { status: null, store: { store: { opened: 'shared' } } }, 'the store, read alongside its running daemon');

    const bad = await fieldScript(bin, 'collect-bundle.sh', ['-b', healthy.address, '-o', join(work, 'no', 'such', 'dir.json')]);
    t.equal(bad.code, 4, 'no such directory: not found');
    t.match(bad.stderr, /cannot write .*dir\.json: ENOENT/);
    t.match(bad.stderr, /collect-bundle: satchel export failed \(exit 4\): no bundle written/);
  });
}
