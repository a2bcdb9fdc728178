/**
 * Keeps the group benchmark honest and alive: with --quick --json it prints
 * one JSON object whose figures have the promised shape and agree with one
 * another (the breakdown accounts for every byte, the baseline is n-1
 * envelopes, a rekey is one op envelope and a key for each who stays); in
 * text mode its last line is the headline.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'bench', 'group-overhead.mjs');
/** --quick takes a few seconds (plus a build when dist/ is stale). */
const RUN_TIMEOUT_MS = 180_000;
t.setTimeout(400_000);

type Json = Record<string, unknown>;

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: ROOT, timeout: RUN_TIMEOUT_MS, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

t.test('group-overhead --quick --json', async (t) => {
  const r = await run(['--quick', '--json']);
  t.equal(r.code, 0, 'exits 0', { stderr: r.stderr });
  const lines = r.stdout.trim().split('\n');
  t.equal(lines.length, 1, 'stdout is one line of JSON');
  const f = JSON.parse(lines[0] ?? 'null') as Json;
  t.equal(f['benchmark'], 'group-overhead');
  t.equal(f['quick'], true);
  const body = num(f['bodyBytes']);
  const breakdown = f['breakdown'] as { parts: Record<string, number>; total: number };
  t.equal(Object.values(breakdown.parts).reduce((s, v) => s + v, 0), breakdown.total, 'parts add up');
  t.equal(breakdown.parts['signature'], 66, 'the author signature: 64 bytes and its tag and length');
  t.equal(breakdown.parts['sealTag'], 16);
  const sizes = f['sizes'] as Json[];
  t.same(sizes.map((s) => s['members']), [5, 30, 200]);
  for (const s of sizes) {
    const n = num(s['members']);
    const g = s['group'] as Json;
    const one = s['oneToOne'] as Json;
    const rekey = s['rekey'] as Json;
    const ratio = s['ratio'] as Json;
    t.equal(num(g['overheadBytes']), breakdown.total, `${n}: group overhead is the breakdown's total`);
    t.equal(num(g['carriedBytes']), body + num(g['overheadBytes']));
    t.equal(one['envelopes'], n - 1, `${n}: the baseline seals to each other member`);
    t.ok(num(one['carriedBytes']) > (n - 1) * body, 'each 1:1 envelope carries the body');
    t.ok(num(ratio['bytes']) > 0 && num(ratio['bytes']) < 1, `${n}: a group message is cheaper than the fan-out`);
    t.equal(rekey['envelopes'], n - 1, `${n}: one op envelope and a key for each of the n-2 who stay besides the owner`);
    t.ok(num(rekey['bytes']) > num(rekey['opEnvelopeBytes']), 'the keys cost bytes too');
    for (const k of ['msCold', 'msWarm']) t.ok(num(rekey[k]) > 0 && num(rekey[k]) < 60_000, `${n}: rekey ${k} is a time`);
    for (const k of ['sealMsWarm', 'sealMsCold']) t.ok(num(one[k]) > 0, `${n}: ${k} measured`);
    t.ok(num(g['sealMs']) > 0);
  }
  t.ok(num((sizes[2]?.['oneToOne'] as Json)['carriedBytes']) > num((sizes[0]?.['oneToOne'] as Json)['carriedBytes']), 'the fan-out grows with the group');
});

t.test('group-overhead --quick: the last line is the headline', async (t) => {
  const r = await run(['--quick']);
  t.equal(r.code, 0, { stderr: r.stderr });
  const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
  t.match(last, /^group overhead 5=\d+ B 30=\d+ B 200=\d+ B vs 1:1 fan-out \d+ B\/\d+ B\/\d+ B; rekey of 200: [\d.]+ KB \d+ ms warm \d+ ms cold \([\d.]+ x one 1:1 fan-out\)$/);
});
