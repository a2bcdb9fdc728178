/**
 * The log's contract with the network: each op is applied, held back,
 * a duplicate, or refused and counted; the local actions refuse what the
 * user's role does not allow.
 */
import t from 'tap';
import { keyIdHex } from '../../daemon/crypto/keys.js';
import { createGroup, invite, join, leave, remove, rename, rekey } from '../../daemon/groups/group-actions.js';
import { makeOp } from '../../daemon/groups/group-op.js';
import { GroupLog } from '../../daemon/groups/op-log.js';
import { createCounters } from '../../daemon/util/counters.js';
import { seededRandom } from '../../daemon/util/random.js';
import type { GroupOp } from '../../daemon/wire/messages.js';
import { person, summary } from './fixtures.js';

const owner = person(1);
const ana = person(2);
const ben = person(3);
const stranger = person(9);

function group(kind: 'adhoc' | 'class' = 'adhoc') {
  const g = createGroup(owner, kind, 'Maths', seededRandom(5));
  invite(g.log, owner, ana.publicKey);
  invite(g.log, owner, ben.publicKey);
  return g;
}
const gid = (log: GroupLog): Uint8Array => Buffer.from(log.id, 'hex');

t.test('ops whose parents are missing wait, then go in when the parents come', async (t) => {
  const { log } = group();
  const create = log.wireOps()[0] as GroupOp;
  const counters = createCounters();
  const fresh = new GroupLog(create, { counters });
  const ops = log.wireOps().slice(1).reverse();
  t.equal(fresh.add(ops[0]).status, 'pending');
  const r = fresh.add(ops[1]);
  t.equal(r.status, 'applied');
  t.equal(r.released.length, 1, 'the held op went in with its parent');
  t.equal(fresh.pendingCount, 0);
  t.same(summary(fresh), summary(log));
  t.same(counters.snapshot(), { 'groups.op.applied': 2, 'groups.op.pending': 1 });
});

t.test('hostile input: refused and counted, state untouched', async (t) => {
  const { log } = group();
  const counters = createCounters();
  const l = new GroupLog(log.wireOps()[0] as GroupOp, { counters, maxPending: 2, maxOps: 4 });
  for (const op of log.wireOps()) l.add(op);
  const before = summary(l);
  const other = createGroup(owner, 'adhoc', 'Other', seededRandom(6));
  const parents = l.parents();
  const cases: [string, unknown, RegExp][] = [
    ['garbage', { kind: 3, author: 'x' }, /author/],
    ['an op of another group', makeOp(owner, { kind: 'rename', group: gid(other.log), parents: [gid(other.log)], name: 'x' }).wire, /another group/],
    ['another create', other.create.wire, /another group/],
    ['a stranger', makeOp(stranger, { kind: 'leave', group: gid(l), parents }).wire, /never added/],
  ];
  for (const [what, op, reason] of cases) {
    const r = l.add(op);
    t.equal(r.status, 'rejected', what);
    t.match(r.reason, reason, what);
  }
  const unknown = (n: number): GroupOp => makeOp(owner, { kind: 'rename', group: gid(l), parents: [new Uint8Array(16).fill(n)], name: `n${n}` }).wire;
  t.equal(l.add(unknown(1)).status, 'pending');
  t.equal(l.add(unknown(2)).status, 'pending');
  t.match(l.add(unknown(3)), { status: 'rejected', reason: /wait for their parents/ }, 'the waiting room is bounded');
  t.equal(l.add(makeOp(owner, { kind: 'rename', group: gid(l), parents, name: 'six' }).wire).status, 'applied');
  t.match(l.add(makeOp(owner, { kind: 'rename', group: gid(l), parents: l.parents(), name: 'seven' }).wire), { status: 'rejected', reason: /holds 4 ops/ });
  t.same({ ...(summary(l) as object), name: 'Maths', ops: 3 }, { ...(before as object), name: 'Maths', ops: 3 }, 'members and epochs unchanged');
  const c = counters.snapshot();
  t.equal(c['groups.op.rejected.malformed'], 1);
  t.equal(c['groups.op.rejected.other_group'], 2);
  t.equal(c['groups.op.rejected.stranger'], 1);
  t.equal(c['groups.op.rejected.pending_full'], 1);
  t.equal(c['groups.op.rejected.full'], 1);
  t.throws(() => new GroupLog(makeOp(owner, { kind: 'rename', group: gid(l), parents, name: 'x' }).wire), { code: 'INVALID_ARGUMENT' });
  t.throws(() => new GroupLog({} as GroupOp), { code: 'INVALID_ARGUMENT' });
  t.throws(() => new GroupLog(other.create.wire, { maxOps: 0 }), { code: 'INVALID_ARGUMENT' });
});

t.test('ops beyond the author’s role are void, and a removed member’s backdated ops change nothing', async (t) => {
  const { log } = group();
  join(log, ana);
  join(log, ben);
  const parents = log.parents();
  const byAna = [
    makeOp(ana, { kind: 'remove', group: gid(log), parents, member: ben.publicKey }),
    makeOp(ana, { kind: 'add', group: gid(log), parents, member: stranger.publicKey }),
    makeOp(ana, { kind: 'rename', group: gid(log), parents, name: 'mine now' }),
    makeOp(ana, { kind: 'rekey', group: gid(log), parents }),
  ];
  for (const op of byAna) t.equal(log.add(op.wire).status, 'applied', 'signed by a member, so kept in the log');
  const s = log.state();
  t.same(byAna.map((op) => s.voided.get(op.id)), ['only the owner removes', 'only the owner adds', 'only the owner renames', 'only the owner rekeys']);
  t.equal(s.members.size, 3);
  t.equal(s.name, 'Maths');
  t.equal(s.epochs.length, 1);
  // ben is removed; then ben signs a leave and a join naming only old parents, as if made before.
  const oldParents = log.parents();
  remove(log, owner, ben.publicKey, seededRandom(1));
  for (const kind of ['join', 'leave'] as const) log.add(makeOp(ben, { kind, group: gid(log), parents: oldParents }).wire);
  t.notOk(log.state().members.has(keyIdHex(ben.publicKey)), 'ben stays out');
});

t.test('local actions refuse what the role does not allow', async (t) => {
  const { log } = group();
  const r = seededRandom(2);
  t.throws(() => invite(log, ana, stranger.publicKey), { code: 'INVALID_ARGUMENT', message: /only the group owner/ });
  t.throws(() => remove(log, ana, ben.publicKey, r), { code: 'INVALID_ARGUMENT' });
  t.throws(() => rename(log, ana, 'x'), { code: 'INVALID_ARGUMENT' });
  t.throws(() => rekey(log, ana, r), { code: 'INVALID_ARGUMENT' });
  t.throws(() => remove(log, owner, owner.publicKey, r), { code: 'INVALID_ARGUMENT', message: /owner cannot be removed/ });
  t.throws(() => remove(log, owner, stranger.publicKey, r), { code: 'INVALID_ARGUMENT', message: /not in the group/ });
  t.throws(() => invite(log, owner, ana.publicKey), { code: 'INVALID_ARGUMENT', message: /already/ });
  t.throws(() => invite(log, owner, new Uint8Array(5)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => join(log, stranger), { code: 'INVALID_ARGUMENT', message: /not invited/ });
  t.throws(() => leave(log, owner), { code: 'INVALID_ARGUMENT', message: /owner cannot leave/ });
  t.throws(() => leave(log, stranger), { code: 'INVALID_ARGUMENT' });
  t.throws(() => rename(log, owner, 'x'.repeat(65)), { code: 'INVALID_ARGUMENT' });
  t.throws(() => join({} as GroupLog, ana), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createGroup(owner, 'party' as never, 'x', r), { code: 'INVALID_ARGUMENT' });
  join(log, ana);
  t.throws(() => join(log, ana), { code: 'INVALID_ARGUMENT' }, 'a member does not join twice');
});

t.test('a class group: the teacher adds members outright; nobody leaves on their own', async (t) => {
  const { log } = group('class');
  const s = log.state();
  t.equal(s.kind, 'class');
  t.equal(s.members.get(keyIdHex(ana.publicKey))?.status, 'member', 'added means in');
  t.throws(() => leave(log, ana), { code: 'INVALID_ARGUMENT', message: /teacher/ });
  const forcedLeave = makeOp(ana, { kind: 'leave', group: gid(log), parents: log.parents() });
  log.add(forcedLeave.wire);
  t.equal(log.state().voided.get(forcedLeave.id), 'only the teacher changes a class group');
  t.ok(log.state().members.has(keyIdHex(ana.publicKey)));
});
