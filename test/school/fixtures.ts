/** Deterministic schools and children for the school tests. */
import { keyPairFromSecret, type KeyPair } from '../../daemon/crypto/keys.js';
import { seededRandom } from '../../daemon/util/random.js';

export function person(seed: number): KeyPair {
  return keyPairFromSecret(seededRandom(seed)(32));
}

/** 2026-01-01 and a school year later, in Unix seconds. */
export const YEAR_START_S = Date.UTC(2026, 0, 1) / 1000;
export const YEAR_END_S = Date.UTC(2026, 11, 31) / 1000;
export const MID_YEAR_MS = Date.UTC(2026, 5, 1);

export const school = person(100);
export const otherSchool = person(101);
export const ana = person(1);
export const ben = person(2);

export const anaFields = { userKey: ana.publicKey, displayName: 'Ana Souza', className: '4B', validFromS: YEAR_START_S, validUntilS: YEAR_END_S };
