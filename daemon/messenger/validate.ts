/** Checks on what activities hand us, before anything is stored. */
import { SatchelError } from '../errors/satchel-error.js';
import { MAX_DISPLAY_NAME_BYTES, MAX_TEXT_BYTES } from './api.js';

/** A user id is an 8-byte key id, in hex. */
export const USER_ID_HEX_DIGITS = 16;
/** A message id is 16 bytes, in hex. */
export const MESSAGE_ID_HEX_DIGITS = 32;
/** How much of a bad value to quote back in an error, in characters. */
const QUOTE_MAX_CHARS = 40;
const utf8 = new TextEncoder();

/**
 * Returns the id in canonical lowercase: people copy ids shown in upper case.
 * A wrong shape is InvalidArgument naming `what`, so a typo is not reported
 * as a misleading UnknownContact or NotFound from deeper down.
 */
function checkHexId(value: unknown, digits: number, what: string): string {
  const id = typeof value === 'string' ? value.toLowerCase() : '';
  if (id.length === digits && /^[0-9a-f]+$/.test(id)) return id;
  const text = String(value);
  const quoted = JSON.stringify(text.length > QUOTE_MAX_CHARS ? `${text.slice(0, QUOTE_MAX_CHARS)}...` : text);
  throw SatchelError.invalidArgument(`${what} must be ${digits} hex digits; got ${quoted}`);
}

export function checkUserId(value: unknown, what = 'contact id'): string {
  return checkHexId(value, USER_ID_HEX_DIGITS, what);
}

export function checkMessageId(value: unknown, what = 'message id'): string {
  return checkHexId(value, MESSAGE_ID_HEX_DIGITS, what);
}

/** A draft id is 16 random bytes, in hex: the shape of a message id, but its own namespace. */
export function checkDraftId(value: unknown, what = 'draft id'): string {
  return checkHexId(value, MESSAGE_ID_HEX_DIGITS, what);
}

/** What a draft may hold: a message body that may still be empty. */
export function checkDraftText(text: unknown): string {
  if (typeof text !== 'string') throw SatchelError.invalidArgument('draft text must be a string');
  const size = utf8.encode(text).length;
  if (size > MAX_TEXT_BYTES) throw SatchelError.bodyTooLarge(size, MAX_TEXT_BYTES);
  if (text.includes('\u0000')) throw SatchelError.invalidArgument('draft text must not contain NUL characters');
  return text;
}

export function checkText(text: unknown): string {
  if (typeof text !== 'string') throw SatchelError.invalidArgument('message text must be a string');
  if (text.trim().length === 0) throw SatchelError.emptyBody();
  const size = utf8.encode(text).length;
  if (size > MAX_TEXT_BYTES) throw SatchelError.bodyTooLarge(size, MAX_TEXT_BYTES);
  if (text.includes('\u0000')) throw SatchelError.invalidArgument('message text must not contain NUL characters');
  return text;
}

export function checkDisplayName(name: unknown): string {
  if (typeof name !== 'string') throw SatchelError.invalidArgument('display name must be a string');
  const trimmed = name.trim();
  if (trimmed.length === 0) throw SatchelError.invalidArgument('display name is empty');
  if (utf8.encode(trimmed).length > MAX_DISPLAY_NAME_BYTES) {
    throw SatchelError.invalidArgument(`display name is longer than ${MAX_DISPLAY_NAME_BYTES} bytes`);
  }
  // Control characters would let a name forge lines in lists and logs.
  if (/\p{Cc}/u.test(trimmed)) throw SatchelError.invalidArgument('display name contains control characters');
  return trimmed;
}
