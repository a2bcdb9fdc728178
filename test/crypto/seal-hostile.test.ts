import t from 'tap';
import type { KeyPair } from '../../daemon/crypto/keys.js';
import { envelopeId, openEnvelope, sealEnvelope } from '../../daemon/crypto/seal.js';
import { seededRandom } from '../../daemon/util/random.js';
import { encodeContent, type Envelope } from '../../daemon/wire/messages.js';
import { alice, bob, flip, hex, identityPoint, offCurve, orderTwoPoint } from './fixtures/index.js';

const content = encodeContent({ text: 'see you at the well after school' });
const random = seededRandom(2024);
const seal = (sender: KeyPair = alice, recipient: Uint8Array = bob.publicKey, lifetimeS = 3600): Envelope =>
  sealEnvelope({ sender, recipient, content, lifetimeS, random }).envelope;
const bytes = (b: Uint8Array | null | undefined): Uint8Array => b ?? new Uint8Array(0);

t.test('any change a carrier makes (except age) stops it opening', async (t) => {
  const env = seal();
  const sealed = bytes(env.sealed);
  const tampered: Record<string, Envelope> = {
    'first byte of sealed': { ...env, sealed: flip(sealed, 0) },
    'last byte of sealed (tag)': { ...env, sealed: flip(sealed, sealed.length - 1) },
    'middle byte of sealed': { ...env, sealed: flip(sealed, sealed.length >> 1) },
    'to': { ...env, to: flip(env.to, 7) },
    'nonce': { ...env, nonce: ((env.nonce ?? 0) ^ 1) >>> 0 },
    'lifetime stretched': { ...env, lifetimeS: 3601 },
    'lifetime dropped': { ...env, lifetimeS: 0 },
    'sealed truncated by one': { ...env, sealed: sealed.subarray(0, sealed.length - 1) },
    'sealed truncated to the tag size': { ...env, sealed: sealed.subarray(0, 16) },
    'sealed extended': { ...env, sealed: new Uint8Array([...sealed, 0]) },
  };
  for (const [what, bad] of Object.entries(tampered)) {
    t.equal(openEnvelope(bad, bob, [alice.publicKey]), null, what);
    t.not(hex(envelopeId(bad)), hex(envelopeId(env)), `${what} changes the id`);
  }
  const aged = { ...env, ageS: 86_400 };
  t.ok(openEnvelope(aged, bob, [alice.publicKey]), 'age is not sealed: carriers must add to it');
  t.equal(hex(envelopeId(aged)), hex(envelopeId(env)), 'and it does not change the id');
});

t.test('hostile envelopes never throw from openEnvelope', async (t) => {
  const env = seal();
  const hostile: Record<string, unknown> = {
    null: null, undefined, number: 7, 'empty object': {},
    'to as string': { ...env, to: 'abcdefgh' },
    'to too long': { ...env, to: new Uint8Array(32) },
    'sealed missing': { ...env, sealed: undefined },
    'sealed empty': { ...env, sealed: new Uint8Array(0) },
    'sealed as array': { ...env, sealed: Array.from(bytes(env.sealed)) },
    'negative nonce': { ...env, nonce: -1 },
    'nonce too big': { ...env, nonce: 2 ** 32 },
    'fractional lifetime': { ...env, lifetimeS: 1.5 },
    'lifetime NaN': { ...env, lifetimeS: Number.NaN },
  };
  for (const [what, bad] of Object.entries(hostile)) {
    t.equal(openEnvelope(bad as Envelope, bob, [alice.publicKey]), null, what);
  }
});

t.test('envelopeId rejects malformed envelopes with BadFrame', async (t) => {
  const env = seal();
  for (const bad of [null, {}, { ...env, to: new Uint8Array(7) }, { ...env, sealed: new Uint8Array(15) },
    { ...env, sealed: undefined }, { ...env, nonce: -1 }, { ...env, lifetimeS: 2 ** 32 }]) {
    t.throws(() => envelopeId(bad as Envelope), { code: 'BAD_FRAME' });
  }
  t.equal(envelopeId({ to: new Uint8Array(8), sealed: new Uint8Array(16) }).length, 16, 'absent numbers count as 0');
});

t.test('sealEnvelope refuses bad arguments with InvalidArgument', async (t) => {
  const ok = { sender: alice, recipient: bob.publicKey, content, lifetimeS: 0, random };
  const bad: Record<string, unknown> = {
    'short recipient': { ...ok, recipient: new Uint8Array(31) },
    'identity-point recipient': { ...ok, recipient: identityPoint },
    'order-two recipient': { ...ok, recipient: orderTwoPoint },
    'off-curve recipient': { ...ok, recipient: offCurve },
    'sender without secret': { ...ok, sender: { publicKey: alice.publicKey } },
    'content as string': { ...ok, content: 'hi' },
    'negative lifetime': { ...ok, lifetimeS: -1 },
    'lifetime too big': { ...ok, lifetimeS: 2 ** 32 },
    'short randomness': { ...ok, random: () => new Uint8Array(3) },
    'no random': { ...ok, random: undefined },
    'no arguments': undefined,
  };
  for (const [what, args] of Object.entries(bad)) {
    t.throws(() => sealEnvelope(args as Parameters<typeof sealEnvelope>[0]), { code: 'INVALID_ARGUMENT' }, what);
  }
});

t.test('openEnvelope refuses a malformed own key pair (a local bug, not hostile input)', async (t) => {
  const env = seal();
  t.throws(() => openEnvelope(env, { secretKey: new Uint8Array(0), publicKey: bob.publicKey }, [alice.publicKey]),
    { code: 'INVALID_ARGUMENT' });
  t.throws(() => openEnvelope(env, bob, null as unknown as Uint8Array[]), { code: 'INVALID_ARGUMENT' });
  t.ok(openEnvelope(env, bob, new Set([alice.publicKey])), 'any iterable of candidates works');
});
