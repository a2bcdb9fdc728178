/**
 * Direct delivery: a message goes only to its recipient. No carrier ever
 * holds it, so it costs nothing but waits until sender and recipient meet;
 * the baseline the other strategies are measured against.
 */
import { checkHeld, checkNow, checkOptionKeys, checkPeer } from './checks.js';
import { deliver, keep, type RoutingStrategy, type SnapshotOption } from './strategy.js';

export const DIRECT = 'direct';

export type DirectOptions = SnapshotOption;

export function createDirect(options?: DirectOptions): RoutingStrategy {
  checkOptionKeys(options, ['snapshot'], DIRECT);
  return {
    name: DIRECT,
    initialCopies: () => 0,
    met(peer, _info, nowMs) {
      checkPeer(peer);
      checkNow(nowMs);
    },
    routeInfo(nowMs) {
      checkNow(nowMs);
      return undefined;
    },
    decide(msg, peer, nowMs) {
      checkHeld(msg);
      checkPeer(peer);
      checkNow(nowMs);
      return peer.userId === msg.to ? deliver(msg, false) : keep(msg, false);
    },
    snapshot: () => null,
  };
}
