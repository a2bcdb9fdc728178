/**
 * PRoPHET against numbers worked out by hand from RFC 6693's equations
 * (§2.1.1) with its recommended values (§3.3): P_encounter_max 0.7,
 * P_encounter_first 0.5, P_first_threshold 0.1, beta 0.9, gamma 0.999,
 * delta 0.01; and our I_typ of 30 minutes and time unit of 5 minutes.
 */
import t from 'tap';
import { createProphet, encountered, pEncounter, prophetParams, type ProphetOptions } from '../../daemon/routing/index.js';
import { DAY, held, id, idBytes, MINUTE, peer } from './fixtures/routing.js';

const T0 = 1_700_000_000_000;
const YEAR = 365 * DAY;
const A_USER = 0xa;
const B = peer(0xb0, 0xb);
const C = 0xc;
const D = 0xd;
/** Options that switch aging off in effect, to see the encounter rule alone. */
const NO_AGING: ProphetOptions = { timeUnitMs: YEAR };

const share = (...entries: [number, number][]) => ({ predictabilities: entries.map(([u, p]) => ({ user: idBytes(u), p })) });

t.test('P_encounter grows linearly up to P_encounter_max over I_typ', async (t) => {
  const prm = prophetParams({});
  t.equal(pEncounter(0, prm), 0, 'a session remade at once adds nothing');
  t.equal(pEncounter(15 * MINUTE, prm), 0.35, '0.7 × 15/30');
  t.equal(pEncounter(30 * MINUTE, prm), 0.7);
  t.equal(pEncounter(3 * DAY, prm), 0.7);
  t.equal(pEncounter(undefined, prm), 0.7, 'never met directly: a full encounter');
  t.equal(pEncounter(-5, prm), 0.7, 'the clock went back: a full encounter');
  t.equal(encountered(undefined, undefined, prm), 0.5, 'first meeting');
  t.equal(encountered(0.09, 30 * MINUTE, prm), 0.5, 'below P_first_threshold counts as a first meeting');
});

t.test('encounter: first meeting, then equation 1 with the interval since the last', async (t) => {
  const s = createProphet(NO_AGING);
  s.met(B, undefined, T0);
  t.equal(s.predictability(id(0xb), T0), 0.5, 'P_encounter_first');
  s.met(B, undefined, T0 + 30 * MINUTE);
  // 0.5 + (1 - 0.01 - 0.5) × 0.7 = 0.5 + 0.49 × 0.7 = 0.5 + 0.343 = 0.843
  t.ok(Math.abs(s.predictability(id(0xb), T0) - 0.843) < 1e-12, 'a full interval');

  const half = createProphet(NO_AGING);
  half.met(B, undefined, T0);
  half.met(B, undefined, T0 + 15 * MINUTE);
  // P_encounter = 0.7 × 15/30 = 0.35; 0.5 + 0.49 × 0.35 = 0.5 + 0.1715 = 0.6715
  t.ok(Math.abs(half.predictability(id(0xb), T0) - 0.6715) < 1e-12, 'half an I_typ counts half');

  const flap = createProphet(NO_AGING);
  flap.met(B, undefined, T0);
  for (let i = 1; i <= 20; i++) flap.met(B, undefined, T0 + i);
  // Each reconnection 1 ms later: P_encounter = 0.7 × 1/1800000 ≈ 3.9e-7; twenty of them stay below 0.5 + 20 × 0.49 × 3.9e-7 ≈ 0.500004
  t.ok(flap.predictability(id(0xb), T0) < 0.50001, 'a flapping link does not pump the predictability up');

  const capped = createProphet(NO_AGING);
  for (let i = 0; i < 100; i++) capped.met(B, undefined, T0 + i * DAY);
  t.ok(capped.predictability(id(0xb), T0) <= 0.99, 'never above 1 - delta');
  t.ok(capped.predictability(id(0xb), T0) > 0.98);
});

t.test('aging: gamma^K for whole time units, the remainder carried over', async (t) => {
  const s = createProphet();
  s.met(B, undefined, T0);
  t.equal(s.predictability(id(0xb), T0 + 4 * MINUTE), 0.5, 'under one 5-minute unit: no aging yet');
  // 7 min: K = 1 → 0.5 × 0.999 = 0.4995
  t.ok(Math.abs(s.predictability(id(0xb), T0 + 7 * MINUTE) - 0.4995) < 1e-12);
  // 10 min: the 2 minutes left over from before make a second unit → 0.5 × 0.999² = 0.4990005
  t.ok(Math.abs(s.predictability(id(0xb), T0 + 10 * MINUTE) - 0.4990005) < 1e-12);

  const day = createProphet();
  day.met(B, undefined, T0);
  // One day = 288 units: 0.999^288 = e^(288 × ln 0.999) = e^(288 × -0.0010005) = e^(-0.288144) ≈ 0.749654
  // → 0.5 × 0.749654 ≈ 0.374827
  t.ok(Math.abs(day.predictability(id(0xb), T0 + DAY) - 0.374827) < 1e-6);
});

t.test('the time unit is configurable', async (t) => {
  const s = createProphet({ timeUnitMs: MINUTE });
  s.met(B, undefined, T0);
  // One day = 1440 one-minute units: 0.999^1440 = e^(-1.440720) ≈ 0.236757 → 0.5 × that ≈ 0.118379
  t.ok(Math.abs(s.predictability(id(0xb), T0 + DAY) - 0.118379) < 1e-6);
  const gammaHalf = createProphet({ timeUnitMs: 1000, gamma: 0.5 });
  gammaHalf.met(B, undefined, T0);
  t.equal(gammaHalf.predictability(id(0xb), T0 + 2000), 0.125, '0.5 × 0.5²');
  t.equal(gammaHalf.predictability(id(0xb), T0 + 3000), 0, '0.5 × 0.5³ = 0.0625 is below the threshold');
});

t.test('below P_first_threshold an entry is forgotten, and the next meeting is a first one', async (t) => {
  const s = createProphet();
  s.met(B, undefined, T0);
  // 0.5 × 0.999^1608 ≈ 0.100063 (still kept); 0.5 × 0.999^1609 ≈ 0.099963 (forgotten)
  t.ok(Math.abs(s.predictability(id(0xb), T0 + 1608 * 5 * MINUTE) - 0.100063) < 1e-6);
  t.equal(s.predictability(id(0xb), T0 + 1609 * 5 * MINUTE), 0);
  s.met(B, undefined, T0 + 1609 * 5 * MINUTE);
  // Equation 1 on 0.099963 would give 0.099963 + 0.890037 × 0.7 ≈ 0.723; a first meeting gives 0.5.
  t.equal(s.predictability(id(0xb), T0 + 1609 * 5 * MINUTE), 0.5);
  t.notOk(s.routeInfo(T0 + 1609 * 5 * MINUTE)?.predictabilities?.some((e) => e.p !== 32768), 'only the fresh entry is announced');
});

t.test('transitivity: max(P_old, P(A,B) × P(B,C) × beta)', async (t) => {
  const s = createProphet({ ...NO_AGING, selfUserId: id(A_USER) });
  // 52428/65535 = 0.8 exactly. P(A,B) = 0.5, so P(A,C) = 0.5 × 0.8 × 0.9 = 0.36.
  s.met(B, share([C, 52428], [D, 13107], [A_USER, 65535], [0xb, 65535]), T0);
  t.ok(Math.abs(s.predictability(id(C), T0) - 0.36) < 1e-12);
  // D: 0.5 × 0.2 × 0.9 = 0.09 < P_first_threshold: not kept.
  t.equal(s.predictability(id(D), T0), 0);
  t.equal(s.predictability(id(A_USER), T0), 0, 'our own user is never an entry');
  t.equal(s.predictability(id(0xb), T0), 0.5, "B's word about itself does not override the encounter");

  // Second meeting a full I_typ later: P(A,B) = 0.843; B now says P(B,C) = 0.2:
  // 0.843 × 0.2 × 0.9 = 0.15174 < 0.36, so P(A,C) stays (max form, not lowered).
  s.met(B, share([C, 13107]), T0 + 30 * MINUTE);
  t.ok(Math.abs(s.predictability(id(C), T0) - 0.36) < 1e-12);
  // Third meeting: P(A,B) = 0.843 + (0.99 - 0.843) × 0.7 = 0.843 + 0.1029 = 0.9459;
  // B says 39321/65535 = 0.6: 0.9459 × 0.6 × 0.9 = 0.510786 > 0.36.
  s.met(B, share([C, 39321]), T0 + 60 * MINUTE);
  t.ok(Math.abs(s.predictability(id(C), T0) - 0.510786) < 1e-9);
});

t.test('GRTR: give only to a neighbour likelier to meet the recipient', async (t) => {
  const s = createProphet(NO_AGING);
  s.met(B, share([C, 52428]), T0); // P(A,C) = 0.36 as above
  const msg = held({ to: id(C) });
  const likelier = peer(0xe0, 0xe);
  s.met(likelier, share([C, 39321]), T0); // E: P(E,C) = 0.6 > 0.36
  t.same(s.decide(msg, likelier, T0), { give: true, copiesGiven: 0, copiesKept: 0 });
  const lesser = peer(0xf0, 0xf);
  s.met(lesser, share([C, 19661]), T0); // F: P(F,C) = 0.3 < 0.36
  t.notOk(s.decide(msg, lesser, T0).give);
  const silent = peer(0x70, 0x7);
  s.met(silent, undefined, T0);
  t.notOk(s.decide(msg, silent, T0).give, 'a neighbour that shared nothing');
  t.notOk(s.decide(msg, peer(0x71, 0x71), T0).give, 'a neighbour never met');
  t.ok(s.decide(msg, peer(0x72, C), T0).give, 'the recipient itself');
  t.ok(s.decide(held({ to: id(0x99) }), likelier, T0).give === false, 'nobody knows the recipient: keep it');
  // What a neighbour shared is replaced at its next meeting.
  s.met(likelier, undefined, T0 + 1);
  t.notOk(s.decide(msg, likelier, T0 + 1).give);
});

t.test('routeInfo: the likeliest first, scaled to 0..65535, bounded', async (t) => {
  const s = createProphet({ ...NO_AGING, maxAnnounced: 3 });
  t.equal(s.routeInfo(T0), undefined, 'nothing known, nothing said');
  s.met(B, share([0x21, 65535], [0x22, 45000], [0x23, 30000], [0x24, 60000]), T0);
  const sent = s.routeInfo(T0)?.predictabilities ?? [];
  t.equal(sent.length, 3);
  // P(A,B) = 0.5 → 32768; P(A,0x21) = 0.5 × 1 × 0.9 = 0.45 → 29491; P(A,0x24) = 0.5 × 60000/65535 × 0.9 ≈ 0.411994 → 27000
  t.same(sent.map((e) => [Buffer.from(e.user as Uint8Array).toString('hex'), e.p]), [[id(0xb), 32768], [id(0x21), 29491], [id(0x24), 27000]]);
  const big = createProphet(NO_AGING);
  big.met(B, share(...Array.from({ length: 64 }, (_, i): [number, number] => [0x100 + i, 65535 - i])), T0);
  t.equal(big.routeInfo(T0)?.predictabilities?.length, 32, 'DEFAULT_PROPHET_MAX_ANNOUNCED');
});

t.test('the table is bounded: past maxEntries the least likely is forgotten', async (t) => {
  const s = createProphet({ ...NO_AGING, maxEntries: 4 });
  s.met(B, share([0x21, 30000], [0x22, 40000], [0x23, 50000], [0x24, 60000]), T0);
  t.equal(s.predictability(id(0x21), T0), 0, 'the lowest made room');
  t.ok(s.predictability(id(0x24), T0) > 0);
  t.equal(s.snapshot() !== null && (s.snapshot() as { rows: unknown[] }).rows.length, 4);
});

t.test('hostile RouteInfo is ignored safely, and only a bounded prefix is read', async (t) => {
  const s = createProphet(NO_AGING);
  const junk: unknown[] = [
    'garbage', 42, null, [], { predictabilities: 'x' }, { predictabilities: {} },
    { predictabilities: [null, 5, 'x', {}, { user: idBytes(0x31) }, { p: 100 }] },
    { predictabilities: [{ user: new Uint8Array(7), p: 100 }, { user: new Uint8Array(9), p: 100 }, { user: id(0x32), p: 100 }] },
    { predictabilities: [{ user: idBytes(0x33), p: -1 }, { user: idBytes(0x34), p: 65536 }, { user: idBytes(0x35), p: 1.5 }, { user: idBytes(0x36), p: Number.NaN }, { user: idBytes(0x37), p: '500' }, { user: idBytes(0x38), p: 0 }] },
  ];
  for (const info of junk) t.doesNotThrow(() => s.met(B, info as never, T0), JSON.stringify(info));
  for (const u of [0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38]) t.equal(s.predictability(id(u), T0), 0);
  t.equal(s.predictability(id(0xb), T0), 0.5, 'the encounter itself still counts');

  const flood = { predictabilities: Array.from({ length: 200_000 }, (_, i) => ({ user: idBytes(0x1000 + i), p: 65535 })) };
  const started = performance.now();
  const f = createProphet(NO_AGING);
  f.met(B, flood as never, T0);
  const ms = performance.now() - started;
  t.ok(f.predictability(id(0x1000 + 63), T0) > 0, 'the first 64 are read');
  t.equal(f.predictability(id(0x1000 + 64), T0), 0, 'the rest are not');
  t.ok(ms < 200, `bounded work (${ms.toFixed(1)} ms for 200000 entries offered)`);
});

t.test('bad PRoPHET options are refused', async (t) => {
  const bad = { code: 'INVALID_ARGUMENT' };
  for (const o of [{ gamma: 0 }, { gamma: 1.5 }, { beta: -0.1 }, { delta: 0.9 }, { pEncounterMax: 0 }, { pEncounterFirst: 0.05 }, { iTypMs: 0 }, { timeUnitMs: -1 }, { selfUserId: 'me' }, { maxEntries: 0 }, { hopLimit: 3 }]) {
    t.throws(() => createProphet(o as never), bad, JSON.stringify(o));
  }
  t.throws(() => createProphet().predictability('nope', T0), bad);
});
