/**
 * Handing epoch keys to people, 1:1 with the ordinary sealing (seal.ts):
 * one small envelope per recipient, addressed to that user, so carriers
 * treat it like any message and delivery proofs drop it everywhere once it
 * has arrived. Rekeys happen only at removals and leaves, so the n-1
 * envelopes are paid rarely (docs/groups.md compares this with one shared
 * envelope of wrapped keys).
 */
import { checkBytes, isBytes, isUint32 } from '../crypto/bytes.js';
import { checkKeyPair, PUBLIC_KEY_BYTES, type KeyPair } from '../crypto/keys.js';
import { PairKeys, sealEnvelope } from '../crypto/seal.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import { encodeContent, type Content, type Envelope, type GroupKey, type GroupOp } from '../wire/messages.js';
import { EPOCH_KEY_BYTES } from './group-keys.js';
import { GROUP_ID_BYTES, OP_ID_BYTES } from './group-op.js';
import { MAX_GROUP_OPS } from './op-log.js';

export interface KeyHandout {
  owner: KeyPair;
  groupId: Uint8Array;
  /** Id of the op that started the epoch. */
  epochId: Uint8Array;
  epochKey: Uint8Array;
  lifetimeS: number;
  random: RandomBytes;
  /** The messenger's pair-key cache; a fresh one when absent. */
  pairKeys?: PairKeys;
}

export interface Sealed {
  /** The recipient's user key. */
  to: Uint8Array;
  envelope: Envelope;
  id: Uint8Array;
}

function check(h: KeyHandout): PairKeys {
  if (typeof h !== 'object' || h === null) throw SatchelError.invalidArgument('key handout missing');
  checkKeyPair(h.owner, 'owner');
  checkBytes(h.groupId, GROUP_ID_BYTES, 'group id');
  checkBytes(h.epochId, OP_ID_BYTES, 'epoch id');
  checkBytes(h.epochKey, EPOCH_KEY_BYTES, 'epoch key');
  if (!isUint32(h.lifetimeS)) throw SatchelError.invalidArgument('lifetimeS must be an integer in 0..2^32-1');
  if (h.pairKeys !== undefined && !(h.pairKeys instanceof PairKeys)) throw SatchelError.invalidArgument('pairKeys must be a PairKeys');
  return h.pairKeys ?? new PairKeys();
}

function sealTo(h: KeyHandout, keys: PairKeys, recipient: Uint8Array, content: Content): Sealed {
  checkBytes(recipient, PUBLIC_KEY_BYTES, 'recipient user key');
  const { envelope, id } = sealEnvelope({
    sender: h.owner, recipient, content: encodeContent(content), lifetimeS: h.lifetimeS, random: h.random, keys,
  });
  return { to: Uint8Array.from(recipient), envelope, id };
}

const groupKey = (h: KeyHandout): GroupKey => ({ group: h.groupId, epoch: h.epochId, key: h.epochKey });

/** One envelope per recipient, each holding the epoch key alone. */
export function sealEpochKeys(h: KeyHandout, recipients: readonly Uint8Array[]): Sealed[] {
  const keys = check(h);
  if (!Array.isArray(recipients)) throw SatchelError.invalidArgument('recipients must be a list of user keys');
  return recipients.map((r) => sealTo(h, keys, r, { groupKey: groupKey(h) }));
}

/**
 * An invitation: the group's whole log (so the invitee can check who is in
 * it and accept while offline) and the current epoch key.
 */
export function sealWelcome(h: KeyHandout, invitee: Uint8Array, ops: readonly GroupOp[]): Sealed {
  const keys = check(h);
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > MAX_GROUP_OPS) {
    throw SatchelError.invalidArgument(`a welcome carries 1 to ${MAX_GROUP_OPS} ops`);
  }
  if (!ops.every((op) => typeof op === 'object' && op !== null && isBytes(op.signature))) throw SatchelError.invalidArgument('welcome ops must be signed GroupOps');
  return sealTo(h, keys, invitee, { groupOps: [...ops], groupKey: groupKey(h) });
}
