/**
 * What the store keeps, one shape per table. Ids are lowercase hex strings
 * (user ids 16 digits, message ids 32) so keys sort and read the same in
 * every tool that inspects the store.
 */
import type { Direction, MessageState } from '../messenger/api.js';

export interface ContactRecord {
  id: string;
  userKey: Uint8Array;
  displayName: string;
  addedMs: number;
}

/** A person whose signed card we have seen on a link session. */
export interface PeerRecord {
  id: string;
  userKey: Uint8Array;
  displayName: string;
  nodeKey: Uint8Array;
  lastSeenMs: number;
}

export interface MessageRecord {
  id: string;
  contactId: string;
  direction: Direction;
  text: string;
  state: MessageState;
  reason: string;
  timeMs: number;
  updatedMs: number;
}

export type OutboxKind = 'text' | 'receipt';

/** A sealed envelope waiting to be handed to its recipient. */
export interface OutboxRecord {
  id: string;
  to: string;
  kind: OutboxKind;
  envelope: Uint8Array;
  createdMs: number;
}

export interface IdentitySecrets {
  userSecret: Uint8Array;
  nodeSecret: Uint8Array;
}

/** One step in a message's life, for `satchel trace`. */
export interface TraceRecord {
  timeMs: number;
  event: string;
  detail: string;
}

/** A message the user has not sent yet. Survives restarts; sending it removes it. */
export interface DraftRecord {
  id: string;
  contactId: string;
  text: string;
  createdMs: number;
  updatedMs: number;
}
