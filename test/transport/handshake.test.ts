import t from 'tap';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { counterNonce, FrameCipher } from '../../daemon/transport/frame-cipher.js';
import { Handshake, type HandshakeOptions } from '../../daemon/transport/handshake.js';
import { keyId as nodeKeyId } from '../../daemon/crypto/keys.js';
import { seededRandom, systemRandom } from '../../daemon/util/random.js';
import { decodeHello, encodeHello, WIRE_VERSION } from '../../daemon/wire/messages.js';
import { makeNode } from './fixtures/helpers.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const alice = makeNode('alice');
const bob = makeNode('bob');
const pair = (extra: Partial<HandshakeOptions> = {}): [Handshake, Handshake] => [
  new Handshake({ initiator: true, nodeKey: alice.nodeKey, card: alice.card, random: systemRandom, ...extra }),
  new Handshake({ initiator: false, nodeKey: bob.nodeKey, card: bob.card, random: systemRandom }),
];

t.test('keys and transcript follow the spec exactly', async (t) => {
  const iSecret = seededRandom(1)(32);
  const rSecret = seededRandom(2)(32);
  const i = new Handshake({ initiator: true, nodeKey: alice.nodeKey, card: alice.card, random: () => Uint8Array.from(iSecret) });
  const r = new Handshake({ initiator: false, nodeKey: bob.nodeKey, card: bob.card, random: () => Uint8Array.from(rSecret) });
  const hello = decodeHello(i.hello);
  t.equal(hello.version, WIRE_VERSION);
  t.equal(hex(hello.ephemeral ?? new Uint8Array()), hex(x25519.getPublicKey(iSecret)));

  const ki = i.receiveHello(r.hello);
  const kr = r.receiveHello(i.hello);
  const th = sha256(cat(utf8('satchel/v1/session'), i.hello, r.hello));
  const shared = x25519.getSharedSecret(iSecret, x25519.getPublicKey(rSecret));
  t.equal(hex(ki.transcriptHash), hex(th));
  t.equal(hex(kr.transcriptHash), hex(th));
  t.equal(hex(ki.send), hex(hkdf(sha256, shared, th, utf8('satchel/v1/i2r'), 32)), 'i2r');
  t.equal(hex(ki.recv), hex(hkdf(sha256, shared, th, utf8('satchel/v1/r2i'), 32)), 'r2i');
  t.equal(hex(kr.send), hex(ki.recv));
  t.equal(hex(kr.recv), hex(ki.send));

  const rAuth = r.authFrame().auth!;
  t.ok(ed25519.verify(rAuth.signature!, cat(utf8('satchel/v1/auth'), Uint8Array.of(0x02), th), bob.nodeKey.publicKey), 'responder signs with role 0x02');
  const iAuth = i.authFrame().auth!;
  t.ok(ed25519.verify(iAuth.signature!, cat(utf8('satchel/v1/auth'), Uint8Array.of(0x01), th), alice.nodeKey.publicKey), 'initiator signs with role 0x01');

  t.equal(hex(i.verifyAuth(r.authFrame()).nodeKey), hex(bob.nodeKey.publicKey));
  t.equal(r.verifyAuth(i.authFrame()).card.displayName, 'alice');
});

t.test('node key id', async (t) => {
  const id = nodeKeyId(alice.nodeKey.publicKey);
  t.equal(id.length, 8);
  t.equal(hex(id), hex(sha256(cat(utf8('satchel/v1/key-id'), alice.nodeKey.publicKey)).subarray(0, 8)));
});

t.test('the role byte matters: a signature made for the other role is refused', async (t) => {
  const [i, r] = pair();
  const th = i.receiveHello(r.hello).transcriptHash;
  r.receiveHello(i.hello);
  const wrongRole = ed25519.sign(cat(utf8('satchel/v1/auth'), Uint8Array.of(0x01), th), bob.nodeKey.secretKey);
  const auth = { ...r.authFrame().auth, signature: wrongRole };
  t.throws(() => i.verifyAuth({ auth }), { code: 'HANDSHAKE_FAILED', message: /signature/ });
  t.throws(() => r.verifyAuth(r.authFrame()), { code: 'HANDSHAKE_FAILED', message: /own node key/ }, 'reflected Auth');
});

t.test('bad Hellos and Auths fail the handshake', async (t) => {
  const [i] = pair();
  t.throws(() => i.receiveHello(encodeHello({ version: 2, ephemeral: new Uint8Array(32).fill(9) })), { code: 'HANDSHAKE_FAILED', message: /version 2/ });
  t.throws(() => pair()[0].receiveHello(encodeHello({ version: 1, ephemeral: new Uint8Array(31) })), { code: 'HANDSHAKE_FAILED' });
  t.throws(() => pair()[0].receiveHello(encodeHello({ version: 1, ephemeral: new Uint8Array(32) })), { code: 'HANDSHAKE_FAILED', message: /low order/ });
  t.throws(() => pair()[0].receiveHello(Uint8Array.of(0x0a, 0xff)), { code: 'BAD_FRAME' });

  const [a, b] = pair({ expectedPeerNodeId: nodeKeyId(alice.nodeKey.publicKey) });
  a.receiveHello(b.hello);
  b.receiveHello(a.hello);
  t.throws(() => a.verifyAuth(b.authFrame()), { code: 'HANDSHAKE_FAILED', message: /expected/ }, 'unexpected peer');
  const good = b.authFrame();
  t.throws(() => a.verifyAuth({ ...good, done: true }), { code: 'HANDSHAKE_FAILED' }, 'Auth with data');
  t.throws(() => a.verifyAuth({ done: true }), { code: 'HANDSHAKE_FAILED' }, 'no Auth');
  t.throws(() => a.verifyAuth({ auth: { ...good.auth, card: null } }), { code: 'HANDSHAKE_FAILED' }, 'no card');
  const sig = Uint8Array.from(good.auth!.signature!);
  sig[0]! ^= 1;
  t.throws(() => a.verifyAuth({ auth: { ...good.auth, signature: sig } }), { code: 'HANDSHAKE_FAILED', message: /signature/ });
});

t.test('frame cipher: nonce is the little-endian frame counter from 0', async (t) => {
  const key = seededRandom(3)(32);
  t.equal(hex(counterNonce(0)), '000000000000000000000000');
  t.equal(hex(counterNonce(0x0102030405)), '050403020100000000000000');
  const c = new FrameCipher(key);
  const first = c.seal(utf8('one'));
  const second = c.seal(utf8('two'));
  t.equal(first.length, 3 + 16, 'tag appended');
  t.equal(Buffer.from(chacha20poly1305(key, counterNonce(1)).decrypt(second)).toString(), 'two');
  const d = new FrameCipher(key);
  t.equal(Buffer.from(d.open(first)).toString(), 'one');
  t.throws(() => new FrameCipher(key).open(second), { code: 'DECRYPT_FAILED' }, 'out of order fails');
  t.throws(() => new FrameCipher(key).open(new Uint8Array(5)), { code: 'DECRYPT_FAILED' }, 'short input');
  const limited = new FrameCipher(key, 2);
  limited.seal(utf8('a'));
  limited.seal(utf8('b'));
  t.throws(() => limited.seal(utf8('c')), { code: 'CLOSED' }, 'stops before the counter could repeat');
});
