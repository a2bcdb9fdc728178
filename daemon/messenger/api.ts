/**
 * What the D-Bus service (and anything else above the messenger) may ask of
 * it. Plain data in and out so the service only translates types and errors.
 * Ids are lowercase hex: a user id is 16 hex digits (8-byte key id), a
 * message id 32 hex digits.
 */
/**
 * waiting: in the outbox, nobody has it yet; carried: copies are out with
 * carriers; sent: stored by the recipient's laptop; delivered: the
 * recipient's daemon confirmed it; read: the recipient opened it; expired:
 * its lifetime ran out before it arrived; failed: refused or purged.
 */
export type MessageState = 'waiting' | 'carried' | 'sent' | 'delivered' | 'read' | 'expired' | 'failed';
export type Direction = 'out' | 'in';

export interface IdentityInfo {
  id: string;            // the user's key id
  fingerprint: string;   // e.g. "7KQ2-M9XD-43HV-0ZPA", to read aloud
  displayName: string;
  nodeId: string;        // this laptop's node key id
}

/**
 * How far the user trusts someone, as every list shows it. nearby: a laptop
 * seen here, nothing more; pending: a contact made away from this laptop
 * (imported, restored, learnt through someone else) that its owner has not
 * confirmed here, so it does not count; added: a contact the user added
 * here; verified: a contact whose code the user compared in person.
 */
export type Trust = 'nearby' | 'pending' | 'added' | 'verified';

export interface NeighbourInfo {
  id: string;            // user id of the person on that laptop
  displayName: string;
  fingerprint: string;
  nodeId: string;
  address: string;       // host:port the session runs over
  sinceMs: number;       // wall-clock ms when this neighbour appeared
  isContact: boolean;     // an added or verified contact (not a pending one)
  trust: Trust;          // the contact's trust, or 'nearby'
  source: string;        // discovery source that made us dial ('beacon'), or 'inbound' when it dialled us
}

export interface ContactInfo {
  id: string;
  displayName: string;
  fingerprint: string;
  trust: Exclude<Trust, 'nearby'>;
  verified: boolean;     // trust === 'verified'
  addedMs: number;
  verifiedMs: number;    // when the codes were compared and matched; 0 if not verified
  failedChecks: number;  // comparisons that showed different codes
  origin: string;        // where a pending contact came from; '' otherwise
}

/** A contact made elsewhere, handed to importContacts; it is always held as pending. */
export interface ContactToImport {
  userKey: Uint8Array;
  displayName: string;
}

export interface ImportResult {
  /** Ids now held as pending. */
  pending: string[];
  /** Ids already contacts here (with the same key): left as they are. */
  known: string[];
}

/** Someone who is not a contact and wrote; their messages are held here, unverified. */
export interface RequestInfo {
  id: string;
  displayName: string;
  fingerprint: string;
  trust: 'nearby' | 'pending';
  firstMs: number;
  lastMs: number;
  messages: number;
  lastText: string;
}

export interface BlockedInfo {
  id: string;
  displayName: string;
  fingerprint: string;
  blockedMs: number;
}

export type RequestOutcome = 'accepted' | 'ignored' | 'blocked';

export interface MessageInfo {
  id: string;
  contactId: string;     // the other person in the conversation
  direction: Direction;
  text: string;
  state: MessageState;   // for incoming messages: 'delivered' or 'read'
  reason: string;        // why it failed; empty otherwise
  timeMs: number;        // when sent (out) or received (in), local wall clock
  copies: number;        // own messages: carriers that took a copy; 0 for incoming
  attachment?: AttachmentInfo; // the file sent with it, if any
  request?: boolean;     // from someone who is not a contact: held in the requests area, unverified
}

/** A file that came with a message. Incoming messages are shown only once the file is whole and checked. */
export interface AttachmentInfo {
  name: string;          // the sender's file name, one path component
  size: number;          // bytes
  mediaType: string;     // e.g. image/svg+xml; empty when unknown
  path: string;          // where the received file is; '' for files this user sent
}

/** A file an activity sends with a message. */
export interface FileToSend {
  name: string;
  bytes: Uint8Array;
  /** Empty when unknown. */
  mediaType: string;
}

export interface ConversationInfo {
  contactId: string;
  displayName: string;
  lastTimeMs: number;
  lastText: string;
  unread: number;
  total: number;
}

export interface OutboxEntry {
  id: string;
  contactId: string;
  displayName: string;
  kind: 'text' | 'receipt' | 'piece';
  bytes: number;
  createdMs: number;
  state: MessageState;   // receipts are always 'waiting'
  reason: string;        // why it is still here, in words a technician can act on
}

export interface TraceEvent {
  timeMs: number;
  event: string;         // queued, carried, declined, handed_over, refused, delivered, read, received, expired, purged
  detail: string;
}

export interface StoreUse {
  path: string;
  fileBytes: number;
  outboxBytes: number;
  outboxQuotaBytes: number;
  outboxEnvelopes: number;
  carryBytes: number;
  carryQuotaBytes: number;
  /** Bytes one source (the neighbour that handed envelopes over) may fill. */
  carrySourceShareBytes: number;
  carryEnvelopes: number;
  carrySources: number;
  proofs: number;
  proofBytes: number;
  messages: number;
  contacts: number;
}

export interface MessengerEvents {
  messageReceived(m: MessageInfo): void;
  messageStateChanged(m: { id: string; contactId: string; state: MessageState; reason: string; copies: number }): void;
  neighbourAppeared(n: NeighbourInfo): void;
  neighbourGone(n: { id: string; nodeId: string }): void;
  identityChanged(i: IdentityInfo): void;
  /** Added, confirmed, verified, lost its verification, or imported as pending. */
  contactChanged(c: ContactInfo): void;
  /** The two children said their codes differ: nothing became verified. */
  verificationFailed(c: ContactInfo): void;
  /** A request was made or gained a message. */
  requestReceived(r: RequestInfo): void;
  requestRemoved(r: { id: string; outcome: RequestOutcome }): void;
  blockedChanged(b: { id: string; blocked: boolean }): void;
}

export interface MessengerApi {
  identity(): IdentityInfo;
  /** Throws INVALID_ARGUMENT for an empty or over-long name. */
  setDisplayName(name: string): Promise<void>;
  neighbours(): NeighbourInfo[];
  /** Adds a nearby or previously seen person; UNKNOWN_CONTACT if never seen. */
  addContact(id: string): Promise<ContactInfo>;
  /** The buddy list proper: added and verified contacts, not pending ones. */
  contacts(): ContactInfo[];
  /** Contacts made elsewhere, waiting for confirmation on this laptop. */
  pendingContacts(): ContactInfo[];
  /** Holds contacts made elsewhere as pending; INVALID_ARGUMENT (nothing changed) for a bad entry, STORE_FULL past MAX_PENDING_CONTACTS. */
  importContacts(list: ContactToImport[], origin: string): Promise<ImportResult>;
  /** The owner confirms a pending contact: it becomes added. NOT_FOUND unless pending. */
  confirmPending(id: string): Promise<ContactInfo>;
  /** The code to compare in person with a contact or someone met (UNKNOWN_CONTACT otherwise). */
  verificationCode(id: string): Promise<string>;
  /** The user compared the codes: matches → verified; differs → a failed check, not verified. */
  confirmVerification(id: string, matches: boolean): Promise<ContactInfo>;
  requests(): RequestInfo[];
  /** A request's messages, oldest first; NOT_FOUND for no such request. */
  requestMessages(id: string): MessageInfo[];
  /** The sender becomes an added contact and the messages move to the inbox. */
  acceptRequest(id: string): Promise<ContactInfo>;
  /** Drops the request and its messages; a later message makes a new one. */
  ignoreRequest(id: string): Promise<void>;
  /** Blocks someone (a request, a contact, or someone met): nothing of theirs reaches the activity. */
  block(id: string): Promise<BlockedInfo>;
  unblock(id: string): Promise<void>;
  blocked(): BlockedInfo[];
  /** Returns the new message id once it is durably in the outbox. Errors:
   *  UNKNOWN_CONTACT, EMPTY_BODY, BODY_TOO_LARGE, STORE_FULL, INVALID_ARGUMENT. */
  send(contactId: string, text: string): Promise<string>;
  /** The same with a file, which travels in pieces; the text may be empty. Errors as for send, and
   *  INVALID_ARGUMENT for a bad file name, BODY_TOO_LARGE beyond attachmentMaxBytes(), STORE_FULL
   *  (nothing queued) when the message and its pieces do not fit in the outbox. */
  sendWithAttachment(contactId: string, text: string, file: FileToSend): Promise<string>;
  /** Largest file sendWithAttachment takes (and this laptop receives), in bytes. */
  attachmentMaxBytes(): number;
  conversations(): ConversationInfo[];
  /** Oldest first; an unknown contact gives UNKNOWN_CONTACT. */
  messages(contactId: string, opts?: { limit?: number; beforeMs?: number }): MessageInfo[];
  /** Marks incoming messages read and queues read receipts. NOT_FOUND for an unknown id. */
  markRead(ids: string[]): Promise<void>;
  /** Everything waiting to be handed over, oldest first, with the reason it waits. */
  outbox(): OutboxEntry[];
  /** What happened to a message, oldest first. NOT_FOUND for an unknown id. */
  trace(id: string): TraceEvent[];
  storeUse(): StoreUse;
  /** Administrative: drop a waiting outgoing message; it becomes failed. NOT_FOUND if not waiting. */
  purge(id: string): Promise<void>;
  /** Administrative: the identity's secrets sealed under a passphrase (scrypt + XChaCha20-Poly1305). */
  exportIdentity(passphrase: string): Uint8Array;
  /** Counters for technicians and tests: frames dropped by reason, etc. */
  counters(): Record<string, number>;
  on<E extends keyof MessengerEvents>(event: E, fn: MessengerEvents[E]): void;
  off<E extends keyof MessengerEvents>(event: E, fn: MessengerEvents[E]): void;
}

/** Longest text body accepted by Send, in bytes of UTF-8. */
export const MAX_TEXT_BYTES = 4096;
/** Longest display name, in bytes of UTF-8. */
export const MAX_DISPLAY_NAME_BYTES = 64;
