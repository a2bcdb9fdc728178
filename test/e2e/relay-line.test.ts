/**
 * Use case 3, "relay a few hops": five laptops in a line, A - B - C - D - E,
 * and at most one link up at a time, so A and E never meet and no two
 * laptops that are not next to each other ever talk. A's message reaches
 * E's activity by being carried, E's receipt comes back to A the same way,
 * and once the delivery proofs have gone round no laptop holds a copy.
 */
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ip } from '../discovery/fixtures/netns.js';
import type { Activity, Identity } from './fixtures/activity.js';
import { e2eUnavailable, logsOf, type Laptop } from './fixtures/laptop.js';
import { createLine } from './fixtures/line.js';
import { waitFor } from './fixtures/wait.js';

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

/** One link's meeting: beacons, a dial (perhaps after the grace period), reconciliation, transfer. */
const PHASE_WAIT_MS = 40_000;

interface Node { laptop: Laptop; app: Activity; me: Identity }
type Use = { carry_envelopes: number; outbox_envelopes: number; proofs: number };

async function use(n: Node): Promise<Use> {
  const s = await n.app.status() as Record<string, unknown>;
  return { carry_envelopes: Number(s['carry_envelopes']), outbox_envelopes: Number(s['outbox_envelopes']), proofs: Number(s['proofs']) };
}

/** A and E meet once at school, on a link of their own that is then removed. */
async function introduce(a: Node, e: Node): Promise<void> {
  const tag = randomBytes(2).toString('hex');
  const [ia, ie] = [`sy${tag}a`, `sy${tag}e`];
  ip('link', 'add', ia, 'netns', a.laptop.ns, 'type', 'veth', 'peer', 'name', ie, 'netns', e.laptop.ns);
  ip('-n', a.laptop.ns, 'addr', 'add', '10.74.0.1/24', 'dev', ia);
  ip('-n', e.laptop.ns, 'addr', 'add', '10.74.0.2/24', 'dev', ie);
  ip('-n', a.laptop.ns, 'link', 'set', ia, 'up');
  ip('-n', e.laptop.ns, 'link', 'set', ie, 'up');
  await waitFor(async () => (await a.app.neighbours()).some((x) => x.id === e.me.id) && (await e.app.neighbours()).some((x) => x.id === a.me.id),
    'A and E to meet at school', PHASE_WAIT_MS, () => logsOf(a.laptop, e.laptop));
  await a.app.addContact(e.me.id);
  await e.app.addContact(a.me.id);
  ip('-n', a.laptop.ns, 'link', 'del', ia);
}

t.test('a message crosses four carriers to a laptop its sender never meets, and every copy goes', async (t) => {
  const line = await createLine(t, ['A', 'B', 'C', 'D', 'E']);
  const apps = await Promise.all(line.laptops.map((l) => l.activity(t)));
  // Epidemic routing, named: three carriers in a row, each meeting only the next, are more than the
  // default's six copies reach (6, 3, 1: two carriers), and these new laptops have met nobody, to
  // whom the default (encounter-spray) hands nothing. This test is about carrying, not the default.
  await Promise.all(line.laptops.map((l) => {
    const conf = join(l.dir, 'epidemic.conf');
    writeFileSync(conf, '[routing]\nstrategy = epidemic\n');
    return l.start(['--config', conf]);
  }));
  const nodes: Node[] = await Promise.all(line.laptops.map(async (laptop, i) => ({ laptop, app: apps[i]!, me: await apps[i]!.identity() })));
  const [A, B, C, D, E] = nodes as [Node, Node, Node, Node, Node];
  const all = (): string => logsOf(...line.laptops);
  await introduce(A, E);

  const id = await A.app.send(E.me.id, 'the river is high; come by the bridge');
  const phase = async (link: number, what: string, done: () => Promise<boolean>): Promise<void> => {
    await line.up(link);
    await waitFor(async () => (await done()) || undefined, what, PHASE_WAIT_MS, all);
    line.down(link);
  };

  // Out: each carrier takes a copy it cannot read.
  await phase(0, 'B to carry the message', async () => (await use(B)).carry_envelopes === 1);
  t.match(await A.app.messages(E.me.id), [{ id, state: 'carried', copies: 1 }], 'A sees one copy out');
  await phase(1, 'C to carry the message', async () => (await use(C)).carry_envelopes === 1);
  await phase(2, 'D to carry the message', async () => (await use(D)).carry_envelopes === 1);
  await phase(3, "E's activity to get the message, and D its receipt", async () =>
    E.app.received().length === 1 && (await use(D)).carry_envelopes === 1 && (await use(D)).proofs >= 1);
  t.match(E.app.received(), [{ id, contact_id: A.me.id, text: 'the river is high; come by the bridge', state: 'delivered' }],
    'E got it once, from A, proven by the seal');
  for (const n of [B, C, D]) t.equal(n.app.received().length, 0, `${n.laptop.name} shows nothing: it cannot read what it carries`);

  // Back: the receipt travels like a message, and the proof makes each carrier drop its copy.
  await phase(2, 'C to drop the message and carry the receipt', async () => {
    const u = await use(C);
    return u.carry_envelopes === 1 && u.proofs >= 1;
  });
  await phase(1, 'B to drop the message and carry the receipt', async () => {
    const u = await use(B);
    return u.carry_envelopes === 1 && u.proofs >= 1;
  });
  await phase(0, 'A to learn it was delivered', async () =>
    (await A.app.messages(E.me.id)).some((m) => m.id === id && m.state === 'delivered') && (await use(B)).carry_envelopes === 0);
  t.same(A.app.stateChanges(id).map((s) => s.state).filter((s, i, all) => all.indexOf(s) === i), ['carried', 'delivered'], 'A saw carried, then delivered');
  t.equal((await use(A)).outbox_envelopes, 0, "nothing of A's waits");

  // Out again: A's proof for the receipt clears the receipt's copies too.
  await phase(0, 'B to hold A\'s proof', async () => (await use(B)).proofs >= 2);
  await phase(1, 'C to drop the receipt', async () => (await use(C)).carry_envelopes === 0);
  await phase(2, 'D to drop the receipt', async () => (await use(D)).carry_envelopes === 0);
  await phase(3, "E's outbox to empty", async () => (await use(E)).outbox_envelopes === 0);
  for (const n of nodes) {
    const u = await use(n);
    t.equal(u.carry_envelopes, 0, `${n.laptop.name} carries nothing`);
    t.equal(u.outbox_envelopes, 0, `${n.laptop.name} has nothing waiting`);
  }
  t.equal(E.app.received().length, 1, 'E was shown the message once');
  t.same((await E.app.messages(A.me.id)).map((m) => m.id), [id]);
});
