/**
 * A user's book of groups against what a hostile sender can put in a 1:1
 * message: welcomes not from the owner or not naming this user, keys from
 * members, unknown groups, oversized lists, malformed keys. And the local
 * calls' argument checks, the key handout's included.
 */
import t from 'tap';
import { keyIdHex } from '../../daemon/crypto/keys.js';
import { createGroup, invite } from '../../daemon/groups/group-actions.js';
import { GroupBook } from '../../daemon/groups/group-book.js';
import { inviteMember, removeMember } from '../../daemon/groups/owner-flows.js';
import { MAX_GROUP_OPS } from '../../daemon/groups/op-log.js';
import { sealEpochKeys, sealWelcome } from '../../daemon/groups/rekey.js';
import { seededRandom } from '../../daemon/util/random.js';
import type { GroupOp } from '../../daemon/wire/messages.js';
import { deliver1to1, laptop, person } from './fixtures.js';

function ownerWithGroup() {
  const o = laptop('teacher', 10);
  const g = createGroup(o.user, 'adhoc', 'Art', o.random);
  o.book.adopt(g.log, g.log.id, g.epochKey);
  return { o, g, ctx: { book: o.book, owner: o.user, random: o.random, lifetimeS: 0 } };
}

t.test('a welcome counts only from the owner and only when it names this user', async (t) => {
  const { o, g, ctx } = ownerWithGroup();
  const ana = laptop('ana', 20);
  const ben = laptop('ben', 21);
  const out = inviteMember(ctx, g.log.id, ana.user.publicKey);
  const welcome = out.direct[0];
  t.equal(keyIdHex(welcome?.to as Uint8Array), keyIdHex(ana.user.publicKey));
  // ben copies what ana got and hands it over as his own welcome to someone else.
  const ops = o.book.log(g.log.id).wireOps();
  const key = { group: Buffer.from(g.log.id, 'hex'), epoch: Buffer.from(g.log.id, 'hex'), key: g.epochKey };
  const eve = laptop('eve', 22);
  t.equal(eve.book.take1to1(ben.user.publicKey, ops, key), 'ignored', 'not from the owner');
  t.equal(eve.book.take1to1(o.user.publicKey, ops, key), 'ignored', 'from the owner but eve is not in it');
  t.equal(eve.book.take1to1(o.user.publicKey, ops, null), 'ignored', 'no key');
  t.same(eve.book.ids(), []);
  t.equal(deliver1to1(ana, o.user, welcome?.envelope as never), 'taken');
  t.same(ana.book.ids(), [g.log.id]);
  t.equal(ana.book.groupFor(Buffer.from(welcome?.envelope.to as Uint8Array).toString('hex')), undefined, 'a 1:1 address is not a group address');
  t.equal(ana.book.state(g.log.id).members.get(keyIdHex(ana.user.publicKey))?.status, 'invited');
  const snap = eve.counters.snapshot();
  t.equal(snap['groups.dropped.welcome_not_from_owner'], 1);
  t.equal(snap['groups.dropped.welcome_not_for_me'], 1);
  t.equal(snap['groups.dropped.welcome_without_key'], 1);
});

t.test('keys count only from the owner; junk is dropped and counted', async (t) => {
  const { o, g, ctx } = ownerWithGroup();
  const ana = laptop('ana', 20);
  const ben = laptop('ben', 21);
  for (const l of [ana, ben]) {
    const out = inviteMember(ctx, g.log.id, l.user.publicKey);
    deliver1to1(l, o.user, out.direct[0]?.envelope as never);
  }
  const gid = Buffer.from(g.log.id, 'hex');
  const fake = { group: gid, epoch: new Uint8Array(16).fill(1), key: new Uint8Array(32).fill(1) };
  t.equal(ana.book.take1to1(ben.user.publicKey, null, fake), 'ignored', 'a member cannot hand out keys');
  t.equal(ana.book.take1to1(o.user.publicKey, null, { ...fake, key: new Uint8Array(3) }), 'ignored');
  t.equal(ana.book.take1to1(o.user.publicKey, null, { ...fake, group: new Uint8Array(16) }), 'ignored', 'unknown group');
  t.equal(ana.book.take1to1(o.user.publicKey, null, null), 'ignored', 'nothing at all');
  t.equal(ana.book.take1to1(o.user.publicKey, Array.from({ length: MAX_GROUP_OPS + 1 }, () => ({}) as GroupOp), null), 'ignored', 'oversized');
  t.equal(ana.book.take1to1(o.user.publicKey, [{ kind: 99 } as unknown as GroupOp], null), 'ignored', 'garbage op');
  const other = createGroup(o.user, 'adhoc', 'Other', seededRandom(3));
  t.equal(ana.book.take1to1(o.user.publicKey, other.log.wireOps(), fake), 'ignored', 'a key of one group with the log of another');
  t.equal(ana.book.take1to1(o.user.publicKey, null, fake), 'taken', 'the owner may hand out a key ahead of its op');
  const c = ana.counters.snapshot();
  for (const k of ['key_not_from_owner', 'bad_key', 'unknown_group', 'oversized', 'mixed']) t.ok((c[`groups.dropped.${k}`] ?? 0) >= 1, k);
});

t.test('a removal hands the new key to exactly those who stay, sealed 1:1', async (t) => {
  const { o, g, ctx } = ownerWithGroup();
  const people = [20, 21, 22].map((s) => laptop(`p${s}`, s));
  for (const l of people) inviteMember(ctx, g.log.id, l.user.publicKey);
  const out = removeMember(ctx, g.log.id, people[0]?.user.publicKey as Uint8Array);
  t.same(out.direct.map((d) => keyIdHex(d.to)).sort(), people.slice(1).map((l) => keyIdHex(l.user.publicKey)).sort());
  t.equal(o.book.keyOf(g.log.id).epoch, out.op.id, 'the owner now seals in the new epoch');
  t.throws(() => removeMember(ctx, g.log.id, people[0]?.user.publicKey as Uint8Array), { code: 'INVALID_ARGUMENT' }, 'not in the group any more');
  t.throws(() => removeMember({ ...ctx, book: null as never }, g.log.id, people[1]?.user.publicKey as Uint8Array), { code: 'INVALID_ARGUMENT' });
  t.throws(() => inviteMember(ctx, 'ff'.repeat(16), person(30).publicKey), { code: 'NOT_FOUND' });
});

t.test('bad local arguments are named errors', async (t) => {
  const { o, g } = ownerWithGroup();
  const r = seededRandom(1);
  t.throws(() => new GroupBook(null as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => new GroupBook({ me: o.user, random: 5 as never }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => o.book.log('00'), { code: 'NOT_FOUND' });
  t.throws(() => o.book.adopt(g.log, g.log.id, g.epochKey), { code: 'INVALID_ARGUMENT' }, 'kept already');
  t.throws(() => o.book.adopt({} as never, g.log.id, g.epochKey), { code: 'INVALID_ARGUMENT' });
  t.throws(() => o.book.keyOf(g.log.id, 'ab'.repeat(16)), { code: 'NOT_FOUND' });
  t.throws(() => o.book.seal(g.log.id, new Uint8Array(0), 0), { code: 'INVALID_ARGUMENT' });
  t.match(o.book.open({ to: new Uint8Array(8), sealed: new Uint8Array(20) }), /not a group/);
  t.match(o.book.open(null as never), /not a group/);
  const h = { owner: o.user, groupId: Buffer.from(g.log.id, 'hex'), epochId: Buffer.from(g.log.id, 'hex'), epochKey: g.epochKey, lifetimeS: 0, random: r };
  t.throws(() => sealEpochKeys({ ...h, epochKey: new Uint8Array(3) }, []), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealEpochKeys(h, [new Uint8Array(31)]), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealEpochKeys(h, 'x' as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealEpochKeys({ ...h, pairKeys: {} as never }, []), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealWelcome(h, person(5).publicKey, []), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealWelcome(h, person(5).publicKey, [{} as GroupOp]), { code: 'INVALID_ARGUMENT' });
  invite(g.log, o.user, person(5).publicKey);
  t.equal(sealEpochKeys(h, [person(5).publicKey]).length, 1);
});
