/**
 * Spray uphill: spray-and-wait's copy budget, spent where PRoPHET says it
 * helps. A new message starts with L copies, so at most L laptops ever hold
 * it and a delivery costs at most L transfers, however big the village.
 * Which laptops get them is what spray-and-wait leaves to chance (the first
 * ones met) and this strategy does not: a holder with copies to spare gives
 * half to a neighbour only when that neighbour is likelier than itself to
 * meet the recipient (PRoPHET's predictabilities, shared on meeting). When
 * no laptop here has any history with the recipient, there is no gradient
 * to climb and the copies are sprayed as spray-and-wait would.
 *
 * Delivery proofs finish the job: once the message arrives, carriers that
 * hear of it drop their copies and hand out no more.
 */
import { checkHeld, checkNow, checkOptionKeys, checkPeer, numberOption } from './checks.js';
import { createProphet } from './prophet.js';
import { PROPHET_PARAM_KEYS } from './prophet-math.js';
import { MAX_SPRAY_COPIES, sprayDecision } from './spray-and-wait.js';
import type { RoutingStrategy, SnapshotOption } from './strategy.js';

export const PROPHET_SPRAY = 'prophet-spray';
/**
 * L for this strategy. A delivery costs at most L transfers, so an overhead
 * ratio of at most L - 1: six copies keep it within 5, the ONE's
 * spray-and-wait setting in its default scenario.
 */
export const DEFAULT_PROPHET_SPRAY_COPIES = 6;

export interface ProphetSprayOptions extends SnapshotOption {
  /** L: copies a new own message starts with; default DEFAULT_PROPHET_SPRAY_COPIES. */
  copies?: number;
  selfUserId?: string;
  maxEntries?: number;
  maxAnnounced?: number;
}

export function createProphetSpray(options?: ProphetSprayOptions & Record<string, unknown>): RoutingStrategy {
  const o = checkOptionKeys(options, ['snapshot', 'copies', 'selfUserId', 'maxEntries', 'maxAnnounced', ...PROPHET_PARAM_KEYS], PROPHET_SPRAY);
  const initial = numberOption(o['copies'], 'copies', DEFAULT_PROPHET_SPRAY_COPIES, { min: 1, max: MAX_SPRAY_COPIES, integer: true });
  const { copies: _copies, ...prophetOptions } = o;
  const table = createProphet(prophetOptions);
  return {
    name: PROPHET_SPRAY,
    initialCopies: () => initial,
    met: (peer, info, nowMs) => table.met(peer, info, nowMs),
    routeInfo: (nowMs, peer) => table.routeInfo(nowMs, peer),
    decide(msg, peer, nowMs) {
      checkHeld(msg);
      checkPeer(peer);
      checkNow(nowMs);
      // PRoPHET replicates exactly when the neighbour's predictability is higher than ours.
      return sprayDecision(msg, peer, initial, () =>
        table.decide(msg, peer, nowMs).give || table.predictability(msg.to, nowMs) === 0);
    },
    snapshot: () => table.snapshot(),
  };
}
