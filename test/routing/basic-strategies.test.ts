/**
 * Direct, epidemic and spray-and-wait decide on hand-made cases, and every
 * strategy refuses malformed arguments from its caller with InvalidArgument.
 */
import t from 'tap';
import {
  createDirect, createEpidemic, createProphet, createSprayAndWait, withRelayPoints,
  DEFAULT_EPIDEMIC_HOP_LIMIT, DEFAULT_SPRAY_COPIES, type RoutingStrategy,
} from '../../daemon/routing/index.js';
import { held, id, peer } from './fixtures/routing.js';

const NOW = 1_700_000_000_000;
const RECIPIENT = 0xc0ffee;
const toRecipient = peer(1, RECIPIENT);
const stranger = peer(2, 0x5);

t.test('direct hands a message to its recipient and to nobody else', async (t) => {
  const s = createDirect();
  t.equal(s.name, 'direct');
  t.equal(s.initialCopies(), 0);
  t.same(s.decide(held(), toRecipient, NOW), { give: true, copiesGiven: 0, copiesKept: 0 });
  t.same(s.decide(held({ own: true }), stranger, NOW), { give: false, copiesGiven: 0, copiesKept: 0 });
  s.met(stranger, { relayPoint: true }, NOW);
  t.equal(s.routeInfo(NOW), undefined, 'direct has nothing to tell');
  t.equal(s.snapshot(), null);
});

t.test('epidemic gives to anyone until the hop limit, and to the recipient beyond it', async (t) => {
  const s = createEpidemic();
  t.equal(DEFAULT_EPIDEMIC_HOP_LIMIT, 8);
  t.ok(s.decide(held({ hops: 0, own: true }), stranger, NOW).give, 'own message, no hops yet');
  t.ok(s.decide(held({ hops: 7 }), stranger, NOW).give, 'the neighbour would be carrier 8 of 8');
  t.notOk(s.decide(held({ hops: 8 }), stranger, NOW).give, 'a ninth carrier is one too many');
  t.ok(s.decide(held({ hops: 8 }), toRecipient, NOW).give, 'the recipient is not a carrier');
  t.ok(s.decide(held({ hops: 1000 }), toRecipient, NOW).give);
  t.same(s.decide(held({ hops: 3, copies: 5 }), stranger, NOW), { give: true, copiesGiven: 0, copiesKept: 0 }, 'epidemic does not count copies');

  const short = createEpidemic({ hopLimit: 1 });
  t.ok(short.decide(held({ hops: 0 }), stranger, NOW).give);
  t.notOk(short.decide(held({ hops: 1 }), stranger, NOW).give);
});

t.test('binary spray-and-wait halves copies down to one, then waits for the recipient', async (t) => {
  const s = createSprayAndWait();
  t.equal(DEFAULT_SPRAY_COPIES, 8);
  t.equal(s.initialCopies(), 8);
  t.same(s.decide(held({ copies: 8 }), stranger, NOW), { give: true, copiesGiven: 4, copiesKept: 4 });
  t.same(s.decide(held({ copies: 4 }), stranger, NOW), { give: true, copiesGiven: 2, copiesKept: 2 });
  t.same(s.decide(held({ copies: 2 }), stranger, NOW), { give: true, copiesGiven: 1, copiesKept: 1 });
  t.same(s.decide(held({ copies: 1 }), stranger, NOW), { give: false, copiesGiven: 0, copiesKept: 1 }, 'wait phase');
  t.same(s.decide(held({ copies: 1 }), toRecipient, NOW), { give: true, copiesGiven: 0, copiesKept: 1 }, 'the recipient gets it, carrying nothing');
  t.same(s.decide(held({ copies: 7 }), stranger, NOW), { give: true, copiesGiven: 3, copiesKept: 4 }, 'odd counts: floor goes, ceil stays');
  t.same(s.decide(held({ copies: 8 }), toRecipient, NOW), { give: true, copiesGiven: 0, copiesKept: 8 });
});

t.test('spray-and-wait treats uncounted messages safely', async (t) => {
  const s = createSprayAndWait({ copies: 16 });
  t.same(s.decide(held({ copies: 0, own: true }), stranger, NOW), { give: true, copiesGiven: 8, copiesKept: 8 }, 'own message from before: starts afresh with L');
  t.same(s.decide(held({ copies: 0, own: false }), stranger, NOW), { give: false, copiesGiven: 0, copiesKept: 1 }, 'carried and uncounted: a last copy');
});

t.test('spray-and-wait hands out at most L copies over a whole spreading', async (t) => {
  const s = createSprayAndWait({ copies: 8 });
  // Every holder meets a fresh stranger in turn until nobody may give any more.
  let holders = [s.initialCopies()];
  for (let round = 0; round < 10; round++) {
    const next: number[] = [];
    for (const n of holders) {
      const d = s.decide(held({ copies: n }), stranger, NOW);
      if (d.give) next.push(d.copiesKept, d.copiesGiven);
      else next.push(n);
    }
    holders = next;
  }
  t.equal(holders.length, 8, 'eight carriers');
  t.ok(holders.every((n) => n === 1), 'each down to its last copy');
});

const strategies: [string, () => RoutingStrategy][] = [
  ['direct', () => createDirect()],
  ['epidemic', () => createEpidemic()],
  ['spray-and-wait', () => createSprayAndWait()],
  ['prophet', () => createProphet()],
  ['relay points', () => withRelayPoints(createEpidemic(), { relayPoint: true, place: 'Alpha' })],
];

t.test('every strategy refuses malformed arguments with InvalidArgument', async (t) => {
  const bad = { code: 'INVALID_ARGUMENT' };
  for (const [name, make] of strategies) {
    const s = make();
    for (const msg of [
      held({ to: 'C0FFEE0000000000' }), held({ to: id(1).slice(1) }), held({ copies: -1 }), held({ copies: 1.5 }),
      held({ hops: Number.NaN }), held({ sizeBytes: Infinity }), { ...held(), own: 'yes' }, null, 'message',
    ]) {
      t.throws(() => s.decide(msg as never, stranger, NOW), bad, `${name}: decide(${JSON.stringify(msg)})`);
    }
    for (const p of [{ nodeId: 'x', userId: id(1) }, { nodeId: id(1) }, null, { nodeId: id(1), userId: 7 }]) {
      t.throws(() => s.decide(held(), p as never, NOW), bad, `${name}: decide with peer ${JSON.stringify(p)}`);
      t.throws(() => s.met(p as never, undefined, NOW), bad, `${name}: met with peer ${JSON.stringify(p)}`);
    }
    for (const now of [-1, Number.NaN, Infinity, '5', undefined]) {
      t.throws(() => s.decide(held(), stranger, now as never), bad, `${name}: nowMs ${String(now)}`);
      t.throws(() => s.routeInfo(now as never), bad, `${name}: routeInfo at ${String(now)}`);
    }
  }
});

t.test('factories refuse bad options with InvalidArgument', async (t) => {
  const bad = { code: 'INVALID_ARGUMENT' };
  t.throws(() => createEpidemic({ hopLimit: 0 }), bad);
  t.throws(() => createEpidemic({ hopLimit: 2.5 }), bad);
  t.throws(() => createEpidemic({ hopLimit: '8' as never }), bad);
  t.throws(() => createSprayAndWait({ copies: 0 }), bad);
  t.throws(() => createSprayAndWait({ copies: 1e9 }), bad);
  t.throws(() => createSprayAndWait({ hopLimit: 3 } as never), bad, 'an option of another strategy is a mistake');
  t.throws(() => createDirect('x' as never), bad);
  t.throws(() => withRelayPoints({} as never), bad, 'nothing to wrap');
});
