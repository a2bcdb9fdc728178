#!/usr/bin/env node
/**
 * Writes a contact trace and workload shaped like the ONE's default
 * Helsinki scenario (daemon/sim/street-trace.ts says how) as ONE external
 * events files, for run.mjs and for the ONE itself.
 *
 *   node scripts/sim/helsinki-like.mjs --out DIR [--seed N] [--hours H] [--min-bytes N] [--max-bytes N]
 *
 * Writes DIR/contacts.txt and DIR/messages.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, importDist } from '../bench/lib/common.mjs';

const NEEDED = ['daemon/sim/street-trace.js', 'daemon/sim/one-events.js'];
/** The ONE's default workload: a message every 25 to 35 s, none in the last hour. */
const INTERVAL_S = [25, 35];
const QUIET_END_S = 3600;

function args(argv) {
  const o = { seed: 1, hours: 12, 'min-bytes': 1000, 'max-bytes': 10000 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in o) && name !== 'out') throw new Error(`unknown option ${argv[i]}`);
    const v = argv[++i];
    if (v === undefined) throw new Error(`--${name} needs a value`);
    o[name] = name === 'out' ? v : Number(v);
    if (name !== 'out' && !(Number.isFinite(o[name]) && o[name] >= 0)) throw new Error(`--${name} needs a number`);
  }
  if (o.out === undefined) throw new Error('--out DIR is needed');
  return o;
}

async function main() {
  const o = args(process.argv.slice(2));
  ensureBuilt(NEEDED);
  const [{ streetTrace, HELSINKI_LIKE, randomWorkload }, { formatOneEvents }] = await Promise.all(NEEDED.map(importDist));
  const durationS = Math.round(o.hours * 3600);
  const contacts = streetTrace({ ...HELSINKI_LIKE, seed: o.seed, durationS });
  const messages = randomWorkload({
    seed: o.seed, hosts: contacts.hosts, minIntervalS: INTERVAL_S[0], maxIntervalS: INTERVAL_S[1],
    minBytes: o['min-bytes'], maxBytes: o['max-bytes'], untilS: Math.max(0, durationS - QUIET_END_S),
  });
  mkdirSync(o.out, { recursive: true });
  // Every host appears in the trace even if it never meets anyone: a CONN-free host would be unknown.
  writeFileSync(join(o.out, 'contacts.txt'), `# helsinki-like seed ${o.seed}: ${contacts.hosts.join(' ')}\n${formatOneEvents({ contacts, messages: [] })}`);
  writeFileSync(join(o.out, 'messages.txt'), formatOneEvents({ contacts: [], messages }));
  process.stderr.write(`${contacts.length} contact events, ${messages.length} messages in ${o.out}\n`);
}

main().catch((err) => { process.stderr.write(`${err.message}\n`); process.exitCode = 2; });
