import t from 'tap';
import { ed25519 } from '@noble/curves/ed25519.js';
import { PAIR_KEY_CACHE_ENTRIES, PairKeys, sharedSecret } from '../../daemon/crypto/pair-keys.js';
import { alice, bob, carol, hex, identityPoint, offCurve, orderTwoPoint } from './fixtures/index.js';

const peers = Array.from({ length: 5 }, (_, i) => ed25519.getPublicKey(new Uint8Array(32).fill(0x10 + i)));

t.test('cached keys equal freshly derived ones', async (t) => {
  const keys = new PairKeys();
  const first = hex(keys.sending(alice, bob.publicKey));
  t.equal(keys.size, 1);
  t.equal(hex(keys.sending(alice, bob.publicKey)), first);
  t.equal(hex(new PairKeys().sending(alice, bob.publicKey)), first);
  t.equal(keys.size, 1, 'both directions share one entry');
  keys.receiving(alice, bob.publicKey);
  t.equal(keys.size, 1);
});

t.test('the cache is bounded and keeps recently used pairs', async (t) => {
  t.equal(PAIR_KEY_CACHE_ENTRIES, 1024);
  const keys = new PairKeys(3);
  for (const p of peers.slice(0, 3)) keys.sending(alice, p);
  keys.sending(alice, peers[0] ?? new Uint8Array(0)); // touch the oldest
  keys.sending(alice, peers[3] ?? new Uint8Array(0)); // evicts peers[1]
  t.equal(keys.size, 3);
  keys.clear();
  t.equal(keys.size, 0);
  t.throws(() => new PairKeys(0), { code: 'INVALID_ARGUMENT' });
  t.throws(() => new PairKeys(1.5), { code: 'INVALID_ARGUMENT' });
});

t.test('entries for different local users do not mix', async (t) => {
  const keys = new PairKeys();
  const fromAlice = hex(keys.sending(alice, carol.publicKey));
  const fromBob = hex(keys.sending(bob, carol.publicKey));
  t.not(fromAlice, fromBob);
  t.equal(keys.size, 2);
});

t.test('low-order and invalid peer keys are refused, not turned into keys', async (t) => {
  const keys = new PairKeys();
  for (const bad of [identityPoint, orderTwoPoint, offCurve, new Uint8Array(16)]) {
    t.throws(() => sharedSecret(alice, bad), { code: 'INVALID_ARGUMENT' });
    t.throws(() => keys.receiving(alice, bad), { code: 'INVALID_ARGUMENT' });
  }
  t.equal(keys.size, 0, 'failures are not cached');
  t.throws(() => keys.sending({ secretKey: alice.secretKey, publicKey: new Uint8Array(0) }, bob.publicKey), { code: 'INVALID_ARGUMENT' });
});
