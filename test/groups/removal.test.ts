/**
 * A group of five as five laptops passing real envelopes: welcomes and keys
 * 1:1 with the real seal, ops and messages as group envelopes. Every message
 * shows its verified author; a removed member can open what was sent
 * before the removal and nothing after it.
 */
import t from 'tap';
import { keyIdHex } from '../../daemon/crypto/keys.js';
import { createGroup, join } from '../../daemon/groups/group-actions.js';
import { inviteMember, rekeyGroup, removeMember, type OwnerContext } from '../../daemon/groups/owner-flows.js';
import { leave } from '../../daemon/groups/group-actions.js';
import { encodeContent, decodeContent, type Envelope } from '../../daemon/wire/messages.js';
import { deliver1to1, laptop, summary, type Laptop } from './fixtures.js';

function fiveLaptops(): { owner: Laptop; members: Laptop[]; all: Laptop[]; groupId: string; ctx: OwnerContext } {
  const owner = laptop('teacher', 10);
  const members = ['ana', 'ben', 'chi', 'dev'].map((n, i) => laptop(n, 20 + i));
  const all = [owner, ...members];
  const g = createGroup(owner.user, 'adhoc', 'Reading circle', owner.random);
  owner.book.adopt(g.log, g.log.id, g.epochKey);
  const ctx: OwnerContext = { book: owner.book, owner: owner.user, random: owner.random, lifetimeS: 0 };
  for (const m of members) {
    const out = inviteMember(ctx, g.log.id, m.user.publicKey);
    broadcast(all, owner, out.groupEnvelope.envelope);
    for (const d of out.direct) {
      const to = all.find((l) => keyIdHex(l.user.publicKey) === keyIdHex(d.to)) as Laptop;
      if (deliver1to1(to, owner.user, d.envelope) !== 'taken') throw new Error(`welcome not taken by ${to.name}`);
    }
  }
  for (const m of members) {
    const op = join(m.book.log(g.log.id), m.user);
    broadcast(all, m, m.book.sealOp(g.log.id, op.wire, 0).envelope);
  }
  return { owner, members, all, groupId: g.log.id, ctx };
}

/** Every other laptop takes the envelope; returns what each made of it. */
function broadcast(all: Laptop[], from: Laptop, env: Envelope): Map<string, ReturnType<Laptop['book']['open']>> {
  const out = new Map<string, ReturnType<Laptop['book']['open']>>();
  for (const l of all) if (l !== from) out.set(l.name, l.book.ids().length === 0 ? 'no groups' : l.book.open(env));
  return out;
}

const textOf = (r: unknown): string | undefined => {
  if (typeof r !== 'object' || r === null) return undefined;
  const o = (r as { opened: { kind: string; content?: Uint8Array } }).opened;
  return o.kind === 'content' ? decodeContent(o.content as Uint8Array).text ?? undefined : undefined;
};
const authorOf = (r: unknown): string | undefined => (r as { opened?: { authorId?: string } })?.opened?.authorId;

t.test('five members: welcomes, joins and messages with verified authors', async (t) => {
  const { owner, members, all, groupId } = fiveLaptops();
  for (const l of all) t.same(summary(l.book.log(groupId)), summary(owner.book.log(groupId)), `${l.name} sees the same group`);
  t.equal(owner.book.state(groupId).members.size, 5);
  t.ok([...owner.book.state(groupId).members.values()].every((m) => m.status !== 'invited'), 'all joined');
  const ana = members[0] as Laptop;
  const got = broadcast(all, ana, ana.book.seal(groupId, encodeContent({ text: 'page 12 tonight' }), 0).envelope);
  for (const [name, r] of got) {
    t.equal(textOf(r), 'page 12 tonight', `${name} reads it`);
    t.equal(authorOf(r), keyIdHex(ana.user.publicKey), `${name} sees ana as its author`);
  }
});

t.test('a removed member opens what came before the removal and nothing after', async (t) => {
  const { owner, members, all, groupId, ctx } = fiveLaptops();
  const [ana, ben, , dev] = members as [Laptop, Laptop, Laptop, Laptop];
  const before = ana.book.seal(groupId, encodeContent({ text: 'before' }), 0).envelope;
  const out = removeMember(ctx, groupId, dev.user.publicKey);
  t.equal(out.direct.length, 3, 'the new key goes 1:1 to the three who stay (not the owner, not dev)');
  t.notOk(out.direct.some((d) => keyIdHex(d.to) === keyIdHex(dev.user.publicKey)), 'dev gets no key');
  const heard = broadcast(all, owner, out.groupEnvelope.envelope);
  t.equal((heard.get('dev') as { outcome: { status: string } }).outcome.status, 'applied', 'dev learns of the removal (sealed under the old epoch)');
  for (const d of out.direct) {
    const to = all.find((l) => keyIdHex(l.user.publicKey) === keyIdHex(d.to)) as Laptop;
    t.equal(deliver1to1(to, owner.user, d.envelope), 'taken', `${to.name} takes the new key`);
  }
  t.equal(deliver1to1(dev, owner.user, out.direct[0]?.envelope as Envelope), 'unopened', "dev cannot open another member's key envelope");

  const after = ben.book.seal(groupId, encodeContent({ text: 'after' }), 0).envelope;
  t.equal(textOf(dev.book.open(before)), 'before', 'dev still reads the earlier message');
  t.equal(dev.book.open(after), 'no epoch key opens it', 'dev cannot read the later one');
  for (const l of [owner, ana, members[2] as Laptop]) t.equal(textOf(l.book.open(after)), 'after', `${l.name} reads the later one`);
  t.throws(() => dev.book.seal(groupId, encodeContent({ text: 'still here?' }), 0), { code: 'NOT_FOUND' }, 'dev has no key to write in the new epoch');
  // dev writes under the old epoch anyway: members take it as a message from before the removal, shown as dev's.
  t.notOk(dev.book.state(groupId).members.has(keyIdHex(dev.user.publicKey)));
});

t.test('after a leave the owner rekeys, and the leaver cannot read on', async (t) => {
  const { owner, members, all, groupId, ctx } = fiveLaptops();
  const chi = members[2] as Laptop;
  const op = leave(chi.book.log(groupId), chi.user);
  broadcast(all, chi, chi.book.sealOp(groupId, op.wire, 0).envelope);
  const out = rekeyGroup(ctx, groupId);
  broadcast(all, owner, out.groupEnvelope.envelope);
  for (const d of out.direct) deliver1to1(all.find((l) => keyIdHex(l.user.publicKey) === keyIdHex(d.to)) as Laptop, owner.user, d.envelope);
  const msg = owner.book.seal(groupId, encodeContent({ text: 'new term' }), 0).envelope;
  t.equal(chi.book.open(msg), 'no epoch key opens it');
  t.equal(textOf((members[0] as Laptop).book.open(msg)), 'new term');
});

t.test('a member cannot pass a message off as another member’s', async (t) => {
  const { members, groupId } = fiveLaptops();
  const [ana, ben, chi] = members as [Laptop, Laptop, Laptop];
  // ben seals a message and rewrites its author to ana: the signature is ben's, so it does not verify as ana's.
  const { epoch, key } = ben.book.keyOf(groupId);
  const { sealGroupMessage } = await import('../../daemon/groups/group-seal.js');
  const forged = sealGroupMessage({
    groupId: Buffer.from(groupId, 'hex'), epochId: Buffer.from(epoch, 'hex'), epochKey: key, lifetimeS: 0, random: ben.random,
    author: { secretKey: ben.user.secretKey, publicKey: ana.user.publicKey }, content: encodeContent({ text: 'I am ana' }),
  });
  t.equal(chi.book.open(forged.envelope), 'author signature does not verify');
  t.equal(chi.counters.snapshot()['groups.message.unopened'], 1, 'counted');
});

t.test('replaying an old op or a whole welcome changes nothing', async (t) => {
  const { owner, members, groupId } = fiveLaptops();
  const ana = members[0] as Laptop;
  const before = summary(ana.book.log(groupId));
  for (const op of owner.book.log(groupId).wireOps()) t.equal(ana.book.log(groupId).add(op).status, 'duplicate');
  const again = owner.book.log(groupId).wireOps();
  t.equal(ana.book.take1to1(owner.user.publicKey, again, null), 'taken');
  t.same(summary(ana.book.log(groupId)), before);
});
