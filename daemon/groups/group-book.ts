/**
 * The groups one user is in, as their laptop sees them: each group's log
 * and the epoch keys this user holds, how to recognise the group's
 * envelopes by their `to`, and what to make of what arrives. Pure logic:
 * the messenger stores and sends; this decides. Everything taken from the
 * network returns an outcome and bumps a counter instead of throwing.
 */
import { fromHex, toHex } from '../crypto/hex.js';
import { checkKeyPair, keyIdHex, type KeyPair } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { Counters } from '../util/counters.js';
import type { RandomBytes } from '../util/random.js';
import type { Envelope, GroupKey, GroupOp } from '../wire/messages.js';
import { groupErrors } from './group-errors.js';
import { checkGroupKey, EpochKeys, groupAddress } from './group-keys.js';
import { checkOp, isCreate } from './group-op.js';
import { openGroupMessage, sealGroupMessage, sealGroupOp, type OpenedGroupMessage } from './group-seal.js';
import { mayWrite, type GroupState } from './group-state.js';
import { GroupLog, MAX_GROUP_OPS, type AddOutcome, type GroupLogOptions } from './op-log.js';

/** Most groups one user's book holds; welcomes beyond it are refused. */
export const MAX_GROUPS = 64;

interface Entry {
  log: GroupLog;
  keys: EpochKeys;
  address: string;
}

export interface GroupBookOptions {
  me: KeyPair;
  random: RandomBytes;
  counters?: Counters;
  logOptions?: GroupLogOptions;
}

export class GroupBook {
  readonly #me: KeyPair;
  readonly #myId: string;
  readonly #random: RandomBytes;
  readonly #counters: Counters | undefined;
  readonly #logOptions: GroupLogOptions;
  readonly #groups = new Map<string, Entry>();
  readonly #byAddress = new Map<string, string>();

  constructor(opts: GroupBookOptions) {
    if (typeof opts !== 'object' || opts === null) throw SatchelError.invalidArgument('group book options missing');
    checkKeyPair(opts.me, 'own');
    if (typeof opts.random !== 'function') throw SatchelError.invalidArgument('random must be a function');
    this.#me = opts.me;
    this.#myId = keyIdHex(opts.me.publicKey);
    this.#random = opts.random;
    this.#counters = opts.counters;
    this.#logOptions = { ...opts.logOptions, ...(opts.counters !== undefined ? { counters: opts.counters } : {}) };
  }

  ids(): string[] {
    return [...this.#groups.keys()].sort();
  }

  log(groupId: string): GroupLog {
    const e = this.#groups.get(groupId);
    if (e === undefined) throw groupErrors.unknownGroup(groupId);
    return e.log;
  }

  state(groupId: string): GroupState {
    return this.log(groupId).state();
  }

  /** The group whose address is `to` (hex of Envelope.to), if this user keeps it: how inbound tells a group message from a carried one. */
  groupFor(to: string): string | undefined {
    return this.#byAddress.get(to);
  }

  /** Keeps a group this user created (createGroup) or was welcomed into, with a key. */
  adopt(log: GroupLog, epoch: string, epochKey: Uint8Array): void {
    if (!(log instanceof GroupLog)) throw SatchelError.invalidArgument('log must be a GroupLog');
    if (this.#groups.has(log.id)) throw SatchelError.invalidArgument(`group ${log.id} is already kept`);
    if (this.#groups.size >= MAX_GROUPS) throw SatchelError.storeFull(`a user keeps at most ${MAX_GROUPS} groups`);
    const keys = new EpochKeys();
    keys.put(epoch, epochKey);
    const address = toHex(groupAddress(fromHex(log.id)));
    this.#groups.set(log.id, { log, keys, address });
    this.#byAddress.set(address, log.id);
  }

  /** The key of `epoch` (the current one when absent), or NOT_FOUND. */
  keyOf(groupId: string, epoch?: string): { epoch: string; key: Uint8Array } {
    const { epoch: e, key } = this.#current(groupId, epoch);
    return { epoch: e, key };
  }

  #current(groupId: string, epoch?: string): { entry: Entry; epoch: string; key: Uint8Array } {
    const entry = this.#groups.get(groupId);
    if (entry === undefined) throw groupErrors.unknownGroup(groupId);
    const e = epoch ?? entry.log.state().epoch;
    const key = entry.keys.get(e);
    if (key === undefined) throw groupErrors.noEpochKey(groupId, e);
    return { entry, epoch: e, key };
  }

  /** Seals an encoded Content from this user to the group; only a member who may write in the current epoch can. */
  seal(groupId: string, content: Uint8Array, lifetimeS: number): { envelope: Envelope; id: Uint8Array } {
    const { entry, epoch, key } = this.#current(groupId);
    if (!mayWrite(entry.log.state(), this.#myId, epoch)) throw groupErrors.notAllowed('write to the group', 'not a member');
    return sealGroupMessage({ groupId: fromHex(groupId), epochId: fromHex(epoch), epochKey: key, author: this.#me, content, lifetimeS, random: this.#random });
  }

  /**
   * Seals an op to the group for every member to fold, under the current
   * epoch or `epoch` (a removal goes out under the epoch it ends, so the
   * removed member learns of it too).
   */
  sealOp(groupId: string, op: GroupOp, lifetimeS: number, epoch?: string): { envelope: Envelope; id: Uint8Array } {
    const { epoch: e, key } = this.#current(groupId, epoch);
    return sealGroupOp({ groupId: fromHex(groupId), epochId: fromHex(e), epochKey: key, op, lifetimeS, random: this.#random });
  }

  /** Adds a key this user made (a rekey it did) or checked elsewhere. */
  putKey(groupId: string, epoch: string, key: Uint8Array): boolean {
    const entry = this.#groups.get(groupId);
    if (entry === undefined) throw groupErrors.unknownGroup(groupId);
    return entry.keys.put(epoch, key);
  }

  /**
   * Group parts of a 1:1 Content from `sender` (already opened and
   * authenticated by the 1:1 seal): a welcome (the log, and a key), ops, or
   * a key. Keys count only from the group's owner; a log is adopted only
   * when it comes from its owner and names this user.
   */
  take1to1(sender: Uint8Array, ops: readonly GroupOp[] | null | undefined, key: GroupKey | null | undefined): 'taken' | 'ignored' {
    const list = Array.isArray(ops) ? ops : [];
    if (list.length > MAX_GROUP_OPS) return this.#drop('oversized');
    const k = key === null || key === undefined ? undefined : checkGroupKey(key);
    if (typeof k === 'string') return this.#drop('bad_key');
    const senderId = keyIdHex(sender);
    let groupId = k?.group;
    const first = list[0] === undefined ? undefined : checkOp(list[0]);
    if (first !== undefined && typeof first !== 'string' && isCreate(first.kind)) {
      if (groupId !== undefined && groupId !== first.id) return this.#drop('mixed');
      groupId = first.id;
      if (!this.#groups.has(groupId)) return this.#welcome(senderId, first.id, list, k);
    }
    if (groupId === undefined) {
      const any = first === undefined || typeof first === 'string' ? undefined : first.group;
      if (any === undefined) return this.#drop('unknown_group');
      groupId = any;
    }
    const entry = this.#groups.get(groupId);
    if (entry === undefined) return this.#drop('unknown_group');
    for (const op of list) entry.log.add(op);
    if (k !== undefined) {
      if (entry.log.state().ownerId !== senderId) return this.#drop('key_not_from_owner');
      entry.keys.put(k.epoch, k.key);
    }
    return 'taken';
  }

  #welcome(senderId: string, groupId: string, ops: readonly GroupOp[], k: { epoch: string; key: Uint8Array } | undefined): 'taken' | 'ignored' {
    if (k === undefined) return this.#drop('welcome_without_key');
    if (this.#groups.size >= MAX_GROUPS) return this.#drop('too_many_groups');
    const log = new GroupLog(ops[0] as GroupOp, this.#logOptions);
    for (const op of ops.slice(1)) log.add(op);
    const s = log.state();
    if (s.ownerId !== senderId) return this.#drop('welcome_not_from_owner');
    if (!s.members.has(this.#myId)) return this.#drop('welcome_not_for_me');
    this.adopt(log, k.epoch, k.key);
    this.#counters?.bump('groups.welcomed');
    return 'taken';
  }

  /**
   * Opens an envelope addressed to one of this user's groups. An op inside
   * is folded into the log; content comes back with its verified author.
   */
  open(env: Envelope): { groupId: string; opened: OpenedGroupMessage; outcome?: AddOutcome } | string {
    const to = env?.to instanceof Uint8Array ? toHex(env.to) : '';
    const groupId = this.#byAddress.get(to);
    if (groupId === undefined) return 'not a group of this user';
    const entry = this.#groups.get(groupId) as Entry;
    const s = entry.log.state();
    const opened = openGroupMessage(env, {
      groupId: fromHex(groupId), keys: entry.keys.candidates(s.epochs),
      writerKey: (authorId, epoch) => (mayWrite(entry.log.state(), authorId, epoch) ? entry.log.state().keys.get(authorId) : undefined),
    });
    if (typeof opened === 'string') {
      this.#counters?.bump('groups.message.unopened');
      return opened;
    }
    if (opened.kind === 'op') return { groupId, opened, outcome: entry.log.add(opened.op) };
    this.#counters?.bump('groups.message.opened');
    return { groupId, opened };
  }

  #drop(reason: string): 'ignored' {
    this.#counters?.bump(`groups.dropped.${reason}`);
    return 'ignored';
  }
}
