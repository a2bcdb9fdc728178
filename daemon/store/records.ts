/**
 * What the store keeps, one shape per table. Ids are lowercase hex strings
 * (user ids 16 digits, message ids 32) so keys sort and read the same in
 * every tool that inspects the store.
 */
import type { Direction, MessageState } from '../messenger/api.js';

/**
 * Someone the user keeps. Stores from before trust levels have none of the
 * optional fields: such a contact is 'added'.
 */
export interface ContactRecord {
  id: string;
  userKey: Uint8Array;
  displayName: string;
  addedMs: number;
  /** True while a contact made away from this laptop waits for its owner's confirmation here. */
  pending?: boolean;
  /** Where a pending contact came from (e.g. 'backup', 'another laptop'), as the importer said. */
  origin?: string;
  /**
   * The two keys the user compared in person. It counts only while both are
   * still the user's own key and this contact's key: a key that changes
   * loses the verification by construction.
   */
  verified?: { mine: Uint8Array; theirs: Uint8Array; atMs: number };
  /** Comparisons that showed different codes, and the last one's time. */
  failedChecks?: number;
  lastFailedMs?: number;
}

/** Someone who is not a contact and wrote to the user: their messages wait here, not in the inbox. */
export interface RequestRecord {
  id: string;
  userKey: Uint8Array;
  displayName: string;
  firstMs: number;
  lastMs: number;
  /** Messages held (ids in requestMessages). */
  messages: number;
}

/** Someone the user blocked. */
export interface BlockRecord {
  id: string;
  userKey: Uint8Array;
  displayName: string;
  blockedMs: number;
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
  /** The file sent with this message, if any. */
  attachment?: AttachmentRecord;
  /** An incoming message from someone who is not a contact, held in the requests area until accepted. */
  request?: boolean;
}

/** A file that came with a message. */
export interface AttachmentRecord {
  name: string;
  size: number;
  /** Empty when unknown. */
  mediaType: string;
  /** Where the received file was written; '' on the sender's side (the activity has its own copy). */
  path: string;
}

export type OutboxKind = 'text' | 'receipt' | 'piece';

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
  /** Pieces: the id of the message whose file this is part of. */
  of?: string;
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
export type ExpiringKind = 'outbox' | 'carry' | 'proof' | 'delivered' | 'received' | 'incoming';

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

/** What the header of a file on its way in said (its text message, held back until the file is whole). */
export interface IncomingHeader {
  messageId: string;
  text: string;
  name: string;
  size: number;
  sha256: Uint8Array;
  pieces: number;
  mediaType: string;
  /** How the header came, for the message's trace. */
  via: string;
}

/**
 * A file on its way in, keyed by sender id and file id (hex, 16 + 32 digits).
 * Pieces may come before their header; the record exists from the first of
 * them and goes when the file is whole, found corrupt, or expires.
 */
export interface IncomingRecord {
  key: string;
  sender: string;
  /** Pieces stored, counting only indexes the header allows once it is here. */
  have: number;
  /** Bytes of those pieces. */
  bytes: number;
  /** Local wall ms at which it is given up. */
  expiresMs: number;
  header?: IncomingHeader;
  /** The file was refused (bad or too large header) or found corrupt: its pieces are refused until it expires. */
  refused?: boolean;
}
