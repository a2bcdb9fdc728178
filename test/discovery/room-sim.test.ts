/**
 * The whole quiet beacon (real schedule, real room view) in simulated
 * classrooms with the daemon's default parameters, against the fixed
 * one-beacon-per-second scheme. Deterministic; the same claims are checked
 * on real sockets in namespaces by room.test.ts.
 */
import t from 'tap';
import { DEFAULT_TRICKLE } from '../../daemon/discovery/beacon-trickle.js';
import { NEIGHBOUR_TIMEOUT_MS } from '../../daemon/discovery/neighbour-table.js';
import { SimRoom } from './fixtures/sim-room.js';

const P = DEFAULT_TRICKLE;
/** Long enough for the silence bound to cycle several times, in ms. */
const SETTLE_MS = 4 * P.maxSilenceMs;
const WINDOW_MS = 4 * P.maxSilenceMs;

/** Beacons per second from a settled room of `n`, and what else the run showed. */
function settledRoom(n: number, fixedIntervalMs?: number) {
  const room = new SimRoom({ trickle: P, seed: n, ...(fixedIntervalMs !== undefined ? { fixedIntervalMs } : {}) });
  // A class switching on over half a minute.
  for (let i = 0; i < n; i++) {
    room.add();
    room.clock.advance(30_000 / n);
  }
  // The last one to switch on hears the answers within Imin.
  room.clock.advance(2 * P.iminMs);
  const allKnew = room.allKnowAll();
  room.clock.advance(SETTLE_MS);
  const from = room.clock.monotonic();
  room.clock.advance(WINDOW_MS);
  const perSecond = room.sentBetween(from, from + WINDOW_MS) / (WINDOW_MS / 1000);
  return { room, perSecond, allKnew, longestSilence: room.longestSilence(from) };
}

t.test('room traffic stays nearly flat from 10 to 25 to 50 laptops; fixed beacons grow fivefold', async (t) => {
  const quiet = [10, 25, 50].map((n) => ({ n, ...settledRoom(n) }));
  const fixed = [10, 50].map((n) => ({ n, ...settledRoom(n, 1_000) }));
  for (const q of quiet) {
    t.ok(q.allKnew, `${q.n}: every laptop heard every other within 2 s of the last switching on`);
    t.ok(q.longestSilence <= P.maxSilenceMs, `${q.n}: nobody silent longer than the bound (${q.longestSilence} ms)`);
    t.ok(q.longestSilence < NEIGHBOUR_TIMEOUT_MS / 2, `${q.n}: far inside the neighbour timeout`);
  }
  const [q10, q25, q50] = quiet.map((q) => q.perSecond) as [number, number, number];
  const [f10, f50] = fixed.map((f) => f.perSecond) as [number, number];
  t.comment(`beacons/s: quiet ${q10.toFixed(3)} / ${q25.toFixed(3)} / ${q50.toFixed(3)}, fixed ${f10.toFixed(1)} / ${f50.toFixed(1)}`);
  t.ok(q50 / q10 <= 1.6, `50 laptops send at most 1.6 times what 10 do (${(q50 / q10).toFixed(2)}x)`);
  t.ok(q25 / q10 <= 1.3, `25 vs 10: ${(q25 / q10).toFixed(2)}x`);
  t.ok(f50 / f10 > 4.5 && f50 / f10 < 5.5, `fixed: ${(f50 / f10).toFixed(2)}x`);
  t.ok(q50 < f50 / 50, `a room of 50 sends less than a fiftieth of the fixed scheme (${q50.toFixed(2)} vs ${f50.toFixed(1)} /s)`);
});

t.test('a newcomer to a settled room of 50 is heard at once and hears everyone within Imin', async (t) => {
  const { room } = settledRoom(50);
  const n = room.add();
  const joined = room.clock.monotonic();
  room.clock.advance(P.iminMs * 1.5);
  const others = room.laptops.filter((l) => l !== n);
  t.ok(others.every((l) => l.firstHeard.get(n.id) === joined), 'its first beacon, sent on start, reached all');
  const last = Math.max(...others.map((l) => n.firstHeard.get(l.id) ?? Infinity));
  t.ok(last - joined <= P.iminMs * 1.5, `it heard all 50 within ${last - joined} ms`);
  const burst = room.sentBetween(joined, joined + 2 * P.iminMs);
  t.ok(burst <= 50 + 3, `the arrival cost one answer per laptop (${burst} beacons)`);
});

t.test('a laptop that missed the newcomer\'s first beacon still finds it within seconds', async (t) => {
  let deaf = '';
  let until = 0;
  const room = new SimRoom({ trickle: P, seed: 3, lose: (from, to, now) => to.id === deaf && from.id === 'l10' && now < until });
  for (let i = 0; i < 10; i++) room.add();
  room.clock.advance(SETTLE_MS);
  deaf = 'l4';
  until = room.clock.monotonic() + 1;
  const n = room.add();
  const joined = room.clock.monotonic();
  room.clock.advance(5 * P.iminMs);
  const m = room.laptops[4]!;
  t.ok((m.firstHeard.get(n.id) ?? Infinity) - joined < 2 * P.iminMs, 'l4 heard the newcomer answering the others');
  t.ok((n.firstHeard.get(m.id) ?? Infinity) - joined < 3 * P.iminMs, 'and the newcomer heard l4 answering it');
});

t.test('a laptop back from out of range announces itself again at once', async (t) => {
  const room = new SimRoom({ trickle: P, seed: 9 });
  for (let i = 0; i < 25; i++) room.add();
  room.clock.advance(SETTLE_MS);
  const x = room.laptops[7]!;
  x.away = true;
  room.clock.advance(60_000);
  x.away = false;
  const back = room.clock.monotonic();
  room.clock.advance(3 * P.iminMs);
  t.ok(x.sent.some((at) => at >= back && at < back + 2 * P.iminMs),
    'it sends within Imin of hearing the room again, although the room is busy enough to suppress it');
});
