/**
 * Encounter spray: spray-and-wait's copies, handed only to neighbours that
 * announced meeting at least as many laptops as we have; the rate travels
 * in RouteInfo's own `encounter_rate` field.
 */
import t from 'tap';
import {
  createEncounterSpray, createProphet, createStrategy, DEFAULT_ENCOUNTER_SPRAY_COPIES, ENCOUNTER_SPRAY, type RouteInfo,
} from '../../daemon/routing/index.js';
import { P_SCALE } from '../../daemon/routing/route-info.js';
import { held, id, MINUTE, peer } from './fixtures/routing.js';

const T0 = 1_700_000_000_000;
const X = 0x5; // the recipient
const X_PEER = peer(0x50, X);
const HUB = peer(0xb0, 0xb);
const LONER = peer(0xc0, 0xc);
const toX = (over = {}) => held({ to: id(X), ...over });

/** What a laptop that has just met `n` others announces. */
function infoOf(n: number): RouteInfo | undefined {
  const other = createEncounterSpray();
  for (let i = 0; i < n; i++) other.met(peer(0x900 + i, 0x980 + i), undefined, T0);
  return other.routeInfo(T0);
}

t.test('six copies by default; the recipient gets its copy and nothing changes hands', async (t) => {
  const s = createEncounterSpray();
  t.equal(s.name, ENCOUNTER_SPRAY);
  t.equal(s.initialCopies(), DEFAULT_ENCOUNTER_SPRAY_COPIES);
  t.equal(DEFAULT_ENCOUNTER_SPRAY_COPIES, 6);
  t.same(s.decide(toX({ own: true }), X_PEER, T0), { give: true, copiesGiven: 0, copiesKept: 6 });
  t.equal(createEncounterSpray({ copies: 10 }).initialCopies(), 10);
});

t.test('announces its encounter rate in its own field, once it has met somebody', async (t) => {
  const s = createEncounterSpray();
  t.equal(s.routeInfo(T0), undefined, 'nothing to say before the first meeting');
  s.met(HUB, undefined, T0);
  s.met(LONER, undefined, T0);
  const info = s.routeInfo(T0);
  t.same(Object.keys(info ?? {}), ['encounterRate'], 'one field: 3 bytes on the wire');
  t.equal(info?.encounterRate, 13107, '2 encounters: 2 / (2 + 8) of 65535');
  t.equal(s.routeInfo(T0 + 60 * MINUTE)?.encounterRate, Math.round((2 / Math.E / (2 / Math.E + 8)) * P_SCALE), 'an hour later: decayed by e');
});

t.test('half the copies go to a neighbour that meets at least as many laptops; none to one that meets fewer', async (t) => {
  const s = createEncounterSpray();
  for (let i = 0; i < 3; i++) s.met(peer(0x700 + i, 0x710 + i), undefined, T0);
  s.met(HUB, infoOf(4), T0); // ours as the meeting began: 3 encounters (17873), theirs: 4 (21845)
  t.same(s.decide(toX({ own: true }), HUB, T0), { give: true, copiesGiven: 3, copiesKept: 3 }, 'better connected: half');
  t.same(s.decide(toX({ copies: 3 }), HUB, T0), { give: true, copiesGiven: 1, copiesKept: 2 });
  t.same(s.decide(toX({ copies: 1 }), HUB, T0), { give: false, copiesGiven: 0, copiesKept: 1 }, 'the last copy waits for the recipient');
  t.same(s.decide(toX({ copies: 0 }), HUB, T0), { give: false, copiesGiven: 0, copiesKept: 1 }, 'an uncounted carried copy is the last one');
  s.met(LONER, infoOf(1), T0); // ours 4 (21845), theirs 1 (7282)
  t.same(s.decide(toX({ copies: 6 }), LONER, T0), { give: false, copiesGiven: 0, copiesKept: 6 }, 'less connected: nothing');
  const silent = peer(0xd0, 0xd);
  s.met(silent, undefined, T0);
  t.same(s.decide(toX({ copies: 6 }), silent, T0), { give: false, copiesGiven: 0, copiesKept: 6 }, 'announced nothing: counts as 0');
});

t.test('both rates count as they stood when the meeting began, so equals share', async (t) => {
  const fresh = createEncounterSpray();
  fresh.met(LONER, undefined, T0);
  t.same(fresh.decide(toX({ copies: 6 }), LONER, T0), { give: true, copiesGiven: 3, copiesKept: 3 }, 'two laptops that had met nobody: equals');
  const once = createEncounterSpray();
  once.met(HUB, undefined, T0);
  once.met(LONER, infoOf(1), T0); // both had met one other: 7282 each
  t.ok(once.decide(toX({ copies: 6 }), LONER, T0).give, 'one encounter each: equals');
  once.met(peer(0xe0, 0xe), infoOf(1), T0); // ours had grown to 2 (13107)
  t.notOk(once.decide(toX({ copies: 6 }), peer(0xe0, 0xe), T0).give, 'one encounter against our two: kept');
  const later = createEncounterSpray();
  later.met(HUB, undefined, T0);
  later.met(LONER, infoOf(1), T0 + 60 * MINUTE); // ours 1/e (2776), theirs fresh (7282)
  t.ok(later.decide(toX({ copies: 6 }), LONER, T0 + 60 * MINUTE).give, 'an encounter an hour ago counts for less than one just now');
});

t.test('a neighbour met again within ten minutes is not counted twice, and its latest rate is the one used', async (t) => {
  const s = createEncounterSpray();
  s.met(HUB, infoOf(1), T0);
  s.met(HUB, infoOf(3), T0 + MINUTE); // still 1 encounter of ours, about 0.98 after a minute
  t.equal(s.routeInfo(T0 + MINUTE)?.encounterRate, Math.round((Math.exp(-1 / 60) / (Math.exp(-1 / 60) + 8)) * P_SCALE));
  t.ok(s.decide(toX({ copies: 4 }), HUB, T0 + MINUTE).give, 'its new announcement (3) beats our 1');
});

t.test('PRoPHET reads nothing into an encounter rate', async (t) => {
  const p = createProphet();
  p.met(HUB, infoOf(5), T0);
  t.equal(p.predictability('0000000000000000', T0), 0, 'no table entry made from it');
  t.same(p.routeInfo(T0)?.predictabilities?.map((e) => Buffer.from(e.user ?? []).toString('hex')), [id(0xb)], 'only the neighbour itself');
});

t.test('hostile route info is ignored or read in bounded amounts, and a liar gets at most half', async (t) => {
  const junk: unknown[] = [
    null, 'rate', { predictabilities: 'many' }, { predictabilities: [null, 7, 'x'] },
    { encounterRate: 0 }, { encounterRate: -5 }, { encounterRate: P_SCALE + 1 }, { encounterRate: 0.5 },
    { encounterRate: '60000' }, { encounterRate: 2 ** 40 }, { predictabilities: [{ user: new Uint8Array(8), p: 60000 }] },
  ];
  const OTHER = peer(0x700, 0x710);
  for (const info of junk) {
    const s = createEncounterSpray();
    s.met(OTHER, undefined, T0);
    t.doesNotThrow(() => s.met(HUB, info as never, T0), JSON.stringify(info)?.slice(0, 60));
    t.notOk(s.decide(toX({ copies: 6 }), HUB, T0).give, `counted as nothing: ${JSON.stringify(info)?.slice(0, 60)}`);
  }
  const liar = createEncounterSpray();
  liar.met(HUB, { encounterRate: P_SCALE }, T0);
  t.same(liar.decide(toX({ copies: 6 }), HUB, T0), { give: true, copiesGiven: 3, copiesKept: 3 }, 'the highest claim still gets only half');
  const many = createEncounterSpray();
  for (let i = 0; i < 1000; i++) many.met(peer(0x10000 + i, 0x20000 + i), infoOf(1), T0);
  t.ok(JSON.stringify(many.snapshot()).length < 200, 'a thousand neighbours leave a small snapshot');
});

t.test('the rate survives a restart; other snapshots start fresh', async (t) => {
  const s = createEncounterSpray();
  for (let i = 0; i < 3; i++) s.met(peer(0x700 + i, 0x710 + i), undefined, T0);
  const saved = JSON.parse(JSON.stringify(s.snapshot())) as unknown;
  t.same(saved, { kind: 'encounter-spray', v: 1, rate: 3, atMs: T0 });
  t.same(createEncounterSpray({ snapshot: saved }).routeInfo(T0), s.routeInfo(T0));
  for (const bad of [null, 7, { kind: 'prophet', v: 1, rate: 3, atMs: T0 }, { kind: 'encounter-spray', v: 2, rate: 3, atMs: T0 }, { kind: 'encounter-spray', v: 1, rate: -3, atMs: T0 }]) {
    t.equal(createEncounterSpray({ snapshot: bad }).routeInfo(T0), undefined, `fresh from ${JSON.stringify(bad)}`);
  }
  const wrapped = createStrategy('encounter-spray', { relayPoint: true, place: 'Alpha' });
  wrapped.met(HUB, undefined, T0);
  const again = createStrategy('encounter-spray', { relayPoint: true, place: 'Alpha', snapshot: JSON.parse(JSON.stringify(wrapped.snapshot())) });
  t.same(again.routeInfo(T0), wrapped.routeInfo(T0), 'through the relay-point wrapper, as the messenger keeps it');
});

t.test('is one of the named strategies, with relay points around it', async (t) => {
  const s = createStrategy('encounter-spray', { strategy: { copies: 4, windowMs: 24 * 60 * MINUTE } });
  t.equal(s.name, 'encounter-spray+relay-points');
  t.equal(s.initialCopies(), 4);
});

t.test('bad options and arguments are refused by name', async (t) => {
  const bad = { code: 'INVALID_ARGUMENT' };
  t.throws(() => createEncounterSpray({ copies: 0 }), bad);
  t.throws(() => createEncounterSpray({ copies: 2.5 }), bad);
  t.throws(() => createEncounterSpray({ windowMs: 0 }), bad);
  t.throws(() => createEncounterSpray({ reencounterMs: -1 }), bad);
  t.throws(() => createEncounterSpray({ hopLimit: 3 } as never), bad);
  t.throws(() => createEncounterSpray('six' as never), bad);
  const s = createEncounterSpray();
  t.throws(() => s.decide(null as never, HUB, T0), bad);
  t.throws(() => s.decide(toX({ copies: -1 }), HUB, T0), bad);
  t.throws(() => s.decide(toX(), { nodeId: 'x', userId: 'y' }, T0), bad);
  t.throws(() => s.decide(toX(), HUB, -1), bad);
  t.throws(() => s.met(null as never, undefined, T0), bad);
  t.throws(() => s.met(HUB, undefined, NaN), bad);
  t.throws(() => s.routeInfo(Infinity), bad);
});
