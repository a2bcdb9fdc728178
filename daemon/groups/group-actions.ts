/**
 * What a user of this laptop does to a group: each action checks the
 * user's role in the current state (membership.ts has the rules), signs an
 * op naming the log's heads as parents, and applies it to the local log.
 * A refused action throws a named SatchelError and changes nothing.
 */
import { checkBytes } from '../crypto/bytes.js';
import { fromHex } from '../crypto/hex.js';
import { checkKeyPair, keyIdHex, PUBLIC_KEY_BYTES, type KeyPair } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import { groupErrors } from './group-errors.js';
import { newEpochKey } from './group-keys.js';
import { GROUP_SALT_BYTES, makeOp, type CheckedOp, type OpFields } from './group-op.js';
import type { GroupKind, GroupState } from './group-state.js';
import { MAX_GROUP_MEMBERS } from './group-state.js';
import { GroupLog, type GroupLogOptions } from './op-log.js';

export interface NewGroup {
  log: GroupLog;
  create: CheckedOp;
  /** The first epoch's key (the epoch id is the group id). */
  epochKey: Uint8Array;
}

export function createGroup(owner: KeyPair, kind: GroupKind, name: string, random: RandomBytes, opts: GroupLogOptions = {}): NewGroup {
  checkKeyPair(owner, 'owner');
  if (kind !== 'adhoc' && kind !== 'class') throw SatchelError.invalidArgument("group kind must be 'adhoc' or 'class'");
  if (typeof random !== 'function') throw SatchelError.invalidArgument('random must be a function');
  const salt = checkBytes(random(GROUP_SALT_BYTES), GROUP_SALT_BYTES, 'random output');
  const create = makeOp(owner, { kind: kind === 'class' ? 'create-class' : 'create-adhoc', name, salt });
  return { log: new GroupLog(create, opts), create, epochKey: newEpochKey(random) };
}

function commit(log: GroupLog, author: KeyPair, fields: Omit<OpFields, 'group' | 'parents'>): CheckedOp {
  const op = makeOp(author, { ...fields, group: fromHex(log.id), parents: log.parents() });
  const r = log.add(op.wire);
  if (r.status !== 'applied') throw groupErrors.badOp(`own op not applied: ${r.reason ?? r.status}`);
  const voided = log.state().voided.get(op.id);
  // The state was checked first, so this is a bug, not a user error; say so rather than pretend it worked.
  if (voided !== undefined) throw groupErrors.badOp(`own op void: ${voided}`);
  return op;
}

function checkLog(log: GroupLog): GroupState {
  if (!(log instanceof GroupLog)) throw SatchelError.invalidArgument('log must be a GroupLog');
  return log.state();
}

function mustOwn(log: GroupLog, user: KeyPair, action: string): GroupState {
  const s = checkLog(log);
  checkKeyPair(user, 'user');
  if (keyIdHex(user.publicKey) !== s.ownerId) throw groupErrors.notAllowed(action, 'only the group owner may');
  return s;
}

/** Owner: invites (ad hoc) or adds (class) the person with user key `member`. */
export function invite(log: GroupLog, owner: KeyPair, member: Uint8Array): CheckedOp {
  const s = mustOwn(log, owner, 'add a member');
  checkBytes(member, PUBLIC_KEY_BYTES, 'member user key');
  if (s.members.has(keyIdHex(member))) throw groupErrors.notAllowed('add a member', 'already in the group');
  if (s.members.size >= MAX_GROUP_MEMBERS) throw groupErrors.notAllowed('add a member', `a group holds at most ${MAX_GROUP_MEMBERS} people`);
  return commit(log, owner, { kind: 'add', member: Uint8Array.from(member) });
}

/** An invitee accepts. */
export function join(log: GroupLog, me: KeyPair): CheckedOp {
  const s = checkLog(log);
  checkKeyPair(me, 'user');
  if (s.members.get(keyIdHex(me.publicKey))?.status !== 'invited') throw groupErrors.notAllowed('join', 'not invited');
  return commit(log, me, { kind: 'join' });
}

/** A member or invitee of an ad hoc group leaves (or declines). */
export function leave(log: GroupLog, me: KeyPair): CheckedOp {
  const s = checkLog(log);
  checkKeyPair(me, 'user');
  const id = keyIdHex(me.publicKey);
  if (s.kind === 'class') throw groupErrors.notAllowed('leave', 'only the teacher changes a class group');
  if (id === s.ownerId) throw groupErrors.notAllowed('leave', 'the owner cannot leave');
  if (!s.members.has(id)) throw groupErrors.notAllowed('leave', 'not in the group');
  return commit(log, me, { kind: 'leave' });
}

/** Owner: removes `member` and starts a new epoch, whose key it returns. */
export function remove(log: GroupLog, owner: KeyPair, member: Uint8Array, random: RandomBytes): { op: CheckedOp; epochKey: Uint8Array } {
  const s = mustOwn(log, owner, 'remove a member');
  checkBytes(member, PUBLIC_KEY_BYTES, 'member user key');
  const id = keyIdHex(member);
  if (id === s.ownerId) throw groupErrors.notAllowed('remove a member', 'the owner cannot be removed');
  if (!s.members.has(id)) throw groupErrors.notAllowed('remove a member', 'not in the group');
  const epochKey = newEpochKey(random);
  return { op: commit(log, owner, { kind: 'remove', member: Uint8Array.from(member) }), epochKey };
}

/** Owner: starts a new epoch without a removal (after a leave). */
export function rekey(log: GroupLog, owner: KeyPair, random: RandomBytes): { op: CheckedOp; epochKey: Uint8Array } {
  mustOwn(log, owner, 'rekey');
  const epochKey = newEpochKey(random);
  return { op: commit(log, owner, { kind: 'rekey' }), epochKey };
}

export function rename(log: GroupLog, owner: KeyPair, name: string): CheckedOp {
  mustOwn(log, owner, 'rename the group');
  return commit(log, owner, { kind: 'rename', name });
}
