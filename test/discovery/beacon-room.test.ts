import t from 'tap';
import { createBeaconRoom, steer, type Heard } from '../../daemon/discovery/beacon-room.js';
import type { BeaconSchedule } from '../../daemon/discovery/beacon-schedule.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';

const OPTS = { forgetAfterMs: 100_000, quietSpellMs: 16_000 };

function setup(over: Partial<typeof OPTS & { maxNodes: number }> = {}) {
  const clock = new ManualClock();
  const room = createBeaconRoom({ clock, ...OPTS, ...over });
  return { clock, room };
}

t.test('new, then known', async (t) => {
  const { clock, room } = setup();
  t.equal(room.hear('a'), 'new');
  t.equal(room.hear('a'), 'known', 'the second copy of one beacon');
  clock.advance(1_000);
  t.equal(room.hear('a'), 'known');
  t.equal(room.hear('b'), 'new');
  t.equal(room.size, 2);
});

t.test('back: the first beacon after hearing nobody for a quiet spell', async (t) => {
  const { clock, room } = setup();
  room.hear('a');
  room.hear('b');
  clock.advance(OPTS.quietSpellMs - 1);
  t.equal(room.hear('a'), 'known', 'a polite room is not a quiet spell');
  clock.advance(OPTS.quietSpellMs);
  t.equal(room.hear('b'), 'back', 'heard nobody for a spell: we were away');
  t.equal(room.hear('b'), 'known', 'its twin on the other family');
  t.equal(room.hear('a'), 'known', 'only the first one is back');
  clock.advance(OPTS.quietSpellMs);
  t.equal(room.hear('c'), 'back', 'a stranger after a quiet spell is back too: it calls for the reset');
  const empty = setup();
  empty.clock.advance(10 * OPTS.quietSpellMs);
  t.equal(empty.room.hear('a'), 'new', 'a laptop alone from the start was not away from anyone');
});

t.test('a laptop unheard for forgetAfterMs is forgotten, and new again', async (t) => {
  const { clock, room } = setup();
  room.hear('a');
  for (let i = 0; i < 20; i++) {
    clock.advance(OPTS.forgetAfterMs / 10);
    room.hear('b');
  }
  t.equal(room.size, 1, 'swept while hearing, with no timer');
  t.equal(room.hear('a'), 'new');
});

t.test('bounded: strangers past maxNodes are not stored, and are new each time', async (t) => {
  const { clock, room } = setup({ maxNodes: 3 });
  for (const id of ['a', 'b', 'c', 'd', 'e']) t.equal(room.hear(id), 'new');
  t.equal(room.size, 3);
  clock.advance(1_000);
  t.equal(room.hear('a'), 'known');
  t.equal(room.hear('e'), 'new', 'not remembered');
  const flood = setup({ maxNodes: 100 });
  for (let i = 0; i < 10_000; i++) flood.room.hear(`x${i}`);
  t.equal(flood.room.size, 100, 'ten thousand forged ids hold a hundred entries');
});

t.test('steer(): what the schedule hears of each kind, and what is counted', async (t) => {
  const calls: string[] = [];
  const schedule: BeaconSchedule = {
    start: () => calls.push('start'), heard: (from) => calls.push(`heard ${from}`), answer: () => calls.push('answer'),
    hurry: () => calls.push('hurry'), refresh: () => calls.push('refresh'), close: () => calls.push('close'),
  };
  const counters = createCounters();
  const kinds: Heard[] = ['known', 'new', 'back'];
  for (const k of kinds) steer(schedule, k[0]!, k, counters);
  t.same(calls, ['heard k', 'heard n', 'answer', 'heard b', 'hurry'], 'all count; new is answered; back resets');
  t.same(counters.snapshot(), { 'beacon.back': 1, 'beacon.new_node': 1 });
  steer(schedule, 'x', 'new');
  t.equal(calls.at(-1), 'answer', 'counters are optional');
});
