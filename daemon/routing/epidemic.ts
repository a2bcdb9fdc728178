/**
 * Epidemic routing (Vahdat and Becker): every neighbour that lacks a message
 * gets a copy, so it reaches its recipient by the fastest path there is, at
 * the price of a copy on every laptop it touches. The hop limit stops a copy
 * from wandering through an endless chain of carriers; receipts and quotas
 * bound the rest.
 */
import { checkOptionKeys, numberOption } from './checks.js';
import { statelessStrategy } from './stateless.js';
import { deliver, keep, REPLICATE, type RoutingStrategy, type SnapshotOption } from './strategy.js';

export const EPIDEMIC = 'epidemic';
/**
 * Carriers an envelope may pass through (Envelope.hops). Eight crosses a
 * village's worth of laptops several times over while still cutting off a
 * copy that only circles among carriers.
 */
export const DEFAULT_EPIDEMIC_HOP_LIMIT = 8;
/** Largest hop limit accepted: more than a byte's worth of carriers is a mistake. */
export const MAX_EPIDEMIC_HOP_LIMIT = 255;

export interface EpidemicOptions extends SnapshotOption {
  /** Carriers an envelope may pass through; default DEFAULT_EPIDEMIC_HOP_LIMIT. */
  hopLimit?: number;
}

export function createEpidemic(options?: EpidemicOptions): RoutingStrategy {
  const o = checkOptionKeys(options, ['snapshot', 'hopLimit'], EPIDEMIC);
  const hopLimit = numberOption(o['hopLimit'], 'hopLimit', DEFAULT_EPIDEMIC_HOP_LIMIT, { min: 1, max: MAX_EPIDEMIC_HOP_LIMIT, integer: true });
  return statelessStrategy(EPIDEMIC, 0, (msg, peer) => {
    if (peer.userId === msg.to) return deliver(msg, false);
    // The neighbour would be carrier number hops + 1.
    return msg.hops < hopLimit ? REPLICATE : keep(msg, false);
  });
}
