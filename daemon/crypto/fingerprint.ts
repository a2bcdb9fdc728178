/**
 * What two children compare aloud to verify each other in person. 80 bits is
 * far beyond what anyone can grind to match a chosen victim's fingerprint
 * for a key they control, yet only 16 characters to read. Crockford's
 * alphabet has no I, L, O or U, so nothing is confused when read or typed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { checkBytes } from './bytes.js';
import { DOMAIN } from './domain.js';
import { PUBLIC_KEY_BYTES } from './keys.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FINGERPRINT_BYTES = 10; // 80 bits = 16 base32 characters exactly
const GROUP_CHARS = 4;

export const FINGERPRINT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

export function fingerprint(publicKey: Uint8Array): string {
  checkBytes(publicKey, PUBLIC_KEY_BYTES, 'public key');
  const digest = sha256(concatBytes(DOMAIN.fingerprint, publicKey)).subarray(0, FINGERPRINT_BYTES);
  let chars = '';
  let acc = 0;
  let bits = 0;
  for (const byte of digest) {
    acc = ((acc << 8) | byte) & 0xfff; // at most 12 live bits, so no overflow
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      chars += CROCKFORD[(acc >>> bits) & 31];
    }
  }
  const groups = chars.match(new RegExp(`.{${GROUP_CHARS}}`, 'g')) ?? [];
  return groups.join('-');
}
