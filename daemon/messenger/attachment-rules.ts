/**
 * What a file sent with a message may be, checked the same way when an
 * activity hands one over (a named error) and when one arrives from the
 * network (a false, so the caller drops and counts it). The receiving side
 * writes the file under its own name, so a name must be one path component.
 */
import { SatchelError } from '../errors/satchel-error.js';

/**
 * Bytes of file data in one piece. 32 KiB keeps a sealed piece (data plus
 * about 60 bytes of envelope, content and AEAD framing) far below the 256 KiB
 * frame, so a frame carries seven pieces and the 512 KiB send window holds
 * sixteen; a link cut mid-transfer loses at most one window, and a piece is
 * small enough to fit beside other mail in a carrier's per-source share.
 */
export const PIECE_BYTES = 32 * 1024;
/** Largest piece taken from the network, in bytes: twice ours, so a later version may pick larger pieces. */
export const MAX_PIECE_BYTES_IN = 2 * PIECE_BYTES;
/** Largest file sent or taken unless configured otherwise, in bytes. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 1024 * 1024;
/** The most `messages.attachment_max_bytes` may be set to, in bytes: files are put together in memory. */
export const MAX_ATTACHMENT_MAX_BYTES = 64 * 1024 * 1024;
/** The least it may be set to, in bytes: one piece. */
export const MIN_ATTACHMENT_MAX_BYTES = PIECE_BYTES;
/** Longest file name, in bytes of UTF-8 (what Linux file systems take). */
export const MAX_FILE_NAME_BYTES = 255;
/** Longest media type, in bytes (RFC 6838: 127 for each half and the slash). */
export const MAX_MEDIA_TYPE_BYTES = 255;
/** A file id is 16 random bytes. */
export const FILE_ID_BYTES = 16;
/** A SHA-256 digest, in bytes. */
export const SHA256_BYTES = 32;

const utf8 = new TextEncoder();
/** RFC 6838 restricted names, type/subtype, without parameters. */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;

/** Why a file name is unusable, or undefined when it is fine. */
export function fileNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'must be a string';
  if (name.length === 0) return 'is empty';
  if (name === '.' || name === '..') return `must not be ${JSON.stringify(name)}`;
  if (name.includes('/')) return 'must not contain "/": it is a name, not a path';
  if (name.includes('\u0000')) return 'must not contain NUL characters';
  // Line breaks and other controls would forge lines in listings and logs.
  if (/\p{Cc}/u.test(name)) return 'must not contain control characters';
  const bytes = utf8.encode(name).length;
  if (bytes > MAX_FILE_NAME_BYTES) return `is ${bytes} bytes; the limit is ${MAX_FILE_NAME_BYTES}`;
  return undefined;
}

export function checkFileName(name: unknown, what = 'file name'): string {
  const problem = fileNameProblem(name);
  if (problem !== undefined) throw SatchelError.invalidArgument(`${what} ${problem}`);
  return name as string;
}

export function isMediaType(value: unknown): value is string {
  return typeof value === 'string' && (value === '' || (value.length <= MAX_MEDIA_TYPE_BYTES && MEDIA_TYPE.test(value)));
}

export function checkMediaType(value: unknown): string {
  if (!isMediaType(value)) throw SatchelError.invalidArgument(`media type must be empty or like "image/png"; got ${JSON.stringify(String(value).slice(0, 40))}`);
  return value;
}

/** How many pieces a file of `size` bytes travels in. */
export function pieceCount(size: number): number {
  return Math.ceil(size / PIECE_BYTES);
}

/** A configured limit, checked where the messenger is built. */
export function checkAttachmentMax(bytes: number): number {
  if (!Number.isSafeInteger(bytes) || bytes < MIN_ATTACHMENT_MAX_BYTES || bytes > MAX_ATTACHMENT_MAX_BYTES) {
    throw SatchelError.invalidArgument(`attachment limit must be ${MIN_ATTACHMENT_MAX_BYTES} to ${MAX_ATTACHMENT_MAX_BYTES} bytes; got ${bytes}`);
  }
  return bytes;
}

/** Names for media types by file extension, for callers that hand over only a file. */
const MEDIA_TYPES: Record<string, string> = {
  svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  bmp: 'image/bmp', txt: 'text/plain', pdf: 'application/pdf', ogg: 'audio/ogg', oga: 'audio/ogg', wav: 'audio/wav',
  mp3: 'audio/mpeg', odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odg: 'application/vnd.oasis.opendocument.graphics', xo: 'application/vnd.olpc-sugar',
};

/** The media type a file name suggests; empty when the extension is unknown. */
export function mediaTypeFor(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  return MEDIA_TYPES[name.slice(dot + 1).toLowerCase()] ?? '';
}
