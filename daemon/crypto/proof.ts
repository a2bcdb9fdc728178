/**
 * Delivery proofs: the recipient signs the ids of envelopes its daemon has
 * stored. Any carrier can check one against the `to` of an envelope it holds
 * and drop its copy, but only the recipient can make one, so a hostile
 * laptop cannot wipe other people's messages out of the network.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { SatchelError } from '../errors/satchel-error.js';
import { MESSAGE_ID_BYTES, type DeliveryProof } from '../wire/messages.js';
import { isBytes, isUint32, uint32BE } from './bytes.js';
import { DOMAIN } from './domain.js';
import { checkKeyPair, keyIdHex, PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type KeyPair } from './keys.js';
import { toHex } from './hex.js';

/** Most ids one proof may name: keeps a proof well inside a frame and its check cheap. */
export const MAX_PROOF_IDS = 1024;

function signedBytes(userKey: Uint8Array, lifetimeS: number, ids: Uint8Array[]): Uint8Array {
  return concatBytes(DOMAIN.delivered, userKey, uint32BE(lifetimeS), ...ids);
}

export function signProof(user: KeyPair, ids: Uint8Array[], lifetimeS: number): DeliveryProof {
  checkKeyPair(user, 'user');
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_PROOF_IDS) {
    throw SatchelError.invalidArgument(`a proof names 1 to ${MAX_PROOF_IDS} ids`);
  }
  for (const id of ids) if (!isBytes(id, MESSAGE_ID_BYTES)) throw SatchelError.invalidArgument(`proof ids must be ${MESSAGE_ID_BYTES} bytes`);
  if (!isUint32(lifetimeS)) throw SatchelError.invalidArgument('lifetimeS must be an integer in 0..2^32-1');
  const userKey = Uint8Array.from(user.publicKey);
  const copy = ids.map((id) => Uint8Array.from(id));
  const signature = ed25519.sign(signedBytes(userKey, lifetimeS, copy), user.secretKey);
  const proof: DeliveryProof = { userKey, ids: copy, signature };
  if (lifetimeS !== 0) proof.lifetimeS = lifetimeS;
  return proof;
}

export interface CheckedProof {
  /** Names the proof whatever its age field says: hash of everything signed. */
  id: string;
  userId: string;
  userKey: Uint8Array;
  ids: string[];
  lifetimeS: number;
  ageS: number;
}

/** Returns why a proof from the network is unusable, or its checked content. Never throws. */
export function checkProof(proof: DeliveryProof): CheckedProof | string {
  if (typeof proof !== 'object' || proof === null) return 'proof missing';
  const { userKey, signature } = proof;
  const ids = proof.ids ?? [];
  const lifetimeS = proof.lifetimeS ?? 0;
  const ageS = proof.ageS ?? 0;
  if (!isBytes(userKey, PUBLIC_KEY_BYTES)) return 'proof user key is not 32 bytes';
  if (!isBytes(signature, SIGNATURE_BYTES)) return 'proof signature is not 64 bytes';
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_PROOF_IDS) return `proof names 0 or more than ${MAX_PROOF_IDS} ids`;
  if (!ids.every((id) => isBytes(id, MESSAGE_ID_BYTES))) return 'proof id is not 16 bytes';
  if (!isUint32(lifetimeS) || !isUint32(ageS)) return 'proof lifetime or age out of range';
  const signed = signedBytes(userKey, lifetimeS, ids);
  let valid = false;
  try {
    valid = !ed25519.Point.fromBytes(userKey).isSmallOrder() && ed25519.verify(signature, signed, userKey, { zip215: false });
  } catch {
    return 'proof user key is not a valid point';
  }
  if (!valid) return 'proof signature does not verify';
  const id = toHex(sha256(concatBytes(DOMAIN.proofId, signed, signature)).slice(0, MESSAGE_ID_BYTES));
  return { id, userId: keyIdHex(userKey), userKey: Uint8Array.from(userKey), ids: ids.map(toHex), lifetimeS, ageS };
}
