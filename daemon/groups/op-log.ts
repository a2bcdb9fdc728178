/**
 * One group's op log on one laptop. Ops come from the network in any order,
 * any number of times: each is checked, then applied, held back until its
 * parents arrive, recognised as a duplicate, or refused and counted. Adding
 * never throws for network input; the state is the fold of the applied ops,
 * so two laptops holding the same ops hold the same state.
 */
import { SatchelError } from '../errors/satchel-error.js';
import { fromHex } from '../crypto/hex.js';
import type { Counters } from '../util/counters.js';
import type { GroupOp } from '../wire/messages.js';
import { checkOp, isCreate, MAX_OP_PARENTS, type CheckedOp } from './group-op.js';
import type { GroupState } from './group-state.js';
import { foldGroup } from './membership.js';
import { totalOrder } from './op-order.js';

/** Most ops one group's log keeps: a class of 200 joining, leaving and being renamed fits many times over. */
export const MAX_GROUP_OPS = 4096;
/** Most ops held back for missing parents; more are refused (and come again with the next meeting). */
export const MAX_PENDING_OPS = 256;

export type AddStatus = 'applied' | 'duplicate' | 'pending' | 'rejected';

export interface AddOutcome {
  status: AddStatus;
  /** Why an op was refused. */
  reason?: string;
  op?: CheckedOp;
  /** Ops held back earlier that this one let through (applied now as well). */
  released: CheckedOp[];
}

export interface GroupLogOptions {
  counters?: Counters;
  maxOps?: number;
  maxPending?: number;
}

export class GroupLog {
  readonly id: string;
  readonly #ops = new Map<string, CheckedOp>();
  readonly #pending = new Map<string, CheckedOp>();
  readonly #heads = new Set<string>();
  /** Key ids of everyone some add names: only they and the owner author ops. */
  readonly #added = new Set<string>();
  readonly #ownerId: string;
  readonly #counters: Counters | undefined;
  readonly #maxOps: number;
  readonly #maxPending: number;
  #state: GroupState | undefined;

  /** Starts a log from the group's create op. Throws INVALID_ARGUMENT unless it is a valid create. */
  constructor(create: GroupOp | CheckedOp, opts: GroupLogOptions = {}) {
    const c = 'wire' in create ? checkOp(create.wire) : checkOp(create);
    if (typeof c === 'string') throw SatchelError.invalidArgument(`group create op: ${c}`);
    if (!isCreate(c.kind)) throw SatchelError.invalidArgument('a group log starts with a create op');
    const limit = (v: number | undefined, d: number, what: string): number => {
      if (v === undefined) return d;
      if (!Number.isInteger(v) || v < 1) throw SatchelError.invalidArgument(`${what} must be a positive integer`);
      return v;
    };
    this.#maxOps = limit(opts.maxOps, MAX_GROUP_OPS, 'maxOps');
    this.#maxPending = limit(opts.maxPending, MAX_PENDING_OPS, 'maxPending');
    this.#counters = opts.counters;
    this.id = c.id;
    this.#ownerId = c.authorId;
    this.#ops.set(c.id, c);
    this.#heads.add(c.id);
  }

  get size(): number {
    return this.#ops.size;
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  has(id: string): boolean {
    return this.#ops.has(id);
  }

  /** Takes one op from anywhere (the network, a welcome, this laptop). */
  add(raw: unknown): AddOutcome {
    const c = checkOp(raw);
    if (typeof c === 'string') return this.#refuse('malformed', c);
    if (c.group !== this.id) return this.#refuse('other_group', 'op of another group');
    if (this.#ops.has(c.id) || this.#pending.has(c.id)) {
      this.#counters?.bump('groups.op.duplicate');
      return { status: 'duplicate', op: c, released: [] };
    }
    if (c.parents.some((p) => !this.#ops.has(p))) {
      if (this.#pending.size >= this.#maxPending) return this.#refuse('pending_full', 'too many ops wait for their parents');
      this.#pending.set(c.id, c);
      this.#counters?.bump('groups.op.pending');
      return { status: 'pending', op: c, released: [] };
    }
    const reason = this.#take(c);
    if (reason !== null) return this.#refuse(reason[0], reason[1]);
    return { status: 'applied', op: c, released: this.#release() };
  }

  /** The current state (folded again only after a change). */
  state(): GroupState {
    this.#state ??= foldGroup(this.#ops);
    return this.#state;
  }

  /** Every applied op in the total order, in wire form: what a welcome carries. */
  wireOps(): GroupOp[] {
    return totalOrder(this.#ops).map((op) => op.wire);
  }

  /** Parents for this laptop's next op: the heads, latest in the order first kept when there are too many. */
  parents(): Uint8Array[] {
    let heads = [...this.#heads];
    if (heads.length > MAX_OP_PARENTS) {
      const order = totalOrder(this.#ops).map((op) => op.id);
      heads = order.filter((id) => this.#heads.has(id)).slice(-MAX_OP_PARENTS);
    }
    return heads.sort().map((id) => fromHex(id));
  }

  /** Returns [counter, reason] when the op cannot join the log. */
  #take(c: CheckedOp): [string, string] | null {
    if (this.#ops.size >= this.#maxOps) return ['full', `the log holds ${this.#maxOps} ops`];
    if (c.authorId !== this.#ownerId && !this.#added.has(c.authorId)) return ['stranger', 'author was never added to the group'];
    this.#ops.set(c.id, c);
    for (const p of c.parents) this.#heads.delete(p);
    this.#heads.add(c.id);
    if (c.kind === 'add' && c.authorId === this.#ownerId) this.#added.add(c.memberId as string);
    this.#state = undefined;
    this.#counters?.bump('groups.op.applied');
    return null;
  }

  /** Applies held-back ops whose parents are all here now, until none is left that can go. */
  #release(): CheckedOp[] {
    const released: CheckedOp[] = [];
    for (let progress = true; progress;) {
      progress = false;
      for (const op of this.#pending.values()) {
        if (op.parents.some((p) => !this.#ops.has(p))) continue;
        this.#pending.delete(op.id);
        const refused = this.#take(op);
        if (refused === null) released.push(op);
        else this.#counters?.bump(`groups.op.rejected.${refused[0]}`);
        progress = true;
      }
    }
    return released;
  }

  #refuse(counter: string, reason: string): AddOutcome {
    this.#counters?.bump(`groups.op.rejected.${counter}`);
    return { status: 'rejected', reason, released: [] };
  }
}
