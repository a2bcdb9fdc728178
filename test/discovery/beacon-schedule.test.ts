import t from 'tap';
import { BEACON_JITTER_FRACTION, BEACON_MIN_GAP_MS, createPeriodicSchedule } from '../../daemon/discovery/beacon-schedule.js';
import { seededRandom } from '../../daemon/util/random.js';
import { CountingClock } from './fixtures/counting-clock.js';

const INTERVAL = 5_000;

function setup() {
  const clock = new CountingClock();
  const sent: number[] = [];
  const s = createPeriodicSchedule({ clock, random: seededRandom(7), intervalMs: INTERVAL, send: () => sent.push(clock.monotonic()) });
  return { clock, sent, s };
}

t.test('sends at start, then every interval within the jitter band', async (t) => {
  const { clock, sent, s } = setup();
  s.start();
  s.start();
  t.same(sent, [0], 'once at start, start() is idempotent');
  clock.advance(1_000 * INTERVAL);
  const gaps = sent.slice(1).map((at, i) => at - (sent[i] ?? 0));
  const lo = INTERVAL * (1 - BEACON_JITTER_FRACTION);
  const hi = INTERVAL * (1 + BEACON_JITTER_FRACTION);
  t.ok(gaps.every((g) => g >= lo && g <= hi), `gaps in [${lo}, ${hi}]`);
  t.ok(Math.min(...gaps) < INTERVAL * 0.85 && Math.max(...gaps) > INTERVAL * 1.15, 'the band is used');
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  t.ok(Math.abs(mean - INTERVAL) < INTERVAL * 0.02, `mean gap ${mean.toFixed(0)} ms`);
  t.equal(clock.maxLive, 1, 'one timer');
  s.close();
  t.equal(clock.live, 0);
});

t.test('hurry() sends early, coalesced and rate-limited', async (t) => {
  const { clock, sent, s } = setup();
  s.hurry();
  t.same(sent, [], 'no effect before start');
  s.start();
  for (let i = 0; i < 10; i++) s.hurry();
  clock.advance(BEACON_MIN_GAP_MS - 1);
  t.same(sent, [0], 'not before the minimum gap');
  clock.advance(1);
  t.same(sent, [0, BEACON_MIN_GAP_MS], 'ten hurries, one beacon');
  clock.advance(3 * BEACON_MIN_GAP_MS);
  s.hurry();
  t.same(sent.length, 2, 'not sent synchronously');
  clock.advance(0);
  t.same(sent, [0, BEACON_MIN_GAP_MS, 4 * BEACON_MIN_GAP_MS], 'immediately once the gap has passed');
  t.equal(clock.maxLive, 1);
});

t.test('close() stops everything', async (t) => {
  const { clock, sent, s } = setup();
  s.start();
  s.close();
  s.close();
  s.hurry();
  clock.advance(10 * INTERVAL);
  t.same(sent, [0]);
  t.equal(clock.live, 0);
});
