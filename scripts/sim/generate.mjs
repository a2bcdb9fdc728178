#!/usr/bin/env node
/**
 * Writes a school-village scenario (daemon/sim/scenario) as files that both
 * satchel's simulator and the ONE read:
 *
 *   <out>/contacts.txt   <time> CONN <host1> <host2> up|down
 *   <out>/messages.txt   <time> C <msgId> <from> <to> <size>
 *   <out>/hosts.json     which host is a child, teacher, school server or the mule
 *
 *   node scripts/sim/generate.mjs --out=DIR [--seed=1] [--villages=3] [--size-profile=drawing] ...
 *
 * Every parameter of the generator is a flag, written in kebab-case
 * (childrenPerClassroom is --children-per-classroom); --help lists them with
 * their defaults. Runs the compiled code in dist/ and builds it first when
 * the generator's compiled files are missing or older than their sources. Exit 2: bad arguments.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, DIST, importDist, ROOT } from '../bench/lib/common.mjs';

const MODULE = 'daemon/sim/scenario/index.js';
/**
 * The sources the generator is compiled from. Only these decide whether
 * dist/ is stale: the rest of daemon/ changes all the time and rebuilding
 * for it would make every run wait for tsc.
 */
const SOURCES = ['daemon/sim/scenario', 'daemon/errors/satchel-error.ts', 'daemon/routing/checks.ts'];
const STRING_PARAMS = new Set(['muleKind', 'sizeProfile']);
const FILES = { contacts: 'contacts.txt', messages: 'messages.txt', hosts: 'hosts.json' };

const camel = (kebab) => kebab.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

class UsageError extends Error {}

function sourceFiles() {
  return SOURCES.flatMap((rel) => (rel.endsWith('.ts') ? [rel]
    : readdirSync(join(ROOT, rel)).filter((f) => f.endsWith('.ts')).map((f) => `${rel}/${f}`)));
}

/** Builds when a compiled file of the generator is missing or older than its source. */
function ensureGeneratorBuilt() {
  const stale = sourceFiles().some((ts) => {
    const js = join(DIST, ts.replace(/\.ts$/, '.js'));
    return !existsSync(js) || statSync(js).mtimeMs < statSync(join(ROOT, ts)).mtimeMs;
  });
  if (!stale) return;
  process.stderr.write('generate: dist/ is missing or older than the generator sources; building\n');
  try {
    build();
  } catch (err) {
    // tsc still emits when another part of daemon/ has a type error; the generator is usable if it compiled.
    if (!existsSync(join(DIST, MODULE))) throw err;
    process.stderr.write(`generate: WARNING: the build reported errors; using what it compiled\n${err.message}\n`);
  }
}

function parseArgs(argv) {
  const opts = { out: undefined, json: false, help: false, params: {} };
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') opts.help = true;
    else if (arg === '--json') opts.json = true;
    else {
      const m = /^--([a-z][a-z-]*)=(.*)$/.exec(arg);
      if (m === null) throw new UsageError(`unknown argument ${arg} (flags are --name=value; see --help)`);
      const [, name, value] = m;
      if (name === 'out') opts.out = value;
      else {
        const key = camel(name);
        if (key in opts.params) throw new UsageError(`--${name} given twice`);
        // Number('') is 0, which would hide a forgotten value: keep it as text and let the generator refuse it.
        opts.params[key] = STRING_PARAMS.has(key) || value.trim() === '' ? value : Number(value);
      }
    }
  }
  return opts;
}

function usage(defaults) {
  const lines = ['usage: node scripts/sim/generate.mjs --out=DIR [--json] [--PARAMETER=VALUE ...]', '', 'parameters (default):'];
  for (const [name, value] of Object.entries(defaults)) lines.push(`  --${kebab(name)}=${value}`);
  return `${lines.join('\n')}\n`;
}

function summary(scenario, outDir) {
  const roles = {};
  for (const h of scenario.hosts) roles[h.role] = (roles[h.role] ?? 0) + 1;
  return {
    out: outDir,
    hosts: scenario.hosts.length,
    roles,
    contacts: scenario.contacts.filter((e) => e.up).length,
    messages: scenario.messages.length,
    messageBytes: scenario.messages.reduce((sum, m) => sum + m.sizeBytes, 0),
    seed: scenario.params.seed,
  };
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`generate: ${err.message}\n`);
    return 2;
  }
  ensureGeneratorBuilt();
  const scenario = await importDist(MODULE);
  if (opts.help) {
    process.stdout.write(usage(scenario.DEFAULT_SCHOOL_VILLAGE));
    return 0;
  }
  if (opts.out === undefined || opts.out === '') {
    process.stderr.write('generate: --out=DIR is required (the folder the three files go to)\n');
    return 2;
  }
  let s;
  try {
    s = scenario.generateSchoolVillage(opts.params);
  } catch (err) {
    if (err?.code !== 'INVALID_ARGUMENT') throw err;
    process.stderr.write(`generate: ${err.message}\n`);
    return 2;
  }
  const outDir = resolve(opts.out);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, FILES.contacts), scenario.contactLines(s.contacts));
  writeFileSync(join(outDir, FILES.messages), scenario.messageLines(s.messages));
  writeFileSync(join(outDir, FILES.hosts), scenario.hostMapJson(s.params, s.hosts));
  const sum = summary(s, outDir);
  if (opts.json) process.stdout.write(`${JSON.stringify(sum)}\n`);
  else {
    const roles = Object.entries(sum.roles).map(([r, n]) => `${n} ${r}`).join(', ');
    process.stdout.write(`${sum.hosts} hosts (${roles}); ${sum.contacts} contacts; ${sum.messages} messages, ${sum.messageBytes} bytes; seed ${sum.seed}\n`);
    process.stdout.write(`wrote ${Object.values(FILES).map((f) => join(outDir, f)).join(', ')}\n`);
  }
  return 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`generate: ${err?.stack ?? err}\n`);
    process.exitCode = 1;
  },
);
