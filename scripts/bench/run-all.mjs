#!/usr/bin/env node
/**
 * `npm run bench`: builds the daemon, then runs every benchmark in turn.
 * Text mode prints each benchmark's report under its name (each report's
 * last line is its headline) and ends with the headlines together; --json
 * prints one JSON object keyed by benchmark name. --quick is passed on.
 * Exits 1 if any benchmark failed to run (a missed target is a figure, not
 * a failure to run). beacon-room needs root for its network namespaces;
 * without root it reports itself skipped and exits 0.
 *
 *   node scripts/bench/run-all.mjs [--quick] [--json] [--only=name,name]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build, parseArgs, ROOT } from './lib/common.mjs';

const BENCHMARKS = ['wire-overhead', 'group-overhead', 'startup', 'idle-cost', 'jitless', 'reconcile', 'ingest', 'meeting', 'beacon-room'];

function run(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'bench', `${name}.mjs`), ...args], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (s) => { stdout += s; });
    child.once('error', (err) => resolve({ code: null, stdout, error: err.message }));
    child.once('close', (code, signal) => resolve({ code, signal, stdout }));
  });
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), { only: (v) => (v ?? '').split(',').filter(Boolean) });
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`usage: node scripts/bench/run-all.mjs [--quick] [--json] [--only=${BENCHMARKS.join(',')}]\n`);
    return;
  }
  const chosen = opts.only?.length ? opts.only : BENCHMARKS;
  const unknown = chosen.filter((n) => !BENCHMARKS.includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}\n`);
    process.exit(2);
  }
  process.stderr.write('bench: building (tsc -p tsconfig.build.json)\n');
  build();

  const args = [...(opts.quick ? ['--quick'] : []), ...(opts.json ? ['--json'] : [])];
  const results = {};
  const headlines = [];
  let failed = false;
  for (const name of chosen) {
    if (!opts.json) process.stdout.write(`== ${name}${opts.quick ? ' (quick)' : ''}\n`);
    const t = performance.now();
    const r = await run(name, args);
    const seconds = (performance.now() - t) / 1000;
    const ok = r.code === 0;
    if (!ok) failed = true;
    if (opts.json) {
      try {
        results[name] = ok ? JSON.parse(r.stdout) : { error: `exit ${r.code ?? r.signal ?? r.error}` };
      } catch {
        failed = true;
        results[name] = { error: 'output is not one JSON object' };
      }
    } else {
      process.stdout.write(r.stdout);
      const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
      headlines.push(ok ? `${name}: ${last}` : `${name}: FAILED (exit ${r.code ?? r.signal ?? r.error})`);
      process.stdout.write(`(${seconds.toFixed(1)} s)\n\n`);
    }
  }
  if (opts.json) {
    process.stdout.write(JSON.stringify(results) + '\n');
  } else {
    process.stdout.write('== headlines\n');
    for (const h of headlines) process.stdout.write(h + '\n');
  }
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`bench: ${err?.stack ?? err}\n`);
  process.exitCode = 1;
});
