/**
 * Ids arrive from activities as plain strings. Checking their shape here
 * gives callers InvalidArgument for a typo instead of a misleading
 * UnknownContact or NotFound from deeper down.
 */
import { SatchelError } from '../errors/satchel-error.js';

/** A user id is an 8-byte key id. */
export const USER_ID_HEX_DIGITS = 16;
/** A message id is 16 bytes. */
export const MESSAGE_ID_HEX_DIGITS = 32;
/** How much of a bad value to quote back in an error, in characters. */
const QUOTE_MAX_CHARS = 40;

const USER_ID = new RegExp(`^[0-9a-f]{${USER_ID_HEX_DIGITS}}$`);
const MESSAGE_ID = new RegExp(`^[0-9a-f]{${MESSAGE_ID_HEX_DIGITS}}$`);

/** Returns the id in its canonical lowercase form. */
export function checkUserId(value: string, argName: string): string {
  return check(value, USER_ID, USER_ID_HEX_DIGITS, argName);
}

export function checkMessageId(value: string, argName: string): string {
  return check(value, MESSAGE_ID, MESSAGE_ID_HEX_DIGITS, argName);
}

function check(value: string, shape: RegExp, digits: number, argName: string): string {
  // Ids are shown to people in upper case sometimes; accept what they copy.
  const id = value.toLowerCase();
  if (shape.test(id)) return id;
  const quoted = JSON.stringify(value.length > QUOTE_MAX_CHARS ? `${value.slice(0, QUOTE_MAX_CHARS)}...` : value);
  throw SatchelError.invalidArgument(`${argName} must be ${digits} hex digits; got ${quoted}`);
}
