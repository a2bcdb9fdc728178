import { createHash } from 'node:crypto';
import t from 'tap';
import { DIGEST_BYTES, createIdSet } from '../../../daemon/sync/reconcile/id-set.js';
import { seededRandom } from '../../../daemon/util/random.js';
import { hex, makeIds, sortedHex } from './pair.js';

/** The digest as the proto defines it, computed independently. */
function expectedDigest(ids: Uint8Array[]): string {
  const sorted = [...ids].sort((a, b) => Buffer.compare(a, b));
  return createHash('sha256').update(Buffer.concat(sorted)).digest().subarray(0, DIGEST_BYTES).toString('hex');
}

t.test('add, has, delete, size', async (t) => {
  const [a, b] = makeIds(2, seededRandom(1));
  const s = createIdSet();
  t.equal(s.size, 0);
  t.ok(s.add(a!));
  t.notOk(s.add(a!), 'twice');
  t.ok(s.has(a!));
  t.notOk(s.has(b!));
  t.equal(s.size, 1);
  t.notOk(s.delete(b!), 'not held');
  t.ok(s.delete(a!));
  t.notOk(s.has(a!));
  t.equal(s.size, 0);
});

t.test('the set keeps its own copies', async (t) => {
  const [a] = makeIds(1, seededRandom(2));
  const s = createIdSet([a!]);
  const original = hex(a!);
  a![15] = a![15]! ^ 0xff;
  t.notOk(s.has(a!), 'changing the caller\'s bytes changes nothing here');
  const got = s.byPrefix(a!.subarray(0, 8))!;
  t.equal(hex(got), original);
  got[0] = got[0]! ^ 1;
  t.equal(hex(s.byPrefix(Buffer.from(original, 'hex').subarray(0, 8))!), original);
  for (const id of s) id.fill(0);
  t.equal(hex([...s][0]!), original, 'iteration hands out copies');
});

t.test('byPrefix finds the full id; a second id with a held prefix is refused', async (t) => {
  const ids = makeIds(50, seededRandom(3));
  const s = createIdSet(ids);
  for (const id of ids) t.equal(hex(s.byPrefix(id.subarray(0, 8))!), hex(id));
  t.equal(s.byPrefix(new Uint8Array(8)), undefined);
  const clash = ids[0]!.slice();
  clash[12] = clash[12]! ^ 1;
  t.notOk(s.add(clash), 'same prefix, other id');
  t.notOk(s.has(clash));
  t.notOk(s.delete(clash), 'deleting the clasher leaves the holder');
  t.ok(s.has(ids[0]!));
});

t.test('digest: SHA-256 over the sorted ids, truncated, kept until a change', async (t) => {
  const ids = makeIds(500, seededRandom(4));
  const s = createIdSet(ids);
  t.equal(hex(s.digest()), expectedDigest(ids));
  t.equal(hex(createIdSet([...ids].reverse()).digest()), hex(s.digest()), 'insertion order does not matter');
  t.equal(hex(createIdSet().digest()), expectedDigest([]), 'empty set');
  const d = s.digest();
  d.fill(0);
  t.equal(hex(s.digest()), expectedDigest(ids), 'the caller cannot spoil the cached digest');
  s.delete(ids[7]!);
  t.equal(hex(s.digest()), expectedDigest(ids.filter((_, i) => i !== 7)), 'a delete changes it');
  s.add(ids[7]!);
  t.equal(hex(s.digest()), expectedDigest(ids), 'adding back restores it');
  t.notOk(s.add(ids[7]!));
  t.equal(hex(s.digest()), expectedDigest(ids), 'a refused add changes nothing');
});

t.test('iteration yields every id once', async (t) => {
  const ids = makeIds(300, seededRandom(5));
  t.same(sortedHex([...createIdSet(ids)]), sortedHex(ids));
});

t.test('100,000 ids', async (t) => {
  const ids = makeIds(100_000, seededRandom(6));
  const start = performance.now();
  const s = createIdSet(ids);
  s.digest();
  let found = 0;
  for (const id of ids) if (s.byPrefix(id.subarray(0, 8)) !== undefined) found++;
  s.delete(ids[0]!);
  s.digest();
  const ms = performance.now() - start;
  t.equal(found, 100_000);
  t.equal(s.size, 99_999);
  t.ok(ms < 5_000, `build, two digests and 100,000 lookups in ${ms.toFixed(0)} ms`);
});

t.test('bad input', async (t) => {
  const s = createIdSet();
  for (const bad of [new Uint8Array(15), new Uint8Array(17), 'x'.repeat(16), null, undefined, [1, 2, 3]]) {
    t.throws(() => s.add(bad as Uint8Array), { code: 'INVALID_ARGUMENT' });
    t.throws(() => s.has(bad as Uint8Array), { code: 'INVALID_ARGUMENT' });
    t.throws(() => s.delete(bad as Uint8Array), { code: 'INVALID_ARGUMENT' });
  }
  t.throws(() => s.byPrefix(new Uint8Array(16)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => s.byPrefix(new Uint8Array(7)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createIdSet([new Uint8Array(3)]), { code: 'INVALID_ARGUMENT' });
});
