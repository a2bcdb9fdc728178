/**
 * Passphrase-protected identity backups: the only way a secret key leaves
 * the store. scrypt makes guessing a child's short passphrase expensive;
 * the KDF parameters travel in the clear but are authenticated.
 */
import { scrypt } from '@noble/hashes/scrypt.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import { decodeBackup, decodeSecrets, encodeBackup, encodeSecrets, type IdentitySecrets } from '../wire/messages.js';

/** scrypt cost: N = 2^15, r = 8 uses 32 MiB, about a second on a school laptop. */
export const BACKUP_LOG_N = 15;
export const BACKUP_R = 8;
export const BACKUP_P = 1;
/** Refuse backups asking for more memory than a laptop can spare (2^20 × 8 × 128 B = 1 GiB). */
const MAX_LOG_N = 20;
const MIN_PASSPHRASE_CHARS = 8;
const SALT_BYTES = 16;
const NONCE_BYTES = 24;
const LABEL = new TextEncoder().encode('satchel/v1/backup');

function aad(header: Uint8Array): Uint8Array {
  const out = new Uint8Array(LABEL.length + header.length);
  out.set(LABEL);
  out.set(header, LABEL.length);
  return out;
}

export function sealBackup(secrets: IdentitySecrets, passphrase: string, random: RandomBytes, logN = BACKUP_LOG_N): Uint8Array {
  if ([...passphrase].length < MIN_PASSPHRASE_CHARS) {
    throw SatchelError.invalidArgument(`passphrase must be at least ${MIN_PASSPHRASE_CHARS} characters`);
  }
  const header = { version: 1, salt: random(SALT_BYTES), logN, r: BACKUP_R, p: BACKUP_P, nonce: random(NONCE_BYTES) };
  const key = scrypt(passphrase, header.salt, { N: 2 ** logN, r: BACKUP_R, p: BACKUP_P, dkLen: 32 });
  const sealed = xchacha20poly1305(key, header.nonce, aad(encodeBackup(header))).encrypt(encodeSecrets(secrets));
  return encodeBackup({ ...header, sealed });
}

export function openBackup(bytes: Uint8Array, passphrase: string): IdentitySecrets {
  const b = decodeBackup(bytes);
  const { salt, nonce, sealed } = b;
  const logN = b.logN ?? 0;
  if (b.version !== 1 || !salt || salt.length !== SALT_BYTES || !nonce || nonce.length !== NONCE_BYTES || !sealed) {
    throw SatchelError.badFrame('not a satchel identity backup');
  }
  if (logN < 10 || logN > MAX_LOG_N || b.r !== BACKUP_R || b.p !== BACKUP_P) throw SatchelError.badFrame('backup KDF parameters out of range');
  const header = encodeBackup({ version: b.version, salt, logN, r: b.r, p: b.p, nonce });
  const key = scrypt(passphrase, salt, { N: 2 ** logN, r: BACKUP_R, p: BACKUP_P, dkLen: 32 });
  let plain: Uint8Array;
  try {
    plain = xchacha20poly1305(key, nonce, aad(header)).decrypt(sealed);
  } catch {
    throw SatchelError.decryptFailed();
  }
  return decodeSecrets(plain);
}
