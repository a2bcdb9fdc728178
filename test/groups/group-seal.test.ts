/**
 * Group envelopes from the network: what opens, what does not and why,
 * with a pinned known answer; and the group types decoded by stock protoc.
 */
import { execFileSync } from 'node:child_process';
import { gcmsiv } from '@noble/ciphers/aes.js';
import t from 'tap';
import { sealAad, sealNonce } from '../../daemon/crypto/envelope-id.js';
import { keyIdHex, toHex } from '../../daemon/crypto/keys.js';
import { envelopeId } from '../../daemon/crypto/seal.js';
import { epochSealKey, groupAddress } from '../../daemon/groups/group-keys.js';
import { makeOp } from '../../daemon/groups/group-op.js';
import { openGroupMessage, sealGroupMessage, sealGroupOp, type GroupOpenContext } from '../../daemon/groups/group-seal.js';
import { encodeContent, encodeEnvelope, encodeGroupMessage, encodeGroupOp, type Envelope } from '../../daemon/wire/messages.js';
import { seededRandom } from '../../daemon/util/random.js';
import { person } from './fixtures.js';

const ana = person(2);
const ben = person(3);
const groupId = Uint8Array.from({ length: 16 }, (_, i) => i);
const epochId = Uint8Array.from({ length: 16 }, (_, i) => 0x80 + i);
const epochKey = new Uint8Array(32).fill(0x42);
const epoch = toHex(epochId);
const content = encodeContent({ text: 'hello group' });
const base = { groupId, epochId, epochKey, lifetimeS: 0 };
const writers = new Map([[keyIdHex(ana.publicKey), ana.publicKey]]);
const ctx: GroupOpenContext = {
  groupId, keys: [{ epoch, key: epochKey }], writerKey: (id, e) => (e === epoch ? writers.get(id) : undefined),
};
const sealed = (author = ana, random = seededRandom(1)) => sealGroupMessage({ ...base, author, content, random });

/** An envelope sealed with the right key around arbitrary inner bytes, as a hostile member could. */
function rawSeal(inner: Uint8Array): Envelope {
  const to = groupAddress(groupId);
  return { to, nonce: 7, sealed: gcmsiv(epochSealKey(epochKey, groupId, epochId), sealNonce(7), sealAad(to, 0)).encrypt(inner) };
}

t.test('a member’s message opens with its author; known answer pinned', async (t) => {
  const { envelope, id } = sealed();
  t.same(id, envelopeId(envelope), 'the id is an ordinary envelope id');
  t.equal(toHex(id), '19c73bcadc2bf1389c652754b987ece8', 'pinned (Ed25519 and GCM-SIV are deterministic)');
  const r = openGroupMessage(envelope, ctx);
  t.match(r, { kind: 'content', epoch, authorId: keyIdHex(ana.publicKey) });
  t.same((r as { content: Uint8Array }).content, content);
});

t.test('what does not open, and why; never a throw', async (t) => {
  const good = sealed().envelope;
  const flip = (b: Uint8Array, i: number): Uint8Array => { const c = Uint8Array.from(b); c[i] = (c[i] as number) ^ 1; return c; };
  const op = makeOp(ana, { kind: 'leave', group: groupId, parents: [epochId] }).wire;
  const cases: [string, unknown, RegExp][] = [
    ['not an envelope', null, /missing/],
    ['short to', { ...good, to: new Uint8Array(3) }, /recipient id/],
    ['another group', { ...good, to: new Uint8Array(8) }, /not addressed/],
    ['tampered ciphertext', { ...good, sealed: flip(good.sealed as Uint8Array, 3) }, /no epoch key/],
    ['stretched lifetime', { ...good, lifetimeS: 99 }, /no epoch key/],
    ['other nonce', { ...good, nonce: (good.nonce ?? 0) + 1 }, /no epoch key/],
    ['a non-writer (ben)', sealed(ben).envelope, /may not write/],
    ['ben claiming to be ana', sealGroupMessage({ ...base, author: { secretKey: ben.secretKey, publicKey: ana.publicKey }, content, random: seededRandom(2) }).envelope, /does not verify/],
    ['garbage inside', rawSeal(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f])), /undecodable/],
    ['empty inside', rawSeal(new Uint8Array(0)), /empty/],
    ['op and content together', rawSeal(encodeGroupMessage({ op, content })), /alone/],
    ['short author id', rawSeal(encodeGroupMessage({ author: new Uint8Array(7), content, signature: new Uint8Array(64) })), /author/],
    ['short signature', rawSeal(encodeGroupMessage({ author: new Uint8Array(8), content, signature: new Uint8Array(63) })), /signature/],
  ];
  for (const [what, env, reason] of cases) {
    let r: unknown;
    t.doesNotThrow(() => { r = openGroupMessage(env as Envelope, ctx); }, what);
    t.match(r, reason, what);
  }
  // Another epoch's key does not open it either.
  t.match(openGroupMessage(good, { ...ctx, keys: [{ epoch: toHex(groupId), key: epochKey }] }), /no epoch key/);
  // A writer of an earlier epoch only: the message opens but its author may not write in this one.
  t.match(openGroupMessage(good, { ...ctx, writerKey: () => undefined }), /may not write/);
});

t.test('ops travel alone and come back as sent', async (t) => {
  const op = makeOp(ana, { kind: 'leave', group: groupId, parents: [epochId] }).wire;
  const { envelope } = sealGroupOp({ ...base, op, random: seededRandom(4) });
  const r = openGroupMessage(envelope, ctx);
  t.match(r, { kind: 'op', epoch });
  t.same(encodeGroupOp((r as { op: object }).op), encodeGroupOp(op));
});

t.test('bad local arguments are INVALID_ARGUMENT', async (t) => {
  const r = seededRandom(1);
  t.throws(() => sealGroupMessage({ ...base, author: ana, content: new Uint8Array(0), random: r }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealGroupMessage({ ...base, epochKey: new Uint8Array(3), author: ana, content, random: r }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealGroupMessage({ ...base, lifetimeS: -1, author: ana, content, random: r }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealGroupMessage(null as never), { code: 'INVALID_ARGUMENT' });
  t.throws(() => sealGroupOp({ ...base, op: null as never, random: r }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => openGroupMessage(sealed().envelope, { ...ctx, groupId: new Uint8Array(2) }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => openGroupMessage(sealed().envelope, { ...ctx, keys: null as never }), { code: 'INVALID_ARGUMENT' });
});

t.test('stock protoc decodes a group envelope, its inside, an op and a key handout', async (t) => {
  const decode = (type: string, bytes: Uint8Array): string =>
    execFileSync('protoc', [`--decode=satchel.v1.${type}`, '-I', 'proto', 'proto/satchel/v1/satchel.proto'], { input: bytes }).toString();
  const { envelope } = sealed();
  t.match(decode('Envelope', encodeEnvelope(envelope)), /to: "[\s\S]*nonce: \d+\s+sealed: "/);
  const op = makeOp(ana, { kind: 'add', group: groupId, parents: [epochId], member: ben.publicKey }).wire;
  t.match(decode('GroupOp', encodeGroupOp(op)), /group: "[\s\S]*kind: GROUP_OP_ADD[\s\S]*member: "[\s\S]*signature: "/);
  t.match(decode('GroupMessage', encodeGroupMessage({ op })), /op \{[\s\S]*kind: GROUP_OP_ADD/);
  t.match(decode('Content', encodeContent({ groupKey: { group: groupId, epoch: epochId, key: epochKey }, groupOps: [op] })),
    /group_ops \{[\s\S]*group_key \{\s+group: "[\s\S]*epoch: "[\s\S]*key: "BBBB/);
});
