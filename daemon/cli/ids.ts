/**
 * Ids are checked before anything is sent, so a typo is a usage error (2)
 * with the argument named, not a round trip. The shapes are the messenger's
 * (daemon/messenger/validate.ts); upper case is accepted, as there.
 */
import { checkMessageId, checkUserId } from '../messenger/validate.js';
import { CliError } from './cli-error.js';

export function userIdArg(value: string, what: string): string {
  try {
    return checkUserId(value, what);
  } catch (err) {
    throw CliError.usage((err as Error).message);
  }
}

export function messageIdArg(value: string, what: string): string {
  try {
    return checkMessageId(value, what);
  } catch (err) {
    throw CliError.usage((err as Error).message);
  }
}
