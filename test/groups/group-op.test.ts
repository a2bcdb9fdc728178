/**
 * Ops: made, encoded, decoded and checked; their ids and signatures
 * recomputed with node's own crypto (an implementation independent of
 * @noble); and every way a hostile op can be wrong.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import t from 'tap';
import { toHex } from '../../daemon/crypto/hex.js';
import { checkOp, makeOp, MAX_OP_PARENTS, type CheckedOp } from '../../daemon/groups/group-op.js';
import { decodeGroupOp, encodeGroupOp, GroupOpKind, type GroupOp } from '../../daemon/wire/messages.js';
import { person } from './fixtures.js';

const owner = person(1);
const salt = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
const create = makeOp(owner, { kind: 'create-adhoc', name: 'Rivers', salt });
const group = Buffer.from(create.id, 'hex');
const member = person(2).publicKey;
const add = makeOp(owner, { kind: 'add', group, parents: [group], member });

const nodeVerify = (key: Uint8Array, signed: Uint8Array, sig: Uint8Array): boolean =>
  verify(null, signed, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key).toString('base64url') }, format: 'jwk' }), sig);

t.test('known answers: the signed bytes, signature and id as documented in the proto', async (t) => {
  for (const op of [create, add]) {
    const { signature, ...unsigned } = op.wire;
    const signed = Buffer.concat([Buffer.from('satchel/v1/group-op'), encodeGroupOp(unsigned)]);
    t.ok(nodeVerify(owner.publicKey, signed, signature as Uint8Array), `${op.kind}: node's Ed25519 accepts the signature`);
    const id = createHash('sha256').update('satchel/v1/group-op-id').update(signed).update(signature as Uint8Array).digest().subarray(0, 16);
    t.equal(op.id, id.toString('hex'), `${op.kind}: id = SHA-256(label || signed || signature)[0..16]`);
  }
  // Pinned, so a change of encoding or label cannot pass unnoticed (Ed25519 is deterministic).
  t.equal(create.id, 'a332a264ff87f63847ea20be27a0defe', 'create op id');
  t.equal(create.group, create.id, 'a group is named by its create op');
  t.equal(add.group, create.id);
});

t.test('an op survives the wire, and unknown fields change neither its id nor its signature', async (t) => {
  const bytes = encodeGroupOp(add.wire);
  const back = checkOp(decodeGroupOp(bytes)) as CheckedOp;
  t.equal(back.id, add.id);
  t.equal(back.memberId, add.memberId);
  const withUnknown = Uint8Array.from([...bytes, 0x48, 0x01]); // field 9, varint 1
  t.equal((checkOp(decodeGroupOp(withUnknown)) as CheckedOp).id, add.id);
  t.notOk('9' in ((checkOp(decodeGroupOp(withUnknown)) as CheckedOp).wire as object), 'what is passed on is canonical');
});

t.test('hostile ops are refused with a reason, never thrown', async (t) => {
  const w = add.wire;
  const flip = (b: Uint8Array, i = 0): Uint8Array => { const c = Uint8Array.from(b); c[i] = (c[i] as number) ^ 1; return c; };
  const cases: [string, unknown, RegExp][] = [
    ['not an object', 42, /missing/],
    ['null', null, /missing/],
    ['unknown kind', { ...w, kind: 99 }, /kind/],
    ['no kind', { ...w, kind: GroupOpKind.GROUP_OP_NONE }, /kind/],
    ['forged signature', { ...w, signature: flip(w.signature as Uint8Array) }, /does not verify/],
    ['changed member after signing', { ...w, member: person(3).publicKey }, /does not verify/],
    ['signed by someone else', { ...makeOp(person(4), { kind: 'add', group, parents: [group], member }).wire, author: owner.publicKey }, /does not verify/],
    ['short author', { ...w, author: new Uint8Array(31) }, /author/],
    ['short signature', { ...w, signature: new Uint8Array(63) }, /signature/],
    ['too many parents', { ...w, parents: Array.from({ length: MAX_OP_PARENTS + 1 }, (_, i) => new Uint8Array(16).fill(i)) }, /parents/],
    ['no parents', { ...w, parents: [] }, /parents/],
    ['unsorted parents', { ...w, parents: [new Uint8Array(16).fill(2), new Uint8Array(16).fill(1)] }, /sorted/],
    ['repeated parents', { ...w, parents: [group, group] }, /sorted/],
    ['short parent', { ...w, parents: [new Uint8Array(15)] }, /parent/],
    ['short group', { ...w, group: new Uint8Array(15) }, /group/],
    ['add without member', { ...w, member: new Uint8Array(0) }, /needs member/],
    ['join with member', { ...w, kind: GroupOpKind.GROUP_OP_JOIN }, /takes no member/],
    ['create with parents', { ...create.wire, parents: [group] }, /no parents/],
    ['create without salt', { ...create.wire, salt: new Uint8Array(0) }, /salt/],
    ['salt outside a create', { ...w, salt }, /salt/],
    ['name too long', { ...create.wire, name: 'x'.repeat(65) }, /name/],
    ['name not a string', { ...create.wire, name: 7 }, /name/],
    ['parents not a list', { ...w, parents: 'abc' }, /list/],
  ];
  for (const [what, op, reason] of cases) {
    let r: unknown;
    t.doesNotThrow(() => { r = checkOp(op); }, what);
    t.match(r, reason, what);
  }
});

t.test('makeOp refuses malformed requests with INVALID_ARGUMENT', async (t) => {
  t.throws(() => makeOp(owner, { kind: 'add', group, parents: [group] }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => makeOp(owner, { kind: 'bogus' as never }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => makeOp({ secretKey: owner.secretKey, publicKey: member }, { kind: 'create-class', name: 'x', salt }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => makeOp(null as never, { kind: 'create-class', name: 'x', salt }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => makeOp(owner, { kind: 'rename', group, parents: [group], name: '' }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => makeOp(owner, { kind: 'create-class', name: 'x', salt: new Uint8Array(3) }), { code: 'INVALID_ARGUMENT' });
  // Parents are sorted for the caller; the op's id does not depend on the order given.
  const p1 = new Uint8Array(16).fill(9);
  const x = makeOp(owner, { kind: 'leave', group, parents: [p1, group] });
  t.same(x.parents, [toHex(group), toHex(p1)].sort());
});

t.test('decodeGroupOp: garbage bytes are BAD_FRAME', async (t) => {
  t.throws(() => decodeGroupOp(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f])), { code: 'BAD_FRAME' });
  const bare: GroupOp = decodeGroupOp(new Uint8Array(0));
  t.match(checkOp(bare), /kind/);
});
