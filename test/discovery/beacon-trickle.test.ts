import t from 'tap';
import {
  BEACON_IMAX_MS, BEACON_IMIN_MS, BEACON_MAX_SILENCE_MS, BEACON_REDUNDANCY, createTrickleSchedule, DEFAULT_TRICKLE,
  type TrickleParams,
} from '../../daemon/discovery/beacon-trickle.js';
import { seededRandom } from '../../daemon/util/random.js';
import { CountingClock } from './fixtures/counting-clock.js';

const P: TrickleParams = { iminMs: 1_000, imaxMs: 8_000, redundancy: 2, maxSilenceMs: 32_000 };

function setup(params: TrickleParams = P, seed = 5) {
  const clock = new CountingClock();
  const sent: number[] = [];
  const quiet: number[] = [];
  const woke: number[] = [];
  const s = createTrickleSchedule({
    clock, random: seededRandom(seed), params,
    send: () => sent.push(clock.monotonic()), quiet: () => quiet.push(clock.monotonic()),
    wake: () => woke.push(clock.monotonic()),
  });
  return { clock, sent, quiet, woke, s };
}

/** A room that keeps talking: a beacon every `everyMs` for `forMs`, from laptops a, b, c, ... in turn. */
function chatter(clock: CountingClock, s: { heard(from: string): void }, everyMs: number, forMs: number, speakers = 8): void {
  let i = 0;
  for (let at = 0; at < forMs; at += everyMs) {
    s.heard(String.fromCharCode(97 + (i++ % speakers)));
    clock.advance(everyMs);
  }
}

const gapsOf = (xs: number[]): number[] => xs.slice(1).map((x, i) => x - (xs[i] ?? 0));

t.test('defaults: Imin 1 s doubling to 8 s, k = 2, silent at most 24 Imax', async (t) => {
  t.same(DEFAULT_TRICKLE, { iminMs: BEACON_IMIN_MS, imaxMs: BEACON_IMAX_MS, redundancy: BEACON_REDUNDANCY, maxSilenceMs: BEACON_MAX_SILENCE_MS });
  t.same([BEACON_IMIN_MS, BEACON_IMAX_MS, BEACON_REDUNDANCY, BEACON_MAX_SILENCE_MS], [1_000, 8_000, 2, 192_000]);
  t.ok(Object.isFrozen(DEFAULT_TRICKLE));
});

t.test('the first interval is anywhere in [Imin, Imax], so laptops switched on together fall out of step', async (t) => {
  const seconds: number[] = [];
  for (let seed = 1; seed <= 20; seed++) {
    const { clock, sent, s } = setup(P, seed);
    s.start();
    s.start();
    t.same(sent, [0], 'at once on start; start() is idempotent');
    clock.advance(2 * P.imaxMs);
    seconds.push(sent[1] ?? Infinity);
  }
  // First interval I0, then min(2 I0, Imax): its point falls in [2 Imin, 2 Imax).
  t.ok(seconds.every((at) => at >= 2 * P.iminMs && at < 2 * P.imaxMs), `second beacons at ${seconds.map((x) => x.toFixed(0)).join(', ')} ms`);
  t.ok(Math.max(...seconds) - Math.min(...seconds) > P.imaxMs, 'spread over more than an Imax');
});

t.test('alone: one beacon per interval, in its second half, intervals doubling from Imin to Imax and staying there', async (t) => {
  const { clock, sent, quiet, s } = setup();
  s.start();
  clock.advance(100_000);
  t.ok(gapsOf(sent).every((g) => g <= 1.5 * P.imaxMs), 'never more than one and a half Imax apart');
  // A reset starts the doubling again from a known moment: intervals of
  // 1, 2, 4 s, then 8 s, from T.
  const T = clock.monotonic();
  s.hurry();
  const end = T + 7_000 + 24 * 8_000;
  clock.advance(end - T);
  const starts = [T, T + 1_000, T + 3_000, T + 7_000];
  while ((starts.at(-1) ?? 0) < end) starts.push((starts.at(-1) ?? 0) + 8_000);
  const after = sent.filter((at) => at >= T);
  t.ok((after[0] ?? Infinity) < T + P.iminMs, 'the reset\'s own beacon within the first Imin');
  for (const at of after.slice(1)) {
    const i = starts.filter((st) => st <= at).length - 1;
    const size = (starts[i + 1] ?? Infinity) - (starts[i] ?? 0);
    t.ok(at >= (starts[i] ?? 0) + size / 2 && at < (starts[i] ?? 0) + size, `${at - T} ms after T in the second half of [${(starts[i] ?? 0) - T}, +${size})`);
  }
  t.equal(after.length, starts.filter((st) => st < end).length, 'one per interval');
  t.equal(quiet.length, 0, 'nobody heard, nothing suppressed');
  t.equal(clock.maxLive, 1, 'one timer');
});

t.test('suppression: k beacons heard before the point silence ours; k - 1 do not', async (t) => {
  t.test('k heard in every interval', async (t) => {
    const { clock, sent, quiet, s } = setup();
    s.start();
    // Two beacons per half Imin: whatever the interval, k are heard before its point.
    chatter(clock, s, 250, 20 * P.maxSilenceMs);
    const gaps = gapsOf(sent);
    t.ok(quiet.length > 50, `${quiet.length} points suppressed`);
    t.ok(gaps.every((g) => g <= P.maxSilenceMs), `silence bound kept: longest gap ${Math.max(...gaps)} ms`);
    t.ok(gaps.every((g) => g > P.maxSilenceMs - 2 * P.imaxMs), `and only the bound made it speak: shortest gap ${Math.min(...gaps)} ms`);
    // Forced points fall between the bound less one and a half Imax and the bound.
    t.ok(sent.length <= 1 + (20 * P.maxSilenceMs) / (P.maxSilenceMs - 1.5 * P.imaxMs), `${sent.length} beacons in ${20 * P.maxSilenceMs / 1000} s`);
  });

  t.test('k - 1 heard in every interval', async (t) => {
    const { clock, sent, quiet, s } = setup({ ...P, redundancy: 3 });
    s.start();
    // Two per Imax at most: fewer than k = 3 in any interval.
    chatter(clock, s, P.imaxMs / 2 + 1, 200_000);
    t.equal(quiet.length, 0, 'never suppressed');
    t.ok(gapsOf(sent).every((g) => g <= 1.5 * P.imaxMs), 'speaks every interval');
  });

  t.test('k = Infinity never keeps quiet', async (t) => {
    const { clock, quiet, s } = setup({ ...P, redundancy: Infinity });
    s.start();
    chatter(clock, s, 10, 100_000);
    t.equal(quiet.length, 0);
  });
});

t.test('between beacons it still wakes at least once per Imax, for the caller to look at its links', async (t) => {
  const { clock, sent, quiet, woke, s } = setup();
  s.start();
  chatter(clock, s, 250, 10 * P.maxSilenceMs);
  const all = [...sent, ...woke].sort((a, b) => a - b);
  t.ok(gapsOf(all).every((g) => g <= P.imaxMs), `longest stretch without a wake-up: ${Math.max(...gapsOf(all))} ms`);
  t.ok(quiet.every((at) => woke.includes(at)), 'a suppressed point is a wake-up');
  t.ok(sent.length > 0 && sent.every((at) => !woke.includes(at)), 'a wake-up that sent a beacon needs no other call');
  t.equal(clock.maxLive, 1, 'on the same one timer');
});

t.test('c counts laptops, not datagrams: one laptop heard over and over never silences us', async (t) => {
  const { clock, quiet, s } = setup();
  s.start();
  chatter(clock, s, 50, 100_000, 1);
  t.equal(quiet.length, 0, 'one speaker, k = 2: never suppressed');
  const two = setup();
  two.s.start();
  chatter(two.clock, two.s, 50, 100_000, 2);
  t.ok(two.quiet.length > 5, 'two speakers are enough');
});

t.test('hurry(): Trickle reset to Imin plus one early beacon, rate-limited', async (t) => {
  const { clock, sent, s } = setup();
  s.start();
  clock.advance(100_000);
  const before = sent.length;
  const at = clock.monotonic();
  s.hurry();
  s.hurry();
  clock.advance(P.iminMs);
  t.equal(sent.length, before + 1, 'one beacon within Imin, however many hurries');
  t.ok((sent.at(-1) ?? 0) - at < P.iminMs);
  // Intervals of 1, 2 and 4 s again: the early beacon and two points by 7 s.
  clock.advance(7_000 - P.iminMs);
  t.equal(sent.length, before + 3, 'back at Imin, doubling again');
  clock.advance(8_000);
  t.equal(sent.length, before + 4, 'then at Imax');

  for (let seed = 1; seed <= 10; seed++) {
    const { clock: c2, sent: s2, s: h } = setup(P, seed);
    h.start();
    for (let i = 0; i < 6; i++) {
      c2.advance(100);
      h.hurry();
    }
    c2.advance(900);
    // The reset's point falls half an Imin in at the earliest; its early
    // beacon waits a whole Imin after the start beacon. Whichever comes first
    // stands for both.
    if (s2.length !== 2 || (s2[1] ?? 0) < 100 + P.iminMs / 2) t.fail(`seed ${seed}: ${s2.join(', ')}`);
  }
  t.pass('a burst of hurries right after start: one more beacon, not sooner than half an Imin');
});

t.test('answer(): one early beacon, spread over Imin, sent even in a busy room; no reset', async (t) => {
  const { clock, sent, s } = setup(P, 11);
  s.start();
  chatter(clock, s, 250, 100_000);
  const spread: number[] = [];
  for (let i = 0; i < 40; i++) {
    while (clock.monotonic() - (sent.at(-1) ?? 0) < P.iminMs) chatter(clock, s, 250, 250);
    const before = sent.length;
    const at = clock.monotonic();
    for (let j = 0; j < 5; j++) { s.answer(); s.heard(`n${j}`); }
    chatter(clock, s, 250, P.iminMs);
    t.equal(sent.length, before + 1, 'five answers, one beacon, in spite of the chatter');
    spread.push((sent.at(-1) ?? 0) - at);
    chatter(clock, s, 250, 3_000);
  }
  t.ok(spread.every((d) => d >= 0 && d < P.iminMs), 'within Imin');
  t.ok(Math.max(...spread) - Math.min(...spread) > P.iminMs / 2, 'and spread, so a room does not answer in one burst');

  const { clock: c2, sent: s2, s: q } = setup(P, 11);
  q.start();
  c2.advance(100_000);
  const n = s2.length;
  q.answer();
  c2.advance(7_000);
  // A reset would have added points at Imin, 2 Imin and 4 Imin.
  t.ok(s2.length - n <= 2, `the answer and at most one Imax point (${s2.length - n})`);
});

t.test('random draws stay in their bounds over many intervals and seeds', async (t) => {
  for (let seed = 1; seed <= 20; seed++) {
    const { clock, sent, s } = setup(P, seed);
    s.start();
    for (let i = 0; i < 30; i++) {
      clock.advance(5_000);
      if (i % 7 === 0) s.hurry();
      if (i % 5 === 0) s.answer();
    }
    const gaps = gapsOf(sent);
    // An early beacon at an interval's start stands for its point, so the
    // next may come nearly two intervals later; never closer than half Imin.
    if (!gaps.every((g) => g >= P.iminMs / 2 - 1e-9 && g < 2 * P.imaxMs)) t.fail(`seed ${seed}: gaps ${gaps.join(',')}`);
    if (clock.maxLive !== 1) t.fail(`seed ${seed}: ${clock.maxLive} timers`);
  }
  t.pass('gaps between Imin/2 and 2 Imax, one timer, for 20 seeds');
});

t.test('nothing before start(); close() stops everything', async (t) => {
  const { clock, sent, quiet, s } = setup();
  s.heard('a');
  s.answer();
  s.hurry();
  clock.advance(60_000);
  t.same(sent, [], 'silent before start');
  t.equal(clock.live, 0);
  const startedAt = clock.monotonic();
  s.start();
  s.answer();
  s.close();
  s.close();
  s.heard('a');
  s.answer();
  s.hurry();
  clock.advance(10 * P.maxSilenceMs);
  t.same(sent, [startedAt], 'only the start beacon');
  t.same(quiet, []);
  t.equal(clock.live, 0, 'no timer left');
});

t.test('a sender that throws does not stop the schedule', async (t) => {
  const clock = new CountingClock();
  let calls = 0;
  const s = createTrickleSchedule({ clock, random: seededRandom(3), params: P, send: () => { calls++; throw new Error('boom'); } });
  t.throws(() => s.start(), /boom/);
  for (let i = 0; i < 5; i++) t.throws(() => clock.advance(P.imaxMs * 1.5));
  t.ok(calls >= 5, `still called (${calls})`);
  t.equal(clock.live, 1);
  s.close();
});
