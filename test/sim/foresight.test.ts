/**
 * The foresight bound: earliest arrival through at most h transfers,
 * worked out by hand on three and four laptops.
 */
import t from 'tap';
import { parseOneEvents } from '../../daemon/sim/one-events.js';
import { foresightBound, MAX_FORESIGHT_TRANSFERS } from '../../daemon/sim/foresight.js';

t.test('A meets B, then B meets C: two transfers reach C as B meets it', async (t) => {
  const events = parseOneEvents(`0 C m1 A C 100
10 CONN A B up
20 CONN A B down
30 CONN B C up
40 CONN B C down
`);
  t.same(foresightBound(events, 3), [
    { transfers: 1, created: 1, delivered: 0, deliveryProb: 0, latencyMedianS: null },
    { transfers: 2, created: 1, delivered: 1, deliveryProb: 1, latencyMedianS: 30 },
    { transfers: 3, created: 1, delivered: 1, deliveryProb: 1, latencyMedianS: 30 },
  ]);
});

t.test('a message written during a contact crosses it at once; order in time matters', async (t) => {
  const events = parseOneEvents(`0 CONN B C up
5 C m1 A C 100
8 C m2 C A 100
10 CONN A B up
20 CONN A B down
30 CONN B C down
50 CONN A B up
60 CONN A B down
`);
  const [one, two] = foresightBound(events, 2);
  t.equal(one?.delivered, 0, 'nobody meets directly');
  t.equal(two?.delivered, 2, 'through B both ways');
  // m1 crosses A-B at 10 and B-C (up since 0) at once: 5 s. m2 crosses C-B
  // as it is written at 8 and B-A when it opens at 10: 2 s. Element n/2 of [2, 5].
  t.equal(two?.latencyMedianS, 5);
  const later = parseOneEvents(`0 CONN B C up
10 CONN A B up
12 C m2 C A 100
20 CONN A B down
30 CONN B C down
50 CONN A B up
60 CONN A B down
`);
  t.equal(foresightBound(later, 2)[1]?.latencyMedianS, 0, 'written at 12 while both contacts are up: it crosses both at once');
});

t.test('a path that goes back in time is no path, and the end of the trace cuts the rest', async (t) => {
  const events = parseOneEvents(`0 CONN B C up
5 CONN B C down
10 C m1 A C 100
20 CONN A B up
25 CONN A B down
100 CONN B C up
`);
  t.equal(foresightBound(events, 4)[3]?.delivered, 1, 'B meets C again at 100, the contact open at the end');
  t.equal(foresightBound(events, 4, 99)[3]?.delivered, 0, 'not by 99 s');
});

t.test('bad arguments are refused by name', async (t) => {
  const events = parseOneEvents('0 C m1 A B 10\n1 CONN A B up\n');
  const bad = { code: 'INVALID_ARGUMENT' };
  t.throws(() => foresightBound(events, 0), bad);
  t.throws(() => foresightBound(events, MAX_FORESIGHT_TRANSFERS + 1), bad);
  t.throws(() => foresightBound(events, 1.5), bad);
  t.throws(() => foresightBound(null as never, 1), bad);
  t.throws(() => foresightBound(events, 1, -1), bad);
  t.equal(foresightBound(events, 1)[0]?.latencyMedianS, 1);
});
