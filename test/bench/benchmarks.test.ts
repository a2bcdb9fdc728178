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
/** Each benchmark with --quick takes seconds, run-all --quick about half a minute; this is far beyond that. */
const RUN_TIMEOUT_MS = 120_000;

// Seven benchmarks run one after another, then all of them again through run-all.
t.setTimeout(400_000);

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

t.test('ingest --quick --json', async (t) => {
  const f = await runJson(t, 'ingest');
  t.equal(f['benchmark'], 'ingest');
  t.equal(f['quick'], true);
  const records = positive(t, f, 'recordBytes', 200);
  t.ok(records > (f['textBytes'] as number), 'a sealed envelope is larger than its text');
  positive(t, f, 'batches');
  positive(t, f, 'envelopesPerBatch');
  positive(t, f, 'frameBytes', 256 * 1024 + 1);
  const ingest = positive(t, f, 'ingest.perSecondMedian');
  const raw = positive(t, f, 'raw.perSecondMedian');
  t.ok(ingest < raw, 'opening and recording a message costs more than one raw put');
  const ratio = positive(t, f, 'ratio.median', 10);
  t.ok(positive(t, f, 'ratio.worst', 10) <= ratio && ratio <= positive(t, f, 'ratio.best', 10), 'worst <= median <= best');
  positive(t, f, 'openOnly.usPerEnvelope', 10_000);
  positive(t, f, 'openOnly.ratioCeiling', 100);
  t.equal(at(f, 'target.minRatio'), 0.5);
  t.equal(at(f, 'target.pass'), ratio >= 0.5, 'PASS exactly when the median ratio reaches the target');
  const carry = positive(t, f, 'carry.ratio', 10);
  t.ok(positive(t, f, 'carry.perSecondMedian') < raw, 'a carrier also does more than one raw put');
  t.equal(at(f, 'target.carryPass'), carry >= 0.5);
  const runs = at(f, 'runs') as Json[];
  t.equal(runs.length, f['rounds'], 'one entry per round');
  for (const r of runs) {
    positive(t, r, 'ingest.ms');
    positive(t, r, 'raw.ms');
    positive(t, r, 'receiptsQueued', 100);
  }
});

t.test('meeting --quick --json', async (t) => {
  const f = await runJson(t, 'meeting');
  t.equal(f['benchmark'], 'meeting');
  t.equal(f['quick'], true);
  const n = positive(t, f, 'messagesEachWay');
  const body = positive(t, f, 'bodyBytes');
  t.equal(body, 2 * n * (f['textBytes'] as number), 'bodies are both ways, textBytes each');
  const done = positive(t, f, 'seconds.done', 60);
  t.ok(positive(t, f, 'seconds.delivered', 60) >= done, 'delivered comes no earlier than done');
  const settled = positive(t, f, 'bytes.settled.total');
  t.ok(settled >= positive(t, f, 'bytes.done.total'), 'bytes only grow');
  t.ok(settled > body, 'the link carried more than the bodies');
  positive(t, f, 'bytes.overheadPerMessage.settled', 1_000);
  const handshake = positive(t, f, 'bytes.handshake', 4096);
  const split = at(f, 'bytes.split') as Record<string, number>;
  const carried = Object.entries(split).reduce((s, [k, v]) => (k === 'textBodies' ? s : s + v), 0);
  t.equal(carried + handshake, settled, 'the split by frame field accounts for every socket byte');
  t.equal(split['textBodies'], body);
  t.equal(at(f, 'plainTcp.bytes'), body, 'plain TCP carries the bodies and nothing else');
  positive(t, f, 'plainTcp.seconds', 60);
  positive(t, f, 'ratio.timeToPlainTcp');
  t.ok(positive(t, f, 'ratio.bytesToPlainTcp', 100) > 1);
  const counters = at(f, 'counters') as Record<string, number>;
  t.ok((counters['inbound.accepted'] ?? 0) >= 2 * n, 'both sides accepted every text (and the receipts)');
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
    ingest: /^ingest recipient [\d,]+\/s ratio=\d+\.\d{3} (PASS|MISS), carrier [\d,]+\/s ratio=\d+\.\d{3} (PASS|MISS), raw [\d,]+\/s \(target >= 0\.5\)$/,
    meeting: /^meeting \d+\+\d+ done=\d+\.\d\d s \(\d+ x plain TCP\) overhead=\d+\.\d B\/msg beyond 40 B bodies/,
  };
  for (const [name, re] of Object.entries(headlines)) {
    const section = r.stdout.split(`== ${name} (quick)\n`)[1]?.split(/\n\(\d+\.\d s\)\n/)[0] ?? '';
    const last = section.trimEnd().split('\n').at(-1) ?? '';
    t.match(last, re, `${name}: last line of its report is the headline`);
  }
});
