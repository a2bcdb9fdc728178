/**
 * The shell shared by strategies that keep no state and share nothing on
 * meeting (direct, epidemic, spray-and-wait): every call's arguments are
 * checked, and only the per-message choice differs.
 */
import { checkHeld, checkNow, checkPeer } from './checks.js';
import type { Decision, HeldMessage, RoutePeer, RoutingStrategy } from './strategy.js';

export function statelessStrategy(name: string, initialCopies: number, choose: (msg: HeldMessage, peer: RoutePeer) => Decision): RoutingStrategy {
  return {
    name,
    initialCopies: () => initialCopies,
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
      return choose(msg, peer);
    },
    snapshot: () => null,
  };
}
