/**
 * The one order every laptop gives a group's ops: a topological order of
 * the causal DAG (an op always comes after the ops it names as parents),
 * with ties among ops that are ready together broken by kind (adding ops
 * before subtracting ones) and then by id. It is a function of the set of
 * ops alone, never of the order they arrived in, so every member that holds
 * the same ops folds them the same way.
 */
import type { CheckedOp, OpKind } from './group-op.js';

/** Among concurrent ops, those earlier here are applied first. */
const KIND_RANK: Record<OpKind, number> = {
  'create-adhoc': 0, 'create-class': 0, add: 1, join: 2, rename: 3, leave: 4, remove: 5, rekey: 6,
};

const before = (a: CheckedOp, b: CheckedOp): boolean => {
  const ra = KIND_RANK[a.kind];
  const rb = KIND_RANK[b.kind];
  return ra !== rb ? ra < rb : a.id < b.id;
};

/** A small binary min-heap: the ready set can be as wide as the group. */
class ReadyHeap {
  readonly #items: CheckedOp[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(op: CheckedOp): void {
    const a = this.#items;
    a.push(op);
    let i = a.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!before(a[i] as CheckedOp, a[up] as CheckedOp)) break;
      [a[i], a[up]] = [a[up] as CheckedOp, a[i] as CheckedOp];
      i = up;
    }
  }

  pop(): CheckedOp | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && before(a[l] as CheckedOp, a[m] as CheckedOp)) m = l;
      if (r < a.length && before(a[r] as CheckedOp, a[m] as CheckedOp)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m] as CheckedOp, a[i] as CheckedOp];
      i = m;
    }
    return top;
  }
}

/**
 * Orders `ops` (every parent of every op must be among them: the log holds
 * back ops with missing parents). Returns the ordered ops.
 */
export function totalOrder(ops: ReadonlyMap<string, CheckedOp>): CheckedOp[] {
  const waiting = new Map<string, number>();
  const children = new Map<string, CheckedOp[]>();
  const ready = new ReadyHeap();
  for (const op of ops.values()) {
    waiting.set(op.id, op.parents.length);
    if (op.parents.length === 0) ready.push(op);
    for (const p of op.parents) {
      const list = children.get(p);
      if (list) list.push(op);
      else children.set(p, [op]);
    }
  }
  const out: CheckedOp[] = [];
  while (ready.size > 0) {
    const op = ready.pop() as CheckedOp;
    out.push(op);
    for (const child of children.get(op.id) ?? []) {
      const left = (waiting.get(child.id) ?? 0) - 1;
      waiting.set(child.id, left);
      if (left === 0) ready.push(child);
    }
  }
  return out;
}

/**
 * Answers "is `a` in the causal past of `b`?" over one ordered log. The
 * search from `b` skips ops placed before `a`: they cannot lead to it.
 */
export function causalPast(ordered: readonly CheckedOp[]): (a: string, b: string) => boolean {
  const byId = new Map<string, CheckedOp>();
  const position = new Map<string, number>();
  ordered.forEach((op, i) => {
    byId.set(op.id, op);
    position.set(op.id, i);
  });
  return (a, b) => {
    const floor = position.get(a);
    if (floor === undefined || !byId.has(b) || (position.get(b) as number) <= floor) return false;
    const seen = new Set<string>([b]);
    const stack = [b];
    while (stack.length > 0) {
      const op = byId.get(stack.pop() as string) as CheckedOp;
      for (const p of op.parents) {
        if (p === a) return true;
        if (seen.has(p) || (position.get(p) ?? -1) < floor) continue;
        seen.add(p);
        stack.push(p);
      }
    }
    return false;
  };
}
