/**
 * Derivations checked against node's own SHA-256 and HKDF, the key bag's
 * order and bounds, and GroupKeys from the network.
 */
import { createHash, hkdfSync } from 'node:crypto';
import t from 'tap';
import { checkGroupKey, EpochKeys, epochSealKey, groupAddress, newEpochKey, EPOCH_KEY_BYTES } from '../../daemon/groups/group-keys.js';
import { seededRandom } from '../../daemon/util/random.js';

const groupId = Uint8Array.from({ length: 16 }, (_, i) => i);
const epochId = Uint8Array.from({ length: 16 }, (_, i) => 0xf0 + i);
const key = new Uint8Array(32).fill(0x42);
const hex = (n: number): string => n.toString(16).padStart(32, '0');

t.test('known answers', async (t) => {
  const addr = createHash('sha256').update('satchel/v1/group-to').update(groupId).digest().subarray(0, 8);
  t.equal(Buffer.from(groupAddress(groupId)).toString('hex'), addr.toString('hex'), 'address = SHA-256(label || group id)[0..8]');
  t.equal(Buffer.from(groupAddress(groupId)).toString('hex'), '0725937a9590332c', 'pinned');
  const sealKey = Buffer.from(hkdfSync('sha256', key, 'satchel/v1/group-seal', Buffer.concat([groupId, epochId]), 32));
  t.equal(Buffer.from(epochSealKey(key, groupId, epochId)).toString('hex'), sealKey.toString('hex'), 'seal key = HKDF(epoch key, label, group || epoch)');
  t.not(Buffer.from(epochSealKey(key, groupId, groupId)).toString('hex'), sealKey.toString('hex'), 'another epoch, another key');
});

t.test('bad arguments are INVALID_ARGUMENT', async (t) => {
  t.throws(() => groupAddress(new Uint8Array(15)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => groupAddress('00' as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => epochSealKey(new Uint8Array(31), groupId, epochId), { code: 'INVALID_ARGUMENT' });
  t.throws(() => epochSealKey(key, groupId, new Uint8Array(8)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => newEpochKey(null as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => newEpochKey(() => new Uint8Array(3)), { code: 'INVALID_ARGUMENT' });
  t.equal(newEpochKey(seededRandom(1)).length, EPOCH_KEY_BYTES);
  t.throws(() => new EpochKeys(0), { code: 'INVALID_ARGUMENT' });
  const bag = new EpochKeys();
  t.throws(() => bag.put('xyz', key), { code: 'INVALID_ARGUMENT' });
  t.throws(() => bag.put(hex(1), new Uint8Array(5)), { code: 'INVALID_ARGUMENT' });
});

t.test('GroupKeys from the network: a reason, never a throw', async (t) => {
  t.match(checkGroupKey(null), /missing/);
  t.match(checkGroupKey({ group: groupId, epoch: epochId }), /epoch key/);
  t.match(checkGroupKey({ group: new Uint8Array(3), epoch: epochId, key }), /group id/);
  t.match(checkGroupKey({ group: groupId, epoch: 'x', key }), /epoch id/);
  const ok = checkGroupKey({ group: groupId, epoch: epochId, key });
  t.same(ok, { group: Buffer.from(groupId).toString('hex'), epoch: Buffer.from(epochId).toString('hex'), key });
});

t.test('the key bag: newest epoch first, early keys last, the first key of an epoch stays, bounded', async (t) => {
  const bag = new EpochKeys(3);
  const k = (n: number): Uint8Array => new Uint8Array(32).fill(n);
  t.ok(bag.put(hex(1), k(1)));
  t.notOk(bag.put(hex(1), k(9)), 'a second key for one epoch is ignored');
  bag.put(hex(2), k(2));
  bag.put(hex(7), k(7)); // its op has not arrived
  t.same(bag.candidates([hex(1), hex(2)]).map((c) => c.epoch), [hex(2), hex(1), hex(7)]);
  t.same(bag.get(hex(1)), k(1));
  for (let i = 3; i <= 6; i++) bag.put(hex(i), k(i));
  t.same(bag.candidates([1, 2, 3, 4, 5, 6].map(hex)).map((c) => c.epoch), [hex(6), hex(5), hex(4), hex(7)], 'only the newest 3 known epochs are kept');
  t.equal(bag.get(hex(1)), undefined, 'older keys are forgotten');
  for (let i = 10; i < 20; i++) bag.put(hex(i), k(i));
  t.equal(bag.size, 6, 'keys ahead of their ops are bounded (2 x max)');
  t.same(bag.get(hex(19)), k(19), 'the newest key is kept');
});
