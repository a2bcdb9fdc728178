/**
 * The contact book merges a pair's overlapping meetings so the trace never
 * brings up a link that is already up, and refuses impossible contacts.
 */
import t from 'tap';
import { ContactBook } from '../../../daemon/sim/scenario/contact-book.js';
import { createPrng, substream } from '../../../daemon/sim/scenario/prng.js';

t.test('overlapping and touching meetings of a pair become one; other pairs stay apart', async (t) => {
  const book = new ContactBook();
  book.add(5, 2, 100, 200);
  book.add(2, 5, 150, 300);
  book.add(2, 5, 300, 400.4);
  book.add(2, 5, 500, 600);
  book.add(1, 3, 200, 250);
  book.add(1, 3, 10, 10.2);
  t.same(book.events().map((e) => `${e.timeS} ${e.a} ${e.b} ${e.up ? 'up' : 'down'}`), [
    '100 2 5 up',
    '200 1 3 up',
    '250 1 3 down',
    '400 2 5 down',
    '500 2 5 up',
    '600 2 5 down',
  ], 'a meeting shorter than a second after rounding is dropped');
});

t.test('at one second, links go down before others come up', async (t) => {
  const book = new ContactBook();
  book.add(3, 4, 50, 80);
  book.add(1, 2, 0, 50);
  t.same(book.events().map((e) => [e.timeS, e.a, e.up]), [[0, 1, true], [50, 1, false], [50, 3, true], [80, 3, false]]);
});

t.test('a host cannot meet itself, and hosts and times must be numbers', async (t) => {
  const book = new ContactBook();
  t.throws(() => book.add(4, 4, 0, 10), { code: 'INVALID_ARGUMENT', message: /cannot meet itself/ });
  t.throws(() => book.add(-1, 4, 0, 10), { code: 'INVALID_ARGUMENT' });
  t.throws(() => book.add(1.5, 4, 0, 10), { code: 'INVALID_ARGUMENT' });
  t.throws(() => book.add(1, 4, NaN, 10), { code: 'INVALID_ARGUMENT', message: /finite/ });
  t.throws(() => book.add(1, 4, 0, Infinity), { code: 'INVALID_ARGUMENT', message: /finite/ });
  t.same(book.events(), []);
});

t.test('the generator PRNG is reproducible, in range, and refuses bad seeds', async (t) => {
  const a = createPrng(42);
  const b = createPrng(42);
  const xs = Array.from({ length: 1000 }, () => a.next());
  t.same(xs, Array.from({ length: 1000 }, () => b.next()));
  t.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  t.ok(mean > 0.45 && mean < 0.55, `mean ${mean} near 1/2`);
  const zero = createPrng(0);
  t.not(zero.next(), zero.next(), 'seed 0 is a seed like any other');
  t.not(substream(42, 1).next(), substream(42, 2).next(), 'streams of one seed differ');
  const r = createPrng(3);
  const ints = Array.from({ length: 500 }, () => r.int(2, 5));
  t.same([...new Set(ints)].sort(), [2, 3, 4, 5], 'int covers both ends');
  t.same(r.shuffled([1, 2, 3, 4, 5]).sort(), [1, 2, 3, 4, 5]);
  t.throws(() => r.pick([]), { code: 'INVALID_ARGUMENT' });
  for (const seed of [-1, 2 ** 32, 0.5, NaN, '1']) {
    t.throws(() => createPrng(seed as number), { code: 'INVALID_ARGUMENT', message: /seed must be an integer/ });
  }
});
