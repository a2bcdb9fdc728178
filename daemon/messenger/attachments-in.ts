/**
 * Files arriving for this user. A header (the text message with the file's
 * name, size, SHA-256 and piece count) and the pieces come in separate
 * envelopes, by any path and in any order, each stored as it comes, so a
 * cut transfer resumes where it stopped. The message is shown only when
 * every piece is here and the whole matches the size and digest; then the
 * file is written and its pieces dropped. A file never completed goes with
 * its lifetime; one that does not match is dropped and counted, never shown.
 * Only called inside the accepting store transaction.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { equalBytes } from '@noble/curves/utils.js';
import { toHex } from '../crypto/keys.js';
import type { Attachment, Piece } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { IncomingHeader, IncomingRecord, MessageRecord } from '../store/records.js';
import type { Counters } from '../util/counters.js';
import { FILE_ID_BYTES, fileNameProblem, isMediaType, MAX_PIECE_BYTES_IN, SHA256_BYTES } from './attachment-rules.js';
import { writeAttachmentFile } from './attachment-file.js';
import { scheduleExpiry, unscheduleExpiry } from './expiry.js';
import { addTrace } from './trace.js';

/** Pieces of unfinished files held at once, in units of the largest file taken: room for this many at a time. */
export const INCOMING_FILES_HELD = 8;
const BYTES_KEY = 'incomingBytes';

export interface FileContext {
  store: Store;
  counters: Counters;
  nowMs: number;
  /** Largest file taken, in bytes. */
  maxBytes: number;
}

/** taken: false means refuse the envelope; complete is the message now shown. */
export interface FileOutcome {
  taken: boolean;
  complete?: MessageRecord;
}

export function incomingBytes(store: Store): number {
  const v = store.meta.get(BYTES_KEY);
  return typeof v === 'number' ? v : 0;
}

const addBytes = (store: Store, delta: number): void => { store.meta.put(BYTES_KEY, Math.max(0, incomingBytes(store) + delta)); };
const isBytes = (b: unknown, n?: number): b is Uint8Array => b instanceof Uint8Array && (n === undefined || b.length === n);
const refuse = (ctx: FileContext, why: string): FileOutcome => {
  ctx.counters.bump(`inbound.attachment.${why}`);
  return { taken: false };
};

function record(ctx: FileContext, sender: string, fileId: Uint8Array, expiresMs: number): IncomingRecord {
  const key = sender + toHex(fileId);
  const found = ctx.store.incoming.get(key);
  if (found !== undefined) return found;
  scheduleExpiry(ctx.store, 'incoming', key, expiresMs);
  return { key, sender, have: 0, bytes: 0, expiresMs };
}

function dropPieces(store: Store, rec: IncomingRecord): void {
  for (const { key } of store.pieces.getRange({ start: [rec.key, 0], end: [rec.key, Number.MAX_SAFE_INTEGER] })) store.pieces.remove(key);
  addBytes(store, -rec.bytes);
}

/** Drops a file on its way in with all its pieces. */
export function dropIncoming(store: Store, key: string): void {
  const rec = store.incoming.get(key);
  if (rec === undefined) return;
  dropPieces(store, rec);
  store.incoming.remove(key);
  unscheduleExpiry(store, 'incoming', key, rec.expiresMs);
}

/**
 * Keeps only a mark that this file is refused, until it would have expired:
 * its pieces still on the way are refused too, so the sender learns that
 * the file will not arrive, and no carrier keeps them for nothing.
 */
function refuseFile(ctx: FileContext, rec: IncomingRecord): void {
  dropPieces(ctx.store, rec);
  const mark: IncomingRecord = { key: rec.key, sender: rec.sender, have: 0, bytes: 0, expiresMs: rec.expiresMs, refused: true };
  ctx.store.incoming.put(rec.key, mark);
}

function headerProblem(a: Attachment, maxBytes: number): string | undefined {
  const size = a.size ?? 0;
  const pieces = a.pieces ?? 0;
  if (!isBytes(a.sha256, SHA256_BYTES) || fileNameProblem(a.name) !== undefined) return 'bad_header';
  if (size > maxBytes) return 'too_large';
  // Every piece holds at least one byte and at most MAX_PIECE_BYTES_IN.
  if (size === 0 ? pieces !== 0 : pieces < 1 || pieces > size || pieces * MAX_PIECE_BYTES_IN < size) return 'bad_header';
  return undefined;
}

export function takeHeader(
  ctx: FileContext, sender: string, messageId: string, text: string, a: Attachment, expiresMs: number, via: string,
): FileOutcome {
  if (!isBytes(a.fileId, FILE_ID_BYTES)) return refuse(ctx, 'bad_header');
  const rec = record(ctx, sender, a.fileId, expiresMs);
  const problem = headerProblem(a, ctx.maxBytes);
  if (problem !== undefined || rec.refused === true) {
    refuseFile(ctx, rec);
    return refuse(ctx, problem ?? 'refused_file');
  }
  const size = a.size ?? 0;
  const pieces = a.pieces ?? 0;
  if (rec.header !== undefined) {
    ctx.counters.bump('inbound.attachment.duplicate_header');
    return { taken: true };
  }
  const header: IncomingHeader = {
    messageId, text, name: a.name as string, size, sha256: a.sha256 as Uint8Array, pieces, mediaType: isMediaType(a.mediaType) ? a.mediaType : '', via,
  };
  // Pieces that came first are kept if the header allows their index.
  let have = 0;
  let bytes = 0;
  for (const { key, value } of ctx.store.pieces.getRange({ start: [rec.key, 0], end: [rec.key, Number.MAX_SAFE_INTEGER] })) {
    if (key[1] < pieces) {
      have++;
      bytes += value.length;
    } else {
      ctx.store.pieces.remove(key);
    }
  }
  addBytes(ctx.store, bytes - rec.bytes);
  // The header's lifetime governs from now on.
  if (rec.expiresMs !== expiresMs) {
    unscheduleExpiry(ctx.store, 'incoming', rec.key, rec.expiresMs);
    scheduleExpiry(ctx.store, 'incoming', rec.key, expiresMs);
  }
  const next: IncomingRecord = { ...rec, header, have, bytes, expiresMs };
  ctx.store.incoming.put(rec.key, next);
  ctx.counters.bump('inbound.attachment.header');
  return finish(ctx, next);
}

export function takePiece(ctx: FileContext, sender: string, p: Piece, expiresMs: number): FileOutcome {
  const index = p.index ?? 0;
  const data = p.data;
  if (!isBytes(p.fileId, FILE_ID_BYTES) || !isBytes(data) || data.length === 0 || data.length > MAX_PIECE_BYTES_IN) return refuse(ctx, 'bad_piece');
  const rec = record(ctx, sender, p.fileId, expiresMs);
  if (rec.refused === true) return refuse(ctx, 'refused_file');
  if (rec.header !== undefined && index >= rec.header.pieces) return refuse(ctx, 'bad_piece');
  if (ctx.store.pieces.doesExist([rec.key, index])) {
    ctx.counters.bump('inbound.attachment.duplicate_piece');
    return { taken: true };
  }
  // Without a header, more bytes than the largest file taken cannot be one file.
  const tooMany = rec.header === undefined && rec.bytes + data.length > ctx.maxBytes;
  if (tooMany || incomingBytes(ctx.store) + data.length > INCOMING_FILES_HELD * ctx.maxBytes) {
    // Nothing was written for a new record: its expiry entry must not outlive it.
    if (!ctx.store.incoming.doesExist(rec.key)) unscheduleExpiry(ctx.store, 'incoming', rec.key, rec.expiresMs);
    return refuse(ctx, tooMany ? 'too_large' : 'full');
  }
  ctx.store.pieces.put([rec.key, index], data);
  addBytes(ctx.store, data.length);
  const next: IncomingRecord = { ...rec, have: rec.have + 1, bytes: rec.bytes + data.length };
  ctx.store.incoming.put(rec.key, next);
  ctx.counters.bump('inbound.attachment.piece');
  return finish(ctx, next);
}

/** Shows the message once the file is whole and checks out. */
function finish(ctx: FileContext, rec: IncomingRecord): FileOutcome {
  const h = rec.header;
  if (h === undefined || rec.have < h.pieces) return { taken: true };
  const parts: Uint8Array[] = [];
  for (const { value } of ctx.store.pieces.getRange({ start: [rec.key, 0], end: [rec.key, h.pieces] })) parts.push(value);
  const whole = Buffer.concat(parts);
  if (whole.length !== h.size || !equalBytes(sha256(whole), h.sha256)) {
    refuseFile(ctx, rec);
    ctx.counters.bump('inbound.attachment.corrupt');
    return { taken: true };
  }
  dropIncoming(ctx.store, rec.key);
  const path = writeAttachmentFile(ctx.store.path, h.messageId, h.name, whole);
  const now = ctx.nowMs;
  const m: MessageRecord = {
    id: h.messageId, contactId: rec.sender, direction: 'in', text: h.text, state: 'delivered', reason: '', timeMs: now, updatedMs: now,
    attachment: { name: h.name, size: h.size, mediaType: h.mediaType, path },
  };
  ctx.store.messages.put(m.id, m);
  ctx.store.conversations.put([rec.sender, now, m.id], true);
  addTrace(ctx.store, m.id, 'received', `${h.via}; ${JSON.stringify(h.name)}, ${h.size} bytes in ${h.pieces} pieces, SHA-256 checked`, now);
  ctx.counters.bump('inbound.attachment.complete');
  return { taken: true, complete: m };
}
