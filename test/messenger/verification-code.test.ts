/**
 * The in-person verification code. Known answers come from Python's
 * hashlib.scrypt (OpenSSL), an implementation independent of ours:
 *   scrypt(sorted(a, b) joined, salt=label, N=2^14, r=8, p=1, 16 bytes),
 *   read big-endian, mod 10^24, 24 digits in groups of four.
 */
import t from 'tap';
import { DOMAIN } from '../../daemon/crypto/domain.js';
import {
  VERIFICATION_CODE_DIGITS, VERIFICATION_CODE_LABEL, VERIFICATION_CODE_PATTERN, verificationCode,
} from '../../daemon/messenger/verification-code.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const K1 = hex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const K2 = hex('202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f');
const K3 = hex('ff'.repeat(32));
const K4 = hex('00'.repeat(31) + '01');

t.test('known answers, computed independently', async (t) => {
  t.equal(await verificationCode(K1, K2), '9513 0016 9279 3177 8692 1807');
  t.equal(await verificationCode(K1, K3), '5980 7753 4626 5959 1042 1010');
  t.equal(await verificationCode(K4, K3), '1780 0657 7114 8014 5883 6462');
});

t.test('both laptops show the same code, whichever key is their own', async (t) => {
  t.equal(await verificationCode(K2, K1), await verificationCode(K1, K2));
  t.equal(await verificationCode(K3, K4), await verificationCode(K4, K3));
});

t.test('a different key on either side gives a different code', async (t) => {
  const honest = await verificationCode(K1, K2);
  // A laptop in the middle shows each child its own key instead of the other child's.
  t.not(await verificationCode(K1, K3), honest);
  t.not(await verificationCode(K2, K3), honest);
  t.not(await verificationCode(K1, K3), await verificationCode(K2, K3), 'the two victims see different codes');
  // One flipped bit anywhere changes it.
  const flipped = Uint8Array.from(K2);
  flipped[31]! ^= 1;
  t.not(await verificationCode(K1, flipped), honest);
});

t.test('the code has the documented shape', async (t) => {
  const code = await verificationCode(K1, K2);
  t.match(code, VERIFICATION_CODE_PATTERN);
  t.equal(code.replace(/ /g, '').length, VERIFICATION_CODE_DIGITS);
  t.notOk(VERIFICATION_CODE_PATTERN.test('9513 0016 9279 3177 8692'), 'five groups do not pass');
});

t.test('its label is not shared with any other use of a hash', async (t) => {
  const label = new TextEncoder().encode(VERIFICATION_CODE_LABEL);
  for (const [name, other] of Object.entries(DOMAIN)) t.notSame(other, label, `differs from DOMAIN.${name}`);
});

t.test('hostile input is refused with a named error', async (t) => {
  const bad: unknown[] = [undefined, null, 'k'.repeat(32), new Uint8Array(31), new Uint8Array(33), [...K1], 42, {}];
  for (const b of bad) {
    await t.rejects(verificationCode(b as Uint8Array, K2), { code: 'INVALID_ARGUMENT' }, `first key ${String(b)}`);
    await t.rejects(verificationCode(K2, b as Uint8Array), { code: 'INVALID_ARGUMENT' }, `second key ${String(b)}`);
  }
  await t.rejects(verificationCode(K1, Uint8Array.from(K1)), { code: 'INVALID_ARGUMENT', message: /two different keys/ });
});
