/**
 * The code two children compare when they verify each other side by side.
 * Both laptops compute it over the same two public keys, sorted so that the
 * order does not matter, and show the same digits when no one is in the
 * middle.
 *
 * Why 24 digits and scrypt. A laptop in the middle shows Amira a key of its
 * own under Bongani's name, and Bongani another under Amira's name, so
 * Amira's screen shows code(A, M1) and Bongani's code(B, M2). It chooses M1
 * and M2 freely and knows A and B in advance (cards are public), so it can
 * grind both for a collision: about 2^(n/2) key pairs for an n-bit code,
 * not 2^n. Six or eight digits would fall in milliseconds. A commitment
 * exchange (each side commits to a nonce before seeing the other's) would
 * make a short code safe, but it needs new messages on the wire; until then
 * the code carries enough bits instead: 24 digits are 79.7 bits, so a
 * collision costs about 2^40 evaluations, and each evaluation is a
 * memory-hard scrypt of 16 MiB. That is months of a large GPU's time for
 * one chosen pair of children, redone from scratch for every other pair
 * (the pair is the input, so no table can be shared). The honest laptop
 * pays one scrypt (about 0.1 s here, about 1 s on an XO) per code shown.
 *
 * The label is not in crypto/domain.ts only because that file belongs to
 * the wire format; the test checks that it differs from every label there.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { equalBytes } from '@noble/curves/utils.js';
import { SatchelError } from '../errors/satchel-error.js';
import { checkBytes } from '../crypto/bytes.js';
import { PUBLIC_KEY_BYTES } from '../crypto/keys.js';

export const VERIFICATION_CODE_LABEL = 'satchel/v1/verification-code';
/** Digits shown; 10^24 ≈ 2^79.7. */
export const VERIFICATION_CODE_DIGITS = 24;
/** Digits per group on screen, so children can read them aloud in turns. */
export const VERIFICATION_CODE_GROUP = 4;
/** scrypt cost: N (iterations, a power of 2), r (block size), p; N·r·128 bytes = 16 MiB of memory. */
export const VERIFICATION_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;
/** How long one scrypt step may hold the event loop before yielding, in ms. */
export const VERIFICATION_SCRYPT_TICK_MS = 10;
/** 128 bits reduced mod 10^24: the bias is below 10^-14. */
const DIGEST_BYTES = 16;

export const VERIFICATION_CODE_PATTERN = new RegExp(
  `^\\d{${VERIFICATION_CODE_GROUP}}(?: \\d{${VERIFICATION_CODE_GROUP}}){${VERIFICATION_CODE_DIGITS / VERIFICATION_CODE_GROUP - 1}}$`,
);

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/** The code over two users' public keys, in either order. */
export async function verificationCode(keyA: Uint8Array, keyB: Uint8Array): Promise<string> {
  checkBytes(keyA, PUBLIC_KEY_BYTES, 'first public key');
  checkBytes(keyB, PUBLIC_KEY_BYTES, 'second public key');
  if (equalBytes(keyA, keyB)) throw SatchelError.invalidArgument('a verification code needs two different keys');
  const [low, high] = compare(keyA, keyB) < 0 ? [keyA, keyB] : [keyB, keyA];
  const digest = await scryptAsync(concatBytes(low, high), VERIFICATION_CODE_LABEL, {
    ...VERIFICATION_SCRYPT, dkLen: DIGEST_BYTES, asyncTick: VERIFICATION_SCRYPT_TICK_MS,
  });
  let n = 0n;
  for (const byte of digest) n = (n << 8n) | BigInt(byte);
  const digits = (n % 10n ** BigInt(VERIFICATION_CODE_DIGITS)).toString().padStart(VERIFICATION_CODE_DIGITS, '0');
  return (digits.match(new RegExp(`\\d{${VERIFICATION_CODE_GROUP}}`, 'g')) ?? []).join(' ');
}
