/**
 * Sending a file with a message. The text travels with the file's header
 * (name, size, SHA-256, piece count); the file itself in pieces, each sealed
 * to the recipient in an envelope of its own, so that carriers cannot tell a
 * piece from a message and store, count, forward and drop it like one, and a
 * transfer cut off resumes piece by piece at the next meeting. Everything is
 * queued in one transaction: the whole message or nothing.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { Content } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { AttachmentRecord, MessageRecord, OutboxRecord } from '../store/records.js';
import type { RandomBytes } from '../util/random.js';
import { MAX_TEXT_BYTES } from './api.js';
import { checkFileName, checkMediaType, FILE_ID_BYTES, PIECE_BYTES, pieceCount } from './attachment-rules.js';
import { checkRoom, enqueue } from './outbox.js';
import { addTrace } from './trace.js';

const utf8 = new TextEncoder();

export interface OutgoingFile {
  name: string;
  bytes: Uint8Array;
  /** Empty when unknown. */
  mediaType: string;
}

export interface SealedOut {
  id: string;
  bytes: Uint8Array;
}

export interface AttachmentSendDeps {
  store: Store;
  random: RandomBytes;
  /** Seals content to the recipient and gives it a fresh id. */
  seal(content: Content): SealedOut;
  quotaBytes: number;
  maxBytes: number;
  lifetimeS: number;
  nowMs: number;
  /** Copies for a new envelope under the routing strategy. */
  copies(): number;
}

/** The text that goes with a file may be empty: the file is the message. */
export function checkCaption(text: unknown): string {
  if (typeof text !== 'string') throw SatchelError.invalidArgument('message text must be a string');
  const size = utf8.encode(text).length;
  if (size > MAX_TEXT_BYTES) throw SatchelError.bodyTooLarge(size, MAX_TEXT_BYTES);
  if (text.includes('\u0000')) throw SatchelError.invalidArgument('message text must not contain NUL characters');
  return text;
}

export function checkOutgoingFile(file: unknown, maxBytes: number): OutgoingFile {
  if (typeof file !== 'object' || file === null) throw SatchelError.invalidArgument('file must be { name, bytes, mediaType }');
  const f = file as Partial<OutgoingFile>;
  const name = checkFileName(f.name);
  if (!(f.bytes instanceof Uint8Array)) throw SatchelError.invalidArgument('file bytes must be a Uint8Array');
  if (f.bytes.length > maxBytes) {
    throw new SatchelError('BODY_TOO_LARGE', `file ${JSON.stringify(name)} is ${f.bytes.length} bytes; the limit is ${maxBytes}`);
  }
  return { name, bytes: f.bytes, mediaType: checkMediaType(f.mediaType ?? '') };
}

/** Seals and queues the message and its pieces; returns the message id and every envelope id. */
export function queueWithAttachment(d: AttachmentSendDeps, contactId: string, text: string, file: OutgoingFile): { id: string; ids: string[]; record: MessageRecord } {
  const fileId = d.random(FILE_ID_BYTES);
  if (fileId.length !== FILE_ID_BYTES) throw SatchelError.invalidArgument('random source gave a short file id');
  const size = file.bytes.length;
  const count = pieceCount(size);
  // protobufjs writes every field that is set, even zeros and empty strings; leave them out as proto3 does.
  const header = d.seal({
    ...(text.length > 0 ? { text } : {}),
    attachment: {
      fileId, name: file.name, sha256: sha256(file.bytes),
      ...(size > 0 ? { size, pieces: count } : {}), ...(file.mediaType !== '' ? { mediaType: file.mediaType } : {}),
    },
  });
  const pieces: SealedOut[] = [];
  for (let index = 0; index < count; index++) {
    const data = file.bytes.subarray(index * PIECE_BYTES, Math.min(size, (index + 1) * PIECE_BYTES));
    pieces.push(d.seal({ piece: { fileId, data, ...(index > 0 ? { index } : {}) } }));
  }
  const total = pieces.reduce((n, p) => n + p.bytes.length, header.bytes.length);
  const attachment: AttachmentRecord = { name: file.name, size, mediaType: file.mediaType, path: '' };
  const now = d.nowMs;
  const record: MessageRecord = {
    id: header.id, contactId, direction: 'out', text, state: 'waiting', reason: '', timeMs: now, updatedMs: now, attachment,
  };
  const entry = (s: SealedOut, kind: OutboxRecord['kind']): OutboxRecord => ({
    id: s.id, to: contactId, kind, envelope: s.bytes, createdMs: now, lifetimeS: d.lifetimeS, copies: d.copies(),
    ...(kind === 'piece' ? { of: header.id } : {}),
  });
  d.store.transact(() => {
    // All or nothing: a message whose file cannot follow it must not go at all.
    checkRoom(d.store, total, d.quotaBytes, `this message with its ${size}-byte file`);
    enqueue(d.store, entry(header, 'text'), d.quotaBytes);
    for (const p of pieces) enqueue(d.store, entry(p, 'piece'), d.quotaBytes);
    d.store.messages.put(header.id, record);
    d.store.conversations.put([contactId, now, header.id], true);
    addTrace(d.store, header.id, 'queued',
      `sealed for ${contactId}, ${header.bytes.length} bytes, with ${JSON.stringify(file.name)} (${size} bytes) in ${count} pieces, ${total} bytes in all`, now);
  });
  return { id: header.id, ids: [header.id, ...pieces.map((p) => p.id)], record };
}
