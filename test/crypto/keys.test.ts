import t from 'tap';
import { sign as nodeSign } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import {
  fromHex, generateKeyPair, keyId, keyIdHex, keyPairFromSecret, toHex,
} from '../../daemon/crypto/keys.js';
import { seededRandom } from '../../daemon/util/random.js';
import { alice, bob, hex, nodeEdPrivate, rawPublic, seedA, seedB, sha256, unhex, utf8 } from './fixtures/index.js';

t.test('RFC 8032 test 1: noble signs as the standard says', async (t) => {
  const seed = unhex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
  const pair = keyPairFromSecret(seed);
  t.equal(hex(pair.publicKey), 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  t.equal(hex(ed25519.sign(new Uint8Array(0), pair.secretKey)),
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
});

t.test('public keys from fixed seeds match the pinned values and OpenSSL', async (t) => {
  t.equal(hex(alice.publicKey), '79b5562e8fe654f94078b112e8a98ba7901f853ae695bed7e0e3910bad049664');
  t.equal(hex(bob.publicKey), '2543b92ff1095511476adc8369db6ddc933665a11978dda1404ee1066ca9559d');
  t.equal(hex(rawPublic(nodeEdPrivate(seedA))), hex(alice.publicKey));
  t.equal(hex(rawPublic(nodeEdPrivate(seedB))), hex(bob.publicKey));
  // Same seed, same signature from both implementations (Ed25519 is deterministic).
  const msg = utf8('hello');
  t.equal(hex(ed25519.sign(msg, alice.secretKey)), hex(nodeSign(null, msg, nodeEdPrivate(seedA))));
});

t.test('key id is the first 8 bytes of SHA-256 over the label and key', async (t) => {
  t.equal(keyIdHex(alice.publicKey), 'fb7c91efbfbd3ab1');
  t.equal(keyIdHex(bob.publicKey), 'd889e1a83ef581e7');
  t.equal(hex(keyId(bob.publicKey)), hex(sha256(utf8('satchel/v1/key-id'), bob.publicKey).subarray(0, 8)));
  t.match(keyIdHex(alice.publicKey), /^[0-9a-f]{16}$/);
});

t.test('generated keys come from the injected randomness and are copies', async (t) => {
  const a = generateKeyPair(seededRandom(7));
  const b = generateKeyPair(seededRandom(7));
  t.equal(hex(a.publicKey), hex(b.publicKey), 'same seed, same key');
  t.not(hex(a.publicKey), hex(generateKeyPair(seededRandom(8)).publicKey));
  const secret = Uint8Array.from(seedA);
  const pair = keyPairFromSecret(secret);
  secret.fill(0);
  t.equal(hex(pair.publicKey), hex(alice.publicKey));
  t.equal(hex(pair.secretKey), hex(seedA), 'wiping the caller buffer leaves our key intact');
});

t.test('hex helpers are strict', async (t) => {
  t.equal(toHex(new Uint8Array([0, 15, 255])), '000fff');
  t.equal(toHex(new Uint8Array(0)), '');
  t.equal(hex(fromHex('000FfF')), '000fff');
  t.equal(hex(fromHex(keyIdHex(bob.publicKey), 8)), hex(keyId(bob.publicKey)));
  for (const bad of ['abc', 'zz', '0x00', ' 00', '00 ', 'é0']) {
    t.throws(() => fromHex(bad), { code: 'INVALID_ARGUMENT' }, JSON.stringify(bad));
  }
  t.throws(() => fromHex('00', 32), { code: 'INVALID_ARGUMENT' });
  t.throws(() => fromHex(undefined as unknown as string), { code: 'INVALID_ARGUMENT' });
  t.throws(() => toHex('00' as unknown as Uint8Array), { code: 'INVALID_ARGUMENT' });
});

t.test('wrong sizes give InvalidArgument, not TypeError', async (t) => {
  for (const bad of [new Uint8Array(0), new Uint8Array(31), new Uint8Array(33), null, 'x'.repeat(32)]) {
    t.throws(() => keyPairFromSecret(bad as Uint8Array), { code: 'INVALID_ARGUMENT' });
    t.throws(() => keyId(bad as Uint8Array), { code: 'INVALID_ARGUMENT' });
    t.throws(() => keyIdHex(bad as Uint8Array), { code: 'INVALID_ARGUMENT' });
  }
  t.throws(() => generateKeyPair(() => new Uint8Array(16)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => generateKeyPair(undefined as unknown as () => Uint8Array), { code: 'INVALID_ARGUMENT' });
});
