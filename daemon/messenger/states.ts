/**
 * The order a message's state moves in. Receipts can arrive out of order or
 * twice (read before delivered, a replayed delivered after read); a state
 * never moves backwards.
 */
import type { MessageState } from './api.js';

const RANK: Record<MessageState, number> = { waiting: 0, carried: 1, sent: 2, delivered: 3, read: 4, expired: 5, failed: 5 };

/** Failed is final; a message that reached its recipient no longer expires. */
export function advances(from: MessageState, to: MessageState): boolean {
  if (from === 'failed') return false;
  // A receipt that took longer than the lifetime still tells the truth.
  if (from === 'expired') return to === 'delivered' || to === 'read';
  if (to === 'expired' && RANK[from] >= RANK.sent) return false;
  return RANK[to] > RANK[from];
}
