/**
 * scripts/sim/run.mjs: a generated scenario with its host map runs with the
 * school servers and the bus as relay points; bad arguments exit 2 with a
 * message saying which.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { contactLines, generateSchoolVillage, hostMapJson, messageLines } from '../../daemon/sim/scenario/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'scripts', 'sim', 'run.mjs');
/** The CLI may build dist/ first, which takes tens of seconds on a shared machine. */
const RUN_TIMEOUT_MS = 180_000;
t.setTimeout(3 * RUN_TIMEOUT_MS);

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: RUN_TIMEOUT_MS }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

t.test('a generated village with its host map: messages between villages go by the bus', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-run-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // Two villages of one classroom of four, every message to a cousin in the other village.
  const s = generateSchoolVillage({ seed: 3, villages: 2, classroomsPerVillage: 1, childrenPerClassroom: 4, days: 2, classmateShare: 0, cousinShare: 1 });
  writeFileSync(join(dir, 'contacts.txt'), contactLines(s.contacts));
  writeFileSync(join(dir, 'messages.txt'), messageLines(s.messages));
  writeFileSync(join(dir, 'hosts.json'), hostMapJson(s.params, s.hosts));
  const files = ['--contacts', join(dir, 'contacts.txt'), '--messages', join(dir, 'messages.txt'), '--strategy', 'direct', '--json', '--quiet'];
  const alone = await run(files);
  t.equal(alone.code, 0, alone.stderr);
  t.equal((JSON.parse(alone.stdout) as { metrics: { delivered: number } }).metrics.delivered, 0, 'without relay points cousins never meet');
  const withHosts = await run([...files, '--hosts', join(dir, 'hosts.json')]);
  t.equal(withHosts.code, 0, withHosts.stderr);
  const r = JSON.parse(withHosts.stdout) as { strategy: string; hosts: number; metrics: { created: number; delivered: number } };
  t.equal(r.strategy, 'direct');
  t.equal(r.hosts, s.hosts.length);
  t.equal(r.metrics.created, s.messages.length);
  t.ok(r.metrics.delivered > 0, `with the servers and the bus as relay points some arrive (${r.metrics.delivered} of ${r.metrics.created})`);
});

t.test('bad arguments exit 2 with a message naming the problem', async (t) => {
  const cases: [string[], RegExp][] = [
    [['--contacts', 'x.txt'], /--contacts and --messages go together/],
    [['--hosts', 'h.json'], /--hosts goes with --contacts/],
    [['--buffer', '-5'], /--buffer needs a positive number/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--contacts', '/nonexistent/c.txt', '--messages', '/nonexistent/m.txt'], /ENOENT|no such file/],
  ];
  for (const [args, message] of cases) {
    const r = await run(args);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.stderr, message, args.join(' '));
  }
});
