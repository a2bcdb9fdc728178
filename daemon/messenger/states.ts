/**
 * The order a message's state moves in. Receipts can arrive out of order or
 * twice (read before delivered, a replayed delivered after read); a state
 * never moves backwards.
 */
import type { MessageState } from './api.js';

const RANK: Record<MessageState, number> = { waiting: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export function advances(from: MessageState, to: MessageState): boolean {
  if (from === 'failed') return false;
  return RANK[to] > RANK[from];
}
