/**
 * The relay points' distance-vector table (RIP-like): learning routes,
 * taking the next hop's word, counting to infinity stopping at 16, timeouts,
 * poisoned reverse, capacity; and the user → place directory.
 */
import t from 'tap';
import { createRelayTable, PLACE_UNREACHABLE, type RelayTable } from '../../daemon/routing/index.js';
import { DEFAULT_ROUTE_GC_MS, DEFAULT_ROUTE_TIMEOUT_MS } from '../../daemon/routing/relay-table.js';
import { DAY, id } from './fixtures/routing.js';

const T0 = 1_700_000_000_000;
const R1 = id(0x1001);
const R2 = id(0x1002);
const R3 = id(0x1003);
const vec = (...entries: [string, number][]) => new Map(entries);
const dist = (table: RelayTable, place: string, now = T0) => table.distanceTo(place, now);

t.test('routes are learnt with one more hop, and only a shorter one replaces them', async (t) => {
  const a = createRelayTable({ place: 'Alpha' });
  t.equal(dist(a, 'Alpha'), 0, 'our own place');
  t.equal(dist(a, 'Beta'), PLACE_UNREACHABLE, 'unknown');
  t.equal(a.heard(R1, vec(['Beta', 0], ['Gamma', 2]), T0), 2);
  t.equal(dist(a, 'Beta'), 1);
  t.equal(dist(a, 'Gamma'), 3);
  t.equal(a.heard(R2, vec(['Beta', 0], ['Gamma', 3]), T0), 0, 'as long, or longer: no change');
  t.equal(a.routes(T0).find((r) => r.place === 'Beta')?.nextHop, R1);
  t.equal(a.heard(R2, vec(['Gamma', 0]), T0), 1);
  t.same(a.routes(T0).find((r) => r.place === 'Gamma'), { place: 'Gamma', distance: 1, nextHop: R2, expiresMs: T0 + DEFAULT_ROUTE_TIMEOUT_MS });
  t.equal(a.heard(R1, vec(['Alpha', 0]), T0), 0, 'nobody routes us to our own place');
  t.equal(a.heard(R1, vec(['Delta', 15]), T0), 0, '15 + 1 is unreachable: not learnt');
  t.equal(dist(a, 'Delta'), PLACE_UNREACHABLE);
});

t.test("the next hop's word is taken even when it is worse", async (t) => {
  const a = createRelayTable({ place: 'Alpha' });
  a.heard(R1, vec(['Beta', 0]), T0);
  a.heard(R1, vec(['Beta', 3]), T0 + 1);
  t.equal(dist(a, 'Beta', T0 + 1), 4, 'R1 is further from Beta now, and we go through R1');
  a.heard(R2, vec(['Beta', 1]), T0 + 2);
  t.equal(dist(a, 'Beta', T0 + 2), 2, 'R2 is closer: switch');
  a.heard(R2, vec(['Beta', 16]), T0 + 3);
  t.equal(dist(a, 'Beta', T0 + 3), PLACE_UNREACHABLE, 'poisoned by the next hop');
  const [r] = a.routes(T0 + 3);
  t.same(r, { place: 'Beta', distance: 16, nextHop: R2, expiresMs: T0 + 3 + DEFAULT_ROUTE_GC_MS }, 'kept for a while to tell others');
  a.heard(R2, vec(['Beta', 16]), T0 + 1000);
  t.equal(a.routes(T0 + 1000)[0]?.expiresMs, T0 + 3 + DEFAULT_ROUTE_GC_MS, 'hearing it again does not restart the deletion timer');
  a.heard(R1, vec(['Beta', 5]), T0 + 2000);
  t.equal(dist(a, 'Beta', T0 + 2000), 6, 'any real route beats unreachable');
});

t.test('routes time out, are announced as unreachable, then deleted', async (t) => {
  const a = createRelayTable({ place: 'Alpha', routeTimeoutMs: 4 * DAY, routeGcMs: DAY });
  a.heard(R1, vec(['Beta', 0]), T0);
  t.equal(dist(a, 'Beta', T0 + 4 * DAY - 1), 1);
  a.heard(R1, vec(['Beta', 0]), T0 + 2 * DAY);
  t.equal(dist(a, 'Beta', T0 + 5 * DAY), 1, 'refreshed by hearing it again');
  t.equal(dist(a, 'Beta', T0 + 6 * DAY), PLACE_UNREACHABLE, 'timed out');
  t.same(a.vectorFor(R2, T0 + 6 * DAY, 10), [{ place: 'Beta', distance: 16 }], 'the bad news is spread');
  t.same(a.routes(T0 + 7 * DAY), [], 'deleted after the GC period');

  const late = createRelayTable({ place: 'Alpha', routeTimeoutMs: 4 * DAY, routeGcMs: DAY });
  late.heard(R1, vec(['Beta', 0]), T0);
  t.same(late.routes(T0 + 30 * DAY), [], 'a laptop off for a month finds the route gone at once');
});

t.test('a wall clock set back does not make a route live for ages', async (t) => {
  const a = createRelayTable({ place: 'Alpha', routeTimeoutMs: 4 * DAY });
  a.heard(R1, vec(['Beta', 0]), T0 + 300 * DAY); // heard while the clock was far ahead
  t.equal(a.routes(T0)[0]?.expiresMs, T0 + 4 * DAY, 'clamped to the timeout from now');
  t.equal(dist(a, 'Beta', T0 + 4 * DAY), PLACE_UNREACHABLE);
});

t.test('split horizon with poisoned reverse', async (t) => {
  const a = createRelayTable({ place: 'Alpha' });
  a.heard(R1, vec(['Beta', 0]), T0);
  a.heard(R2, vec(['Gamma', 1]), T0);
  t.same(a.vectorFor(R1, T0, 10), [{ place: 'Gamma', distance: 2 }, { place: 'Beta', distance: 16 }], 'Beta goes back to R1 as unreachable');
  t.same(a.vectorFor(R2, T0, 10), [{ place: 'Beta', distance: 1 }, { place: 'Gamma', distance: 16 }]);
  t.same(a.vectorFor(R3, T0, 10), [{ place: 'Beta', distance: 1 }, { place: 'Gamma', distance: 2 }]);
  t.same(a.vectorFor(R3, T0, 1), [{ place: 'Beta', distance: 1 }], 'bounded, shortest first');

  // Two relay points alone: with poisoned reverse, losing Beta cannot start a loop between them.
  const x = createRelayTable({ place: 'X' });
  const y = createRelayTable({ place: 'Y' });
  x.heard(R3, vec(['Beta', 0]), T0);
  y.heard(R1, new Map(x.vectorFor(R2, T0, 10).map((e) => [e.place, e.distance])), T0); // x is R1, y is R2
  t.equal(dist(y, 'Beta'), 2);
  x.heard(R3, vec(['Beta', 16]), T0 + 1);
  x.heard(R2, new Map(y.vectorFor(R1, T0 + 1, 10).map((e) => [e.place, e.distance])), T0 + 1);
  t.equal(dist(x, 'Beta', T0 + 1), PLACE_UNREACHABLE, 'y did not offer x its own route back');
});

t.test('counting to infinity in a loop of three stops at 16', async (t) => {
  // A, B and C meet each other; C alone reaches Beta, through D.
  const nodes = { A: id(0xa), B: id(0xb), C: id(0xc), D: id(0xd) };
  const tables = { A: createRelayTable(), B: createRelayTable(), C: createRelayTable() };
  type Name = keyof typeof tables;
  let now = T0;
  const tell = (from: Name, to: Name) => {
    now += 1;
    const v = new Map(tables[from].vectorFor(nodes[to], now, 64).map((e) => [e.place, e.distance]));
    tables[to].heard(nodes[from], v, now);
  };
  tables.C.heard(nodes.D, vec(['Beta', 0]), now);
  tell('C', 'A');
  tell('C', 'B');
  t.equal(dist(tables.A, 'Beta', now), 2);
  t.equal(dist(tables.B, 'Beta', now), 2);
  // D goes away: C hears Beta is unreachable. B hears it first, but A, not yet told, offers B its old route.
  tables.C.heard(nodes.D, vec(['Beta', 16]), now);
  tell('C', 'B');
  tell('A', 'B');
  t.equal(dist(tables.B, 'Beta', now), 3, 'B takes the stale route through A');
  // Round and round: B → C → A → B ... each telling the next its worse distance.
  const seen: number[] = [];
  const order: [Name, Name][] = [['B', 'C'], ['C', 'A'], ['A', 'B']];
  for (let round = 0; round < 30; round++) {
    const [from, to] = order[round % 3] as [Name, Name];
    tell(from, to);
    seen.push(dist(tables[to], 'Beta', now));
  }
  t.ok(seen.every((d) => d <= PLACE_UNREACHABLE), 'never beyond 16');
  t.ok(seen.some((d) => d > 3 && d < 16), 'the count did climb');
  for (const name of ['A', 'B', 'C'] as const) t.equal(dist(tables[name], 'Beta', now), PLACE_UNREACHABLE, `${name} knows Beta is unreachable`);
  t.ok(seen.indexOf(PLACE_UNREACHABLE) < 16, `settled within ${seen.indexOf(PLACE_UNREACHABLE) + 1} exchanges`);
});

t.test('the table is bounded: a new place displaces only a longer route', async (t) => {
  const a = createRelayTable({ maxPlaces: 2 });
  a.heard(R1, vec(['P1', 0], ['P2', 4]), T0);
  a.heard(R1, vec(['P1', 0], ['P2', 4], ['P3', 9]), T0);
  t.equal(dist(a, 'P3'), PLACE_UNREACHABLE, 'longer than anything held: dropped');
  a.heard(R2, vec(['P4', 1]), T0);
  t.same(a.routes(T0).map((r) => r.place).sort(), ['P1', 'P4'], 'P2 (5 hops) made room for P4 (2 hops)');
});

t.test('hostile vectors: bad entries skipped, a bounded number read', async (t) => {
  const a = createRelayTable({ place: 'Alpha' });
  const bad = vec(['', 0], ['x'.repeat(65), 0], ['line\nbreak', 0], ['Neg', -1], ['Big', 17], ['Frac', 1.5]);
  bad.set('NaN', Number.NaN);
  bad.set('Str', '1' as never);
  t.equal(a.heard(R1, bad, T0), 0);
  t.same(a.routes(T0), []);
  const flood = new Map(Array.from({ length: 100_000 }, (_, i): [string, number] => [`place-${i}`, 1]));
  const started = performance.now();
  a.heard(R1, flood, T0);
  t.ok(performance.now() - started < 200, 'bounded work');
  t.equal(a.routes(T0).length, 64, 'MAX_PLACES_READ entries looked at');
  t.equal(dist(a, 'place-64'), PLACE_UNREACHABLE);
  t.throws(() => a.heard('R1', vec(['Beta', 0]), T0), { code: 'INVALID_ARGUMENT' });
  t.throws(() => a.heard(R1, { Beta: 0 } as never, T0), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createRelayTable({ place: 'bad\u0000place' }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createRelayTable({ routeTimeoutMs: 0 }), { code: 'INVALID_ARGUMENT' });
});

t.test('directory: user → place, refreshed by hearing it, forgotten when not', async (t) => {
  const a = createRelayTable({ directoryTimeoutMs: 7 * DAY, maxDirectoryUsers: 3 });
  const dir = a.directory;
  dir.learn('Beta', [id(1), id(2), 'not-an-id', id(0xabc).toUpperCase()], T0);
  t.equal(dir.placeOf(id(1), T0), 'Beta');
  t.equal(dir.placeOf(id(0xabc), T0), undefined, 'malformed ids are skipped');
  dir.learn('Gamma', [id(2)], T0 + DAY);
  t.equal(dir.placeOf(id(2), T0 + DAY), 'Gamma', 'moved');
  t.equal(dir.placeOf(id(1), T0 + 7 * DAY), undefined, 'not heard for a week: forgotten');
  t.equal(dir.placeOf(id(2), T0 + 7 * DAY), 'Gamma');
  dir.learn('Beta', [id(4), id(5), id(6)], T0 + 7 * DAY);
  t.equal(dir.placeOf(id(2), T0 + 7 * DAY), undefined, 'bounded: the longest unheard made room');
  dir.learn('', [id(7)], T0);
  t.equal(dir.placeOf(id(7), T0), undefined, 'no place, no entry');

  dir.noteServed(id(0x21), T0);
  dir.noteServed(id(0x22), T0 + 1);
  dir.noteServed(id(0x21), T0 + 2);
  t.same(dir.served(T0 + 3, 10), [id(0x21), id(0x22)], 'most recently met first');
  t.same(dir.served(T0 + 3, 1), [id(0x21)]);
  t.same(dir.served(T0 + 7 * DAY + 2, 10), [], 'forgotten after the timeout');
});

t.test('snapshot round trip, and hostile snapshots start fresh', async (t) => {
  const a = createRelayTable({ place: 'Alpha' });
  a.heard(R1, vec(['Beta', 0], ['Gamma', 3]), T0);
  a.directory.learn('Beta', [id(1)], T0);
  a.directory.noteServed(id(2), T0);
  const saved = JSON.parse(JSON.stringify(a.snapshot())) as unknown;
  const b = createRelayTable({ place: 'Alpha', snapshot: saved });
  t.same(b.routes(T0), a.routes(T0));
  t.equal(b.directory.placeOf(id(1), T0), 'Beta');
  t.same(b.directory.served(T0, 10), [id(2)]);

  const hostile: unknown[] = [
    null, 7, 'x', [], { kind: 'relay-table', v: 2, routes: [] },
    { kind: 'relay-table', v: 1, routes: [['Beta', 0, R1, T0]] },
    { kind: 'relay-table', v: 1, routes: [['Beta', 1, 'R1', T0]] },
    { kind: 'relay-table', v: 1, routes: [['Beta', 1, R1, -5]] },
    { kind: 'relay-table', v: 1, routes: [['Beta', 17, R1, T0]] },
    { kind: 'relay-table', v: 1, routes: 'all', directory: { users: [[id(1), '', T0]], served: [] } },
    { kind: 'relay-table', v: 1, routes: [], directory: { users: [[id(1), 'Beta', 'soon']], served: [] } },
  ];
  for (const s of hostile) {
    const c = createRelayTable({ place: 'Alpha', snapshot: s });
    t.same(c.routes(T0), [], `routes fresh from ${JSON.stringify(s)}`);
    t.equal(c.directory.placeOf(id(1), T0), undefined);
  }
  const own = createRelayTable({ place: 'Beta', snapshot: saved });
  t.equal(dist(own, 'Beta'), 0, 'a route to what is now our own place is dropped');
});
