/**
 * "Log once, count always" for input we do not control. A room full of
 * laptops (or one broken one) can send the same bad packet every second;
 * one line per distinct problem keeps the journal readable and the disk idle.
 */
import type { LogFields, Logger } from '../util/log.js';

export type LogOnce = (key: string, msg: string, fields?: LogFields) => void;

/** Warns the first time `key` is seen; later calls with that key are silent. */
export function createLogOnce(logger: Logger): LogOnce {
  // Keys are drop reasons and interface/errno pairs: a small, bounded set.
  const seen = new Set<string>();
  return (key, msg, fields) => {
    if (seen.has(key)) return;
    seen.add(key);
    logger.warn(msg, fields);
  };
}
