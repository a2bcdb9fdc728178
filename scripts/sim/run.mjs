#!/usr/bin/env node
/**
 * Runs satchel's real routing, sync and store on a contact trace and a
 * message workload in the ONE simulator's external events format.
 *
 *   node scripts/sim/run.mjs [--contacts FILE --messages FILE [--hosts FILE]]
 *        [--strategy NAME] [--buffer BYTES] [--bandwidth BYTES_PER_S] [--seed N]
 *        [--end S] [--lifetime S] [--copies N] [--routing-options JSON]
 *        [--relay-points HOST=PLACE,...] [--json] [--quiet]
 *
 * Without --contacts and --messages it runs the standard scenario: the
 * school village with the generator's defaults (3 villages, 3 days, texts),
 * its school servers and bus as relay points, and satchel's default
 * strategy; `npm run sim` does that. --contacts and --messages may name the
 * same file (a trace holding both); --hosts reads the relay points from a
 * hosts.json written by generate.mjs. Progress goes to stderr; the table
 * (or with --json one JSON object) to stdout.
 * Exit status: 0 done, 2 bad arguments or input, 1 anything else.
 */
import { readFileSync } from 'node:fs';
import { ensureBuilt, importDist } from '../bench/lib/common.mjs';

const USAGE = 'usage: run.mjs [--contacts FILE --messages FILE [--hosts FILE]] [--strategy NAME] [--buffer BYTES] [--bandwidth B/s] [--seed N] [--end S] [--lifetime S] [--copies N] [--routing-options JSON] [--relay-points HOST=PLACE,...] [--json] [--quiet]';
/** Largest input file read, in bytes. */
const MAX_INPUT_BYTES = 512 * 1024 * 1024;
const NEEDED = ['daemon/sim/engine.js', 'daemon/sim/one-events.js', 'daemon/sim/result-table.js', 'daemon/routing/index.js', 'daemon/sim/scenario/index.js'];

class UsageError extends Error {}

const positive = (name) => (v) => {
  const n = Number(v);
  if (!(Number.isFinite(n) && n > 0)) throw new UsageError(`--${name} needs a positive number, got ${JSON.stringify(v)}`);
  return n;
};
const integer = (name) => (v) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} needs a whole number, got ${JSON.stringify(v)}`);
  return n;
};
const VALUED = {
  contacts: String, messages: String, hosts: String, strategy: String, buffer: positive('buffer'), bandwidth: positive('bandwidth'),
  seed: integer('seed'), end: positive('end'), lifetime: positive('lifetime'), copies: integer('copies'),
  'routing-options': (v) => {
    try {
      const o = JSON.parse(v);
      if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error('not an object');
      return o;
    } catch (err) {
      throw new UsageError(`--routing-options needs a JSON object: ${err.message}`);
    }
  },
  'relay-points': (v) => Object.fromEntries(v.split(',').filter(Boolean).map((kv) => {
    const [host, place = ''] = kv.split('=');
    return [host, place];
  })),
};

export function parseRunArgs(argv) {
  const o = { json: false, quiet: false, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') o.json = true;
    else if (arg === '--quiet') o.quiet = true;
    else if (arg === '--help' || arg === '-h') o.help = true;
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (!(name in VALUED)) throw new UsageError(`unknown option ${arg}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      o[name] = VALUED[name](value);
    } else {
      throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
    }
  }
  if (!o.help && (o.contacts === undefined) !== (o.messages === undefined)) throw new UsageError('--contacts and --messages go together (neither: the standard scenario)');
  if (o.hosts !== undefined && o.contacts === undefined) throw new UsageError('--hosts goes with --contacts and --messages');
  return o;
}

function readInput(path) {
  const text = readFileSync(path, 'utf8');
  if (text.length > MAX_INPUT_BYTES) throw new UsageError(`${path} is larger than ${MAX_INPUT_BYTES} bytes`);
  return text;
}

function readHosts(path) {
  const hosts = JSON.parse(readInput(path))?.hosts;
  if (!Array.isArray(hosts)) throw new UsageError(`${path} has no "hosts" list (a hosts.json from generate.mjs)`);
  return hosts;
}

function progressLine(p, startedMs) {
  const pct = p.endS > 0 ? Math.min(100, (100 * p.simS) / p.endS) : 100;
  const wall = (performance.now() - startedMs) / 1000;
  const eta = pct > 0 && pct < 100 ? ` eta ${Math.round((wall * (100 - pct)) / pct)} s` : '';
  return `sim ${pct.toFixed(1)}%  ${(p.simS / 3600).toFixed(2)}/${(p.endS / 3600).toFixed(2)} h  created ${p.created}  delivered ${p.delivered}  links ${p.openLinks}  ${wall.toFixed(0)} s${eta}`;
}

async function main() {
  let o;
  try {
    o = parseRunArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    return 2;
  }
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  ensureBuilt(NEEDED);
  const [{ runSimulation }, { parseOneEvents, mergeOneEvents }, { formatResultTable }, { DEFAULT_STRATEGY }, scenario] = await Promise.all(NEEDED.map(importDist));
  let events;
  let relayPoints = o['relay-points'];
  try {
    if (o.contacts === undefined) {
      const s = scenario.generateSchoolVillage({ seed: o.seed });
      events = mergeOneEvents(parseOneEvents(scenario.contactLines(s.contacts), 'standard scenario'), parseOneEvents(scenario.messageLines(s.messages), 'standard scenario'));
      relayPoints ??= scenario.relayPointMap(s.hosts);
      if (!o.quiet) process.stderr.write(`standard scenario: school village, seed ${o.seed}: ${s.hosts.length} hosts, ${s.messages.length} messages\n`);
    } else {
      const contacts = parseOneEvents(readInput(o.contacts), o.contacts);
      events = o.messages === o.contacts ? contacts : mergeOneEvents(contacts, parseOneEvents(readInput(o.messages), o.messages));
      if (o.hosts !== undefined) relayPoints ??= scenario.relayPointMap(readHosts(o.hosts));
    }
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
  o.strategy ??= DEFAULT_STRATEGY;
  const routingOptions = { ...(o['routing-options'] ?? {}), ...(o.copies !== undefined ? { copies: o.copies } : {}) };
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  const result = await runSimulation({
    events, strategy: o.strategy, seed: o.seed,
    ...(Object.keys(routingOptions).length > 0 ? { routingOptions } : {}),
    ...(o.buffer !== undefined ? { bufferBytes: o.buffer } : {}),
    ...(o.bandwidth !== undefined ? { bandwidthBytesPerS: o.bandwidth } : {}),
    ...(o.end !== undefined ? { endS: o.end } : {}),
    ...(o.lifetime !== undefined ? { lifetimeS: o.lifetime } : {}),
    ...(relayPoints !== undefined ? { relayPoints } : {}),
    ...(o.quiet ? {} : {
      progressIntervalMs: tty ? 500 : 10_000,
      onProgress: (p) => process.stderr.write(tty ? `\r${progressLine(p, started)}\x1b[K` : `${progressLine(p, started)}\n`),
    }),
  });
  if (!o.quiet && tty) process.stderr.write('\n');
  if (o.json) {
    const { messages, ...rest } = result;
    process.stdout.write(`${JSON.stringify(rest)}\n`);
  } else {
    process.stdout.write(`${formatResultTable(result)}\n`);
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  const usage = err?.code === 'INVALID_ARGUMENT' || err?.code === 'CONFIG';
  process.stderr.write(`${usage ? err.message : err?.stack ?? err}\n`);
  process.exitCode = usage ? 2 : 1;
});
