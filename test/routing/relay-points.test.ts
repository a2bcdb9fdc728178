/**
 * Relay-point routing around a strategy: what relay points announce, how a
 * laptop and a relay point hand messages for other places to relay points
 * closer to them, where messages for users nobody has placed go, and what
 * is left to the wrapped strategy.
 */
import t from 'tap';
import {
  createDirect, createProphet, createSprayAndWait, withRelayPoints, baseSnapshotOf,
  type RouteInfo,
} from '../../daemon/routing/index.js';
import { DAY, held, id, idBytes, peer } from './fixtures/routing.js';

const T0 = 1_700_000_000_000;
const KID_IN_BETA = 0xbe7a;
const KID_IN_ALPHA = 0xa1fa;
const serverA = peer(0x5a, 0x7a); // school server of Alpha
const serverB = peer(0x5b, 0x7b); // school server of Beta
const bus = peer(0xb5, 0x7c);     // laptop on the bus: a relay point with no place
const classmate = peer(0x11, 0x12);

const served = (...users: number[]) => Buffer.concat(users.map((u) => Buffer.from(idBytes(u))));
const announce = (place: string | undefined, places: [string, number][], users: number[] = []): RouteInfo => ({
  relayPoint: true,
  ...(place === undefined ? {} : { place, served: Uint8Array.from(served(...users)) }),
  places: places.map(([p, distance]) => ({ place: p, distance })),
});

t.test('a relay point announces itself, its place, its vector and the users it met', async (t) => {
  const s = withRelayPoints(createDirect(), { relayPoint: true, place: 'Alpha' });
  t.equal(s.name, 'direct+relay-points');
  s.met(classmate, undefined, T0);
  s.met(peer(0x13, KID_IN_ALPHA), undefined, T0 + 1);
  s.met(bus, announce(undefined, [['Beta', 1]]), T0 + 2);
  const info = s.routeInfo(T0 + 3, serverB);
  t.equal(info?.relayPoint, true);
  t.equal(info?.place, 'Alpha');
  t.same(info?.places, [{ place: 'Beta', distance: 2 }], 'learnt through the bus: one hop more');
  t.same(Buffer.from(info?.served ?? []).toString('hex'), id(KID_IN_ALPHA) + id(0x12), 'users met directly, latest first; not the bus');
  t.same(s.routeInfo(T0 + 3, bus)?.places, [{ place: 'Beta', distance: 16 }], 'poisoned reverse towards the bus');

  const laptop = withRelayPoints(createDirect());
  laptop.met(serverA, announce('Alpha', []), T0);
  t.equal(laptop.routeInfo(T0, serverA), undefined, 'a laptop announces nothing of its own');
});

t.test("a laptop hands a message for another place to a relay point that can get it there", async (t) => {
  const laptop = withRelayPoints(createDirect());
  const msg = held({ to: id(KID_IN_BETA), own: true });
  // Last term the laptop was in Beta, where the server listed the kid.
  laptop.met(serverB, announce('Beta', [], [KID_IN_BETA]), T0);
  // Now it is in Alpha; Alpha's server reaches Beta in one hop (the bus).
  laptop.met(serverA, announce('Alpha', [['Beta', 1]]), T0 + DAY);
  t.same(laptop.decide(msg, serverA, T0 + DAY), { give: true, copiesGiven: 0, copiesKept: 0 }, 'direct alone would have kept it');
  t.notOk(laptop.decide(msg, classmate, T0 + DAY).give, 'a classmate is left to the wrapped strategy');
  laptop.met(bus, announce(undefined, [['Beta', 1]]), T0 + DAY);
  t.ok(laptop.decide(msg, bus, T0 + DAY).give, 'the bus reaches Beta too');
  laptop.met(bus, announce(undefined, [['Beta', 16]]), T0 + DAY + 1);
  t.notOk(laptop.decide(msg, bus, T0 + DAY + 1).give, 'not once the bus has lost its way there');
  laptop.met(serverB, announce('Beta', []), T0 + DAY + 2);
  t.ok(laptop.decide(msg, serverB, T0 + DAY + 2).give, "back in Beta: Beta's server is the kid's own post office");
  t.notOk(laptop.decide(msg, classmate, T0 + DAY + 2).give, 'a classmate in Beta is left to the wrapped strategy');
});

t.test('a message for a recipient at no known place goes to the post office: a place\'s relay point, then a travelling one', async (t) => {
  const nowhere = held({ to: id(0x999) });
  const laptop = withRelayPoints(createDirect());
  laptop.met(serverA, announce('Alpha', [['Beta', 1]], [0x12]), T0);
  laptop.met(bus, announce(undefined, [['Alpha', 1], ['Beta', 1]]), T0);
  laptop.met(classmate, undefined, T0);
  t.same(laptop.decide(nowhere, serverA, T0), { give: true, copiesGiven: 0, copiesKept: 0 }, 'a laptop gives it to the server of a place');
  t.notOk(laptop.decide(nowhere, bus, T0).give, 'not to the bus straight away: the wrapped strategy decides');
  t.notOk(laptop.decide(nowhere, classmate, T0).give, 'nor to a laptop');
  t.same(laptop.decide(held({ to: id(0x12) }), serverA, T0), { give: true, copiesGiven: 0, copiesKept: 0 }, 'a user the server listed here: to the server, which meets it whenever it comes by');
  t.notOk(laptop.decide(held({ to: id(0x12) }), bus, T0).give, 'not to the bus: the wrapped strategy decides');

  const server = withRelayPoints(createDirect(), { relayPoint: true, place: 'Alpha' });
  server.met(bus, announce(undefined, [['Beta', 1]]), T0);
  server.met(serverB, announce('Beta', []), T0);
  t.ok(server.decide(nowhere, bus, T0).give, 'the server of a place gives it to the bus, which meets every place');
  t.notOk(server.decide(nowhere, serverB, T0).give, 'not sideways to the server of another place');
  server.met(classmate, undefined, T0);
  t.notOk(server.decide(held({ to: id(0x12) }), bus, T0).give, 'a server keeps mail for its own users: they come by');

  const mule = withRelayPoints(createDirect(), { relayPoint: true });
  mule.met(serverA, announce('Alpha', []), T0);
  mule.met(bus, announce(undefined, []), T0);
  t.notOk(mule.decide(nowhere, serverA, T0).give, 'the bus keeps it until it hears where the recipient is');
  t.notOk(mule.decide(nowhere, bus, T0).give, 'and does not pass it to another traveller');
  mule.met(serverB, announce('Beta', [], [0x999]), T0 + DAY);
  t.ok(mule.decide(nowhere, serverB, T0 + DAY).give, 'once Beta lists the recipient, to Beta');

  const counting = withRelayPoints(createSprayAndWait());
  counting.met(serverA, announce('Alpha', []), T0);
  t.same(counting.decide(held({ to: id(0x999), copies: 1 }), serverA, T0), { give: true, copiesGiven: 1, copiesKept: 1 }, 'a last copy goes and stays, as on the way to any relay point');
});

t.test('a relay point passes a message on only to a relay point closer to the place', async (t) => {
  const mule = withRelayPoints(createDirect(), { relayPoint: true });
  mule.met(serverB, announce('Beta', [], [KID_IN_BETA]), T0); // Beta at 1, through serverB
  const msg = held({ to: id(KID_IN_BETA) });
  const far = peer(0x6f, 0x6e);
  mule.met(far, announce('Gamma', [['Beta', 3]]), T0 + 1);
  t.notOk(mule.decide(msg, far, T0 + 1).give, '3 hops is not closer than our 1');
  const level = peer(0x6a, 0x6b);
  mule.met(level, announce(undefined, [['Beta', 1]]), T0 + 2);
  t.notOk(mule.decide(msg, level, T0 + 2).give, '1 hop, as we are: not closer');
  const near = peer(0x6c, 0x6d);
  mule.met(near, announce(undefined, [['Beta', 0]]), T0 + 2);
  t.ok(mule.decide(msg, near, T0 + 2).give, 'at the relay point serving Beta (0 hops): closer');
  mule.met(serverB, announce('Beta', []), T0 + 3);
  t.ok(mule.decide(msg, serverB, T0 + 3).give, 'the server of Beta itself');
});

t.test('copies on the way to a relay point', async (t) => {
  const laptop = withRelayPoints(createSprayAndWait());
  laptop.met(serverB, announce('Beta', [], [KID_IN_BETA]), T0);
  laptop.met(serverA, announce('Alpha', [['Beta', 1]]), T0 + 1);
  const msg = (copies: number, own = false) => held({ to: id(KID_IN_BETA), copies, own });
  t.same(laptop.decide(msg(8), serverA, T0 + 1), { give: true, copiesGiven: 4, copiesKept: 4 }, 'halved as in spraying');
  t.same(laptop.decide(msg(1), serverA, T0 + 1), { give: true, copiesGiven: 1, copiesKept: 1 }, 'a last copy goes to the relay point and stays here too');
  t.same(laptop.decide(msg(0, true), serverA, T0 + 1), { give: true, copiesGiven: 4, copiesKept: 4 }, 'an uncounted own message starts with L');
  t.same(laptop.decide(msg(1), classmate, T0 + 1), { give: false, copiesGiven: 0, copiesKept: 1 }, 'elsewhere spray-and-wait waits');
});

t.test('hostile relay announcements are ignored safely and read in bounded amounts', async (t) => {
  const s = withRelayPoints(createDirect(), { relayPoint: true, place: 'Alpha' });
  const junk: unknown[] = [
    { relayPoint: 'yes', place: 'Beta' },
    { relayPoint: true, place: 'x'.repeat(100), served: served(KID_IN_BETA) },
    { relayPoint: true, place: 'Beta', served: new Uint8Array(7) },
    { relayPoint: true, place: 'Beta', served: Uint8Array.from([...served(KID_IN_BETA), 1]) },
    { relayPoint: true, place: 'Beta', served: 'ids' },
    { relayPoint: true, places: [{ place: 'Gamma', distance: 17 }, { place: 'Delta', distance: -1 }, { place: 'Eps', distance: 2.5 }, { place: '', distance: 1 }, null, 'x'] },
    { relayPoint: true, places: 'all' },
  ];
  for (const info of junk) t.doesNotThrow(() => s.met(serverB, info as never, T0), JSON.stringify(info).slice(0, 80));
  t.same(s.routeInfo(T0)?.places, [{ place: 'Beta', distance: 1 }], 'only the well-formed place was learnt; no route from the junk');
  t.same(s.decide(held({ to: id(KID_IN_BETA) }), serverB, T0), s.decide(held({ to: id(0x999) }), serverB, T0), 'no user was placed from junk: the kid is as unknown as anyone');

  const manyUsers = Uint8Array.from(Buffer.concat(Array.from({ length: 10_000 }, (_, i) => Buffer.from(idBytes(0x100000 + i)))));
  const manyPlaces = Array.from({ length: 100_000 }, (_, i) => ({ place: `p${i}`, distance: 1 }));
  const started = performance.now();
  s.met(serverB, { relayPoint: true, place: 'Beta', served: manyUsers, places: manyPlaces }, T0);
  t.ok(performance.now() - started < 200, 'bounded work');
  t.equal(s.routeInfo(T0)?.places?.length, 32, 'announces at most DEFAULT_MAX_PLACES_ANNOUNCED of what it learnt');
  const laptop = withRelayPoints(createDirect());
  laptop.met(serverB, { relayPoint: true, place: 'Beta', served: manyUsers }, T0);
  laptop.met(serverA, announce('Alpha', [['Beta', 1]]), T0);
  laptop.met(bus, announce(undefined, [['Beta', 1]]), T0);
  t.ok(laptop.decide(held({ to: id(0x100000 + 255) }), bus, T0).give, 'the first 256 served users are read: placed in Beta, so to the bus');
  t.notOk(laptop.decide(held({ to: id(0x100000 + 256) }), bus, T0).give, 'the rest are not: placed nowhere');
});

t.test('snapshot round trip of the wrapper and what it wraps; hostile snapshots start fresh', async (t) => {
  const s = withRelayPoints(createProphet(), { relayPoint: true, place: 'Alpha' });
  s.met(bus, announce(undefined, [['Beta', 1]]), T0);
  s.met(classmate, undefined, T0);
  const saved = JSON.parse(JSON.stringify(s.snapshot())) as unknown;
  const again = withRelayPoints(createProphet({ snapshot: baseSnapshotOf(saved) }), { relayPoint: true, place: 'Alpha', snapshot: saved });
  t.same(again.routeInfo(T0, serverB), s.routeInfo(T0, serverB), 'same routes, served users and predictabilities');
  t.ok((again.routeInfo(T0)?.predictabilities ?? []).length > 0);

  for (const bad of [null, 'x', { kind: 'relay-points', v: 9 }, { kind: 'relay-points', v: 1, table: 'junk', here: ['', 5] }]) {
    const fresh = withRelayPoints(createDirect(), { relayPoint: true, place: 'Alpha', snapshot: bad });
    t.equal(fresh.routeInfo(T0)?.places, undefined, `fresh from ${JSON.stringify(bad)}`);
  }
  const bare = { kind: 'prophet' };
  t.equal(baseSnapshotOf(bare), bare, 'a bare strategy snapshot passes through');
});
