/**
 * What a group is at one point of its log: owner, name, who is in it and
 * in which role, and its epochs (the spans between rekeys) with who may
 * write in each. Built only by folding ops (membership.ts).
 */
export type GroupKind = 'adhoc' | 'class';
/** The owner is in the group from its creation to its end; an invitee holds the key but has not joined. */
export type MemberStatus = 'owner' | 'member' | 'invited';

/** Most people a group holds, owner and invitees included: a class of 200 and its teachers fit. */
export const MAX_GROUP_MEMBERS = 256;

export interface Member {
  /** Key id (16 hex digits). */
  id: string;
  key: Uint8Array;
  status: MemberStatus;
  /** Id of the op that brought this person in (the create, for the owner). */
  since: string;
}

export interface GroupState {
  id: string;
  kind: GroupKind;
  name: string;
  owner: Uint8Array;
  ownerId: string;
  /** Everyone in the group now, by key id. */
  members: ReadonlyMap<string, Member>;
  /** Id of the op that started the current epoch (the create, a remove or a rekey). */
  epoch: string;
  /** Every epoch, oldest first. */
  epochs: readonly string[];
  /** Key ids of those who were full members (or the owner) at some time in each epoch: who may write in it. */
  writers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Keys of everyone ever brought in, so late messages of people gone still verify. */
  keys: ReadonlyMap<string, Uint8Array>;
  /** Ops that are valid and signed but changed nothing, with the rule that voided them. */
  voided: ReadonlyMap<string, string>;
  /** Ops folded, voided ones included. */
  ops: number;
}

/** True when `authorId` may have written a message sealed in `epoch`. */
export function mayWrite(state: GroupState, authorId: string, epoch: string): boolean {
  return state.writers.get(epoch)?.has(authorId) ?? false;
}

/** Everyone who must hold the current epoch key, the owner (who made it) aside. */
export function keyRecipients(state: GroupState): Member[] {
  return [...state.members.values()].filter((m) => m.status !== 'owner').sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The member list as people and scripts see it: sorted by id. */
export function memberList(state: GroupState): { id: string; status: MemberStatus }[] {
  return [...state.members.values()].map(({ id, status }) => ({ id, status })).sort((a, b) => (a.id < b.id ? -1 : 1));
}
