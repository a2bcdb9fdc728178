/**
 * One laptop of scripts/bench/beacon-room.mjs: the compiled beacon and
 * nothing else, run as `ip netns exec NS node beacon-room-node.mjs JSON`.
 * Prints JSON lines on stdout: 'ready' once its first beacon is out, the
 * first beacon heard from each node on each family (with Date.now()), and
 * replies to commands read from stdin: 'counters' and 'reconfigure' (to
 * switch between the quiet and the fixed schedule). Exits when stdin closes.
 *
 *   config: { nodeIdHex, iface, trickle?, fixedIntervalMs? }
 */
import { createInterface } from 'node:readline';
import { createBeacon } from '../../../dist/daemon/discovery/beacon.js';
import { systemClock } from '../../../dist/daemon/util/clock.js';
import { createCounters } from '../../../dist/daemon/util/counters.js';
import { createLogger } from '../../../dist/daemon/util/log.js';
import { systemRandom } from '../../../dist/daemon/util/random.js';

/** Any port: nothing dials it, the beacon only advertises it. */
const SESSION_PORT = 4_000;

const cfg = JSON.parse(process.argv[2] ?? '{}');
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const counters = createCounters();
const logger = createLogger({ level: 'warn', component: 'bench-laptop',
  sink: { out: (l) => process.stderr.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') } });
const reported = new Set();

function makeBeacon(schedule) {
  const b = createBeacon({
    sessionPort: SESSION_PORT, nodeId: Buffer.from(cfg.nodeIdHex, 'hex'), interface: cfg.iface,
    clock: systemClock, random: systemRandom, logger, counters, ...schedule,
  });
  b.on('beacon', (h) => {
    const key = `${Buffer.from(h.nodeId).toString('hex')}/${h.family}`;
    if (reported.has(key)) return;
    reported.add(key);
    out({ type: 'heard', nodeIdHex: key.split('/')[0], family: h.family, at: Date.now() });
  });
  return b;
}

const initial = cfg.fixedIntervalMs !== undefined ? { fixedIntervalMs: cfg.fixedIntervalMs } : { trickle: cfg.trickle };
let beacon = makeBeacon(initial);
await beacon.start();
out({ type: 'ready', at: Date.now() });

createInterface({ input: process.stdin }).on('close', () => process.exit(0)).on('line', async (line) => {
  const c = JSON.parse(line);
  try {
    if (c.cmd === 'counters') return out({ type: 'reply', id: c.id, counters: counters.snapshot() });
    if (c.cmd === 'reconfigure') {
      await beacon.close();
      beacon = makeBeacon(c.schedule);
      await beacon.start();
      return out({ type: 'reply', id: c.id });
    }
    out({ type: 'reply', id: c.id, error: `unknown command ${c.cmd}` });
  } catch (err) {
    out({ type: 'reply', id: c.id, error: String(err) });
  }
});
