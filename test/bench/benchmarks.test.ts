/**
 * Keeps the benchmarks from rotting: each runs with --quick --json against
 * the real daemon, prints exactly one JSON object, and its figures have the
 * promised shape and sane values. Then `run-all --quick` in text mode must
 * end each report with its headline. Whether a target is met is the
 * benchmark's business, not this test's.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH = join(ROOT, 'scripts', 'bench');
/** Each benchmark with --quick takes seconds; this is far beyond that. */
const RUN_TIMEOUT_MS = 60_000;

type Json = Record<string, unknown>;

function runBench(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(BENCH, script), ...args], { cwd: ROOT, timeout: RUN_TIMEOUT_MS, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ code, stdout, stderr });
      });
  });
}

async function runJson(t: Test, name: string): Promise<Json> {
  const r = await runBench(`${name}.mjs`, ['--quick', '--json']);
  t.equal(r.code, 0, `${name} exits 0`, { stderr: r.stderr });
  const lines = r.stdout.trim().split('\n');
  t.equal(lines.length, 1, 'stdout is one line of JSON and nothing else');
  const parsed: unknown = JSON.parse(lines[0] ?? 'null');
  t.type(parsed, 'object');
  return parsed as Json;
}

/** The value at a dotted path, e.g. 'single.overheadBytes'. */
function at(obj: Json, path: string): unknown {
  let v: unknown = obj;
  for (const key of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Json)[key] : undefined;
  return v;
}

function positive(t: Test, obj: Json, path: string, max = Infinity): number {
  const v = at(obj, path);
  t.ok(typeof v === 'number' && Number.isFinite(v) && v > 0 && v < max, `${path} = ${String(v)} is finite, > 0 and < ${max}`);
  return v as number;
}

function nonNegative(t: Test, obj: Json, path: string, max = Infinity): number {
  const v = at(obj, path);
  t.ok(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < max, `${path} = ${String(v)} is finite, >= 0 and < ${max}`);
  return v as number;
}

t.test('wire-overhead --quick --json', async (t) => {
  const f = await runJson(t, 'wire-overhead');
  t.equal(f['benchmark'], 'wire-overhead');
  t.equal(f['quick'], true);
  const single = positive(t, f, 'single.overheadBytes', 200);
  t.equal(at(f, 'single.wireBytes'), single + (f['bodyBytes'] as number), 'wire = body + overhead');
  const batch = positive(t, f, 'batch.overheadPerMessage', 200);
  t.ok(batch < single, 'batching amortises the per-frame cost');
  positive(t, f, 'batch.messages');
  positive(t, f, 'batch.frames');
  const bpv7 = positive(t, f, 'bpv7.overheadBytes', 200);
  t.equal(at(f, 'bpv7.overheadBytesWithCrc16'), bpv7 + 3, 'the CRC-16 costs 3 bytes');
  positive(t, f, 'ratioToBpv7.single', 10);
  positive(t, f, 'transportPerFrameBytes', 40);
  positive(t, f, 'handshake.initiatorOut', 2048);
  positive(t, f, 'handshake.responderOut', 2048);
  positive(t, f, 'ack.singleBytes', 200);
  const breakdown = at(f, 'breakdown') as Record<string, number>;
  t.equal(Object.values(breakdown).reduce((s, v) => s + v, 0), single, 'the breakdown accounts for every byte');
  t.equal(breakdown['sessionTag'], 16);
  t.equal(breakdown['sealTag'], 16);
  t.type(at(f, 'target.pass'), 'boolean');
  t.equal(at(f, 'target.maxSingleOverheadBytes'), 56);
  const sweep = at(f, 'sweep') as Json[];
  t.ok(Array.isArray(sweep) && sweep.length >= 3, 'a sweep of body sizes');
  for (const row of sweep) {
    positive(t, row, 'singleOverheadBytes', 200);
    positive(t, row, 'batchOverheadPerMessage', 200);
    positive(t, row, 'bpv7OverheadBytes', 200);
  }
});

t.test('startup --quick --json', async (t) => {
  const f = await runJson(t, 'startup');
  t.equal(f['benchmark'], 'startup');
  t.equal(f['runs'], 2);
  const bare = positive(t, f, 'baseline.medianMs', 10_000);
  for (const kind of ['firstStart', 'warmStart']) {
    const ms = positive(t, f, `${kind}.medianMs`, 30_000);
    t.ok(ms > bare, `${kind} takes longer than node -e 0`);
    positive(t, f, `${kind}.ratio`, 1_000);
    t.equal((at(f, `${kind}.runsMs`) as unknown[]).length, 2);
    positive(t, f, `${kind}.stopMedianMs`, 10_000);
  }
});

t.test('idle-cost --quick --json', async (t) => {
  const f = await runJson(t, 'idle-cost');
  t.equal(f['benchmark'], 'idle-cost');
  positive(t, f, 'idleSeconds', 60);
  positive(t, f, 'rss.daemonKb');
  positive(t, f, 'rss.baselineKb');
  positive(t, f, 'rss.ratio', 20);
  positive(t, f, 'rss.afterStartup.ratio', 20);
  t.type(at(f, 'rss.pass'), 'boolean');
  // An idle process may well use no whole tick in a few seconds.
  nonNegative(t, f, 'cpu.daemonPercentOfCore', 100);
  nonNegative(t, f, 'cpu.baselinePercentOfCore', 100);
  positive(t, f, 'cpu.resolutionPercent', 1);
  positive(t, f, 'cpu.clockTicksPerSecond');
  t.type(at(f, 'cpu.pass'), 'boolean');
  const ratio = at(f, 'cpu.ratio');
  t.ok(ratio === null || (typeof ratio === 'number' && Number.isFinite(ratio) && ratio >= 0), 'cpu ratio is a number, or null when the baseline used no tick');
  nonNegative(t, f, 'wakeups.daemonPerSecond', 10_000);
  t.equal(at(f, 'daemon.stopForced'), false, 'the daemon stops on SIGTERM');
});

t.test('jitless --quick --json', async (t) => {
  const f = await runJson(t, 'jitless');
  t.equal(f['benchmark'], 'jitless');
  for (const op of ['seal', 'open', 'pairKey', 'card']) {
    positive(t, f, `msPerOp.${op}.jit`, 1_000);
    positive(t, f, `msPerOp.${op}.jitless`, 1_000);
    positive(t, f, `ratio.${op}`, 1_000);
  }
  positive(t, f, 'jitlessMessagesPerSecond');
});

t.test('run-all --quick: each report ends with its headline', async (t) => {
  t.ok(existsSync(join(BENCH, 'run-all.mjs')));
  const r = await runBench('run-all.mjs', ['--quick']);
  t.equal(r.code, 0, 'run-all exits 0', { stderr: r.stderr });
  const headlines: Record<string, RegExp> = {
    'wire-overhead': /^overhead single=\d+ B batch=\d+\.\d B\/msg bpv7=\d+ B \(target <= 56\)/,
    startup: /^startup median=\d+ ms ratio=\d+\.\d x node -e 0/,
    'idle-cost': /^idle rss ratio=\d+\.\d\d cpu=\d+\.\d{3}% of a core over \d+ s/,
    jitless: /^jitless cost seal=[\d.]+x open=[\d.]+x pairkey=[\d.]+x card=[\d.]+x$/,
  };
  for (const [name, re] of Object.entries(headlines)) {
    const section = r.stdout.split(`== ${name} (quick)\n`)[1]?.split(/\n\(\d+\.\d s\)\n/)[0] ?? '';
    const last = section.trimEnd().split('\n').at(-1) ?? '';
    t.match(last, re, `${name}: last line of its report is the headline`);
  }
});
