/**
 * Identity cards: a user's key and name, signed by that user and bound to the
 * laptop presenting it. The binding is what stops laptop X from replaying
 * Alice's card to pose as Alice: a session authenticates X's node key, and
 * the card must name that same node key.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, equalBytes } from '@noble/curves/utils.js';
import { SatchelError } from '../errors/satchel-error.js';
import { encodeCard, type IdentityCard } from '../wire/messages.js';
import { checkBytes, isBytes } from './bytes.js';
import { DOMAIN } from './domain.js';
import { checkKeyPair, PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type KeyPair } from './keys.js';

export const MAX_DISPLAY_NAME_BYTES = 64;

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * The signed bytes: fields 1..4 in canonical proto3 form (defaults omitted),
 * rebuilt from values rather than taken from the received frame, so unknown
 * fields and encoder quirks cannot change what is signed.
 */
function signedBytes(userKey: Uint8Array, displayName: string, nodeKey: Uint8Array, issuedMs: number): Uint8Array {
  const body: IdentityCard = { userKey, nodeKey };
  if (displayName !== '') body.displayName = displayName;
  if (issuedMs !== 0) body.issuedMs = issuedMs;
  return concatBytes(DOMAIN.card, encodeCard(body));
}

export function makeCard(user: KeyPair, nodePublicKey: Uint8Array, displayName: string, issuedMs: number): IdentityCard {
  checkKeyPair(user, 'user');
  checkBytes(nodePublicKey, PUBLIC_KEY_BYTES, 'node public key');
  if (typeof displayName !== 'string' || utf8Length(displayName) > MAX_DISPLAY_NAME_BYTES) {
    throw SatchelError.invalidArgument(`display name must be a string of at most ${MAX_DISPLAY_NAME_BYTES} UTF-8 bytes`);
  }
  if (!Number.isSafeInteger(issuedMs) || issuedMs < 0) {
    throw SatchelError.invalidArgument('issuedMs must be a non-negative integer');
  }
  // A mismatched pair would yield a card nobody accepts; fail here, where the cause is known.
  if (!equalBytes(ed25519.getPublicKey(user.secretKey), user.publicKey)) {
    throw SatchelError.invalidArgument('user public key does not belong to the secret key');
  }
  const userKey = Uint8Array.from(user.publicKey);
  const nodeKey = Uint8Array.from(nodePublicKey);
  const signature = ed25519.sign(signedBytes(userKey, displayName, nodeKey, issuedMs), user.secretKey);
  return { userKey, displayName, nodeKey, issuedMs, signature };
}

/** protobufjs decodes uint64 as a Long object; accept both that and a number. */
function issuedMsOf(value: unknown): number | null {
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'object' && typeof (value as { toNumber?: unknown }).toNumber === 'function'
    ? (value as { toNumber(): number }).toNumber()
    : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function verifyCard(card: IdentityCard, expectedNodeKey: Uint8Array): { userKey: Uint8Array; displayName: string } {
  // The expected key comes from our own authenticated session, so a bad one is our bug, not the peer's.
  checkBytes(expectedNodeKey, PUBLIC_KEY_BYTES, 'expected node key');
  if (typeof card !== 'object' || card === null) throw SatchelError.handshakeFailed('identity card missing');
  const { userKey, nodeKey, signature } = card;
  const displayName = card.displayName ?? '';
  if (!isBytes(userKey, PUBLIC_KEY_BYTES)) throw SatchelError.handshakeFailed('identity card user key is not 32 bytes');
  if (!isBytes(nodeKey, PUBLIC_KEY_BYTES)) throw SatchelError.handshakeFailed('identity card node key is not 32 bytes');
  if (!isBytes(signature, SIGNATURE_BYTES)) throw SatchelError.handshakeFailed('identity card signature is not 64 bytes');
  if (typeof displayName !== 'string' || utf8Length(displayName) > MAX_DISPLAY_NAME_BYTES) {
    throw SatchelError.handshakeFailed(`identity card display name exceeds ${MAX_DISPLAY_NAME_BYTES} bytes`);
  }
  const issuedMs = issuedMsOf(card.issuedMs);
  if (issuedMs === null) throw SatchelError.handshakeFailed('identity card issue time is out of range');
  if (!equalBytes(nodeKey, expectedNodeKey)) {
    throw SatchelError.handshakeFailed('identity card is bound to another laptop');
  }
  let valid: boolean;
  try {
    // Small-order keys verify forged signatures under some rules; no real user has one.
    valid = !ed25519.Point.fromBytes(userKey).isSmallOrder()
      && ed25519.verify(signature, signedBytes(userKey, displayName, nodeKey, issuedMs), userKey, { zip215: false });
  } catch (err) {
    throw SatchelError.handshakeFailed('identity card user key is not a valid point', err);
  }
  if (!valid) throw SatchelError.handshakeFailed('identity card signature does not verify');
  return { userKey: Uint8Array.from(userKey), displayName };
}
