/**
 * Scenarios small enough to work out by hand, run through the real
 * messenger, routing and peer links for every strategy.
 */
import t from 'tap';
import { parseOneEvents } from '../../daemon/sim/one-events.js';
import { runSimulation, type SimResult } from '../../daemon/sim/engine.js';

const STRATEGIES = ['direct', 'epidemic', 'spray-and-wait', 'prophet', 'prophet-spray', 'encounter-spray'] as const;
type Strategy = (typeof STRATEGIES)[number];

async function run(trace: string, strategy: string, extra: { bandwidthBytesPerS?: number; endS?: number } = {}): Promise<SimResult> {
  return runSimulation({ events: parseOneEvents(trace, 'trace'), strategy, seed: 7, ...extra });
}

/** Latency beyond the meeting that delivered, in s: the first frames at 250 kB/s take well under 10 ms. */
const TRANSFER_SLACK_S = 0.01;

t.test('A meets B, then B meets C: who carries A\'s message to C', async (t) => {
  const trace = `0 C m1 A C 100
10 CONN A B up
20 CONN A B down
30 CONN B C up
40 CONN B C down
`;
  // Direct waits for A to meet C, which never happens; PRoPHET's B has never
  // met C when it meets A, so B is no likelier than A to meet C and gets nothing.
  // prophet-spray sprays blind, since nobody knows C. encounter-spray: A and
  // B had met nobody before, so they are equals and share the copies.
  const expected: Record<Strategy, { delivered: number; relayed: number }> = {
    direct: { delivered: 0, relayed: 0 },
    epidemic: { delivered: 1, relayed: 2 },
    'spray-and-wait': { delivered: 1, relayed: 2 },
    prophet: { delivered: 0, relayed: 0 },
    'prophet-spray': { delivered: 1, relayed: 2 },
    'encounter-spray': { delivered: 1, relayed: 2 },
  };
  for (const s of STRATEGIES) {
    const r = await run(trace, s);
    const m = r.metrics;
    t.equal(m.created, 1, `${s}: created`);
    t.equal(m.delivered, expected[s].delivered, `${s}: delivered`);
    t.equal(m.relayed, expected[s].relayed, `${s}: relayed`);
    if (expected[s].delivered === 1) {
      t.equal(m.overheadRatio, 1, `${s}: one transfer beyond the one that delivered`);
      t.ok(m.latencyMedianS !== null && m.latencyMedianS >= 30 && m.latencyMedianS < 30 + TRANSFER_SLACK_S, `${s}: arrives as B meets C (${m.latencyMedianS})`);
      t.ok(m.store.proofsAccepted >= 1, `${s}: B takes C's delivery proof`);
      t.equal(m.nodes.find((n) => n.name === 'B')?.final.carry, m.store.finalCarryBytes, `${s}: only B carries anything at the end`);
    } else {
      t.equal(m.overheadRatio, null, `${s}: no overhead ratio without a delivery (the ONE prints NaN)`);
      t.equal(m.nodes.find((n) => n.name === 'B')?.peakCarryBytes, 0, `${s}: B never carried it`);
      t.ok((m.nodes.find((n) => n.name === 'A')?.final.outbox ?? 0) > 100, `${s}: the message still waits in A's outbox`);
    }
  }
});

t.test('when B has met C before, PRoPHET hands A\'s message to B too', async (t) => {
  const trace = `0 CONN B C up
5 CONN B C down
6 C m1 A C 100
10 CONN A B up
20 CONN A B down
30 CONN B C up
40 CONN B C down
`;
  // encounter-spray: B had met one laptop (C) and A none, so B gets half.
  const expected: Record<Strategy, number> = { direct: 0, epidemic: 1, 'spray-and-wait': 1, prophet: 1, 'prophet-spray': 1, 'encounter-spray': 1 };
  for (const s of STRATEGIES) {
    const m = (await run(trace, s)).metrics;
    t.equal(m.delivered, expected[s], `${s}: delivered`);
    t.equal(m.relayed, expected[s] * 2, `${s}: relayed`);
    if (expected[s] === 1) t.ok(m.latencyMedianS !== null && m.latencyMedianS >= 24 && m.latencyMedianS < 24 + TRANSFER_SLACK_S, `${s}: latency from 6 s to 30 s`);
  }
});

t.test('encounter-spray hands half its copies to B only when B has met at least as many laptops as A', async (t) => {
  // B meets C twice, more than ten minutes apart: two encounters, worth
  // 1 + e^(-700/3600) = 1.823 at 700 s and 1.808 when A meets B at 730 s,
  // announced as round(1.808 / 9.808 * 65535) = 12082. A met D at 710 s:
  // e^(-20/3600) = 0.994, or 7246. B is better connected, gets 3 of A's 6
  // copies and delivers at 750 s.
  const trace = `0 CONN B C up
10 CONN B C down
700 CONN B C up
710 CONN A D up
710 CONN B C down
715 CONN A D down
720 C m1 A C 100
730 CONN A B up
740 CONN A B down
750 CONN B C up
760 CONN B C down
`;
  const expected: Record<Strategy, number> = { direct: 0, epidemic: 1, 'spray-and-wait': 1, prophet: 1, 'prophet-spray': 1, 'encounter-spray': 1 };
  for (const s of STRATEGIES) {
    const r = await run(trace, s);
    t.equal(r.metrics.delivered, expected[s], `${s}: delivered`);
    t.equal(r.metrics.relayed, expected[s] * 2, `${s}: relayed`);
    if (expected[s] === 1) {
      const m = r.metrics;
      t.ok(m.latencyMedianS !== null && m.latencyMedianS >= 30 && m.latencyMedianS < 30 + TRANSFER_SLACK_S, `${s}: from 720 s to 750 s (${m.latencyMedianS})`);
    }
  }
  // Without B's second meeting with C, B's one encounter has decayed to
  // e^(-730/3600) = 0.816 (6069), below A's 7246: A keeps its copies.
  const one = await run(trace.split('\n').filter((l) => !l.startsWith('700 ') && !l.startsWith('710 CONN B')).join('\n'), 'encounter-spray');
  t.equal(one.metrics.delivered, 0, 'B less connected than A: nothing handed over');
  t.equal(one.metrics.relayed, 0);
});

t.test('sender and recipient meet: every strategy hands over directly, with no overhead', async (t) => {
  const trace = `0 C m1 A C 100
1 C m2 C A 200
10 CONN A C up
20 CONN A C down
`;
  for (const s of STRATEGIES) {
    const m = (await run(trace, s)).metrics;
    t.equal(m.delivered, 2, `${s}: both delivered`);
    t.equal(m.relayed, 2, `${s}: one transfer each`);
    t.equal(m.overheadRatio, 0, `${s}: overhead 0`);
    t.equal(m.latencyMeanS !== null && Math.round(m.latencyMeanS * 10) / 10, 9.5, `${s}: latencies 10 s and 9 s`);
    t.equal(m.store.finalOutboxBytes, 0, `${s}: the receipts (or acks) emptied both outboxes`);
  }
});

t.test('a short contact moves only what crosses before it ends; the rest goes at the next one', async (t) => {
  // 1,000 B/s: a 4,000-byte text takes about 4.1 s on the air, so of two
  // texts written at 1 s and 2 s only the first has crossed when the
  // contact ends at 8 s. The second goes at the next contact.
  const trace = `0 CONN A C up
1 C m1 A C 4000
2 C m2 A C 4000
8 CONN A C down
100 CONN A C up
120 CONN A C down
`;
  for (const s of STRATEGIES) {
    const first = await run(trace, s, { bandwidthBytesPerS: 1000, endS: 50 });
    t.equal(first.metrics.delivered, 1, `${s}: one text in the first contact`);
    const firstM = first.messages.find((m) => m.oneId === 'm1');
    t.ok(firstM?.deliveredMs !== undefined && firstM.deliveredMs > 5000 && firstM.deliveredMs < 5300, `${s}: m1 after about 4.1 s on the air (${firstM?.deliveredMs} ms)`);
    t.ok(first.metrics.bytes.total > 4000 && first.metrics.bytes.total <= 8000, `${s}: no more than the contact's 8,000 bytes were spent`);
    const all = await run(trace, s, { bandwidthBytesPerS: 1000 });
    t.equal(all.metrics.delivered, 2, `${s}: both by the end`);
    t.equal(all.metrics.relayed, 2, `${s}: the cut transfer is not counted as a relay`);
    const m2 = all.messages.find((m) => m.oneId === 'm2');
    t.ok(m2?.deliveredMs !== undefined && m2.deliveredMs > 100_000, `${s}: m2 in the second contact`);
  }
});

t.test('a message with a file arrives whole and counts once', async (t) => {
  const trace = `0 C pic A C 40000
10 CONN A B up
20 CONN A B down
30 CONN B C up
40 CONN B C down
`;
  const m = (await run(trace, 'epidemic')).metrics;
  t.equal(m.delivered, 1);
  t.equal(m.relayed, 2, 'its header crossed twice; its pieces are not extra messages');
  t.ok(m.bytes.data > 2 * 40000, 'both pieces crossed both links');
});

t.test('bad options are refused by name', async (t) => {
  const events = parseOneEvents('0 C m1 A B 10\n1 CONN A B up\n');
  await t.rejects(runSimulation({ events, strategy: 'flooding' }), { code: 'CONFIG' });
  await t.rejects(runSimulation({ events, strategy: 'epidemic', bufferBytes: -1 }), { code: 'INVALID_ARGUMENT' });
  await t.rejects(runSimulation({ events, strategy: 'epidemic', bandwidthBytesPerS: 0 }), { code: 'INVALID_ARGUMENT' });
  await t.rejects(runSimulation({ events, strategy: 'epidemic', seed: 1.5 }), { code: 'INVALID_ARGUMENT' });
  await t.rejects(runSimulation({ events, strategy: 'epidemic', endS: NaN }), { code: 'INVALID_ARGUMENT' });
  await t.rejects(runSimulation(null as never), { code: 'INVALID_ARGUMENT' });
});
