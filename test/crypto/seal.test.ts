import t from 'tap';
import { gcmsiv } from '@noble/ciphers/aes.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { keyId, type KeyPair } from '../../daemon/crypto/keys.js';
import { PairKeys } from '../../daemon/crypto/pair-keys.js';
import { openEnvelope, sealEnvelope } from '../../daemon/crypto/seal.js';
import { seededRandom } from '../../daemon/util/random.js';
import {
  decodeContent, decodeEnvelope, encodeContent, encodeEnvelope, type Envelope,
} from '../../daemon/wire/messages.js';
import { alice, bob, carol, hex, identityPoint, offCurve, orderTwoPoint } from './fixtures/index.js';

const content = encodeContent({ text: 'see you at the well after school' });
const random = seededRandom(2024);
const seal = (sender: KeyPair = alice, recipient: Uint8Array = bob.publicKey, lifetimeS = 3600): Envelope =>
  sealEnvelope({ sender, recipient, content, lifetimeS, random }).envelope;
const bytes = (b: Uint8Array | null | undefined): Uint8Array => b ?? new Uint8Array(0);


t.test('round trip: B reads what A wrote and learns it was A', async (t) => {
  const env = decodeEnvelope(encodeEnvelope(seal()));
  const opened = openEnvelope(env, bob, [alice.publicKey]);
  t.ok(opened);
  t.equal(hex(opened?.sender ?? new Uint8Array(0)), hex(alice.publicKey));
  t.equal(decodeContent(opened?.content ?? new Uint8Array(0)).text, 'see you at the well after school');
});

t.test('the right sender is found among many candidates, even last, even after junk', async (t) => {
  const env = seal();
  const strangers = Array.from({ length: 20 }, (_, i) => ed25519.getPublicKey(new Uint8Array(32).fill(i + 1)));
  const junk = [new Uint8Array(0), new Uint8Array(31), identityPoint, orderTwoPoint, offCurve, 'x' as unknown as Uint8Array];
  const opened = openEnvelope(env, bob, [carol.publicKey, ...junk, ...strangers, alice.publicKey], new PairKeys());
  t.equal(hex(opened?.sender ?? new Uint8Array(0)), hex(alice.publicKey));
  t.equal(openEnvelope(env, bob, strangers), null, 'no open without the sender among candidates');
  t.equal(openEnvelope(env, bob, []), null);
});

t.test('only the recipient can open', async (t) => {
  const env = seal();
  t.equal(openEnvelope(env, carol, [alice.publicKey]), null, 'a carrier cannot read it');
  t.equal(openEnvelope({ ...env, to: keyId(carol.publicKey) }, carol, [alice.publicKey]), null, 'nor by readdressing it');
  t.equal(openEnvelope(env, alice, [bob.publicKey]), null, 'nor can the sender, as the recipient');
});

t.test('envelopes carried for others are skipped without any key work', async (t) => {
  const keys = new PairKeys();
  t.equal(openEnvelope(seal(), carol, [alice.publicKey, bob.publicKey], keys), null);
  t.equal(keys.size, 0, 'no X25519 was spent on a message addressed elsewhere');
});

t.test('a third party cannot pose as A', async (t) => {
  const fromCarol = seal(carol);
  t.equal(openEnvelope(fromCarol, bob, [alice.publicKey]), null);
  t.equal(hex(openEnvelope(fromCarol, bob, [alice.publicKey, carol.publicKey])?.sender ?? new Uint8Array(0)),
    hex(carol.publicKey), 'it opens only as from Carol');
  // Carol claims Alice's public key but has only her own secret.
  const forged = sealEnvelope({
    sender: { secretKey: carol.secretKey, publicKey: alice.publicKey }, recipient: bob.publicKey, content, lifetimeS: 0, random,
  }).envelope;
  t.equal(openEnvelope(forged, bob, [alice.publicKey, carol.publicKey]), null);
});

t.test('reflection: A\'s message to B, sent back to A as if from B, does not open', async (t) => {
  const env = seal();
  t.equal(openEnvelope({ ...env, to: keyId(alice.publicKey) }, alice, [bob.publicKey]), null, 'readdressed');
  // Even with the routing fields made consistent for A (as if AAD were no obstacle), the
  // key for A->B is not the key for B->A.
  const keys = new PairKeys();
  const to = keyId(alice.publicKey);
  const nonce = new Uint8Array(12);
  const aad = new Uint8Array([...to, 0, 0, 0, 0]);
  const reflected = { to, sealed: gcmsiv(keys.sending(alice, bob.publicKey), nonce, aad).encrypt(content) };
  t.equal(openEnvelope(reflected, alice, [bob.publicKey], keys), null);
  // Control: the same construction with the B->A key does open, so the null above is the direction.
  const genuine = { to, sealed: gcmsiv(keys.sending(bob, alice.publicKey), nonce, aad).encrypt(content) };
  t.ok(openEnvelope(genuine, alice, [bob.publicKey], keys));
});

t.test('a note to oneself and empty content work', async (t) => {
  const self = seal(alice, alice.publicKey);
  t.ok(openEnvelope(self, alice, [alice.publicKey]));
  const empty = sealEnvelope({ sender: alice, recipient: bob.publicKey, content: new Uint8Array(0), lifetimeS: 0, random });
  t.equal(bytes(empty.envelope.sealed).length, 16, 'just the tag');
  t.equal(openEnvelope(empty.envelope, bob, [alice.publicKey])?.content.length, 0);
});

t.test('the same content sealed twice gets different ids', async (t) => {
  const a = sealEnvelope({ sender: alice, recipient: bob.publicKey, content, lifetimeS: 60, random });
  const b = sealEnvelope({ sender: alice, recipient: bob.publicKey, content, lifetimeS: 60, random });
  t.not(hex(a.id), hex(b.id));
  t.equal(a.id.length, 16);
});
