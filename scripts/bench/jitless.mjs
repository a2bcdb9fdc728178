#!/usr/bin/env node
/**
 * What running satcheld with --jitless costs, so that the systemd unit's
 * MemoryDenyWriteExecute= choice rests on a measurement: V8's JIT needs
 * memory that is writable and executable, which that hardening forbids.
 *
 * The same crypto workload (the per-message and per-session work of the
 * daemon) runs in two child processes, plain and --jitless, in this run;
 * figures are jitless time over JIT time per operation.
 *
 *   node scripts/bench/jitless.mjs [--quick] [--json]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, importDist, median, report, round, runMain } from './lib/common.mjs';

const NEEDED = ['daemon/crypto/seal.js', 'daemon/crypto/keys.js', 'daemon/crypto/card.js', 'daemon/util/random.js'];
/** Operations per timed round; rounds per mode. */
const OPS = { seal: 2_000, open: 2_000, pairKey: 40, card: 40 };
const QUICK_DIVISOR = 10;
const ROUNDS = 3;

/** The workload, run inside each child: prints ms per operation as JSON. */
async function workload(divisor) {
  const { sealEnvelope, openEnvelope, PairKeys } = await importDist('daemon/crypto/seal.js');
  const { generateKeyPair } = await importDist('daemon/crypto/keys.js');
  const { makeCard, verifyCard } = await importDist('daemon/crypto/card.js');
  const { systemRandom } = await importDist('daemon/util/random.js');
  const a = generateKeyPair(systemRandom);
  const b = generateKeyPair(systemRandom);
  const ka = new PairKeys();
  const kb = new PairKeys();
  const content = new TextEncoder().encode('x'.repeat(60));
  const n = (op) => Math.max(1, Math.floor(OPS[op] / divisor));
  const time = (count, fn) => {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) fn();
    return (performance.now() - t0) / count;
  };
  let env;
  const out = {};
  // Warm-up round first so the JIT mode is measured at its steady state.
  for (let round = 0; round < 2; round++) {
    out.seal = time(n('seal'), () => { env = sealEnvelope({ sender: a, recipient: b.publicKey, content, lifetimeS: 0, random: systemRandom, keys: ka }).envelope; });
    out.open = time(n('open'), () => openEnvelope(env, b, [a.publicKey], kb));
    out.pairKey = time(n('pairKey'), () => new PairKeys().sending(a, b.publicKey));
    out.card = time(n('card'), () => verifyCard(makeCard(a, b.publicKey, 'x', 1), b.publicKey));
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

function measure(flags, divisor) {
  const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', String(divisor)], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (r.status !== 0) throw new Error(`workload failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function main(opts) {
  ensureBuilt(NEEDED);
  const divisor = opts.quick ? QUICK_DIVISOR : 1;
  const jit = [];
  const jitless = [];
  for (let i = 0; i < ROUNDS; i++) {
    jit.push(measure([], divisor));
    jitless.push(measure(['--jitless'], divisor));
  }
  const ops = Object.keys(OPS);
  const figures = { benchmark: 'jitless', quick: opts.quick, msPerOp: {}, ratio: {} };
  const lines = ['operation   JIT ms/op   --jitless ms/op   ratio'];
  for (const op of ops) {
    const a = median(jit.map((r) => r[op]));
    const b = median(jitless.map((r) => r[op]));
    figures.msPerOp[op] = { jit: round(a, 4), jitless: round(b, 4) };
    figures.ratio[op] = round(b / a, 2);
    lines.push(`${op.padEnd(10)}  ${a.toFixed(4).padStart(9)}   ${b.toFixed(4).padStart(15)}   ${(b / a).toFixed(2)}`);
  }
  const perMessage = figures.msPerOp.seal.jitless + figures.msPerOp.open.jitless;
  figures.jitlessMessagesPerSecond = round(1000 / perMessage, 0);
  lines.push(`with --jitless one laptop seals and opens about ${figures.jitlessMessagesPerSecond} messages per second`);
  report(opts, {
    lines,
    headline: `jitless cost seal=${figures.ratio.seal}x open=${figures.ratio.open}x pairkey=${figures.ratio.pairKey}x card=${figures.ratio.card}x`,
    figures,
  });
}

if (process.argv[2] === '--child') await workload(Number(process.argv[3]));
else runMain(main);
