/**
 * The one LMDB environment of a daemon. Tables are typed views; every change
 * that must be all-or-nothing goes through `transact`, which commits and
 * flushes before it returns, so a SIGKILL right after leaves the change
 * whole or absent.
 *
 * Synchronous transactions on purpose: lmdb-js's asynchronous `transaction()`
 * never resolves on this platform (its callback thread hand-off stalls), and
 * a short sync commit is what crash-safety needs anyway.
 */
import { mkdirSync } from 'node:fs';
import { open, type Database, type RootDatabase } from 'lmdb';
import { SatchelError } from '../errors/satchel-error.js';
import type { BlockRecord, CarryRecord, ContactRecord, DraftRecord, ExpiringKind, IncomingRecord, MessageRecord, OutboxRecord, PeerRecord, ProofRecord, RequestRecord, TraceRecord } from './records.js';

/**
 * 2 added the carry area, proofs, the expiry index and files on their way in; a version 1 store gains them empty.
 * The requests area and block list came later without a new version: they start empty, and a contact
 * record without trust fields reads as an added contact, so older stores open as they are.
 */
export const STORE_SCHEMA_VERSION = 2;
const UPGRADABLE_FROM = [1];
/** Initial LMDB map size in bytes; lmdb-js grows the map when it fills, so
 * quotas, not the map, are what bound the store. */
export const DEFAULT_STORE_MAP_BYTES = 64 * 1024 * 1024;

export type ConversationKey = [string, number, string];
export type OutboxKey = [string, string];
export type TraceKey = [string, number];
export type PairKey = [string, string];
export type ExpiryKey = [number, ExpiringKind, string];
export type PieceKey = [string, number];

export interface StoreOptions {
  path: string;
  readOnly?: boolean;
  mapBytes?: number;
}

export interface Store {
  readonly path: string;
  readonly meta: Database<unknown, string>;
  readonly contacts: Database<ContactRecord, string>;
  readonly peers: Database<PeerRecord, string>;
  readonly messages: Database<MessageRecord, string>;
  /** [contactId, timeMs, messageId] → true: a conversation in time order. */
  readonly conversations: Database<true, ConversationKey>;
  /** [recipientId, envelopeId] → envelope waiting for that recipient. */
  readonly outbox: Database<OutboxRecord, OutboxKey>;
  /** envelope id → wall ms first received: nothing is taken twice. */
  readonly received: Database<number, string>;
  /** [messageId, seq] → what happened to that message, in order. */
  readonly trace: Database<TraceRecord, TraceKey>;
  /** draft id → a message not sent yet. */
  readonly drafts: Database<DraftRecord, string>;
  /** envelope id → recipient id, for every outbox entry. */
  readonly outboxIds: Database<string, string>;
  /** envelope id → a sealed envelope carried for someone else. */
  readonly carry: Database<CarryRecord, string>;
  /** [recipientId, envelopeId] and [sourceNodeId, envelopeId]: indexes of the carry area. */
  readonly carryByTo: Database<true, PairKey>;
  readonly carryBySource: Database<true, PairKey>;
  /** source node id → bytes it has in the carry area. */
  readonly carrySources: Database<number, string>;
  /** proof id → a delivery proof. */
  readonly proofs: Database<ProofRecord, string>;
  /** envelope id → local wall ms until which it is known delivered and refused. */
  readonly delivered: Database<number, string>;
  /** [local wall ms, kind, id]: what expires when, earliest first. */
  readonly expiries: Database<true, ExpiryKey>;
  /** incoming key (sender id + file id) → a file on its way in. */
  readonly incoming: Database<IncomingRecord, string>;
  /** [incoming key, piece index] → that piece's bytes. */
  readonly pieces: Database<Uint8Array, PieceKey>;
  /** sender id → someone who is not a contact and wrote (the requests area). */
  readonly requests: Database<RequestRecord, string>;
  /** [senderId, timeMs, messageId] → true: a request's messages in time order (not in `conversations`). */
  readonly requestMessages: Database<true, ConversationKey>;
  /** user id → someone the user blocked. */
  readonly blocked: Database<BlockRecord, string>;
  transact<T>(fn: () => T): T;
  close(): Promise<void>;
}

export function openStore(opts: StoreOptions): Store {
  const readOnly = opts.readOnly ?? false;
  if (!readOnly) mkdirSync(opts.path, { recursive: true, mode: 0o700 });
  let root: RootDatabase;
  try {
    root = open({ path: opts.path, readOnly, maxDbs: 32, mapSize: opts.mapBytes ?? DEFAULT_STORE_MAP_BYTES });
  } catch (err) {
    throw new SatchelError('CONFIG', `cannot open store at ${opts.path}: ${(err as Error).message}`, { cause: err });
  }
  const db = <V, K extends string | unknown[]>(name: string) =>
    root.openDB<V, K & import('lmdb').Key>({ name, encoding: 'msgpack', cache: false });
  const store: Store = {
    path: opts.path,
    meta: db<unknown, string>('meta'),
    contacts: db<ContactRecord, string>('contacts'),
    peers: db<PeerRecord, string>('peers'),
    messages: db<MessageRecord, string>('messages'),
    conversations: db<true, ConversationKey>('conversations'),
    outbox: db<OutboxRecord, OutboxKey>('outbox'),
    received: db<number, string>('received'),
    trace: db<TraceRecord, TraceKey>('trace'),
    drafts: db<DraftRecord, string>('drafts'),
    outboxIds: db<string, string>('outbox-ids'),
    carry: db<CarryRecord, string>('carry'),
    carryByTo: db<true, PairKey>('carry-by-to'),
    carryBySource: db<true, PairKey>('carry-by-source'),
    carrySources: db<number, string>('carry-sources'),
    proofs: db<ProofRecord, string>('proofs'),
    delivered: db<number, string>('delivered'),
    expiries: db<true, ExpiryKey>('expiries'),
    incoming: db<IncomingRecord, string>('incoming'),
    pieces: db<Uint8Array, PieceKey>('pieces'),
    requests: db<RequestRecord, string>('requests'),
    requestMessages: db<true, ConversationKey>('request-messages'),
    blocked: db<BlockRecord, string>('blocked'),
    transact<T>(fn: () => T): T {
      if (readOnly) throw SatchelError.invalidArgument('store is open read-only');
      try {
        return root.transactionSync(fn);
      } catch (err) {
        if (err instanceof SatchelError) throw err;
        const message = String((err as Error).message);
        if (/MDB_MAP_FULL|map full/i.test(message)) throw SatchelError.storeFull('the store file reached its size limit', err);
        // LMDB reports a write that found the disk full as ENOSPC or, from
        // its write-back path, as EIO; either way the transaction was rolled
        // back whole and a later one succeeds once space is freed.
        if (/No space|ENOSPC|Input\/output error|EIO/i.test(message)) {
          throw SatchelError.storeFull(`the disk holding the store is full (${message.slice(0, 80)})`, err);
        }
        throw err;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // lmdb-js hangs the process for good when close() follows a
      // transactionSync in the same tick; let the commit settle first.
      await new Promise((resolve) => setImmediate(resolve));
      await root.close();
    },
  };
  let closed = false;
  checkSchema(store, readOnly);
  return store;
}

function checkSchema(store: Store, readOnly: boolean): void {
  const found = store.meta.get('schema');
  if (found === undefined && !readOnly) {
    store.transact(() => store.meta.put('schema', STORE_SCHEMA_VERSION));
    return;
  }
  if (!readOnly && typeof found === 'number' && UPGRADABLE_FROM.includes(found)) {
    // Tables added since start empty; only the outbox gains an index.
    store.transact(() => {
      for (const { value } of store.outbox.getRange({})) store.outboxIds.put(value.id, value.to);
      store.meta.put('schema', STORE_SCHEMA_VERSION);
    });
    return;
  }
  if (found !== STORE_SCHEMA_VERSION) {
    void store.close();
    throw SatchelError.storeSchema(found, STORE_SCHEMA_VERSION);
  }
}
