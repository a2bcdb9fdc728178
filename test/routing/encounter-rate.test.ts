/**
 * The encounter count behind encounter-spray: decay worked out by hand, a
 * flapping link counted once, bounded memory, the wire scale, snapshots.
 */
import t, { type Test } from 'tap';
import { createEncounterMeter, encounterScale } from '../../daemon/routing/index.js';
import { DEFAULT_MAX_REMEMBERED_NODES, ENCOUNTER_SCALE_HALF } from '../../daemon/routing/encounter-rate.js';
import { P_SCALE } from '../../daemon/routing/route-info.js';
import { id, MINUTE } from './fixtures/routing.js';

const T0 = 1_700_000_000_000;
const HOUR = 60 * MINUTE;
const close = (t: Test, got: number, want: number, what: string): void => {
  t.ok(Math.abs(got - want) < 1e-9, `${what}: ${got} is ${want}`);
};

t.test('each encounter adds one, and the count decays by e every hour', async (t) => {
  const m = createEncounterMeter();
  t.equal(m.rate(T0), 0, 'nobody met yet');
  m.met(id(0xa), T0);
  t.equal(m.rate(T0), 1);
  close(t, m.rate(T0 + HOUR), Math.exp(-1), 'an hour later');
  m.met(id(0xb), T0 + HOUR);
  close(t, m.rate(T0 + HOUR), Math.exp(-1) + 1, 'a second laptop');
  close(t, m.rate(T0 + 3 * HOUR), (Math.exp(-1) + 1) * Math.exp(-2), 'two more hours');
  const slow = createEncounterMeter({ windowMs: 24 * HOUR });
  slow.met(id(0xa), T0);
  close(t, slow.rate(T0 + 24 * HOUR), Math.exp(-1), 'a day-long window decays by e in a day');
});

t.test('a link that drops and comes back within ten minutes is the same encounter', async (t) => {
  const m = createEncounterMeter();
  m.met(id(0xa), T0);
  m.met(id(0xa), T0 + 5 * MINUTE);
  close(t, m.rate(T0 + 5 * MINUTE), Math.exp(-5 / 60), 'not counted again');
  m.met(id(0xa), T0 + 14 * MINUTE);
  close(t, m.rate(T0 + 14 * MINUTE), Math.exp(-14 / 60), 'nine minutes after the last drop: still the same');
  m.met(id(0xa), T0 + 24 * MINUTE);
  close(t, m.rate(T0 + 24 * MINUTE), Math.exp(-24 / 60) + 1, 'ten minutes after it was last seen: a new encounter');
  const eager = createEncounterMeter({ reencounterMs: 0 });
  eager.met(id(0xa), T0);
  eager.met(id(0xa), T0);
  t.equal(eager.rate(T0), 2, 'with no re-encounter time every meeting counts');
});

t.test('only so many nodes are remembered for the re-encounter check', async (t) => {
  const m = createEncounterMeter({ windowMs: 7 * 24 * HOUR });
  for (let i = 0; i <= DEFAULT_MAX_REMEMBERED_NODES; i++) m.met(id(0x1000 + i), T0);
  const before = m.rate(T0);
  t.equal(Math.round(before), DEFAULT_MAX_REMEMBERED_NODES + 1);
  m.met(id(0x1000 + DEFAULT_MAX_REMEMBERED_NODES), T0 + 1);
  t.ok(m.rate(T0 + 1) < before + 0.5, 'the latest is still remembered');
  m.met(id(0x1000), T0 + 1);
  t.ok(m.rate(T0 + 1) > before + 0.5, 'the first was forgotten, so it counts again');
});

t.test('a clock that goes back does not raise or lower the count', async (t) => {
  const m = createEncounterMeter();
  m.met(id(0xa), T0 + HOUR);
  t.equal(m.rate(T0), 1, 'earlier than the last meeting: no decay');
  close(t, m.rate(T0 + HOUR), Math.exp(-1), 'decay counts from the earlier time now');
});

t.test('the wire scale: rate / (rate + 8) in 1/65535 steps', async (t) => {
  t.equal(ENCOUNTER_SCALE_HALF, 8);
  t.equal(encounterScale(0), 0);
  t.equal(encounterScale(8), 32768 / P_SCALE, '8 encounters: the middle');
  t.equal(encounterScale(1), 7282 / P_SCALE, '1/9 of 65535 is 7281.67');
  t.equal(encounterScale(1e12), (P_SCALE - 1) / P_SCALE, 'never 1, so every rate keeps an order');
  for (const bad of [-1, NaN, Infinity, -Infinity]) t.equal(encounterScale(bad), 0, String(bad));
  t.ok(encounterScale(2) > encounterScale(1.9), 'keeps the order of rates');
});

t.test('snapshots keep the count; anything else starts from zero', async (t) => {
  const m = createEncounterMeter();
  m.met(id(0xa), T0);
  m.met(id(0xb), T0);
  const saved = JSON.parse(JSON.stringify(m.snapshot())) as unknown;
  t.same(saved, { rate: 2, atMs: T0 });
  const again = createEncounterMeter({ snapshot: saved });
  close(t, again.rate(T0 + HOUR), 2 * Math.exp(-1), 'decays on from the saved time');
  for (const bad of [null, 'x', {}, { rate: -1, atMs: T0 }, { rate: 'many', atMs: T0 }, { rate: 1e9, atMs: T0 }, { rate: 1, atMs: -5 }, { rate: NaN, atMs: T0 }]) {
    t.equal(createEncounterMeter({ snapshot: bad }).rate(T0), 0, `fresh from ${JSON.stringify(bad)}`);
  }
  t.equal(createEncounterMeter({ snapshot: { rate: 3, atMs: null } }).rate(T0), 0, 'no time: no count');
});

t.test('bad arguments are refused by name', async (t) => {
  const bad = { code: 'INVALID_ARGUMENT' };
  t.throws(() => createEncounterMeter({ windowMs: 0 }), bad);
  t.throws(() => createEncounterMeter({ windowMs: 30 * 24 * HOUR }), bad);
  t.throws(() => createEncounterMeter({ reencounterMs: -1 }), bad);
  const m = createEncounterMeter();
  t.throws(() => m.met('not-an-id', T0), bad);
  t.throws(() => m.met(id(0xa), -1), bad);
  t.throws(() => m.rate(NaN), bad);
});
