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
  /** Own messages: carriers that have stored a copy. Absent = none. */
  copiesOut?: number;
}

export type OutboxKind = 'text' | 'receipt';

/** A sealed envelope of this user's, waiting to reach its recipient. */
export interface OutboxRecord {
  id: string;
  to: string;
  kind: OutboxKind;
  envelope: Uint8Array;
  createdMs: number;
  /** Lifetime on the envelope, in seconds (the default already resolved). Absent in stores from before carrying. */
  lifetimeS?: number;
  /** Copies this laptop still holds, for strategies that count copies (spray-and-wait); 0 = not counted. */
  copies?: number;
  /** Node ids of carriers that have stored a copy. */
  handedTo?: string[];
}

/**
 * A sealed envelope for someone else that this laptop carries. It cannot be
 * opened here; all that is known is what the envelope shows and who handed
 * it over.
 */
export interface CarryRecord {
  id: string;
  to: string;
  /** Node id of the neighbour that handed it over: the sender as far as a carrier can tell. */
  source: string;
  envelope: Uint8Array;
  /** Local wall ms when taken; only ever compared with this laptop's own clock. */
  receivedMs: number;
  /** Age in seconds on arrival, as the envelope said. */
  ageS: number;
  lifetimeS: number;
  copies: number;
  hops: number;
  handedTo: string[];
}

/** A checked delivery proof kept to spread it and to refuse copies it names. */
export interface ProofRecord {
  id: string;
  userId: string;
  proof: Uint8Array;
  ids: string[];
  receivedMs: number;
  ageS: number;
  lifetimeS: number;
}

/** What an entry of the expiry index points at. */
export type ExpiringKind = 'outbox' | 'carry' | 'proof' | 'delivered' | 'received';

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
