/**
 * One proof checker for all the laptops of a run. On a real laptop each
 * delivery proof is checked once, when it arrives; here a hundred laptops
 * share one process and would check the same proof a hundred times (an
 * Ed25519 verification, about 1.5 ms in pure JS: most of a run's time).
 * Remembering the outcome by everything the signature covers, and the
 * signature itself, gives each laptop the answer it would have computed.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { checkProof, type CheckedProof } from '../crypto/proof.js';
import type { ProofChecker } from '../messenger/proofs-in.js';
import type { DeliveryProof } from '../wire/messages.js';

/** Outcomes remembered; past this the memo starts again (a run rarely holds this many proofs). */
export const PROOF_MEMO_ENTRIES = 200_000;

const isBytes = (b: unknown): b is Uint8Array => b instanceof Uint8Array;
const isUint32 = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;

export function createProofMemo(maxEntries = PROOF_MEMO_ENTRIES): ProofChecker {
  const seen = new Map<string, CheckedProof | string>();
  return (proof: DeliveryProof) => {
    // Anything odd goes to the real check, which says what is wrong with it.
    if (typeof proof !== 'object' || proof === null || !isBytes(proof.userKey) || !isBytes(proof.signature)) return checkProof(proof);
    const ids = proof.ids ?? [];
    if (!Array.isArray(ids) || !ids.every(isBytes)) return checkProof(proof);
    const key = `${bytesToHex(proof.userKey)}/${bytesToHex(proof.signature)}/${String(proof.lifetimeS ?? 0)}/${ids.map((b) => bytesToHex(b)).join(',')}`;
    const known = seen.get(key);
    if (known !== undefined) {
      // The age differs per copy and is not signed: it is the one field taken from this copy.
      const ageS = proof.ageS ?? 0;
      if (typeof known === 'string') return known;
      if (!isUint32(ageS)) return 'proof lifetime or age out of range';
      return { ...known, userKey: Uint8Array.from(known.userKey), ids: [...known.ids], ageS };
    }
    const out = checkProof(proof);
    if (seen.size >= maxEntries) seen.clear();
    seen.set(key, out);
    return out;
  };
}
