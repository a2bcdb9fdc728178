import t from 'tap';
import { openBackup, sealBackup } from '../../daemon/crypto/backup.js';
import { decodeBackup, encodeBackup } from '../../daemon/wire/messages.js';
import { seededRandom } from '../../daemon/util/random.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { scryptSync } from 'node:crypto';

// Small cost keeps the test fast; the format and checks are the same.
const LOG_N = 10;
const secret = new Uint8Array(32).fill(9);

t.test('a backup opens with its passphrase and only with it', async (t) => {
  const b = sealBackup({ userSecret: secret, displayName: 'Amira' }, 'correct horse', seededRandom(1), LOG_N);
  const back = openBackup(b, 'correct horse');
  t.same([...(back.userSecret ?? [])], [...secret]);
  t.equal(back.displayName, 'Amira');
  t.throws(() => openBackup(b, 'wrong horse!'), { code: 'DECRYPT_FAILED' });
  t.notOk(Buffer.from(b).includes(Buffer.from(secret)), 'the secret is not in the file in the clear');
});

t.test('tampered parameters or bytes are refused', async (t) => {
  const b = sealBackup({ userSecret: secret }, 'correct horse', seededRandom(2), LOG_N);
  const h = decodeBackup(b);
  t.throws(() => openBackup(encodeBackup({ ...h, logN: LOG_N + 1 }), 'correct horse'), { code: 'DECRYPT_FAILED' }, 'cost is authenticated');
  t.throws(() => openBackup(encodeBackup({ ...h, logN: 30 }), 'correct horse'), { code: 'BAD_FRAME' }, 'no memory bomb');
  t.throws(() => openBackup(new Uint8Array([1, 2, 3]), 'correct horse'), { code: 'BAD_FRAME' });
  t.throws(() => sealBackup({ userSecret: secret }, 'short', seededRandom(3), LOG_N), { code: 'INVALID_ARGUMENT' });
});

t.test('scrypt from noble agrees with node:crypto (RFC 7914 parameters)', async (t) => {
  const ours = scrypt('password', 'NaCl', { N: 1024, r: 8, p: 16, dkLen: 64 });
  t.equal(Buffer.from(ours).toString('hex'), scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
  // RFC 7914 section 12, second vector.
  t.match(Buffer.from(ours).toString('hex'), /^fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162/);
});
