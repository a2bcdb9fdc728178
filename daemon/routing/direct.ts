/**
 * Direct delivery: a message goes only to its recipient. No carrier ever
 * holds it, so it costs nothing but waits until sender and recipient meet;
 * the baseline the other strategies are measured against.
 */
import { checkOptionKeys } from './checks.js';
import { statelessStrategy } from './stateless.js';
import { deliver, keep, type RoutingStrategy, type SnapshotOption } from './strategy.js';

export const DIRECT = 'direct';

export type DirectOptions = SnapshotOption;

export function createDirect(options?: DirectOptions): RoutingStrategy {
  checkOptionKeys(options, ['snapshot'], DIRECT);
  return statelessStrategy(DIRECT, 0, (msg, peer) => (peer.userId === msg.to ? deliver(msg, false) : keep(msg, false)));
}
