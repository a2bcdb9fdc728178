/** The book of current sightings: one up/down per key, however many holders. */
import t from 'tap';
import { SightingBook } from '../../../daemon/discovery/sources/sighting-book.js';
import type { Sighting } from '../../../daemon/discovery/sources/source.js';

function book(): { b: SightingBook; log: string[] } {
  const log: string[] = [];
  const b = new SightingBook({ seen: (s) => log.push(`seen ${s.key} ${s.address}`), lost: (k) => log.push(`lost ${k}`) });
  return { b, log };
}

const s = (key: string, address: string): Sighting => ({ source: 'wpa_supplicant', key, address, sessionPort: 4000 });

t.test('one holder: seen once, repeated puts are quiet unless something changed', async (t) => {
  const { b, log } = book();
  b.put('h1', s('k', 'fe80::1%a'));
  b.put('h1', s('k', 'fe80::1%a'));
  b.put('h1', s('k', 'fe80::2%a'));
  b.drop('h1', 'k');
  b.drop('h1', 'k');
  t.same(log, ['seen k fe80::1%a', 'seen k fe80::2%a', 'lost k']);
  t.equal(b.size, 0);
});

t.test('two holders: lost only when the last lets go; the survivor is shown', async (t) => {
  const { b, log } = book();
  b.put('mesh0', s('k', 'fe80::1%mesh0'));
  b.put('wlan0', s('k', 'fe80::1%wlan0'));
  t.same(log, ['seen k fe80::1%mesh0'], 'the second holder changes nothing shown');
  b.drop('mesh0', 'k');
  t.same(log.at(-1), 'seen k fe80::1%wlan0', 'the shown holder left: the other one is shown now');
  b.drop('wlan0', 'k');
  t.same(log.at(-1), 'lost k');
});

t.test('dropHolders and clear', async (t) => {
  const { b, log } = book();
  b.put('/I/1#mesh', s('a', 'x'));
  b.put('/I/1/BSSs/0', s('b', ''));
  b.put('/I/10#mesh', s('c', 'y'));
  b.dropHolders((h) => h === '/I/1#mesh' || h.startsWith('/I/1/'));
  t.same(log.slice(3), ['lost a', 'lost b'], 'only that interface\'s holdings');
  t.ok(b.has('c'));
  b.clear();
  t.same(log.at(-1), 'lost c');
  t.equal(b.size, 0);
});
