/**
 * Known answers for sealing. The pinned envelope was reproduced outside this
 * code base with Python's `cryptography` (OpenSSL X25519, HKDF and
 * AES-GCM-SIV); here each step is also re-derived with node:crypto where
 * OpenSSL 3.0 offers it, and GCM-SIV is pinned to RFC 8452.
 */
import t from 'tap';
import { diffieHellman, hkdfSync } from 'node:crypto';
import { gcmsiv } from '@noble/ciphers/aes.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { keyId } from '../../daemon/crypto/keys.js';
import { PairKeys, sealKey, sharedSecret } from '../../daemon/crypto/pair-keys.js';
import { envelopeId, openEnvelope, sealEnvelope } from '../../daemon/crypto/seal.js';
import { seededRandom } from '../../daemon/util/random.js';
import { encodeContent, encodeEnvelope } from '../../daemon/wire/messages.js';
import {
  alice, bob, hex, montgomerySecretOf, nodeXPrivate, nodeXPublic, rawPublic, seedA, seedB, sha256, unhex, utf8,
} from './fixtures/index.js';

const SHARED_AB = '4045be3dc97cb6f42246d6fd6b2e9b7bfa6a543d47bf4ef16329ecfbba7a6925';
const TEXT_40 = 'x'.repeat(40);
const LIFETIME_WEEK_S = 7 * 24 * 3600;

t.test('RFC 7748: noble and OpenSSL X25519 give the standard answers', async (t) => {
  const scalar = unhex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4');
  const u = unhex('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c');
  const expected = 'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552';
  t.equal(hex(x25519.scalarMult(scalar, u)), expected, '5.2, noble');
  t.equal(hex(diffieHellman({ privateKey: nodeXPrivate(scalar), publicKey: nodeXPublic(u) })), expected, '5.2, OpenSSL');
  const alicePriv = unhex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const bobPub = unhex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
  t.equal(hex(x25519.getSharedSecret(alicePriv, bobPub)),
    '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742', '6.1 shared secret');
});

t.test('RFC 8452 C.2: AES-256-GCM-SIV', async (t) => {
  const key = unhex('0100000000000000000000000000000000000000000000000000000000000000');
  const nonce = unhex('030000000000000000000000');
  t.equal(hex(gcmsiv(key, nonce, unhex('01')).encrypt(unhex('0200000000000000'))),
    '1de22967237a813291213f267e3b452f02d01ae33e4ec854');
  const key2 = unhex('e66021d5eb8e4f4066d4adb9c33560e4f46e44bb3da0015c94f7088736864200');
  t.equal(hex(gcmsiv(key2, unhex('e0eaf5284d884a0e77d31646')).encrypt(new Uint8Array(0))),
    '169fbb2fbf389a995f6390af22228a62');
});

t.test('Ed25519 to X25519 conversion agrees with OpenSSL', async (t) => {
  // OpenSSL derives the X25519 public key from SHA-512(seed)[0..32]; noble maps the Edwards point.
  for (const [seed, pair] of [[seedA, alice], [seedB, bob]] as const) {
    t.equal(hex(ed25519.utils.toMontgomery(pair.publicKey)), hex(rawPublic(nodeXPrivate(montgomerySecretOf(seed)))));
  }
});

t.test('pair secret and keys re-derived with OpenSSL', async (t) => {
  const openssl = diffieHellman({
    privateKey: nodeXPrivate(montgomerySecretOf(seedA)),
    publicKey: nodeXPublic(rawPublic(nodeXPrivate(montgomerySecretOf(seedB)))),
  });
  t.equal(hex(sharedSecret(alice, bob.publicKey)), SHARED_AB);
  t.equal(hex(sharedSecret(bob, alice.publicKey)), SHARED_AB, 'same secret on both sides');
  t.equal(hex(openssl), SHARED_AB);
  const expectKey = (from: Uint8Array, to: Uint8Array): string =>
    hex(new Uint8Array(hkdfSync('sha256', openssl, utf8('satchel/v1/seal'), Buffer.concat([from, to]), 32)));
  const keys = new PairKeys();
  t.equal(hex(keys.sending(alice, bob.publicKey)), expectKey(alice.publicKey, bob.publicKey));
  t.equal(hex(keys.receiving(bob, alice.publicKey)), expectKey(alice.publicKey, bob.publicKey), 'B opens what A seals');
  t.equal(hex(keys.receiving(alice, bob.publicKey)), expectKey(bob.publicKey, alice.publicKey));
  t.not(expectKey(alice.publicKey, bob.publicKey), expectKey(bob.publicKey, alice.publicKey), 'direction matters');
  t.equal(hex(sealKey(openssl, alice.publicKey, bob.publicKey)), expectKey(alice.publicKey, bob.publicKey));
});

t.test('pinned envelope and id for fixed keys and randomness', async (t) => {
  const content = encodeContent({ text: TEXT_40 });
  const { envelope, id } = sealEnvelope({
    sender: alice, recipient: bob.publicKey, content, lifetimeS: LIFETIME_WEEK_S, random: seededRandom(42),
  });
  t.equal(hex(envelope.to ?? new Uint8Array(0)), 'd889e1a83ef581e7');
  t.equal(envelope.nonce, 3221466152);
  t.equal(envelope.lifetimeS, LIFETIME_WEEK_S);
  t.equal(envelope.ageS, undefined, 'age is left for carriers');
  t.equal(hex(envelope.sealed ?? new Uint8Array(0)),
    '096a0f03d5c7936a393b0cbd5423f70d98e8fef7e021ab5d4caf0f4baa1c5b0f0d34b8782d3add36833afdde9f752b0d66f77b80b2e50a09528d');
  t.equal(hex(id), '8a4073a81ad8526ebbf23bdc7624dad7');
  // The id recomputed from its definition with node's SHA-256.
  const le = Buffer.alloc(4); le.writeUInt32LE(3221466152);
  const be = Buffer.alloc(4); be.writeUInt32BE(LIFETIME_WEEK_S);
  const sealed = envelope.sealed ?? new Uint8Array(0);
  t.equal(hex(sha256(utf8('satchel/v1/msg-id'), keyId(bob.publicKey), le, be, sealed).subarray(0, 16)), hex(id));
  t.equal(hex(envelopeId(envelope)), hex(id));
  const opened = openEnvelope(envelope, bob, [alice.publicKey]);
  t.equal(hex(opened?.content ?? new Uint8Array(0)), hex(content));
});

t.test('overhead: bytes the envelope adds to a 40-byte text', async (t) => {
  const content = encodeContent({ text: TEXT_40 });
  t.equal(content.length, 42, 'Content framing: 2 bytes');
  const seal = (lifetimeS: number): number => encodeEnvelope(
    sealEnvelope({ sender: alice, recipient: bob.publicKey, content, lifetimeS, random: seededRandom(1) }).envelope,
  ).length - content.length;
  // to 2+8, nonce 1+4, sealed 1+1 + 16 tag, lifetime 1+3 (a week) or omitted (0 = default).
  t.equal(seal(LIFETIME_WEEK_S), 37);
  t.equal(seal(0), 33);
  t.comment(`envelope overhead over encoded Content: ${seal(LIFETIME_WEEK_S)} bytes (week lifetime), ${seal(0)} (default)`);
});
