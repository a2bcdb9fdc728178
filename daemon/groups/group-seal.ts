/**
 * Group messages as ordinary Envelopes. `to` is the group address, `sealed`
 * a GroupMessage under the epoch's key, with the same nonce and associated
 * data rules as 1:1 envelopes, so carriers, ids and lifetimes work as for
 * any envelope. Inside, the author signs the content with their user key:
 * the shared epoch key proves only "some member", the signature proves who.
 */
import { gcmsiv } from '@noble/ciphers/aes.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes } from '@noble/curves/utils.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { checkBytes, isBytes, isUint32, uint32BE, uint32LE } from '../crypto/bytes.js';
import { checkEnvelope, envelopeId, sealAad, sealNonce } from '../crypto/envelope-id.js';
import { fromHex, toHex } from '../crypto/hex.js';
import { checkKeyPair, keyId, keyIdHex, SIGNATURE_BYTES, type KeyPair } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { RandomBytes } from '../util/random.js';
import { decodeGroupMessage, encodeGroupMessage, KEY_ID_BYTES, type Envelope, type GroupMessage, type GroupOp } from '../wire/messages.js';
import { GROUP_DOMAIN } from './group-domain.js';
import { EPOCH_KEY_BYTES, epochSealKey, groupAddress } from './group-keys.js';
import { GROUP_ID_BYTES, OP_ID_BYTES } from './group-op.js';
import { verifiesBy } from './signature.js';

export interface GroupSealArgs {
  groupId: Uint8Array;
  /** Id of the op that started the epoch sealed in. */
  epochId: Uint8Array;
  epochKey: Uint8Array;
  lifetimeS: number;
  random: RandomBytes;
}

function signedBytes(groupId: Uint8Array, epochId: Uint8Array, nonce: number, lifetimeS: number, content: Uint8Array): Uint8Array {
  // Only the content varies in length and it comes last: no length prefixes needed.
  return concatBytes(GROUP_DOMAIN.message, groupId, epochId, uint32LE(nonce), uint32BE(lifetimeS), content);
}

function checkArgs(args: GroupSealArgs): void {
  if (typeof args !== 'object' || args === null) throw SatchelError.invalidArgument('group seal arguments missing');
  checkBytes(args.groupId, GROUP_ID_BYTES, 'group id');
  checkBytes(args.epochId, OP_ID_BYTES, 'epoch id');
  checkBytes(args.epochKey, EPOCH_KEY_BYTES, 'epoch key');
  if (!isUint32(args.lifetimeS)) throw SatchelError.invalidArgument('lifetimeS must be an integer in 0..2^32-1');
  if (typeof args.random !== 'function') throw SatchelError.invalidArgument('random must be a function');
}

function seal(args: GroupSealArgs, nonce: number, inner: GroupMessage): { envelope: Envelope; id: Uint8Array } {
  const to = groupAddress(args.groupId);
  const key = epochSealKey(args.epochKey, args.groupId, args.epochId);
  const sealed = gcmsiv(key, sealNonce(nonce), sealAad(to, args.lifetimeS)).encrypt(encodeGroupMessage(inner));
  const envelope: Envelope = { to, sealed };
  if (nonce !== 0) envelope.nonce = nonce;
  if (args.lifetimeS !== 0) envelope.lifetimeS = args.lifetimeS;
  return { envelope, id: envelopeId(envelope) };
}

function drawNonce(random: RandomBytes): number {
  const b = checkBytes(random(4), 4, 'random output');
  return new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
}

/** Seals an encoded Content from `author` to the group. */
export function sealGroupMessage(args: GroupSealArgs & { author: KeyPair; content: Uint8Array }): { envelope: Envelope; id: Uint8Array } {
  checkArgs(args);
  checkKeyPair(args.author, 'author');
  if (!isBytes(args.content) || args.content.length === 0) throw SatchelError.invalidArgument('content must be non-empty bytes');
  const nonce = drawNonce(args.random);
  const content = Uint8Array.from(args.content);
  const signature = ed25519.sign(signedBytes(args.groupId, args.epochId, nonce, args.lifetimeS, content), args.author.secretKey);
  return seal(args, nonce, { author: keyId(args.author.publicKey), content, signature });
}

/** Seals a membership op (already signed by its author) to the group. */
export function sealGroupOp(args: GroupSealArgs & { op: GroupOp }): { envelope: Envelope; id: Uint8Array } {
  checkArgs(args);
  if (typeof args.op !== 'object' || args.op === null) throw SatchelError.invalidArgument('op missing');
  return seal(args, drawNonce(args.random), { op: args.op });
}

export type OpenedGroupMessage =
  | { kind: 'content'; epoch: string; authorId: string; author: Uint8Array; content: Uint8Array }
  | { kind: 'op'; epoch: string; op: GroupOp };

export interface GroupOpenContext {
  groupId: Uint8Array;
  /** Keys to try, most likely first (EpochKeys.candidates). */
  keys: readonly { epoch: string; key: Uint8Array }[];
  /** The key of a person allowed to write in `epoch`, or undefined. */
  writerKey(authorId: string, epoch: string): Uint8Array | undefined;
}

/**
 * Opens a group envelope from the network. Returns why it cannot be
 * shown (not this group, no key opens it, a forged or unknown author,
 * malformed) or what it holds. Never throws for what the network sends.
 */
export function openGroupMessage(env: Envelope, ctx: GroupOpenContext): OpenedGroupMessage | string {
  checkBytes(ctx?.groupId, GROUP_ID_BYTES, 'group id');
  if (!Array.isArray(ctx.keys) || typeof ctx.writerKey !== 'function') throw SatchelError.invalidArgument('keys and writerKey are required');
  const checked = checkEnvelope(env);
  if (typeof checked === 'string') return checked;
  const { to, nonce, lifetimeS, sealed } = checked;
  if (!equalBytes(to, groupAddress(ctx.groupId))) return 'not addressed to this group';
  const aad = sealAad(to, lifetimeS);
  let plain: Uint8Array | undefined;
  let epoch = '';
  for (const k of ctx.keys) {
    try {
      plain = gcmsiv(epochSealKey(k.key, ctx.groupId, fromHex(k.epoch, OP_ID_BYTES)), sealNonce(nonce), aad).decrypt(sealed);
      epoch = k.epoch;
      break;
    } catch {
      // Another epoch's key, or tampered: try the next.
    }
  }
  if (plain === undefined) return 'no epoch key opens it';
  let inner: GroupMessage;
  try {
    inner = decodeGroupMessage(plain);
  } catch {
    return 'undecodable group message';
  }
  const hasContent = isBytes(inner.content) && inner.content.length > 0;
  if (inner.op) {
    if (hasContent || (inner.signature?.length ?? 0) > 0 || (inner.author?.length ?? 0) > 0) return 'an op travels alone';
    return { kind: 'op', epoch, op: inner.op };
  }
  if (!hasContent) return 'empty group message';
  if (!isBytes(inner.author, KEY_ID_BYTES)) return `author is not a ${KEY_ID_BYTES}-byte key id`;
  if (!isBytes(inner.signature, SIGNATURE_BYTES)) return 'signature is not 64 bytes';
  const authorId = toHex(inner.author);
  const key = ctx.writerKey(authorId, epoch);
  if (key === undefined || keyIdHex(key) !== authorId) return 'author may not write in this epoch';
  const content = Uint8Array.from(inner.content as Uint8Array);
  if (!verifiesBy(key, inner.signature, signedBytes(ctx.groupId, fromHex(epoch), nonce, lifetimeS, content))) return 'author signature does not verify';
  return { kind: 'content', epoch, authorId, author: Uint8Array.from(key), content };
}
