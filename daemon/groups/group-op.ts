/**
 * One signed membership op (GroupOp on the wire): making it, checking one
 * from the network, and its id. What is signed is rebuilt from the checked
 * values in canonical form (defaults omitted, parents sorted), never taken
 * from the received bytes, so unknown fields or encoder quirks cannot make
 * two ids for one op or change what the author signed.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { isBytes } from '../crypto/bytes.js';
import { checkKeyPair, keyIdHex, PUBLIC_KEY_BYTES, SIGNATURE_BYTES, type KeyPair } from '../crypto/keys.js';
import { toHex } from '../crypto/hex.js';
import { encodeGroupOp, GroupOpKind, type GroupOp } from '../wire/messages.js';
import { groupErrors } from './group-errors.js';
import { GROUP_DOMAIN } from './group-domain.js';
import { verifiesBy } from './signature.js';

export const GROUP_ID_BYTES = 16;
export const OP_ID_BYTES = 16;
export const GROUP_SALT_BYTES = 8;
/** Most parents one op may name: heads beyond this stay heads for the next op. */
export const MAX_OP_PARENTS = 16;
export const MAX_GROUP_NAME_BYTES = 64;

export type OpKind = 'create-adhoc' | 'create-class' | 'add' | 'join' | 'leave' | 'remove' | 'rename' | 'rekey';

const KIND_OF: Record<number, OpKind> = {
  [GroupOpKind.GROUP_OP_CREATE_ADHOC]: 'create-adhoc',
  [GroupOpKind.GROUP_OP_CREATE_CLASS]: 'create-class',
  [GroupOpKind.GROUP_OP_ADD]: 'add',
  [GroupOpKind.GROUP_OP_JOIN]: 'join',
  [GroupOpKind.GROUP_OP_LEAVE]: 'leave',
  [GroupOpKind.GROUP_OP_REMOVE]: 'remove',
  [GroupOpKind.GROUP_OP_RENAME]: 'rename',
  [GroupOpKind.GROUP_OP_REKEY]: 'rekey',
};
const WIRE_KIND = Object.fromEntries(Object.entries(KIND_OF).map(([n, k]) => [k, Number(n)])) as Record<OpKind, number>;

export const isCreate = (k: OpKind): boolean => k === 'create-adhoc' || k === 'create-class';
const takesMember = (k: OpKind): boolean => k === 'add' || k === 'remove';
const takesName = (k: OpKind): boolean => isCreate(k) || k === 'rename';

/** An op whose form and signature have been checked; ids are lowercase hex. */
export interface CheckedOp {
  id: string;
  /** The group's id; for a create op, its own id. */
  group: string;
  kind: OpKind;
  author: Uint8Array;
  authorId: string;
  parents: string[];
  member?: Uint8Array;
  memberId?: string;
  name?: string;
  /** The op in canonical form, signature included: what is stored and passed on. */
  wire: GroupOp;
}

export interface OpFields {
  kind: OpKind;
  /** Group id (16 bytes); absent for a create. */
  group?: Uint8Array;
  parents?: Uint8Array[];
  member?: Uint8Array;
  name?: string;
  /** Create only: GROUP_SALT_BYTES random bytes. */
  salt?: Uint8Array;
}

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');
const compare = (a: Uint8Array, b: Uint8Array): number => Buffer.compare(a, b);

function canonical(author: Uint8Array, f: OpFields): GroupOp {
  const op: GroupOp = { author, kind: WIRE_KIND[f.kind] };
  if (f.group !== undefined) op.group = f.group;
  if (f.parents !== undefined && f.parents.length > 0) op.parents = f.parents;
  if (f.member !== undefined) op.member = f.member;
  if (f.name !== undefined && f.name !== '') op.name = f.name;
  if (f.salt !== undefined) op.salt = f.salt;
  return op;
}

const signedBytes = (unsigned: GroupOp): Uint8Array => concatBytes(GROUP_DOMAIN.op, encodeGroupOp(unsigned));

function idOf(signed: Uint8Array, signature: Uint8Array): Uint8Array {
  return sha256(concatBytes(GROUP_DOMAIN.opId, signed, signature)).slice(0, OP_ID_BYTES);
}

/** Why the fields cannot form an op, or null. Shared by makeOp (throws) and checkOp (returns). */
function formProblem(f: OpFields): string | null {
  const { kind } = f;
  const parents = f.parents ?? [];
  if (isCreate(kind)) {
    if (f.group !== undefined && f.group.length > 0) return 'a create op names no group';
    if (parents.length > 0) return 'a create op has no parents';
    if (!isBytes(f.salt, GROUP_SALT_BYTES)) return `a create op needs a ${GROUP_SALT_BYTES}-byte salt`;
  } else {
    if (!isBytes(f.group, GROUP_ID_BYTES)) return `group id must be ${GROUP_ID_BYTES} bytes`;
    if (parents.length === 0 || parents.length > MAX_OP_PARENTS) return `an op names 1 to ${MAX_OP_PARENTS} parents`;
    if (f.salt !== undefined && f.salt.length > 0) return 'only a create op has a salt';
  }
  for (let i = 0; i < parents.length; i++) {
    if (!isBytes(parents[i], OP_ID_BYTES)) return `parent ids must be ${OP_ID_BYTES} bytes`;
    if (i > 0 && compare(parents[i - 1] as Uint8Array, parents[i] as Uint8Array) >= 0) return 'parents must be sorted and distinct';
  }
  if (takesMember(kind) !== (f.member !== undefined && f.member.length > 0)) return `${kind} ${takesMember(kind) ? 'needs' : 'takes no'} member`;
  if (f.member !== undefined && f.member.length > 0 && !isBytes(f.member, PUBLIC_KEY_BYTES)) return 'member must be a 32-byte user key';
  const name = f.name ?? '';
  if (typeof name !== 'string') return 'name must be a string';
  if (takesName(kind)) {
    if (name === '' || utf8Length(name) > MAX_GROUP_NAME_BYTES) return `name must be 1 to ${MAX_GROUP_NAME_BYTES} bytes of UTF-8`;
  } else if (name !== '') {
    return `${kind} takes no name`;
  }
  return null;
}

function checked(id: Uint8Array, author: Uint8Array, f: OpFields, wire: GroupOp): CheckedOp {
  const idHex = toHex(id);
  const op: CheckedOp = {
    id: idHex, group: isCreate(f.kind) ? idHex : toHex(f.group as Uint8Array), kind: f.kind,
    author, authorId: keyIdHex(author), parents: (f.parents ?? []).map(toHex), wire,
  };
  if (f.member !== undefined && f.member.length > 0) {
    op.member = f.member;
    op.memberId = keyIdHex(f.member);
  }
  if (takesName(f.kind)) op.name = f.name ?? '';
  return op;
}

/** Signs a new op. Throws INVALID_ARGUMENT for a malformed request (a local bug or bad user input). */
export function makeOp(author: KeyPair, fields: OpFields): CheckedOp {
  checkKeyPair(author, 'author');
  if (typeof fields !== 'object' || fields === null || !(fields.kind in WIRE_KIND)) throw groupErrors.badOp('unknown kind');
  if (!equalBytes(ed25519.getPublicKey(author.secretKey), author.publicKey)) throw groupErrors.badOp('author public key does not belong to the secret key');
  const f: OpFields = { ...fields, ...(fields.parents ? { parents: [...fields.parents].sort(compare) } : {}) };
  const problem = formProblem(f);
  if (problem !== null) throw groupErrors.badOp(problem);
  const authorKey = Uint8Array.from(author.publicKey);
  const unsigned = canonical(authorKey, f);
  const signed = signedBytes(unsigned);
  const signature = ed25519.sign(signed, author.secretKey);
  return checked(idOf(signed, signature), authorKey, f, { ...unsigned, signature });
}

const present = (b: Uint8Array | null | undefined): Uint8Array | undefined => (b instanceof Uint8Array && b.length > 0 ? b : undefined);

/** Checks an op from the network: its form and its author's signature. Returns why it is unusable, or the op. Never throws. */
export function checkOp(raw: unknown): CheckedOp | string {
  if (typeof raw !== 'object' || raw === null) return 'op missing';
  const op = raw as GroupOp;
  const kind = typeof op.kind === 'number' ? KIND_OF[op.kind] : undefined;
  if (kind === undefined) return 'unknown op kind';
  if (!isBytes(op.author, PUBLIC_KEY_BYTES)) return 'author is not a 32-byte key';
  if (!isBytes(op.signature, SIGNATURE_BYTES)) return 'signature is not 64 bytes';
  if (op.parents !== undefined && op.parents !== null && !Array.isArray(op.parents)) return 'parents is not a list';
  if ((op.parents?.length ?? 0) > MAX_OP_PARENTS) return `more than ${MAX_OP_PARENTS} parents`;
  if (op.name !== undefined && op.name !== null && typeof op.name !== 'string') return 'name is not a string';
  const fields: OpFields = { kind, parents: op.parents ?? [] };
  const group = present(op.group);
  const member = present(op.member);
  const salt = present(op.salt);
  if (group !== undefined) fields.group = group;
  if (member !== undefined) fields.member = member;
  if (salt !== undefined) fields.salt = salt;
  if (op.name) fields.name = op.name;
  const problem = formProblem(fields);
  if (problem !== null) return problem;
  // Copies: decoded bytes share the frame's buffer, which the link reuses.
  fields.parents = (fields.parents ?? []).map((p) => Uint8Array.from(p));
  if (group !== undefined) fields.group = Uint8Array.from(group);
  if (member !== undefined) fields.member = Uint8Array.from(member);
  if (salt !== undefined) fields.salt = Uint8Array.from(salt);
  const author = Uint8Array.from(op.author);
  const unsigned = canonical(author, fields);
  const signed = signedBytes(unsigned);
  if (!verifiesBy(author, op.signature, signed)) return 'signature does not verify';
  const signature = Uint8Array.from(op.signature);
  return checked(idOf(signed, signature), author, fields, { ...unsigned, signature });
}
