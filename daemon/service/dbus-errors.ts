/**
 * What a caller sees when a method fails. A SatchelError is the caller's
 * business (a bad id, a full store) and keeps its code and message; anything
 * else is our bug, so the caller gets a fixed text and the details go to the
 * log only: stack traces and internals never cross the bus.
 */
import { isSatchelError } from '../errors/satchel-error.js';
import type { Logger } from '../util/log.js';
import { ERROR_PREFIX, INTERNAL_ERROR_NAME } from './names.js';

export const INTERNAL_ERROR_TEXT = 'internal error in satcheld; the details are in its log';

export interface DbusErrorReply {
  readonly name: string;
  readonly message: string;
}

export function toDbusError(err: unknown, log: Logger, method: string): DbusErrorReply {
  if (isSatchelError(err)) {
    log.debug('method refused', { method, code: err.code });
    return { name: ERROR_PREFIX + err.dbusName, message: err.message };
  }
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  log.error('method failed', { method, error: detail });
  if (err instanceof Error && err.stack) log.debug('stack', { method, stack: err.stack });
  return { name: INTERNAL_ERROR_NAME, message: INTERNAL_ERROR_TEXT };
}
