import t, { type Test } from 'tap';
import { ManualClock } from '../../daemon/util/clock.js';
import { part } from '../fixtures/core-node.js';
import { friends, nodes, together, until } from '../fixtures/meetings.js';

const YEAR_MS = 365 * 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 10, 1);
const LIFETIME_S = 3600;
const MINUTE_MS = 60_000;

/** A ahead by a year, B (the carrier) behind by a year, C right. */
async function skewed(t: Test) {
  const clocks = [new ManualClock(T0 + YEAR_MS), new ManualClock(T0 - YEAR_MS), new ManualClock(T0)];
  const [a, b, c] = await nodes(t, 3, (i) => ({ clock: clocks[i]!, lifetimeS: LIFETIME_S }));
  const advance = (ms: number): void => { for (const k of clocks) k.advance(ms); };
  return { a: a!, b: b!, c: c!, advance };
}

t.test('clocks a year apart in both directions do not expire a message early', async (t) => {
  const { a, b, c, advance } = await skewed(t);
  await friends(a, c);
  const cId = c.messenger.identity().id;
  const id = await a.messenger.send(cId, 'an hour to live');
  await together(a, b);
  await until('B carries it', () => b.store.carry.doesExist(id));
  await part(a, b);
  advance(50 * MINUTE_MS);
  t.ok(b.store.carry.doesExist(id), 'after 50 of its 60 minutes B still holds it, though its clock is two years behind the sender');
  t.equal(a.messenger.messages(cId)[0]?.state, 'carried', 'nor has the sender given up');
  await together(b, c);
  await until('C has it', () => c.messenger.conversations().length === 1);
  t.equal(c.messenger.messages(a.messenger.identity().id)[0]?.id, id);
});

t.test('nor do they keep a message past its lifetime', async (t) => {
  const { a, b, c, advance } = await skewed(t);
  await friends(a, c);
  const cId = c.messenger.identity().id;
  const id = await a.messenger.send(cId, 'too late');
  await together(a, b);
  await until('B carries it', () => b.store.carry.doesExist(id));
  await part(a, b);
  const states: string[] = [];
  a.messenger.on('messageStateChanged', (s) => { if (s.id === id) states.push(s.state); });
  advance(61 * MINUTE_MS);
  t.notOk(b.store.carry.doesExist(id), "B dropped it when its hour was up, by B's own reckoning");
  t.equal(b.counters.snapshot()['carry.expired'], 1);
  t.same(states, ['expired'], 'the sender is told');
  t.equal(a.messenger.messages(cId)[0]?.state, 'expired');
  t.equal(a.store.outbox.getCount(), 0, 'nothing waits for ever');
  await together(b, c);
  await new Promise((r) => setTimeout(r, 300));
  t.equal(c.messenger.conversations().length, 0, 'C never sees it');
});

t.test('age carried on the envelope counts: a carrier takes only the time left', async (t) => {
  const { a, b, c, advance } = await skewed(t);
  await friends(a, c);
  const id = await a.messenger.send(c.messenger.identity().id, 'forty minutes old on arrival');
  advance(40 * MINUTE_MS);
  await together(a, b);
  await until('B carries it', () => b.store.carry.doesExist(id));
  await part(a, b);
  t.equal(b.store.carry.get(id)?.ageS, 40 * 60, 'B learnt its age from the envelope');
  advance(21 * MINUTE_MS);
  t.notOk(b.store.carry.doesExist(id), 'B dropped it 20 minutes after taking it, not 60');
});
