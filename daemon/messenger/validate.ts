/** Checks on what activities hand us, before anything is stored. */
import { SatchelError } from '../errors/satchel-error.js';
import { MAX_DISPLAY_NAME_BYTES, MAX_TEXT_BYTES } from './api.js';

const USER_ID = /^[0-9a-f]{16}$/;
const MESSAGE_ID = /^[0-9a-f]{32}$/;
const utf8 = new TextEncoder();

export function checkUserId(id: unknown): string {
  if (typeof id !== 'string' || !USER_ID.test(id)) {
    throw SatchelError.invalidArgument(`contact id must be 16 lowercase hex digits, got ${JSON.stringify(String(id)).slice(0, 40)}`);
  }
  return id;
}

export function checkMessageId(id: unknown): string {
  if (typeof id !== 'string' || !MESSAGE_ID.test(id)) {
    throw SatchelError.invalidArgument(`message id must be 32 lowercase hex digits, got ${JSON.stringify(String(id)).slice(0, 40)}`);
  }
  return id;
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
