/**
 * Folds a group's ops, in the one total order, into its state. Who may do
 * what (docs/groups.md):
 * - the owner (the creator; the teacher's key for a class group) alone adds,
 *   removes, renames and rekeys, and can neither leave nor be removed;
 * - in an ad hoc group an added person is invited and becomes a member by
 *   a join that names that invitation in its causal past; in a class group
 *   the owner's add makes a member at once;
 * - a member or invitee of an ad hoc group may leave; a leave counts only
 *   against the membership it saw (a re-invitation after it stands);
 * - an add concurrent with a removal of the same person is void: the
 *   removal wins, whatever order the two arrive in;
 * - every remove and rekey by the owner starts a new epoch, even when its
 *   target already left, so the rekey is never lost to a concurrent leave.
 * Ops that break a rule stay in the log (later ops may name them) but are
 * void; the reason is kept for technicians.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { CheckedOp } from './group-op.js';
import { causalPast, totalOrder } from './op-order.js';
import { MAX_GROUP_MEMBERS, type GroupKind, type GroupState, type Member } from './group-state.js';

interface Draft {
  id: string;
  kind: GroupKind;
  name: string;
  owner: Uint8Array;
  ownerId: string;
  members: Map<string, Member>;
  epoch: string;
  epochs: string[];
  writers: Map<string, Set<string>>;
  keys: Map<string, Uint8Array>;
  voided: Map<string, string>;
}

type Past = (a: string, b: string) => boolean;

function startEpoch(s: Draft, opId: string): void {
  s.epoch = opId;
  s.epochs.push(opId);
  s.writers.set(opId, new Set([...s.members.values()].filter((m) => m.status !== 'invited').map((m) => m.id)));
}

const writerNow = (s: Draft, id: string): void => {
  s.writers.get(s.epoch)?.add(id);
};

/** Returns why `op` is void, or null once it has been applied to `s`. */
function apply(s: Draft, op: CheckedOp, past: Past, removals: ReadonlyMap<string, CheckedOp[]>): string | null {
  const byOwner = op.authorId === s.ownerId;
  switch (op.kind) {
    case 'create-adhoc':
    case 'create-class':
      return 'a group has one create op';
    case 'add': {
      const id = op.memberId as string;
      if (!byOwner) return 'only the owner adds';
      if (s.members.has(id)) return 'already in the group';
      if (s.members.size >= MAX_GROUP_MEMBERS) return `a group holds at most ${MAX_GROUP_MEMBERS} people`;
      if ((removals.get(id) ?? []).some((r) => !past(r.id, op.id) && !past(op.id, r.id))) return 'a concurrent removal wins';
      const status = s.kind === 'class' ? 'member' : 'invited';
      s.members.set(id, { id, key: op.member as Uint8Array, status, since: op.id });
      s.keys.set(id, op.member as Uint8Array);
      if (status === 'member') writerNow(s, id);
      return null;
    }
    case 'join': {
      const m = s.members.get(op.authorId);
      if (m === undefined || m.status !== 'invited') return 'not invited';
      if (!past(m.since, op.id)) return 'accepts an invitation that is no longer open';
      s.members.set(m.id, { ...m, status: 'member' });
      writerNow(s, m.id);
      return null;
    }
    case 'leave': {
      if (s.kind === 'class') return 'only the teacher changes a class group';
      if (byOwner) return 'the owner cannot leave';
      const m = s.members.get(op.authorId);
      if (m === undefined) return 'not in the group';
      if (!past(m.since, op.id)) return 'leaves an earlier membership';
      s.members.delete(m.id);
      return null;
    }
    case 'remove': {
      if (!byOwner) return 'only the owner removes';
      if (op.memberId === s.ownerId) return 'the owner cannot be removed';
      s.members.delete(op.memberId as string);
      startEpoch(s, op.id);
      return null;
    }
    case 'rename':
      if (!byOwner) return 'only the owner renames';
      s.name = op.name as string;
      return null;
    case 'rekey':
      if (!byOwner) return 'only the owner rekeys';
      startEpoch(s, op.id);
      return null;
  }
}

/**
 * `ops` must hold the group's create op (whose id is `groupId`) and every
 * parent of every op; GroupLog guarantees both.
 */
export function foldGroup(ops: ReadonlyMap<string, CheckedOp>): GroupState {
  const ordered = totalOrder(ops);
  const create = ordered[0];
  if (create === undefined || (create.kind !== 'create-adhoc' && create.kind !== 'create-class')) {
    throw SatchelError.invalidArgument('a group log must start with its create op');
  }
  const s: Draft = {
    id: create.id, kind: create.kind === 'create-class' ? 'class' : 'adhoc', name: create.name ?? '',
    owner: create.author, ownerId: create.authorId, members: new Map(), epoch: create.id, epochs: [],
    writers: new Map(), keys: new Map([[create.authorId, create.author]]), voided: new Map(),
  };
  s.members.set(create.authorId, { id: create.authorId, key: create.author, status: 'owner', since: create.id });
  startEpoch(s, create.id);
  const past = causalPast(ordered);
  const removals = new Map<string, CheckedOp[]>();
  for (const op of ordered) {
    if (op.kind !== 'remove' || op.authorId !== s.ownerId) continue;
    const list = removals.get(op.memberId as string) ?? [];
    list.push(op);
    removals.set(op.memberId as string, list);
  }
  for (const op of ordered.slice(1)) {
    const reason = apply(s, op, past, removals);
    if (reason !== null) s.voided.set(op.id, reason);
  }
  return { ...s, ops: ordered.length };
}
