import t from 'tap';
import { verify as nodeVerify } from 'node:crypto';
import { makeCard, MAX_DISPLAY_NAME_BYTES, verifyCard } from '../../daemon/crypto/card.js';
import { decodeCard, encodeCard, type IdentityCard } from '../../daemon/wire/messages.js';
import { alice, bob, carol, flip, hex, nodeEdPublic, unhex, utf8 } from './fixtures/index.js';

const laptop = bob.publicKey; // any 32-byte Ed25519 key will do as a node key
const otherLaptop = carol.publicKey;
const ISSUED = 1_700_000_000_000;

/** What a peer actually receives: the card after a trip through the wire codec. */
const overWire = (card: IdentityCard): IdentityCard => decodeCard(encodeCard(card));

t.test('a card verifies after the wire round trip and names its user', async (t) => {
  const card = makeCard(alice, laptop, 'Ana', ISSUED);
  const got = verifyCard(overWire(card), laptop);
  t.equal(hex(got.userKey), hex(alice.publicKey));
  t.equal(got.displayName, 'Ana');
  t.same(verifyCard(card, laptop), got, 'also verifies before encoding');
});

t.test('pinned signature, and OpenSSL agrees with the documented signed bytes', async (t) => {
  const card = makeCard(alice, laptop, 'Ana', ISSUED);
  const signature = card.signature ?? new Uint8Array(0);
  t.equal(hex(signature),
    '04f8466406ec3d9847a1c480956a62f12d410ba63a880bb2eb27a445d516e65edc33aaec830f7cc972bb7ca507d5e8dc38c7b4615aa70770d58aee149391780d');
  // Fields 1..4 encoded by hand (tag, length, value), independent of protobufjs.
  const fields = Buffer.concat([
    unhex('0a20'), alice.publicKey, unhex('1203'), utf8('Ana'), unhex('1a20'), laptop,
    unhex('20'), unhex('80d095ffbc31'), // varint of 1_700_000_000_000
  ]);
  const signed = Buffer.concat([utf8('satchel/v1/card'), fields]);
  t.ok(nodeVerify(null, signed, nodeEdPublic(alice.publicKey), signature));
});

t.test('empty name and zero time still verify (defaults are omitted when signing)', async (t) => {
  t.equal(verifyCard(overWire(makeCard(alice, laptop, '', 0)), laptop).displayName, '');
});

t.test('a card replayed from another laptop is refused', async (t) => {
  const card = makeCard(alice, laptop, 'Ana', ISSUED);
  t.throws(() => verifyCard(overWire(card), otherLaptop), { code: 'HANDSHAKE_FAILED', message: /another laptop/ });
  // Rewriting node_key to the replaying laptop breaks the signature instead.
  t.throws(() => verifyCard({ ...card, nodeKey: otherLaptop }, otherLaptop), { code: 'HANDSHAKE_FAILED', message: /signature/ });
});

t.test('any tampering breaks the signature', async (t) => {
  const card = overWire(makeCard(alice, laptop, 'Ana', ISSUED));
  const sig = card.signature ?? new Uint8Array(0);
  const cases: Record<string, IdentityCard> = {
    name: { ...card, displayName: 'Ann' },
    time: { ...card, issuedMs: ISSUED + 1 },
    'signature first byte': { ...card, signature: flip(sig, 0) },
    'signature last byte': { ...card, signature: flip(sig, 63) },
    'user key swapped': { ...card, userKey: carol.publicKey },
  };
  for (const [what, bad] of Object.entries(cases)) {
    t.throws(() => verifyCard(bad, laptop), { code: 'HANDSHAKE_FAILED' }, what);
  }
});

t.test('names longer than 64 UTF-8 bytes are refused on both sides', async (t) => {
  const fits = 'é'.repeat(MAX_DISPLAY_NAME_BYTES / 2); // 2 bytes each
  t.equal(verifyCard(overWire(makeCard(alice, laptop, fits, ISSUED)), laptop).displayName, fits);
  const tooLong = fits + 'a';
  t.throws(() => makeCard(alice, laptop, tooLong, ISSUED), { code: 'INVALID_ARGUMENT' });
  // A hostile peer can sign an oversized name itself; the verifier must still refuse it.
  const card = makeCard(alice, laptop, 'Ana', ISSUED);
  t.throws(() => verifyCard({ ...card, displayName: tooLong }, laptop), { code: 'HANDSHAKE_FAILED', message: /64 bytes/ });
});

t.test('malformed cards fail the handshake, never with a TypeError', async (t) => {
  const card = makeCard(alice, laptop, 'Ana', ISSUED);
  const bad: Record<string, unknown> = {
    'short user key': { ...card, userKey: alice.publicKey.subarray(0, 31) },
    'short node key': { ...card, nodeKey: laptop.subarray(0, 16) },
    'empty signature': { ...card, signature: new Uint8Array(0) },
    'missing user key': { ...card, userKey: null },
    'missing signature': { ...card, signature: undefined },
    'name not a string': { ...card, displayName: 42 },
    'negative time': { ...card, issuedMs: -1 },
    'identity point as user key': { ...card, userKey: Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0)) },
    'off-curve user key': { ...card, userKey: new Uint8Array(32).fill(0xff) },
    'empty object': {},
    null: null,
  };
  for (const [what, value] of Object.entries(bad)) {
    t.throws(() => verifyCard(value as IdentityCard, laptop), { code: 'HANDSHAKE_FAILED' }, what);
  }
  t.throws(() => verifyCard(card, new Uint8Array(31)), { code: 'INVALID_ARGUMENT' }, 'our own expected key is checked');
});

t.test('makeCard refuses bad arguments', async (t) => {
  t.throws(() => makeCard({ secretKey: carol.secretKey, publicKey: alice.publicKey }, laptop, 'x', 0),
    { code: 'INVALID_ARGUMENT', message: /does not belong/ });
  t.throws(() => makeCard(alice, new Uint8Array(0), 'x', 0), { code: 'INVALID_ARGUMENT' });
  t.throws(() => makeCard({ secretKey: new Uint8Array(1), publicKey: alice.publicKey }, laptop, 'x', 0), { code: 'INVALID_ARGUMENT' });
  for (const ms of [-1, 1.5, Number.NaN, 2 ** 60]) {
    t.throws(() => makeCard(alice, laptop, 'x', ms), { code: 'INVALID_ARGUMENT' }, String(ms));
  }
  t.throws(() => makeCard(alice, laptop, null as unknown as string, 0), { code: 'INVALID_ARGUMENT' });
});
