/**
 * The Debian package, built as a device image would get it and installed the
 * way Debian installs it:
 *
 * 1. scripts/deb/build-deb.sh builds dist/deb/satchel_<version>_<arch>.deb;
 * 2. dpkg-deb shows the control fields and the files in the places Debian
 *    expects them, with Debian's owners and modes, and nothing of the dev
 *    tree (dev dependencies, tests, TypeScript);
 * 3. lintian (default profile) reports no error and no warning: whatever it
 *    would say is overridden in the package, each override with a reason;
 * 4. in a throwaway Debian root made by debootstrap (minbase), apt installs
 *    the package with the dependencies it declares, the maintainer scripts
 *    create the user and enable the unit without systemd running, the root's
 *    own system bus (dbus-daemon --system, reading the installed policy) is
 *    started, and satcheld is run the way the unit runs it (user satchel,
 *    STATE_DIRECTORY, `/usr/bin/satcheld --bus system`, in a network
 *    namespace of its own): it gets ready and answers GetIdentity, root and
 *    other users reach what the policy opens to them, SIGTERM stops it with
 *    status 0, and a purge removes its state but not its user.
 *
 * The root is Debian trixie by default: the first Debian release whose own
 * nodejs (20.19) satisfies the package's `nodejs (>= 20~)` (bookworm has 18).
 * Needs root, network access to a Debian mirror, and the Debian packages
 * dpkg-dev, lintian, debootstrap, binutils, util-linux, iproute2 and systemd
 * (busctl). Environment: SATCHEL_DEB_TEST_SUITE (default trixie),
 * SATCHEL_DEB_TEST_MIRROR (default: debootstrap's), SATCHEL_DEB_TEST_CACHE
 * (downloaded .debs, default ~/.cache/satchel-deb-test).
 */
import t, { type Test } from 'tap';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, lstat, mkdir, mkdtemp, readFile, readdir, readlink, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_SCRIPT = join(REPO, 'scripts', 'deb', 'build-deb.sh');
const OVERRIDES = join(REPO, 'scripts', 'deb', 'debian', 'lintian-overrides');
const SUITE = process.env['SATCHEL_DEB_TEST_SUITE'] || 'trixie';
const MIRROR = process.env['SATCHEL_DEB_TEST_MIRROR'] || '';
const CACHE = process.env['SATCHEL_DEB_TEST_CACHE'] || join(homedir(), '.cache', 'satchel-deb-test');
const BUS_NAME = 'org.satchel.Satchel1';
const OBJECT_PATH = '/org/satchel/Satchel1';
const READY_RE = /^info satcheld: ready bus=/;
/** Where the unit is installed (bookworm's place; merged /usr makes it /usr/lib too). */
const UNIT = 'lib/systemd/system/satcheld.service';
const NOBODY = 65534;
const READY_WAIT_MS = 30_000;
const STOP_WAIT_MS = 15_000;
const BUS_WAIT_MS = 10_000;
/** Node's name for each Debian architecture the lmdb prebuilds exist for. */
const NODE_ARCH: Record<string, string> = { amd64: 'x64', arm64: 'arm64', armhf: 'arm' };

interface Out { stdout: string; stderr: string }

/** Runs a command to completion; a failure carries its stderr and stdout. */
function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Out> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 0 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr.slice(-4000)}\n${stdout.slice(-4000)}`));
        else resolve({ stdout, stderr });
      });
  });
}

/** Like run, but a failure is returned (exit code and output), not thrown. */
function attempt(cmd: string, args: string[]): Promise<Out & { code: number }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

function missingTools(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs root on Linux (chroot, mounts, dpkg in a throwaway root)';
  return undefined;
}

async function main(): Promise<void> {
  const debArch = (await run('dpkg', ['--print-architecture'])).stdout.trim();
  const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
  const hasConf = existsSync(join(REPO, 'systemd', 'satcheld.conf'));
  const hasCliMan = existsSync(join(REPO, 'docs', 'man', 'satchel.1'));

  let deb = '';
  await t.test('scripts/deb/build-deb.sh builds the package', async (t) => {
    const started = Date.now();
    const out = await run('bash', [BUILD_SCRIPT], { timeoutMs: 300_000 });
    deb = out.stdout.trim().split('\n').pop() ?? '';
    t.match(deb, new RegExp(`/dist/deb/satchel_${version.replace(/\./g, '\\.')}-\\d+_${debArch}\\.deb$`), 'named satchel_<version>-<rev>_<arch>.deb under dist/deb');
    t.ok(existsSync(deb), 'the .deb exists');
    t.comment(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
  if (!deb || !existsSync(deb)) return;
  // The build compiled dist/: the technician's CLI is packaged when it is there.
  const hasCli = existsSync(join(REPO, 'dist', 'daemon', 'bin', 'satchel.js'));

  await t.test('dpkg-deb: control fields', async (t) => {
    const field = async (name: string): Promise<string> => (await run('dpkg-deb', ['--field', deb, name])).stdout.trim();
    t.equal(await field('Package'), 'satchel', 'Package: satchel');
    t.match(await field('Version'), new RegExp(`^${version.replace(/\./g, '\\.')}-\\d+$`));
    t.equal(await field('Architecture'), debArch, 'the build architecture: lmdb is a native addon');
    const depends = await field('Depends');
    t.match(depends, /(^|, )nodejs \(>= 20~\)/, 'node 20 or later');
    t.match(depends, /default-dbus-system-bus \| dbus-system-bus/, 'a system bus');
    t.match(depends, /(^|, )adduser(,|$)/, 'postinst uses adduser');
    t.match(depends, /init-system-helpers/, 'postinst uses deb-systemd-helper');
    t.match(depends, /libc6 \(>= /, 'dpkg-shlibdeps ran on the native addons');
    // `ip neigh` turns a mesh peer's MAC into an address to dial (docs/discovery.md).
    t.equal(await field('Recommends'), 'iproute2', 'recommends iproute2');
    // Each is a discovery source or the data mule's way to join a network; satcheld runs without them.
    t.match(await field('Suggests'), /avahi-daemon, network-manager, wpasupplicant/, 'suggests the programs discovery and the data mule follow');
    t.match(await field('Installed-Size'), /^\d+$/, 'Installed-Size computed');
    const info = (await run('dpkg-deb', ['--info', deb])).stdout;
    for (const script of ['postinst', 'prerm', 'postrm']) t.match(info, new RegExp(`\\d+ lines\\s+\\*\\s+${script}\\s+#!/bin/sh`), `${script} is an executable sh script`);
    if (hasConf) t.match(info, /\bconffiles\b/, 'has a conffiles list');
  });

  await t.test('dpkg-deb: the files land where Debian expects them', async (t) => {
    const listing = (await run('dpkg-deb', ['--contents', deb])).stdout.trim().split('\n');
    const entries = new Map<string, { mode: string; owner: string }>();
    for (const line of listing) {
      const m = /^(\S+)\s+(\S+)\s+\d+\s+\S+\s+\S+\s+\.\/(.*?)(?: -> .*)?$/.exec(line);
      if (m) entries.set((m[3] ?? '').replace(/\/$/, ''), { mode: m[1] ?? '', owner: m[2] ?? '' });
    }
    t.ok(entries.size > 100, `${entries.size} entries`);
    t.same([...entries].filter(([, e]) => e.owner !== 'root/root').map(([p]) => p), [], 'everything belongs to root/root');

    const expect = (path: string, mode: string): void => {
      t.equal(entries.get(path)?.mode, mode, `${path} ${mode}`);
    };
    expect('usr/bin/satcheld', '-rwxr-xr-x');
    expect('usr/lib/satchel/dist/daemon/bin/satcheld.js', '-rwxr-xr-x');
    expect('usr/lib/satchel/dist/daemon/satcheld.js', '-rw-r--r--');
    expect('usr/lib/satchel/package.json', '-rw-r--r--');
    expect(UNIT, '-rw-r--r--');
    expect('usr/share/dbus-1/system.d/org.satchel.Satchel1.conf', '-rw-r--r--');
    expect('usr/share/dbus-1/system-services/org.satchel.Satchel1.service', '-rw-r--r--');
    expect('usr/share/man/man8/satcheld.8.gz', '-rw-r--r--');
    expect('usr/share/doc/satchel/copyright', '-rw-r--r--');
    expect('usr/share/doc/satchel/changelog.Debian.gz', '-rw-r--r--');
    expect('usr/share/lintian/overrides/satchel', '-rw-r--r--');
    if (hasConf) expect('etc/satchel/satcheld.conf', '-rw-r--r--');
    else t.notOk(entries.has('etc/satchel/satcheld.conf'), 'no configuration file without systemd/satcheld.conf');
    if (hasCli) {
      expect('usr/bin/satchel', '-rwxr-xr-x');
      expect('usr/lib/satchel/dist/daemon/bin/satchel.js', '-rwxr-xr-x');
    }
    if (hasCli) t.ok(hasCliMan, 'the packaged satchel has its manual page, docs/man/satchel.1');
    if (hasCliMan) expect('usr/share/man/man1/satchel.1.gz', '-rw-r--r--');

    const paths = [...entries.keys()];
    const nodeArch = NODE_ARCH[debArch];
    if (nodeArch) {
      t.ok(paths.some((p) => new RegExp(`^usr/lib/satchel/node_modules/@lmdb/lmdb-linux-${nodeArch}/node\\.napi\\.glibc\\.node$`).test(p)), `lmdb's prebuilt addon for ${nodeArch}`);
    }
    t.same(paths.filter((p) => /\.musl\.node$/.test(p)), [], 'no musl builds');
    const prodDeps = Object.keys((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    for (const dep of prodDeps) t.ok(entries.has(`usr/lib/satchel/node_modules/${dep}/package.json`), `bundles ${dep}`);
    const devOnly = ['typescript', 'tap', '@types/node', 'protobufjs-cli', 'usocket', 'node-gyp'];
    t.same(paths.filter((p) => devOnly.some((d) => p.startsWith(`usr/lib/satchel/node_modules/${d}/`))), [], 'no dev dependencies (nor usocket and its build tools)');
    t.same(paths.filter((p) => /\.(ts|map)$/.test(p) || /^usr\/lib\/satchel\/(test|daemon|proto|scripts)\//.test(p)), [], 'no sources, tests or source maps');

    // The unit starts what the package installs.
    const dir = await mkdtemp('/tmp/satchel-deb-x-');
    t.teardown(() => run('rm', ['-rf', dir]).then(() => undefined));
    await run('dpkg-deb', ['--extract', deb, dir]);
    const unit = await readFile(join(dir, UNIT), 'utf8');
    t.match(unit, /^ExecStart=\/usr\/bin\/satcheld --bus system$/m, 'ExecStart is /usr/bin/satcheld');
    const copyright = await readFile(join(dir, 'usr/share/doc/satchel/copyright'), 'utf8');
    t.match(copyright, /^Format: https:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\/1\.0\/$/m, 'DEP-5');
    t.match(copyright, /^Files: \*\nCopyright: .+\nLicense: GPL-3\+$/m, 'satchel is GPL-3.0-or-later');
    for (const dep of prodDeps) t.match(copyright, new RegExp(`^Files: node_modules/${dep.replace('/', '\\/')}/\\*$`, 'm'), `copyright names ${dep}`);
    t.equal(await readFile(join(dir, 'usr/share/lintian/overrides/satchel'), 'utf8'), readFileSync(OVERRIDES, 'utf8'), 'ships the overrides of scripts/deb');
  });

  await t.test('the manual page describes every option satcheld --help lists', async (t) => {
    const help = (await run(process.execPath, [join(REPO, 'dist', 'daemon', 'bin', 'satcheld.js'), '--help'])).stdout;
    const man = readFileSync(join(REPO, 'docs', 'man', 'satcheld.8'), 'utf8').replace(/\\-/g, '-');
    const options = [...new Set(help.match(/--[a-z][a-z0-9-]*/g) ?? [])];
    t.ok(options.length >= 8, `${options.length} options in --help`);
    for (const o of options) t.match(man, new RegExp(`\\.B[IR]? ${o}\\b|\\.BR [^\\n]*${o}\\b`), `satcheld.8 describes ${o}`);
    for (const section of ['NAME', 'SYNOPSIS', 'OPTIONS', 'FILES', 'ENVIRONMENT', 'SIGNALS', 'EXIT STATUS', 'SEE ALSO']) {
      t.match(man, new RegExp(`^\\.SH "?${section}"?$`, 'm'), `section ${section}`);
    }
  });

  await t.test('lintian: no errors, and every warning overridden with a reason', async (t) => {
    // -I shows info tags too, so that overrides that no longer match are seen.
    const out = await attempt('lintian', ['--no-cfg', '-I', deb]);
    const lines = out.stdout.split('\n').filter((l) => /^[EWI]: /.test(l));
    t.comment(lines.length ? lines.join('\n') : 'lintian: no tags');
    t.same(lines.filter((l) => /^[EW]: /.test(l)), [], 'no E: or W: lines');
    t.same(lines.filter((l) => /(unused|mismatched)-override/.test(l)), [], 'no stale overrides');
    t.notMatch(out.stderr, /^(E|W|internal error)/m, 'lintian itself did not fail');

    // Each override line follows a comment, which lintian shows as its reason.
    const text = readFileSync(OVERRIDES, 'utf8').split('\n');
    text.forEach((line, i) => {
      if (/^satchel(?: \S+)?: /.test(line)) t.match(text[i - 1] ?? '', /^# \S/, `override "${line}" has a reason`);
    });
  });

  await t.test(`installed with apt in a debootstrap ${SUITE} root, the daemon runs`, async (t) => {
    await installTest(t, deb);
  });
}

/** Processes whose root directory is `root` (anything started in the chroot). */
async function processesIn(root: string): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const where = await readlink(`/proc/${name}/root`).catch(() => '');
    if (where === root || where.startsWith(root + '/')) pids.push(Number(name));
  }
  return pids;
}

/** Mount points at or under `root`, deepest first. */
async function mountsUnder(root: string): Promise<string[]> {
  const info = await readFile('/proc/self/mountinfo', 'utf8');
  return info.split('\n').map((l) => l.split(' ')[4] ?? '')
    .map((p) => p.replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((p) => p === root || p.startsWith(root + '/'))
    .sort((a, b) => b.length - a.length);
}

/** A long-running child whose output lines are kept. */
class Proc {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readonly exited: Promise<void>;
  constructor(cmd: string, args: string[]) {
    this.child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin' } });
    for (const s of [this.child.stdout, this.child.stderr]) if (s) createInterface({ input: s }).on('line', (l) => this.lines.push(l));
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve();
      });
      this.child.once('error', (err) => {
        this.lines.push(`spawn error: ${err.message}`);
        this.exit = { code: null, signal: null };
        resolve();
      });
    });
  }
  async waitFor(re: RegExp, what: string, ms: number): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.lines.find((l) => re.test(l));
      if (hit) return hit;
      if (this.exit) throw new Error(`${what}: exited first (${JSON.stringify(this.exit)}):\n${this.lines.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms:\n${this.lines.join('\n')}`);
      await sleep(50);
    }
  }
}

async function installTest(t: Test, deb: string): Promise<void> {
  const root = await mkdtemp('/tmp/satchel-deb-root-');
  // Other users' clients reach the bus socket inside it.
  await chmod(root, 0o755);
  t.teardown(async () => {
    // Anything still running in the root, then its mounts, then the files.
    for (let i = 0; i < 20; i++) {
      const pids = await processesIn(root);
      if (pids.length === 0) break;
      for (const pid of pids) {
        try { process.kill(pid, 'SIGKILL'); } catch { /* gone already */ }
      }
      await sleep(100);
    }
    for (const m of await mountsUnder(root)) await attempt('umount', ['--lazy', m]);
    const left = await mountsUnder(root);
    if (left.length) throw new Error(`still mounted, not removing ${root}: ${left.join(' ')}`);
    await run('rm', ['-rf', '--one-file-system', root]);
  });
  const chroot = (...args: string[]): Promise<Out> =>
    run('chroot', [root, 'env', '-i', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'LC_ALL=C.UTF-8', 'DEBIAN_FRONTEND=noninteractive', ...args], { timeoutMs: 300_000 });
  const inRoot = (p: string): string => join(root, p);
  const timings: string[] = [];
  const timed = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const v = await fn();
    timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return v;
  };

  // A minimal Debian, with downloaded packages kept for the next run.
  await mkdir(join(CACHE, 'debootstrap'), { recursive: true });
  await timed('debootstrap', () => run('debootstrap', ['--variant=minbase', `--cache-dir=${join(CACHE, 'debootstrap')}`, SUITE, root, ...(MIRROR ? [MIRROR] : [])], { timeoutMs: 600_000 }));
  await run('mount', ['-t', 'proc', 'proc', inRoot('proc')]);
  await run('mount', ['-t', 'tmpfs', '-o', 'mode=0755,nosuid,nodev', 'tmpfs', inRoot('run')]);
  // As in any chroot or image build: packages must not start services here.
  await writeFile(inRoot('usr/sbin/policy-rc.d'), '#!/bin/sh\nexit 101\n', { mode: 0o755 });

  // apt resolves the package's Depends from the suite's archive.
  await copyFile(deb, inRoot('tmp/satchel.deb'));
  await timed('apt-get update', () => chroot('apt-get', 'update', '-q'));
  // As on a laptop, the system bus is already running when satchel is installed:
  // it reads the policy at unpack, before postinst has made the user it names,
  // and relies on the dbus package's dpkg trigger to read it again afterwards.
  await timed('apt-get install dbus', () => chroot('apt-get', 'install', '-y', '-q', '--no-install-recommends', 'dbus'));
  await mkdir(inRoot('run/dbus'), { recursive: true });
  const bus = new Proc('chroot', [root, 'dbus-daemon', '--system', '--nofork', '--nopidfile', '--print-address=1']);
  t.teardown(async () => {
    if (!bus.exit) bus.child.kill('SIGTERM');
    await bus.exited;
  });
  await bus.waitFor(/^unix:path=\/run\/dbus\/system_bus_socket/, 'dbus-daemon --system', BUS_WAIT_MS);
  const address = `unix:path=${inRoot('run/dbus/system_bus_socket')}`;
  const apt = await timed('apt-get install', () => chroot('apt-get', 'install', '-y', '-q', '--no-install-recommends', '/tmp/satchel.deb'));
  t.match(apt.stdout, /Setting up satchel \(/, 'apt installed satchel and what it depends on');
  t.match(apt.stdout, /Setting up nodejs \(/, `nodejs from ${SUITE}`);
  t.equal((await chroot('dpkg-query', '-W', '-f=${Status}', 'satchel')).stdout, 'install ok installed', 'dpkg: install ok installed');

  await t.test('files in place, user and groups made, unit enabled', async (t) => {
    for (const p of ['usr/bin/satcheld', 'usr/lib/satchel/dist/daemon/bin/satcheld.js']) {
      t.equal((await stat(inRoot(p))).mode & 0o777, 0o755, `/${p} 0755`);
    }
    for (const p of [UNIT, 'usr/share/dbus-1/system.d/org.satchel.Satchel1.conf', 'usr/share/dbus-1/system-services/org.satchel.Satchel1.service',
      'usr/share/man/man8/satcheld.8.gz', 'usr/share/doc/satchel/copyright', 'usr/share/doc/satchel/changelog.Debian.gz']) {
      t.ok((await stat(inRoot(p))).isFile(), `/${p}`);
    }
    if (existsSync(join(REPO, 'systemd', 'satcheld.conf'))) {
      t.equal(await readFile(inRoot('etc/satchel/satcheld.conf'), 'utf8'), readFileSync(join(REPO, 'systemd', 'satcheld.conf'), 'utf8'), '/etc/satchel/satcheld.conf');
      t.match((await chroot('dpkg-query', '-W', '-f=${Conffiles}', 'satchel')).stdout, /^ \/etc\/satchel\/satcheld\.conf [0-9a-f]{32}$/m, 'a conffile');
    }

    const [name, , uid, gid, , home, shell] = (await chroot('getent', 'passwd', 'satchel')).stdout.trim().split(':');
    t.equal(name, 'satchel', 'user satchel exists');
    t.ok(Number(uid) > 0 && Number(uid) < 1000, `a system uid (${uid})`);
    t.equal(home, '/var/lib/satchel', 'home /var/lib/satchel');
    t.equal(shell, '/usr/sbin/nologin', 'no login shell');
    t.equal((await chroot('getent', 'group', 'satchel')).stdout.split(':')[2], gid, 'its own group');
    for (const group of ['satchel-admin', 'netdev']) t.ok((await chroot('getent', 'group', group)).stdout.startsWith(`${group}:`), `group ${group}, named by the policy or the unit`);

    const state = await stat(inRoot('var/lib/satchel'));
    t.ok(state.isDirectory(), '/var/lib/satchel');
    t.equal(state.uid, Number(uid), 'owned by satchel');
    t.equal(state.mode & 0o777, 0o700, 'mode 0700, as StateDirectoryMode');

    const wants = inRoot('etc/systemd/system/multi-user.target.wants/satcheld.service');
    t.ok((await lstat(wants)).isSymbolicLink(), 'deb-systemd-helper enabled the unit');
    t.match(await readlink(wants), /^(\/usr)?\/lib\/systemd\/system\/satcheld\.service$/, 'linked to the unit');
  });

  // satcheld as the unit runs it, on the root's system bus that was running through the install.

  const daemon = new Proc('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh',
    'chroot', root, 'setpriv', '--reuid=satchel', '--regid=satchel', '--groups=netdev', '--',
    'env', '-i', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'STATE_DIRECTORY=/var/lib/satchel', '/usr/bin/satcheld', '--bus', 'system']);
  t.teardown(async () => {
    if (!daemon.exit) daemon.child.kill('SIGKILL');
    await daemon.exited;
  });

  await t.test('satcheld gets ready on the system bus and answers GetIdentity', async (t) => {
    const ready = await timed('satcheld ready', () => daemon.waitFor(READY_RE, 'satcheld ready line', READY_WAIT_MS));
    t.match(ready, /bus_kind=system/, ready);
    const user = /\buser=([0-9a-f]{16})\b/.exec(ready)?.[1];
    t.ok(user, 'the ready line names the user id');
    /** busctl as root, or with the credentials of another user (groups as the kernel would pass them). */
    const call = (as: { uid: number; gid: number; groups: number[] } | undefined, iface: string, method: string): Promise<Out & { code: number }> => {
      const busctl = ['busctl', `--address=${address}`, '--json=short', 'call', BUS_NAME, OBJECT_PATH, `${BUS_NAME}.${iface}`, method];
      if (as === undefined) return attempt('busctl', busctl.slice(1));
      const groups = as.groups.length ? [`--groups=${as.groups.join(',')}`] : ['--clear-groups'];
      return attempt('setpriv', [`--reuid=${as.uid}`, `--regid=${as.gid}`, ...groups, '--', ...busctl]);
    };
    const asRoot = await call(undefined, 'Identity', 'GetIdentity');
    t.equal(asRoot.code, 0, `root may call Identity ${asRoot.stderr}`.trim());
    const identity = JSON.parse(asRoot.stdout || '{}') as { type?: string; data?: Array<Record<string, { data: string }>> };
    t.equal(identity.type, 'a{sv}', 'GetIdentity returns a{sv}');
    t.equal(identity.data?.[0]?.['id']?.data, user, 'the identity the daemon announced');
    t.match(identity.data?.[0]?.['fingerprint']?.data ?? '', /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/, 'with a fingerprint to read aloud');
    const store = await readdir(inRoot('var/lib/satchel'));
    t.ok(store.length > 0, `the store is in /var/lib/satchel (STATE_DIRECTORY): ${store.join(' ')}`);

    const nobodyCreds = { uid: NOBODY, gid: NOBODY, groups: [] };
    const nobody = await call(nobodyCreds, 'Identity', 'GetIdentity');
    t.equal(nobody.code, 0, `another user (nobody) may call Identity ${nobody.stderr}`.trim());
    const denied = await call(nobodyCreds, 'Admin', 'GetConfig');
    t.not(denied.code, 0, 'but not Admin');
    t.match(denied.stderr, /Access denied/i, 'the bus refuses it');
    // A technician: a user in satchel-admin (made here; the groups are the ones a login would give).
    await chroot('useradd', '--no-create-home', '--groups', 'satchel-admin', 'tech');
    const id = async (...args: string[]): Promise<number> => Number((await chroot('id', ...args, 'tech')).stdout.trim());
    const adminGid = Number((await chroot('getent', 'group', 'satchel-admin')).stdout.split(':')[2]);
    const tech = await call({ uid: await id('-u'), gid: await id('-g'), groups: [adminGid] }, 'Admin', 'GetConfig');
    t.equal(tech.code, 0, `a member of satchel-admin may call Admin ${tech.stderr}`.trim());
    // At unpack the bus rightly complained (the user did not exist yet); read now, the policy must be clean.
    const mark = bus.lines.length;
    await run('busctl', [`--address=${address}`, 'call', 'org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'ReloadConfig']);
    await new Promise((r) => setTimeout(r, 500));
    t.notMatch(bus.lines.slice(mark).join('\n'), /Unknown (username|group)|Encountered error|while parsing/, 'the bus reads the policy without complaint: every user and group it names exists');
  });

  await t.test('SIGTERM stops it with status 0', async (t) => {
    daemon.child.kill('SIGTERM');
    const timer = setTimeout(() => daemon.child.kill('SIGKILL'), STOP_WAIT_MS);
    await daemon.exited;
    clearTimeout(timer);
    t.same(daemon.exit, { code: 0, signal: null }, daemon.lines.slice(-3).join('\n'));
  });

  // After the daemon ran: installing systemd reloads the bus, which must not be what made it work.
  await t.test('systemd-analyze verify accepts the installed unit', async (t) => {
    // In the installed root, so ExecStart's /usr/bin/satcheld, the user and the man page exist;
    // a device image has systemd's own units too, which minbase lacks.
    await timed('apt-get install systemd', () => chroot('apt-get', 'install', '-y', '-q', '--no-install-recommends', 'systemd'));
    // run() rejects, with the output, if verify exits non-zero.
    const v = await run('systemd-analyze', ['verify', `--root=${root}`, '--man=no', '/lib/systemd/system/satcheld.service']);
    t.notMatch(v.stdout + v.stderr, /satcheld\.service:/, 'and says nothing about the unit');
  });

  await t.test('reinstalling (as an upgrade does) keeps the user and the store', async (t) => {
    const before = (await chroot('getent', 'passwd', 'satchel')).stdout;
    const out = await chroot('dpkg', '-i', '/tmp/satchel.deb');
    t.match(out.stdout, /Setting up satchel \(/, 'postinst ran again');
    t.equal((await chroot('getent', 'passwd', 'satchel')).stdout, before, 'the same user');
    t.ok(existsSync(inRoot('var/lib/satchel/data.mdb')), 'the store is still there');
    if (existsSync(inRoot('usr/bin/satchel'))) {
      const help = await chroot('/usr/bin/satchel', '--help');
      t.match(help.stdout + help.stderr, /satchel/, 'the technician CLI runs from the package');
    }
  });

  await t.test('purge removes the state and the enablement, keeps the user', async (t) => {
    const out = await chroot('dpkg', '--purge', 'satchel');
    t.match(out.stdout, /Purging configuration files for satchel/, 'dpkg --purge ran the maintainer scripts');
    t.notOk(existsSync(inRoot('var/lib/satchel')), '/var/lib/satchel is gone');
    t.notOk(existsSync(inRoot('etc/satchel/satcheld.conf')), 'the conffile is gone');
    t.notOk(existsSync(inRoot('etc/systemd/system/multi-user.target.wants/satcheld.service')), 'the unit is no longer enabled');
    t.notOk(existsSync(inRoot('usr/bin/satcheld')), 'the files are gone');
    t.ok((await chroot('getent', 'passwd', 'satchel')).stdout.startsWith('satchel:'), 'the user stays (Debian policy)');
  });
  t.comment(`timings: ${timings.join(', ')}`);
}

// Last, so that everything above is initialised when it runs.
const skip = missingTools();
if (skip) {
  t.plan(0, skip);
} else {
  // Building the package and installing it into a fresh debootstrap takes
  // 75 to 120 s on a quiet two-core box: more than a test file's usual limit.
  t.setTimeout(360_000);
  await main();
}
