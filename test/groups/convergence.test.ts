/**
 * Five members on disconnected laptops: each makes its own changes on its
 * own copy of the log, then every laptop hears every op, in its own order,
 * some twice. All must end with the same members, name and epochs.
 */
import t from 'tap';
import { createGroup, invite, join, leave, remove, rename } from '../../daemon/groups/group-actions.js';
import { keyIdHex } from '../../daemon/crypto/keys.js';
import { GroupLog } from '../../daemon/groups/op-log.js';
import type { GroupOp } from '../../daemon/wire/messages.js';
import { person, shuffled, summary } from './fixtures.js';
import { seededRandom } from '../../daemon/util/random.js';

const owner = person(1);
const [a, b, c, d, e] = [2, 3, 4, 5, 6].map(person) as [ReturnType<typeof person>, ReturnType<typeof person>, ReturnType<typeof person>, ReturnType<typeof person>, ReturnType<typeof person>];
const id = (k: { publicKey: Uint8Array }): string => keyIdHex(k.publicKey);

/** A laptop's copy of the log, fed `ops` in the given order (missing parents are held back by the log). */
function copyOf(create: GroupOp, ops: readonly GroupOp[]): GroupLog {
  const log = new GroupLog(create);
  for (const op of ops) log.add(op);
  return log;
}

function setUp(): { create: GroupOp; shared: GroupOp[]; logs: Map<string, GroupLog> } {
  const g = createGroup(owner, 'adhoc', 'Class 4 river project', seededRandom(7));
  for (const p of [a, b, c, d]) invite(g.log, owner, p.publicKey);
  const shared = g.log.wireOps();
  const create = shared[0] as GroupOp;
  const logs = new Map<string, GroupLog>([['owner', g.log]]);
  for (const [name, p] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) {
    const log = copyOf(create, shuffled(shared.slice(1), name.charCodeAt(0)));
    join(log, p);
    logs.set(name, log);
  }
  return { create, shared, logs };
}

t.test('five members, changes made apart, converge whatever order the ops arrive in', async (t) => {
  const { create, logs } = setUp();
  // Apart: the owner removes d, renames and invites e; b leaves; c and d wrote their joins only.
  const o = logs.get('owner') as GroupLog;
  for (const name of ['a', 'b', 'c', 'd']) for (const op of (logs.get(name) as GroupLog).wireOps()) o.add(op);
  remove(o, owner, d.publicKey, seededRandom(8));
  rename(o, owner, 'Rivers');
  invite(o, owner, e.publicKey);
  leave(logs.get('b') as GroupLog, b);
  const all = [...logs.values()].flatMap((l) => l.wireOps());
  t.ok(all.length > 20, 'many ops, with repeats');

  const results = [...logs.keys()].map((name, i) => {
    const log = logs.get(name) as GroupLog;
    for (const op of shuffled(all, 100 + i)) log.add(op);
    t.equal(log.pendingCount, 0, `${name} holds nothing back once it has every op`);
    return summary(log);
  });
  for (let i = 1; i < results.length; i++) t.same(results[i], results[0], `laptop ${i} agrees with the owner`);
  // Fresh laptops hearing everything in twenty other orders agree too.
  for (let seed = 0; seed < 20; seed++) t.same(summary(copyOf(create, shuffled(all, seed))), results[0], `order ${seed}`);

  const s = o.state();
  t.equal(s.name, 'Rivers');
  t.same([...s.members.values()].map((m) => [m.id, m.status]).sort(), [
    [id(owner), 'owner'], [id(a), 'member'], [id(c), 'member'], [id(e), 'invited'],
  ].sort(), 'b left, d was removed, e is invited');
  t.equal(s.epochs.length, 2, 'the removal started a second epoch');
});

t.test('a concurrent removal beats an add of the same person (the owner on two laptops)', async (t) => {
  const { create, logs } = setUp();
  const o = logs.get('owner') as GroupLog;
  for (const op of (logs.get('b') as GroupLog).wireOps()) o.add(op);
  // The teacher's second laptop (same key) has the same log so far.
  const server = copyOf(create, o.wireOps());
  // Laptop 1: b leaves, and the owner there invites b again.
  const bLog = logs.get('b') as GroupLog;
  const left = leave(bLog, b);
  o.add(left.wire);
  const again = invite(o, owner, b.publicKey);
  // Laptop 2, meanwhile: the owner removes b.
  const removed = remove(server, owner, b.publicKey, seededRandom(9));
  const ops = [...o.wireOps(), ...server.wireOps()];
  const first = summary(copyOf(create, shuffled(ops, 1)));
  for (let seed = 2; seed < 12; seed++) t.same(summary(copyOf(create, shuffled(ops, seed))), first, `order ${seed}`);
  const merged = copyOf(create, ops);
  t.notOk(merged.state().members.has(id(b)), 'b is out');
  t.equal(merged.state().voided.get(again.id), 'a concurrent removal wins');
  t.equal(merged.state().epoch, removed.op.id, 'and the removal rekeyed');
});

t.test('an invitation after a removal, in the causal order, brings the person back', async (t) => {
  const { logs } = setUp();
  const o = logs.get('owner') as GroupLog;
  for (const op of (logs.get('c') as GroupLog).wireOps()) o.add(op);
  remove(o, owner, c.publicKey, seededRandom(3));
  invite(o, owner, c.publicKey);
  const cLog = new GroupLog(o.wireOps()[0] as GroupOp);
  for (const op of o.wireOps()) cLog.add(op);
  join(cLog, c);
  for (const op of cLog.wireOps()) o.add(op);
  t.equal(o.state().members.get(id(c))?.status, 'member');
});
