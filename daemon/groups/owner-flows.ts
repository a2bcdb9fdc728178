/**
 * The owner's membership changes as they leave the laptop: the op, the
 * envelopes that carry it, and the keys that must follow. Each returns
 * everything to queue, so the messenger can store it all in one
 * transaction. Members' own changes (join, leave) need only sealOp.
 */
import { fromHex } from '../crypto/hex.js';
import { checkKeyPair, type KeyPair } from '../crypto/keys.js';
import type { PairKeys } from '../crypto/seal.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import type { Envelope } from '../wire/messages.js';
import { invite, rekey, remove } from './group-actions.js';
import type { GroupBook } from './group-book.js';
import type { CheckedOp } from './group-op.js';
import { keyRecipients } from './group-state.js';
import { sealEpochKeys, sealWelcome, type Sealed } from './rekey.js';

export interface OwnerContext {
  book: GroupBook;
  owner: KeyPair;
  random: RandomBytes;
  lifetimeS: number;
  pairKeys?: PairKeys;
}

export interface Outgoing {
  op: CheckedOp;
  /** The op, sealed to the group (one envelope for all members). */
  groupEnvelope: { envelope: Envelope; id: Uint8Array };
  /** 1:1 envelopes: keys after a rekey, or the welcome of an invitee. */
  direct: Sealed[];
}

function check(ctx: OwnerContext): void {
  if (typeof ctx !== 'object' || ctx === null || typeof ctx.book?.log !== 'function') throw SatchelError.invalidArgument('owner context needs a group book');
  checkKeyPair(ctx.owner, 'owner');
}

const handout = (ctx: OwnerContext, groupId: string, epoch: string, key: Uint8Array) => ({
  owner: ctx.owner, groupId: fromHex(groupId), epochId: fromHex(epoch), epochKey: key, lifetimeS: ctx.lifetimeS, random: ctx.random,
  ...(ctx.pairKeys !== undefined ? { pairKeys: ctx.pairKeys } : {}),
});

/** Invites `member`: the op to the members, the welcome (log and current key) to the invitee. */
export function inviteMember(ctx: OwnerContext, groupId: string, member: Uint8Array): Outgoing {
  check(ctx);
  const log = ctx.book.log(groupId);
  const op = invite(log, ctx.owner, member);
  const { epoch, key } = ctx.book.keyOf(groupId);
  const groupEnvelope = ctx.book.sealOp(groupId, op.wire, ctx.lifetimeS);
  return { op, groupEnvelope, direct: [sealWelcome(handout(ctx, groupId, epoch, key), member, log.wireOps())] };
}

/** Starts a new epoch and hands its key 1:1 to everyone still in; the op goes out under the epoch it ends. */
function newEpoch(ctx: OwnerContext, groupId: string, made: { op: CheckedOp; epochKey: Uint8Array }, ending: string): Outgoing {
  ctx.book.putKey(groupId, made.op.id, made.epochKey);
  const groupEnvelope = ctx.book.sealOp(groupId, made.op.wire, ctx.lifetimeS, ending);
  const recipients = keyRecipients(ctx.book.state(groupId)).map((m) => m.key);
  return { op: made.op, groupEnvelope, direct: sealEpochKeys(handout(ctx, groupId, made.op.id, made.epochKey), recipients) };
}

/** Removes `member` and rekeys: they can read nothing sealed after this. */
export function removeMember(ctx: OwnerContext, groupId: string, member: Uint8Array): Outgoing {
  check(ctx);
  const ending = ctx.book.keyOf(groupId).epoch;
  return newEpoch(ctx, groupId, remove(ctx.book.log(groupId), ctx.owner, member, ctx.random), ending);
}

/** Rekeys without a removal, after someone left. */
export function rekeyGroup(ctx: OwnerContext, groupId: string): Outgoing {
  check(ctx);
  const ending = ctx.book.keyOf(groupId).epoch;
  return newEpoch(ctx, groupId, rekey(ctx.book.log(groupId), ctx.owner, ctx.random), ending);
}
