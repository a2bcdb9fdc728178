/**
 * Binary spray-and-wait (Spyropoulos, Psounis and Raghavendra, WDTN 2005): a
 * new message starts with L copies; a node holding n > 1 hands floor(n/2) to
 * a neighbour that lacks it and keeps ceil(n/2); a node down to one copy
 * waits and gives it only to the recipient. At most L carriers ever hold the
 * message, whatever the size of the network.
 */
import { checkOptionKeys, numberOption } from './checks.js';
import { statelessStrategy } from './stateless.js';
import { deliver, keep, type Decision, type HeldMessage, type RoutePeer, type RoutingStrategy, type SnapshotOption } from './strategy.js';

export const SPRAY_AND_WAIT = 'spray-and-wait';
/**
 * L, the copies a new message starts with. The paper shows the copies needed
 * for a given delay depend on how many nodes there are and how they move,
 * not on the area: for a class or village of a few dozen laptops a handful of
 * copies comes close to epidemic delay. Eight is a power of two, so binary
 * spraying hands out whole halves and is done after three rounds, and it caps
 * what one message costs the village's carried-message quotas at 8 copies.
 */
export const DEFAULT_SPRAY_COPIES = 8;
/** Largest L accepted; beyond this spray-and-wait is epidemic routing with bookkeeping. */
export const MAX_SPRAY_COPIES = 1024;

export interface SprayAndWaitOptions extends SnapshotOption {
  /** L: copies a new own message starts with; default DEFAULT_SPRAY_COPIES. */
  copies?: number;
}

/**
 * Copies a held message really has. A message stored while another strategy
 * ran carries 0 (not counted): the user's own message starts afresh with
 * `initial`, a carried one is treated as the last copy, since spraying it
 * would break the bound that other carriers may already have spent.
 */
export function countedCopies(msg: HeldMessage, initial: number): number {
  if (msg.copies > 0) return msg.copies;
  return msg.own ? initial : 1;
}

/** The binary split of n > 1 copies: floor(n/2) go, ceil(n/2) stay. */
export function binarySplit(n: number): Decision {
  return { give: true, copiesGiven: Math.floor(n / 2), copiesKept: Math.ceil(n / 2) };
}

/**
 * What every spraying strategy decides: the recipient gets its copy, a last
 * copy waits for the recipient, and otherwise half go to a neighbour that
 * `share` (asked only then) finds worth them. Strategies differ only in `share`.
 */
export function sprayDecision(msg: HeldMessage, peer: RoutePeer, initial: number, share: () => boolean): Decision {
  const n = countedCopies(msg, initial);
  const held = { ...msg, copies: n };
  if (peer.userId === msg.to) return deliver(held, true);
  return n > 1 && share() ? binarySplit(n) : keep(held, true);
}

export function createSprayAndWait(options?: SprayAndWaitOptions): RoutingStrategy {
  const o = checkOptionKeys(options, ['snapshot', 'copies'], SPRAY_AND_WAIT);
  const initial = numberOption(o['copies'], 'copies', DEFAULT_SPRAY_COPIES, { min: 1, max: MAX_SPRAY_COPIES, integer: true });
  return statelessStrategy(SPRAY_AND_WAIT, initial, (msg, peer) => sprayDecision(msg, peer, initial, () => true));
}
