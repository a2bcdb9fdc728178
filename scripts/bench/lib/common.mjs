/**
 * What every benchmark shares: its command line (--quick, --json), the
 * compiled daemon it measures, and how it reports. Rules for benchmarks in
 * this project: figures are ratios against a baseline measured in the same
 * run (the machines are shared and noisy), the LAST line printed is the
 * headline, and --json prints all figures as one JSON object and nothing
 * else on stdout. Diagnostics go to stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = join(ROOT, 'dist');
export const DAEMON_BIN = join(DIST, 'daemon', 'bin', 'satcheld.js');

/** Flags every benchmark understands. Unknown flags are an error, not a silent default. */
export function parseArgs(argv = process.argv.slice(2), extra = {}) {
  const opts = { quick: false, json: false, help: false };
  for (const arg of argv) {
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg.startsWith('--') && arg.slice(2).split('=')[0] in extra) {
      const [name, value] = arg.slice(2).split('=');
      opts[name] = extra[name](value);
    } else {
      throw new Error(`unknown argument ${arg} (known: --quick --json ${Object.keys(extra).map((k) => `--${k}=`).join(' ')})`);
    }
  }
  return opts;
}

/** Newest modification time of any .ts file under `dir`, in ms. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Oldest modification time of the compiled files `rel` (relative to dist/), or 0 if one is missing. */
function oldestBuilt(rel) {
  let oldest = Infinity;
  for (const r of rel) {
    const path = join(DIST, r);
    if (!existsSync(path)) return 0;
    oldest = Math.min(oldest, statSync(path).mtimeMs);
  }
  return oldest;
}

/** Runs the project build (scripts/build.mjs: tsc plus the generated wire code); throws with its output on failure. */
export function build() {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
}

/**
 * Builds when any of the compiled modules a benchmark needs is missing or
 * older than a daemon source file, so a benchmark never measures stale code
 * by accident.
 */
export function ensureBuilt(needed) {
  const built = oldestBuilt(needed);
  if (built > newestSource(join(ROOT, 'daemon'))) return;
  process.stderr.write('bench: dist/ is missing or stale; building\n');
  try {
    build();
  } catch (err) {
    // Someone's half-finished edit elsewhere should not stop a measurement of what was built.
    if (built === 0) throw err;
    process.stderr.write(`bench: WARNING: build failed, measuring the previous build in dist/\n${err.message}\n`);
    return;
  }
  const missing = needed.filter((r) => !existsSync(join(DIST, r)));
  if (missing.length > 0) throw new Error(`still missing after the build: ${missing.join(', ')}`);
}

/** Imports a compiled module by its path under dist/, e.g. 'daemon/transport/session.js'. */
export function importDist(rel) {
  return import(pathToFileURL(join(DIST, rel)).href);
}

export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const round = (x, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

/**
 * Prints the report: `lines` then `headline` last, or with --json the
 * figures only. A missed target is a figure, not an error: the benchmark
 * still exits 0; it exits 1 only when it could not measure.
 */
export function report(opts, { lines, headline, figures }) {
  if (opts.json) {
    process.stdout.write(JSON.stringify(figures) + '\n');
  } else {
    for (const line of lines) process.stdout.write(line + '\n');
    process.stdout.write(headline + '\n');
  }
}

/**
 * Runs `main(opts)` with cleanups that also run on SIGINT/SIGTERM, so an
 * interrupted benchmark leaves no namespaces or daemons behind.
 */
export function runMain(main, extra = {}) {
  const cleanups = [];
  let cleaning;
  const cleanup = async () => {
    cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try { await fn(); } catch (err) { process.stderr.write(`bench: cleanup failed: ${err?.message ?? err}\n`); }
      }
    })();
    return cleaning;
  };
  const onSignal = (sig) => {
    process.stderr.write(`bench: ${sig}, cleaning up\n`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), extra);
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`usage: node ${process.argv[1]} [--quick] [--json]\n`);
    return;
  }
  main(opts, (fn) => cleanups.push(fn)).then(
    async () => { await cleanup(); },
    async (err) => {
      await cleanup();
      process.stderr.write(`bench: ${err?.stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
