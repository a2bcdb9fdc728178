/**
 * Epoch keys and what is derived from them. An epoch key is 32 random
 * bytes made by the owner when the group is created and at every removal
 * or rekey, and handed to each member 1:1 (rekey.ts). Messages are sealed
 * under a key derived from it and bound to the group and the epoch, so a
 * key can never open another group's or another epoch's messages.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { checkBytes, isBytes } from '../crypto/bytes.js';
import { toHex } from '../crypto/hex.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import { KEY_ID_BYTES, type GroupKey } from '../wire/messages.js';
import { GROUP_DOMAIN } from './group-domain.js';
import { GROUP_ID_BYTES, OP_ID_BYTES } from './group-op.js';

export const EPOCH_KEY_BYTES = 32;
/** Epoch keys a member keeps per group, newest first: older epochs' late messages stop opening after this many rekeys. */
export const MAX_EPOCH_KEYS = 16;

export function newEpochKey(random: RandomBytes): Uint8Array {
  if (typeof random !== 'function') throw SatchelError.invalidArgument('random must be a function');
  return Uint8Array.from(checkBytes(random(EPOCH_KEY_BYTES), EPOCH_KEY_BYTES, 'random output'));
}

/**
 * Envelope.to of the group's messages: 8 bytes, like a user's key id, so
 * carriers treat them alike. Derived from the group id, which only those
 * who ever held the group's log know.
 */
export function groupAddress(groupId: Uint8Array): Uint8Array {
  checkBytes(groupId, GROUP_ID_BYTES, 'group id');
  return sha256(concatBytes(GROUP_DOMAIN.to, groupId)).slice(0, KEY_ID_BYTES);
}

/** AES-256-GCM-SIV key for one epoch of one group. */
export function epochSealKey(epochKey: Uint8Array, groupId: Uint8Array, epochId: Uint8Array): Uint8Array {
  checkBytes(epochKey, EPOCH_KEY_BYTES, 'epoch key');
  checkBytes(groupId, GROUP_ID_BYTES, 'group id');
  checkBytes(epochId, OP_ID_BYTES, 'epoch id');
  return hkdf(sha256, epochKey, GROUP_DOMAIN.seal, concatBytes(groupId, epochId), 32);
}

export interface CheckedGroupKey {
  group: string;
  epoch: string;
  key: Uint8Array;
}

/** Checks a GroupKey from the network; returns why it is unusable, or its values. Never throws. */
export function checkGroupKey(raw: unknown): CheckedGroupKey | string {
  if (typeof raw !== 'object' || raw === null) return 'group key missing';
  const { group, epoch, key } = raw as GroupKey;
  if (!isBytes(group, GROUP_ID_BYTES)) return `group id is not ${GROUP_ID_BYTES} bytes`;
  if (!isBytes(epoch, OP_ID_BYTES)) return `epoch id is not ${OP_ID_BYTES} bytes`;
  if (!isBytes(key, EPOCH_KEY_BYTES)) return `epoch key is not ${EPOCH_KEY_BYTES} bytes`;
  return { group: toHex(group), epoch: toHex(epoch), key: Uint8Array.from(key) };
}

/**
 * The epoch keys one member holds for one group. A key may arrive before
 * the op that starts its epoch (both travel separately), so keys are kept
 * by epoch id and ordered by the group's epochs when used.
 */
export class EpochKeys {
  readonly #keys = new Map<string, Uint8Array>();
  readonly #max: number;

  constructor(max: number = MAX_EPOCH_KEYS) {
    if (!Number.isInteger(max) || max < 1) throw SatchelError.invalidArgument('max must be a positive integer');
    this.#max = max;
  }

  get size(): number {
    return this.#keys.size;
  }

  /**
   * Keeps a key; the first key of an epoch stays (a second one for the same
   * epoch is ignored); past 2 x max keys held, the one held longest is
   * forgotten. Returns whether the key was new.
   */
  put(epoch: string, key: Uint8Array): boolean {
    checkBytes(key, EPOCH_KEY_BYTES, 'epoch key');
    if (typeof epoch !== 'string' || !/^[0-9a-f]{32}$/.test(epoch)) throw SatchelError.invalidArgument('epoch must be 32 lowercase hex digits');
    if (this.#keys.has(epoch)) return false;
    this.#keys.set(epoch, Uint8Array.from(key));
    // Keys only ever come from the owner, but a bound costs nothing: the longest-held goes first.
    if (this.#keys.size > 2 * this.#max) this.#keys.delete(this.#keys.keys().next().value as string);
    return true;
  }

  get(epoch: string): Uint8Array | undefined {
    return this.#keys.get(epoch);
  }

  /**
   * Keys to try on a message, newest epoch first: those of `epochs` (the
   * group's, oldest first), then keys whose epoch op has not arrived yet.
   * Forgets all but the newest `max` of the known epochs.
   */
  candidates(epochs: readonly string[]): { epoch: string; key: Uint8Array }[] {
    const known = epochs.filter((e) => this.#keys.has(e));
    for (const old of known.slice(0, Math.max(0, known.length - this.#max))) this.#keys.delete(old);
    const inOrder = known.slice(-this.#max).reverse();
    const early = [...this.#keys.keys()].filter((e) => !epochs.includes(e));
    return [...inOrder, ...early].map((epoch) => ({ epoch, key: this.#keys.get(epoch) as Uint8Array }));
  }
}
