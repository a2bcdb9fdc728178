/**
 * createStrategy: names, the default, options checked against the named
 * strategy, relay-point wrapping, and state surviving a restart through
 * snapshot() (and not surviving garbage).
 */
import t from 'tap';
import {
  createStrategy, DEFAULT_STRATEGY, ROUTING_STRATEGY_NAMES, isStrategyName, type RouteInfo,
} from '../../daemon/routing/index.js';
import { held, id, idBytes, peer } from './fixtures/routing.js';

const T0 = 1_700_000_000_000;

t.test('names and the default', async (t) => {
  t.same([...ROUTING_STRATEGY_NAMES], ['direct', 'epidemic', 'spray-and-wait', 'prophet', 'prophet-spray', 'encounter-spray']);
  t.equal(DEFAULT_STRATEGY, 'encounter-spray');
  t.ok(isStrategyName('prophet'));
  t.notOk(isStrategyName('Prophet'));
  for (const name of ROUTING_STRATEGY_NAMES) {
    t.equal(createStrategy(name).name, `${name}+relay-points`, 'wrapped in relay-point routing by default');
    t.equal(createStrategy(name, { relayRouting: false }).name, name);
  }
  t.equal(createStrategy('spray-and-wait').initialCopies(), 8);
  t.equal(createStrategy('spray-and-wait', { strategy: { copies: 4 } }).initialCopies(), 4);
});

t.test('unknown names are a configuration error; bad options are invalid arguments', async (t) => {
  t.throws(() => createStrategy('flooding'), { code: 'CONFIG', message: /routing\.strategy.*flooding.*direct, epidemic/ });
  t.throws(() => createStrategy(7 as never), { code: 'CONFIG' });
  try {
    createStrategy('x'.repeat(10_000));
    t.fail('a long unknown name was accepted');
  } catch (err) {
    t.ok((err as Error).message.length < 300, 'a long name is not quoted in full');
  }
  const bad = { code: 'INVALID_ARGUMENT' };
  t.throws(() => createStrategy('epidemic', { strategy: { copies: 4 } }), bad, 'an option of another strategy');
  t.throws(() => createStrategy('epidemic', { strategy: { hopLimit: -1 } }), bad);
  t.throws(() => createStrategy('prophet', { strategy: { gamma: 2 } }), bad);
  t.throws(() => createStrategy('direct', { hopLimit: 3 } as never), bad, 'strategy options go under `strategy`');
  t.throws(() => createStrategy('direct', { relayRouting: 'no' as never }), bad);
  t.throws(() => createStrategy('direct', { relayPoint: 1 as never }), bad);
  t.throws(() => createStrategy('direct', { relayPoint: true, place: '' }), bad);
  t.throws(() => createStrategy('direct', null as never), bad);
});

t.test('the options the messenger passes: a snapshot and whether this is a relay point', async (t) => {
  const s = createStrategy(DEFAULT_STRATEGY, { snapshot: undefined, relayPoint: true });
  t.equal(s.routeInfo(T0)?.relayPoint, true, 'a relay point says so even before it knows any place');
  t.equal(createStrategy(DEFAULT_STRATEGY, { snapshot: undefined, relayPoint: false }).routeInfo(T0), undefined);
});

t.test('state survives a restart through snapshot(), as the store would keep it', async (t) => {
  const b = peer(0xb0, 0xb);
  const shared: RouteInfo = { predictabilities: [{ user: idBytes(0xc), p: 52428 }] };
  const first = createStrategy('prophet', { relayPoint: true, place: 'Alpha' });
  first.met(b, shared, T0);
  first.met(peer(0xe0, 0xe), { relayPoint: true, place: 'Beta', served: idBytes(0xc) }, T0);
  const stored = JSON.parse(JSON.stringify(first.snapshot())) as unknown;

  const second = createStrategy('prophet', { relayPoint: true, place: 'Alpha', snapshot: stored });
  t.same(second.routeInfo(T0, b), first.routeInfo(T0, b));
  const carrier = peer(0xf0, 0xf);
  second.met(carrier, { predictabilities: [{ user: idBytes(0xc), p: 65535 }] }, T0);
  t.ok(second.decide(held({ to: id(0xc) }), carrier, T0).give, 'restored P(A,C) = 0.36 is compared with the carrier’s 1.0');

  const bare = createStrategy('prophet', { relayRouting: false, snapshot: stored });
  t.same(bare.routeInfo(T0)?.predictabilities, first.routeInfo(T0)?.predictabilities, 'a bare strategy takes its part of a wrapped snapshot');
  const switched = createStrategy('epidemic', { snapshot: stored });
  t.equal(switched.routeInfo(T0), undefined, 'another strategy ignores a PRoPHET table');
});

t.test('hostile snapshots: start fresh, never crash', async (t) => {
  const hostile: unknown[] = [
    null, undefined, 0, 'routing', [], [1, 2], { kind: 'prophet' }, { kind: 'prophet', v: 1, agedAtMs: 'now', rows: [] },
    { kind: 'prophet', v: 1, agedAtMs: 5, rows: [[id(1), 2, null]] },
    { kind: 'prophet', v: 1, agedAtMs: 5, rows: [[id(1), 0.5, -3]] },
    { kind: 'prophet', v: 1, agedAtMs: 5, rows: [['me', 0.5, null]] },
    { kind: 'prophet', v: 1, agedAtMs: 5, rows: { length: 3 } },
    { kind: 'relay-points', v: 1, base: { kind: 'prophet', v: 1, agedAtMs: Infinity, rows: [] }, table: null, here: null },
    Object.create(null) as unknown,
  ];
  for (const snapshot of hostile) {
    for (const name of ROUTING_STRATEGY_NAMES) {
      const s = createStrategy(name, { snapshot, relayPoint: true });
      t.same(s.routeInfo(T0), { relayPoint: true }, `${name} fresh from ${String(JSON.stringify(snapshot))}`);
    }
  }
  const huge = { kind: 'prophet', v: 1, agedAtMs: 0, rows: Array.from({ length: 5000 }, (_, i) => [id(i + 1), 0.5 + i / 20_000, null]) };
  const big = createStrategy('prophet', { relayRouting: false, snapshot: huge, strategy: { maxEntries: 10, maxAnnounced: 100 } });
  const kept = big.routeInfo(0)?.predictabilities ?? [];
  t.equal(kept.length, 10, 'a table saved under a larger bound keeps its likeliest part');
  t.same(Buffer.from(kept[0]?.user as Uint8Array).toString('hex'), id(5000));
});
