/**
 * Every command against one real satcheld (its own bus, store and network
 * namespace, beacon on): human output, --json shapes and exit codes for
 * success, bad usage (2) and unknown ids (4).
 */
import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, json, on, satchel, SATCHEL, type CliRun } from './fixtures/cli.js';
import { TestDaemon } from './fixtures/daemon.js';
import { netnsUnavailable } from '../discovery/fixtures/netns.js';

const UNKNOWN_USER = '0123456789abcdef';
const UNKNOWN_MESSAGE = '0123456789abcdef0123456789abcdef';

const why = netnsUnavailable();
if (why) t.plan(0, why);
else await main();

/** The exit code, with the run's output when it is not the one expected. */
function exits(t: Test, r: CliRun, code: number, what: string): void {
  t.equal(r.code, code, `${what} exits ${code}${r.code === code ? '' : `\nstdout: ${r.stdout}\nstderr: ${r.stderr}`}`);
}

async function main(): Promise<void> {
  const d = await TestDaemon.start(t, { beacon: true });
  const cli = on(d.address);

  await t.test('status: healthy daemon, human and --json', async (t) => {
    const human = await cli(['status']);
    exits(t, human, 0, 'status');
    t.match(human.stdout, /^satcheld: +0\.1\.0, pid \d+, up /m);
    t.match(human.stdout, /^health: +ok$/m);
    t.match(human.stdout, /^identity: .*fingerprint [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/m);
    t.match(human.stdout, /^outbox: +0 B of 16 MiB \(0%\), 0 envelopes waiting$/m);
    t.match(human.stdout, /^discovery: +beacon up, wpa_supplicant not running, networkmanager not running, avahi not running$/m);
    const r = await cli(['status', '--json']);
    exits(t, r, 0, 'status --json');
    const s = json(r);
    t.match(s, {
      health: 'ok', warnings: [], version: '0.1.0', pid: Number, started_ms: Number, uptime_ms: Number,
      bus: { kind: 'address', address: d.address, daemon_bus_kind: 'address', unique_name: /^:1\.\d+$/ },
      identity: { id: /^[0-9a-f]{16}$/, fingerprint: /^[0-9A-Z-]{19}$/, display_name: 'satchel user', node_id: /^[0-9a-f]{16}$/ },
      store: { path: d.stateDir, file_bytes: Number, outbox_bytes: 0, outbox_quota_bytes: 16 * 1024 * 1024, outbox_envelopes: 0, messages: 0, contacts: 0 },
      sources: { beacon: 'up', wpa_supplicant: 'down', networkmanager: 'down', avahi: 'down' }, config_path: '',
    });
    t.equal(r.stderr, '', 'nothing on stderr');
  });

  await t.test('neighbours, outbox, inbox and contacts when nothing is there', async (t) => {
    const n = await cli(['neighbours']);
    exits(t, n, 0, 'neighbours');
    t.equal(n.stdout, 'no laptops near\n');
    t.same(json(await cli(['neighbours', '--json'])), { count: 0, neighbours: [] });
    const o = await cli(['outbox']);
    t.equal(o.stdout, '0 envelopes waiting; the outbox holds 0 B of 16 MiB (0%)\n');
    t.same(json(await cli(['outbox', '--json'])), { count: 0, bytes: 0, quota_bytes: 16 * 1024 * 1024, entries: [] });
    t.same(json(await cli(['inbox', '--json'])), { count: 0, unread: 0, messages: [] });
    t.equal((await cli(['inbox'])).stdout, '0 messages shown, 0 unread\n');
    t.same(json(await cli(['contacts', '--json'])), { count: 0, contacts: [] });
    t.equal((await cli(['contacts'])).stdout, 'no contacts\n');
  });

  await t.test('doctor: every check passes on a healthy daemon', async (t) => {
    const r = await cli(['doctor', '--json']);
    exits(t, r, 0, 'doctor');
    const v = json<{ healthy: boolean; problems: number; checks: { name: string; status: string; summary: string; advice: string }[] }>(r);
    t.equal(v.healthy, true);
    t.equal(v.problems, 0);
    t.same(v.checks.map((c) => c.name), ['bus', 'daemon', 'store', 'clock', 'discovery', 'config', 'outbox']);
    t.same(v.checks.map((c) => c.status), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], JSON.stringify(v.checks));
    const human = await cli(['doctor']);
    exits(t, human, 0, 'doctor');
    t.match(human.stdout, /^RESULT +CHECK +FINDING$/m);
    t.match(human.stdout, /^ok +discovery +beacon up, wpa_supplicant not running, networkmanager not running, avahi not running; 0 laptops near$/m);
    t.match(human.stdout, /no problems found\n$/);
  });

  await t.test('config as root: every key, with its type', async (t) => {
    const r = await cli(['config', '--json']);
    exits(t, r, 0, 'config');
    const v = json<{ config_path: string; config: Record<string, unknown> }>(r);
    t.equal(v.config_path, '');
    t.match(v.config, { 'store.dir': d.stateDir, 'transport.port': 0, 'discovery.beacon': true, 'log.level': 'info', 'routing.strategy': 'encounter-spray' });
    const human = await cli(['config']);
    t.match(human.stdout, /^configuration file: no file/);
    t.match(human.stdout, /^discovery\.beacon +true$/m);
  });

  await t.test('bad usage exits 2, with an error document under --json', async (t) => {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['status', '--frob'], /Unknown option '--frob'/],
      [['trace'], /missing arguments; usage: satchel trace MESSAGE_ID/],
      [['trace', 'xyz'], /MESSAGE_ID must be 32 hex digits/],
      [['send', 'nothex', 'hi'], /USER_ID must be 16 hex digits/],
      [['inbox', '--limit', 'many'], /--limit must be a whole number/],
      [['contacts', 'remove', UNKNOWN_USER], /contacts takes add, pending, confirm or verify, not "remove"/],
      [['import', '/etc/hostname'], /not a satchel diagnostics bundle/],
      [['send', UNKNOWN_USER, ''], /empty/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      exits(t, r, 2, args.join(' ') || '(no args)');
      t.match(r.stderr, message, `says why: ${args.join(' ')}`);
      t.equal(r.stdout, '', 'nothing on stdout');
    }
    const r = await cli(['trace', 'xyz', '--json']);
    t.match(json(r), { error: { exit_code: 2, kind: 'usage', message: /32 hex digits/, dbus_error: null } });
    const empty = await cli(['send', UNKNOWN_USER, '', '--json']);
    t.match(json(empty), { error: { exit_code: 2, dbus_error: 'org.satchel.Satchel1.Error.EmptyBody' } }, 'satcheld said EmptyBody: still usage');
  });

  await t.test('unknown message ids and contacts exit 4', async (t) => {
    const cases: [string[], string][] = [
      [['trace', UNKNOWN_MESSAGE], 'NotFound'],
      [['purge', UNKNOWN_MESSAGE], 'NotFound'],
      [['contacts', 'add', UNKNOWN_USER], 'UnknownContact'],
      [['send', UNKNOWN_USER, 'hello'], 'UnknownContact'],
      [['inbox', '--from', UNKNOWN_USER], ''],
    ];
    for (const [args, name] of cases.slice(0, 4)) {
      const r = await cli([...args, '--json']);
      exits(t, r, 4, args.join(' '));
      t.match(json(r), { error: { exit_code: 4, kind: 'not_found', dbus_error: `org.satchel.Satchel1.Error.${name}` } });
    }
    const inbox = await cli(['inbox', '--from', UNKNOWN_USER, '--json']);
    exits(t, inbox, 0, 'inbox --from someone with no conversation');
    t.same(json(inbox), { count: 0, unread: 0, messages: [] });
    exits(t, await satchel(['import', '/nonexistent/bundle.json']), 4, 'import of a missing file');
  });

  await t.test('--help, help COMMAND and --version', async (t) => {
    const h = await satchel(['--help']);
    exits(t, h, 0, '--help');
    for (const name of ['status', 'neighbours', 'outbox', 'inbox', 'send', 'contacts', 'trace', 'doctor', 'export', 'import', 'inspect', 'config', 'purge']) {
      t.match(h.stdout, new RegExp(`^  ${name} `, 'm'), `lists ${name}`);
    }
    t.match(h.stdout, /^  5  permission denied/m, 'documents the exit codes');
    const one = await satchel(['help', 'trace']);
    t.match(one.stdout, /^usage: satchel trace MESSAGE_ID/);
    t.equal((await satchel(['inbox', '--help'])).stdout, (await satchel(['help', 'inbox'])).stdout, 'CMD --help is help CMD');
    t.equal((await satchel(['--version'])).stdout, 'satchel 0.1.0\n');
    t.same(json(await satchel(['--version', '--json'])), { version: '0.1.0' });
  });

  await t.test('export writes a private bundle; import shows it as the commands would', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'satchel-bundle-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'ticket.json');
    const r = await cli(['export', file, '--json']);
    exits(t, r, 0, 'export');
    const v = json<{ path: string; bytes: number; complete: boolean; missing: unknown[] }>(r);
    t.equal(v.path, file);
    t.equal(v.complete, true, JSON.stringify(v.missing));
    t.equal((await stat(file)).mode & 0o777, 0o600, 'only the owner may read it');
    const bundle = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    t.match(bundle, {
      format: 'satchel-diagnostics', format_version: 1, created_ms: Number, cli_version: '0.1.0', host: String,
      bus: { kind: 'address', address: d.address }, status: { health: 'ok' }, neighbours: { count: 0 }, outbox: { count: 0 },
      counters: Object, config: { config: { 'store.dir': d.stateDir } }, traces: {}, doctor: { healthy: true },
      store: null, logs: { source: /^journalctl -u satcheld/, lines: Array }, missing: [],
    });
    t.equal(v.bytes, (await stat(file)).size);

    const human = await satchel(['import', file]);
    exits(t, human, 0, 'import');
    // Uptime and the bus's name for this connection differ between two runs; the rest must not.
    const steady = (text: string): string => text.trim().replace(/up .*\)/, 'up X').replace(/:1\.\d+ there/, ':1.N there');
    const shownStatus = human.stdout.split('== status ==\n')[1]?.split('\n\n== ')[0] ?? '';
    t.equal(steady(shownStatus), steady((await cli(['status'])).stdout), 'the status section reads as status did');
    for (const s of ['status', 'neighbours', 'outbox', 'counters', 'config', 'doctor', 'logs']) t.match(human.stdout, `== ${s} ==`);
    const section = await satchel(['import', file, '--section', 'status', '--json']);
    t.same(json(section), bundle['status'], '--json --section gives the section as stored');
    t.same(json(await satchel(['import', file, '--json'])), bundle, '--json gives the bundle');
    exits(t, await satchel(['import', file, '--section', 'nope']), 2, 'an unknown section');
  });

  await t.test('progress shows on a terminal only, and never with --json', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'satchel-tty-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    // script(1) gives the command a pseudo-terminal, as a technician's shell would.
    const onTty = (args: string[]): string => execFileSync('script', ['-qec', [process.execPath, SATCHEL, '--bus', d.address, ...args].join(' '), '/dev/null'], { env: cliEnv(), encoding: 'utf8' });
    const human = onTty(['export', join(dir, 'a.json')]);
    t.match(human, /\r\x1b\[Kasking satcheld for its status\.\.\./, 'progress lines on the terminal');
    t.match(human, /\r\x1b\[Kwrote /, 'cleared before the result');
    const asJson = onTty(['export', join(dir, 'b.json'), '--json']);
    t.notMatch(asJson, /\x1b/, 'no progress with --json');
    t.match(JSON.parse(asJson), { path: join(dir, 'b.json') });
    const piped = await cli(['export', join(dir, 'c.json')]);
    t.equal(piped.stderr, '', 'none when stderr is not a terminal');
  });
}
