/**
 * A carrier killed with SIGKILL in the middle of a sync (a pulled battery)
 * comes back with a consistent store, takes the rest at the next meeting,
 * and every message still reaches its recipient exactly once.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity, Identity } from './fixtures/activity.js';
import { e2eUnavailable, logsOf, type Laptop } from './fixtures/laptop.js';
import { createLine } from './fixtures/line.js';
import { sleep, waitFor } from './fixtures/wait.js';

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

const MESSAGES = 150;
/** 150 messages of 4000 bytes over a 1 Mbit/s link take about five seconds: time to pull the plug. */
const TEXT = 'x'.repeat(4000);
const PHASE_WAIT_MS = 60_000;

interface Node { laptop: Laptop; app: Activity; me: Identity }

const carrying = async (n: Node): Promise<number> => Number((await n.app.status())['carry_envelopes']);

t.test('a carrier killed mid-sync keeps a consistent store and every message arrives once', async (t) => {
  const line = await createLine(t, ['A', 'B', 'C']);
  const apps = await Promise.all(line.laptops.map((l) => l.activity(t)));
  // Epidemic routing, named: A has met C and B nobody, and the default (encounter-spray) gives
  // copies only to a laptop that has met as many; this test is about a carrier's crash.
  const args = (l: Laptop): string[] => {
    const conf = join(l.dir, 'epidemic.conf');
    writeFileSync(conf, '[routing]\nstrategy = epidemic\n');
    return ['--config', conf];
  };
  await Promise.all(line.laptops.map((l) => l.start(args(l))));
  const [A, B, C] = await Promise.all(line.laptops.map(async (laptop, i) => ({ laptop, app: apps[i]!, me: await apps[i]!.identity() }))) as [Node, Node, Node];
  const all = (): string => logsOf(...line.laptops);

  // A and C are classmates: they met at school, on a link of their own.
  const l0 = line.links[0]!;
  execFileSync('ip', ['link', 'add', 'sxca', 'netns', A.laptop.ns, 'type', 'veth', 'peer', 'name', 'sxcc', 'netns', C.laptop.ns]);
  for (const [n, dev, addr] of [[A, 'sxca', '10.75.0.1/24'], [C, 'sxcc', '10.75.0.2/24']] as const) {
    execFileSync('ip', ['-n', n.laptop.ns, 'addr', 'add', addr, 'dev', dev]);
    execFileSync('ip', ['-n', n.laptop.ns, 'link', 'set', dev, 'up']);
  }
  await waitFor(async () => (await A.app.neighbours()).some((x) => x.id === C.me.id) || undefined, 'A and C to meet', PHASE_WAIT_MS, all);
  await A.app.addContact(C.me.id);
  await C.app.addContact(A.me.id);
  execFileSync('ip', ['-n', A.laptop.ns, 'link', 'del', 'sxca']);

  const ids: string[] = [];
  for (let i = 0; i < MESSAGES; i++) ids.push(await A.app.send(C.me.id, `${i} ${TEXT}`));
  // A slow radio between A and B.
  for (const s of [l0.left, l0.right]) {
    execFileSync('ip', ['netns', 'exec', s.ns, 'tc', 'qdisc', 'add', 'dev', s.iface, 'root', 'tbf', 'rate', '1mbit', 'burst', '32kbit', 'latency', '400ms']);
  }
  await line.up(0);
  const partial = await waitFor(async () => {
    const n = await carrying(B);
    return n > 0 && n < MESSAGES ? n : undefined;
  }, 'B to be part-way through taking the messages', PHASE_WAIT_MS, all);
  t.same(await B.laptop.kill(), { code: null, signal: 'SIGKILL' }, `B killed with ${partial} of ${MESSAGES} taken`);
  await sleep(500);
  await B.laptop.start(args(B.laptop));
  const after = await carrying(B);
  t.ok(after >= partial, `B came back holding ${after} (at least the ${partial} it had acknowledged)`);
  await waitFor(async () => (await carrying(B)) === MESSAGES || undefined, 'B to take the rest when the two meet again', PHASE_WAIT_MS, all);
  line.down(0);

  await line.up(1);
  await waitFor(() => C.app.received().length >= MESSAGES || undefined, `C to receive all ${MESSAGES}`, PHASE_WAIT_MS, all);
  await sleep(1_000);
  const got = C.app.received().map((m) => m.id);
  t.equal(got.length, MESSAGES, 'each shown once');
  t.same([...new Set(got)].sort(), [...ids].sort(), 'every message arrived');
  t.same((await C.app.messages(A.me.id)).length, MESSAGES);
});
