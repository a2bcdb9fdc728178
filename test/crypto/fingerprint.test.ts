import t from 'tap';
import { fingerprint, FINGERPRINT_PATTERN } from '../../daemon/crypto/fingerprint.js';
import { generateKeyPair } from '../../daemon/crypto/keys.js';
import { seededRandom } from '../../daemon/util/random.js';
import { alice, bob, sha256, utf8 } from './fixtures/index.js';

/** Independent encoder: the 80-bit number in base 32 via BigInt, mapped to Crockford's alphabet. */
function referenceFingerprint(publicKey: Uint8Array): string {
  const digest = sha256(utf8('satchel/v1/fingerprint'), publicKey).subarray(0, 10);
  const n = BigInt('0x' + Buffer.from(digest).toString('hex'));
  const digits = n.toString(32).padStart(16, '0');
  const crockford = [...digits].map((d) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[parseInt(d, 32)]).join('');
  return crockford.match(/.{4}/g)!.join('-');
}

t.test('pinned fingerprints for fixed keys', async (t) => {
  t.equal(fingerprint(alice.publicKey), 'NCJT-BHY5-0Z6E-AVE5');
  t.equal(fingerprint(bob.publicKey), '13PV-R0MW-NMWN-HJDC');
});

t.test('format: 4 groups of 4 Crockford characters, no I/L/O/U', async (t) => {
  const random = seededRandom(99);
  for (let i = 0; i < 200; i++) {
    const { publicKey } = generateKeyPair(random);
    const fp = fingerprint(publicKey);
    t.match(fp, FINGERPRINT_PATTERN);
    t.match(fp, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    t.notMatch(fp, /[ILOU]/);
    t.equal(fp, referenceFingerprint(publicKey), 'agrees with the BigInt reference');
  }
});

t.test('deterministic and key-sensitive', async (t) => {
  t.equal(fingerprint(Uint8Array.from(alice.publicKey)), fingerprint(alice.publicKey));
  const flipped = Uint8Array.from(alice.publicKey);
  flipped[31] = (flipped[31] ?? 0) ^ 1;
  t.not(fingerprint(flipped), fingerprint(alice.publicKey));
});

t.test('wrong sizes give InvalidArgument', async (t) => {
  for (const bad of [new Uint8Array(0), new Uint8Array(8), new Uint8Array(64), undefined]) {
    t.throws(() => fingerprint(bad as Uint8Array), { code: 'INVALID_ARGUMENT' });
  }
});
