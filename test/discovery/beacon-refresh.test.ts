import t from 'tap';
import { createTrickleSchedule, type TrickleParams } from '../../daemon/discovery/beacon-trickle.js';
import { createPeriodicSchedule } from '../../daemon/discovery/beacon-schedule.js';
import { createBeacon } from '../../daemon/discovery/beacon.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { silentLogger } from '../../daemon/util/log.js';
import { seededRandom } from '../../daemon/util/random.js';
import { CountingClock } from './fixtures/counting-clock.js';

const P: TrickleParams = { iminMs: 1_000, imaxMs: 8_000, redundancy: 2, maxSilenceMs: 32_000 };

function trickle(seed = 3) {
  const clock = new CountingClock();
  const sent: number[] = [];
  const s = createTrickleSchedule({ clock, random: seededRandom(seed), params: P, send: () => sent.push(clock.monotonic()) });
  return { clock, sent, s };
}

t.test('Trickle refresh: a beacon at once, then intervals from Imin again', async (t) => {
  for (let seed = 1; seed <= 10; seed++) {
    const { clock, sent, s } = trickle(seed);
    s.start();
    clock.advance(60_000);
    // Right after a beacon: the monotonic clock stands still during a sleep, so
    // the last beacon may look recent however long the laptop slept.
    const count = sent.length;
    while (sent.length === count) clock.advance(10);
    clock.advance(100);
    const last = sent[sent.length - 1]!;
    const at = clock.monotonic();
    const before = sent.length;
    s.refresh();
    t.equal(sent.length, before + 1, `seed ${seed}: sent at once, ${(at - last).toFixed(0)} ms after the last one`);
    t.equal(sent[before], at);
    // As at start: that beacon stands for a first interval of Imin; the
    // next interval is 2 Imin with its point in its second half, and so on.
    clock.advance(3 * P.iminMs);
    const next = sent[before + 1];
    t.ok(next !== undefined && next - at >= 2 * P.iminMs && next - at < 3 * P.iminMs, `seed ${seed}: next ${next === undefined ? 'never' : next - at} ms later, in [2, 3) Imin`);
    clock.advance(4 * P.iminMs);
    const third = sent[before + 2];
    t.ok(third !== undefined && third - at >= 5 * P.iminMs && third - at < 7 * P.iminMs, `seed ${seed}: then ${third === undefined ? 'never' : third - at} ms, in [5, 7) Imin`);
    t.ok(clock.live <= 1, 'still one timer');
  }
});

t.test('Trickle refresh does nothing before start or after close', async (t) => {
  const { clock, sent, s } = trickle();
  s.refresh();
  t.same(sent, []);
  s.start();
  s.close();
  s.refresh();
  clock.advance(10_000);
  t.same(sent, [0]);
  t.equal(clock.live, 0, 'no timer left behind');
});

t.test('periodic refresh: a beacon at once, the next a whole interval later', async (t) => {
  const clock = new ManualClock();
  const sent: number[] = [];
  const s = createPeriodicSchedule({ clock, random: seededRandom(2), intervalMs: 5_000, send: () => sent.push(clock.monotonic()) });
  s.refresh();
  t.same(sent, [], 'not before start');
  s.start();
  clock.advance(2_000);
  s.refresh();
  t.same(sent, [0, 2_000]);
  clock.advance(3_500);
  t.equal(sent.length, 2, 'the interval restarted at the refresh (jitter at most 20 %)');
  clock.advance(3_000);
  t.equal(sent.length, 3);
  s.close();
  s.refresh();
  t.equal(sent.length, 3);
});

t.test('a beacon that is not running ignores refresh', async (t) => {
  const counters = createCounters();
  const b = createBeacon({ sessionPort: 4000, nodeId: new Uint8Array(8).fill(3), clock: new ManualClock(), random: seededRandom(1), logger: silentLogger, counters });
  t.doesNotThrow(() => b.refresh(), 'before start');
  await b.close();
  t.doesNotThrow(() => b.refresh(), 'after close');
  t.same(counters.snapshot(), {});
});
