/**
 * scripts/sim/generate.mjs writes the same bytes as the generator in
 * process, and refuses bad flags with exit 2 and a message saying which.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { contactLines, generateSchoolVillage, hostMapJson, messageLines } from '../../../daemon/sim/scenario/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CLI = join(ROOT, 'scripts', 'sim', 'generate.mjs');
/** The CLI may build dist/ first, which takes tens of seconds on a shared machine. */
const RUN_TIMEOUT_MS = 180_000;
t.setTimeout(2 * RUN_TIMEOUT_MS);

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: RUN_TIMEOUT_MS }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

t.test('the files are the generator output, byte for byte', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-gen-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const r = await run([`--out=${dir}`, '--seed=11', '--villages=2', '--children-per-classroom=6', '--days=2', '--size-profile=drawing', '--json']);
  t.equal(r.code, 0, r.stderr);
  const s = generateSchoolVillage({ seed: 11, villages: 2, childrenPerClassroom: 6, days: 2, sizeProfile: 'drawing' });
  t.equal(readFileSync(join(dir, 'contacts.txt'), 'utf8'), contactLines(s.contacts));
  t.equal(readFileSync(join(dir, 'messages.txt'), 'utf8'), messageLines(s.messages));
  t.equal(readFileSync(join(dir, 'hosts.json'), 'utf8'), hostMapJson(s.params, s.hosts));
  const sum = JSON.parse(r.stdout) as Record<string, unknown>;
  t.match(sum, { hosts: 2 * (2 + 12) + 1, roles: { relay: 2, teacher: 2, child: 24, mule: 1 }, messages: s.messages.length, seed: 11 });
});

t.test('bad flags exit 2 with a message naming the problem', async (t) => {
  const cases: [string[], RegExp][] = [
    [['--out=/nonexistent-never-written', '--villages=0'], /villages must be an integer/],
    [['--out=/nonexistent-never-written', '--villages='], /villages must be an integer/],
    [['--out=/nonexistent-never-written', '--villages=NaN'], /villages must be an integer/],
    [['--out=/nonexistent-never-written', '--colour=blue'], /no option "colour"/],
    [['--villages=2'], /--out=DIR is required/],
    [['stray'], /unknown argument stray/],
  ];
  for (const [args, message] of cases) {
    const r = await run(args);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.stderr, message);
  }
});

t.test('--help lists every parameter with its default', async (t) => {
  const r = await run(['--help']);
  t.equal(r.code, 0);
  t.match(r.stdout, /--children-per-classroom=20/);
  t.match(r.stdout, /--size-profile=text/);
  t.match(r.stdout, /--mule-passes-per-day=2/);
});
