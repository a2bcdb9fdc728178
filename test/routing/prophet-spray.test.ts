/**
 * Spray uphill: a copy budget like spray-and-wait's, spent only on
 * neighbours PRoPHET rates likelier than us to meet the recipient, or
 * blindly when nobody here knows the recipient.
 */
import t from 'tap';
import { createProphet, createProphetSpray, createStrategy, DEFAULT_PROPHET_SPRAY_COPIES } from '../../daemon/routing/index.js';
import { held, id, MINUTE, peer } from './fixtures/routing.js';

const T0 = 1_700_000_000_000;
const X = 0x5; // the recipient
const X_PEER = peer(0x50, X);
const GOOD = peer(0xb0, 0xb); // met X often
const POOR = peer(0xc0, 0xc); // never met X
const toX = (over = {}) => held({ to: id(X), ...over });

/** RouteInfo from a laptop that met X `times` times, half an hour apart. */
function infoOf(times: number) {
  const other = createProphet({});
  for (let i = 0; i < times; i++) other.met(X_PEER, undefined, T0 + i * 30 * MINUTE);
  return other.routeInfo(T0 + times * 30 * MINUTE);
}

t.test('six copies by default; the recipient gets its copy and nothing changes hands', async (t) => {
  const s = createProphetSpray();
  t.equal(s.initialCopies(), DEFAULT_PROPHET_SPRAY_COPIES);
  t.equal(DEFAULT_PROPHET_SPRAY_COPIES, 6);
  t.same(s.decide(toX({ own: true }), X_PEER, T0), { give: true, copiesGiven: 0, copiesKept: 6 });
  t.equal(createProphetSpray({ copies: 10 }).initialCopies(), 10);
});

t.test('nobody knows the recipient: copies are sprayed as spray-and-wait does', async (t) => {
  const s = createProphetSpray();
  s.met(POOR, infoOf(0), T0);
  t.same(s.decide(toX({ own: true }), POOR, T0), { give: true, copiesGiven: 3, copiesKept: 3 });
  t.same(s.decide(toX({ copies: 3 }), POOR, T0), { give: true, copiesGiven: 1, copiesKept: 2 });
  t.same(s.decide(toX({ copies: 1 }), POOR, T0), { give: false, copiesGiven: 0, copiesKept: 1 }, 'the last copy waits for the recipient');
  t.same(s.decide(toX({ copies: 0 }), POOR, T0), { give: false, copiesGiven: 0, copiesKept: 1 }, 'an uncounted carried copy is the last one');
});

t.test('once this laptop knows the recipient, copies go only uphill', async (t) => {
  const s = createProphetSpray();
  s.met(X_PEER, undefined, T0); // P(us, X) = 0.5
  s.met(GOOD, infoOf(4), T0 + MINUTE); // P(GOOD, X) above 0.9
  s.met(POOR, infoOf(0), T0 + MINUTE);
  const now = T0 + 2 * MINUTE;
  t.same(s.decide(toX({ copies: 6 }), GOOD, now), { give: true, copiesGiven: 3, copiesKept: 3 }, 'likelier: half the copies');
  t.same(s.decide(toX({ copies: 6 }), POOR, now), { give: false, copiesGiven: 0, copiesKept: 6 }, 'less likely: nothing');
  t.same(s.decide(toX({ copies: 1 }), GOOD, now), { give: false, copiesGiven: 0, copiesKept: 1 }, 'the last copy is never given to a carrier');
});

t.test('its predictabilities are shared and kept like PRoPHET\'s', async (t) => {
  const s = createProphetSpray();
  s.met(X_PEER, undefined, T0);
  const info = s.routeInfo(T0);
  t.equal(info?.predictabilities?.length, 1, 'announces X');
  const again = createProphetSpray({ snapshot: s.snapshot() });
  again.met(GOOD, infoOf(0), T0 + MINUTE);
  t.same(again.decide(toX({ copies: 4 }), GOOD, T0 + MINUTE), { give: false, copiesGiven: 0, copiesKept: 4 }, 'the restored table still knows X');
});

t.test('is one of the named strategies, with relay points around it', async (t) => {
  const s = createStrategy('prophet-spray', { strategy: { copies: 4 } });
  t.equal(s.name, 'prophet-spray+relay-points');
  t.equal(s.initialCopies(), 4);
});

t.test('bad options and arguments are refused by name', async (t) => {
  const bad = { code: 'INVALID_ARGUMENT' };
  t.throws(() => createProphetSpray({ copies: 0 }), bad);
  t.throws(() => createProphetSpray({ copies: 2.5 }), bad);
  t.throws(() => createProphetSpray({ hopLimit: 3 } as never), bad);
  t.throws(() => createProphetSpray({ gamma: 2 }), bad);
  const s = createProphetSpray();
  t.throws(() => s.decide(null as never, GOOD, T0), bad);
  t.throws(() => s.decide(toX(), { nodeId: 'x', userId: 'y' }, T0), bad);
  t.throws(() => s.decide(toX(), GOOD, -1), bad);
  t.throws(() => s.met(null as never, undefined, T0), bad);
  t.doesNotThrow(() => s.met(GOOD, { predictabilities: [{ user: new Uint8Array(3), p: 7 }] }, T0), 'hostile route info is ignored');
});
