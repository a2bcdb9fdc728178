/**
 * The messenger: builds and opens messages, keeps their states, and is the
 * Mailbox that sync hands envelopes to. Events fire only after the change
 * they report has been committed.
 */
import { EventEmitter } from 'node:events';
import { makeCard } from '../crypto/card.js';
import { fingerprint } from '../crypto/fingerprint.js';
import { keyIdHex, toHex } from '../crypto/keys.js';
import { PairKeys, sealEnvelope } from '../crypto/seal.js';
import { SatchelError } from '../errors/satchel-error.js';
import { encodeContent, encodeEnvelope, type Content, type Envelope, type IdentityCard } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { RandomBytes } from '../util/random.js';
import type { LinkPeer, Mailbox } from '../sync/mailbox.js';
import type { IdentityInfo, MessageInfo, MessengerApi, MessengerEvents, NeighbourInfo } from './api.js';
import { loadOrCreateIdentity } from './identity.js';
import { DEFAULT_OUTBOX_QUOTA_BYTES, enqueue } from './outbox.js';
import { advances } from './states.js';
import { DEFAULT_LIFETIME_S, wireLifetime } from './lifetime.js';
import { createExchange, loadRoutingSnapshot } from './exchange.js';
import { loadHeldIds } from './held-ids.js';
import { defaultCarryLimits, type CarryLimits } from './quotas.js';
import { createStrategy, DEFAULT_STRATEGY, type StrategyName } from '../routing/index.js';
import { checkDisplayName, checkMessageId, checkText, checkUserId } from './validate.js';
import { purgeMessage } from './admin.js';
import { listOutbox, storeUse } from './inspect.js';
import { addTrace, readTrace } from './trace.js';
import { sealBackup } from '../crypto/backup.js';
import { conversationMessages, listConversations, messageInfo } from './views.js';
import { isContact, trustOf } from './contact-book.js';
import { requestInfo } from './requests.js';
import { createTrustApi } from './trust-api.js';
import type { ProofChecker } from './proofs-in.js';
import { checkAttachmentMax, DEFAULT_ATTACHMENT_MAX_BYTES } from './attachment-rules.js';
import { checkCaption, checkOutgoingFile, queueWithAttachment } from './attachments-out.js';

export { DEFAULT_LIFETIME_S, WIRE_DEFAULT_LIFETIME } from './lifetime.js';
/** Tries at a fresh nonce when a new message id collides with a stored one. */
const MAX_ID_TRIES = 8;

export interface MessengerOptions {
  store: Store;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  counters: Counters;
  outboxQuotaBytes?: number;
  /** Lifetime written on new messages, in seconds. */
  lifetimeS?: number;
  /** Routing strategy by name; DEFAULT_STRATEGY when absent. */
  routing?: StrategyName;
  /** That strategy's options (hopLimit, copies, timeUnitMs...). */
  routingOptions?: Record<string, unknown>;
  /** A relay point takes more and announces itself. */
  relayPoint?: boolean;
  /** The place a relay point serves. */
  place?: string;
  /** Carry-area quotas; defaults depend on relayPoint. */
  carryLimits?: Partial<CarryLimits>;
  /** Largest file sent or taken with a message, in bytes; DEFAULT_ATTACHMENT_MAX_BYTES when absent. */
  attachmentMaxBytes?: number;
  /**
   * Checks delivery proofs from the network; checkProof when absent. The
   * simulator passes one that remembers proofs already checked, since its
   * hundred laptops in one process would otherwise verify each proof a
   * hundred times.
   */
  checkProof?: ProofChecker;
}

export interface Messenger extends MessengerApi, Mailbox {
  card(): IdentityCard;
  nodeKey(): { secretKey: Uint8Array; publicKey: Uint8Array };
  /** Stops the expiry timer and saves routing state; idempotent. The store stays open (its owner closes it). */
  close(): void;
}

export function createMessenger(opts: MessengerOptions): Messenger {
  const { store, clock, random, counters } = opts;
  const log = opts.logger.child('messenger');
  const quota = opts.outboxQuotaBytes ?? DEFAULT_OUTBOX_QUOTA_BYTES;
  const lifetimeS = opts.lifetimeS ?? DEFAULT_LIFETIME_S;
  const lifetimeOnWire = wireLifetime(lifetimeS);
  const attachmentMax = checkAttachmentMax(opts.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES);
  const ident = loadOrCreateIdentity(store, random);
  const myId = keyIdHex(ident.user.publicKey);
  const keys = new PairKeys();
  const events = new EventEmitter();
  const near = new Map<string, { peer: LinkPeer; sinceMs: number }>();
  let card = makeCard(ident.user, ident.node.publicKey, ident.displayName, clock.now());

  const identity = (): IdentityInfo => ({
    id: myId, fingerprint: fingerprint(ident.user.publicKey), displayName: ident.displayName, nodeId: keyIdHex(ident.node.publicKey),
  });
  const emit = <E extends keyof MessengerEvents>(e: E, ...args: Parameters<MessengerEvents[E]>): void => {
    events.emit(e, ...args);
  };
  const stateChanged = (m: MessageRecord): void =>
    emit('messageStateChanged', { id: m.id, contactId: m.contactId, state: m.state, reason: m.reason, copies: m.copiesOut ?? 0 });
  const limits: CarryLimits = { ...defaultCarryLimits(opts.relayPoint ?? false), ...opts.carryLimits };
  const routing = createStrategy(opts.routing ?? DEFAULT_STRATEGY, {
    snapshot: loadRoutingSnapshot(store), relayPoint: opts.relayPoint ?? false,
    ...(opts.routingOptions !== undefined ? { strategy: opts.routingOptions } : {}), ...(opts.place ? { place: opts.place } : {}),
  });
  const neighbourInfo = (peer: LinkPeer, sinceMs: number): NeighbourInfo => {
    const c = store.contacts.get(peer.userId);
    return {
      id: peer.userId, displayName: peer.displayName, fingerprint: fingerprint(peer.userKey), nodeId: peer.nodeId,
      address: peer.address, sinceMs, isContact: c !== undefined && c.pending !== true,
      trust: c === undefined ? 'nearby' : trustOf(c, ident.user.publicKey), source: peer.via,
    };
  };
  /** Keeps the newest card of someone met, and their contact entry's name in step. */
  const remember = (peer: LinkPeer): void => {
    store.transact(() => {
      store.peers.put(peer.userId, { id: peer.userId, userKey: peer.userKey, displayName: peer.displayName, nodeKey: peer.nodeKey, lastSeenMs: clock.now() });
      const c = store.contacts.get(peer.userId);
      if (c && c.displayName !== peer.displayName) store.contacts.put(c.id, { ...c, displayName: peer.displayName });
    });
  };
  /** Only contacts that count: a pending one is confirmed first. */
  const userKeyOf = (id: string): Uint8Array => {
    const c = store.contacts.get(id);
    if (c === undefined || !isContact(store, id)) throw SatchelError.unknownContact(id);
    return new Uint8Array(c.userKey);
  };

  /** Seals content for a recipient and gives it an id no stored envelope has. */
  function seal(recipient: Uint8Array, content: Content): { envelope: Envelope; id: string; bytes: Uint8Array } {
    const body = encodeContent(content);
    for (let i = 0; i < MAX_ID_TRIES; i++) {
      const s = sealEnvelope({ sender: ident.user, recipient, content: body, lifetimeS: lifetimeOnWire, random, keys });
      const id = toHex(s.id);
      if (!store.messages.doesExist(id) && !store.received.doesExist(id)) return { envelope: s.envelope, id, bytes: encodeEnvelope(s.envelope) };
    }
    throw new SatchelError('INVALID_ARGUMENT', 'could not find a fresh message id');
  }

  /** Queues a receipt inside the caller's transaction; returns its id. */
  function queueReceipt(to: string, field: 'delivered' | 'read', ids: Uint8Array[]): string | undefined {
    const key = store.contacts.get(to)?.userKey ?? store.peers.get(to)?.userKey;
    if (key === undefined) return undefined;
    const s = seal(new Uint8Array(key), { receipt: { [field]: ids } });
    enqueue(store, { id: s.id, to, kind: 'receipt', envelope: s.bytes, createdMs: clock.now(), lifetimeS, copies: routing.initialCopies() }, quota);
    return s.id;
  }

  const exchange = createExchange({
    store, clock, counters, log, me: ident.user, myId, keys, routing, limits, attachmentMaxBytes: attachmentMax, held: loadHeldIds(store),
    ...(opts.checkProof !== undefined ? { checkProof: opts.checkProof } : {}),
    queueReceipt: (to, ids) => queueReceipt(to, 'delivered', ids),
    received: (m) => {
      const request = m.request === true ? store.requests.get(m.contactId) : undefined;
      if (request === undefined) {
        log.info('message received', { id: m.id, from: m.contactId });
        emit('messageReceived', messageInfo(m));
      } else {
        log.info('message from a non-contact held as a request', { id: m.id, from: m.contactId });
        emit('requestReceived', requestInfo(store, request));
      }
    },
    stateChanged,
  });

  const messenger: Messenger = {
    identity,
    card: () => card,
    nodeKey: () => ident.node,

    async setDisplayName(name) {
      const clean = checkDisplayName(name);
      store.transact(() => store.meta.put('displayName', clean));
      ident.displayName = clean;
      card = makeCard(ident.user, ident.node.publicKey, clean, clock.now());
      emit('identityChanged', identity());
    },

    neighbours: () => [...near.values()].map(({ peer, sinceMs }) => neighbourInfo(peer, sinceMs)),

    ...createTrustApi({ store, clock, counters, log, myKey: ident.user.publicKey, emit }),

    async send(rawContactId, text) {
      const contactId = checkUserId(rawContactId);
      checkText(text);
      const recipient = userKeyOf(contactId);
      const now = clock.now();
      const s = seal(recipient, { text });
      const rec: MessageRecord = { id: s.id, contactId, direction: 'out', text, state: 'waiting', reason: '', timeMs: now, updatedMs: now };
      store.transact(() => {
        enqueue(store, { id: s.id, to: contactId, kind: 'text', envelope: s.bytes, createdMs: now, lifetimeS, copies: routing.initialCopies() }, quota);
        store.messages.put(s.id, rec);
        store.conversations.put([contactId, now, s.id], true);
        addTrace(store, s.id, 'queued', `sealed for ${contactId}, ${s.bytes.length} bytes`, now);
      });
      counters.bump('messages.sent');
      log.info('message queued', { id: s.id, to: contactId });
      exchange.newlyHeld([s.id]);
      return s.id;
    },

    async sendWithAttachment(rawContactId, rawText, rawFile) {
      const contactId = checkUserId(rawContactId);
      const text = checkCaption(rawText);
      const file = checkOutgoingFile(rawFile, attachmentMax);
      const recipient = userKeyOf(contactId);
      const { id, ids } = queueWithAttachment({
        store, random, quotaBytes: quota, maxBytes: attachmentMax, lifetimeS, nowMs: clock.now(),
        copies: () => routing.initialCopies(), seal: (content) => seal(recipient, content),
      }, contactId, text, file);
      counters.bump('messages.sent');
      counters.bump('messages.attachments_sent');
      log.info('message with a file queued', { id, to: contactId, bytes: file.bytes.length, pieces: ids.length - 1 });
      exchange.newlyHeld(ids);
      return id;
    },

    attachmentMaxBytes: () => attachmentMax,

    conversations: () => listConversations(store),

    messages(rawContactId, o = {}): MessageInfo[] {
      const contactId = checkUserId(rawContactId);
      if (!store.contacts.doesExist(contactId) && !store.peers.doesExist(contactId)) throw SatchelError.unknownContact(contactId);
      let list = conversationMessages(store, contactId);
      if (o.beforeMs !== undefined) list = list.filter((m) => m.timeMs < (o.beforeMs as number));
      if (o.limit !== undefined && o.limit > 0) list = list.slice(-o.limit);
      return list.map(messageInfo);
    },

    async markRead(ids) {
      const wanted = ids.map((id, i) => checkMessageId(id, `ids[${i}]`));
      const changed: MessageRecord[] = [];
      const owed: string[] = [];
      store.transact(() => {
        const bySender = new Map<string, Uint8Array[]>();
        for (const id of wanted) {
          const m = store.messages.get(id);
          if (m === undefined || m.direction !== 'in') throw SatchelError.notFound(`incoming message ${id}`);
          // Reading a request must not tell a stranger anything: accept the sender first.
          if (m.request === true) throw SatchelError.invalidArgument(`message ${id} is a request; accept its sender first`);
          if (!advances(m.state, 'read')) continue;
          const next = { ...m, state: 'read' as const, updatedMs: clock.now() };
          store.messages.put(id, next);
          changed.push(next);
          bySender.set(m.contactId, [...(bySender.get(m.contactId) ?? []), Buffer.from(id, 'hex')]);
        }
        for (const [sender, list] of bySender) {
          const id = queueReceipt(sender, 'read', list);
          if (id !== undefined) owed.push(id);
        }
      });
      for (const m of changed) stateChanged(m);
      exchange.newlyHeld(owed);
    },

    outbox: () => listOutbox(store, (userId) => [...near.values()].some((n) => n.peer.userId === userId)),

    trace(rawId) {
      const id = checkMessageId(rawId);
      if (!store.messages.doesExist(id)) throw SatchelError.notFound(`message ${id}`);
      return readTrace(store, id);
    },

    storeUse: () => storeUse(store, quota, limits),

    async purge(rawId) {
      const id = checkMessageId(rawId);
      const m = purgeMessage(store, id, clock.now());
      log.info('message purged', { id });
      stateChanged(m);
    },

    exportIdentity(passphrase) {
      if (typeof passphrase !== 'string') throw SatchelError.invalidArgument('passphrase must be a string');
      log.info('identity exported');
      return sealBackup({ userSecret: ident.user.secretKey, displayName: ident.displayName }, passphrase, random);
    },

    counters: () => counters.snapshot(),
    on: (e, fn) => { events.on(e, fn as (...a: unknown[]) => void); },
    off: (e, fn) => { events.off(e, fn as (...a: unknown[]) => void); },

    // ---- Mailbox, for sync ----
    peerUp(peer) {
      remember(peer);
      const now = clock.now();
      near.set(peer.nodeId, { peer, sinceMs: now });
      emit('neighbourAppeared', neighbourInfo(peer, now));
    },
    peerChanged(peer) {
      remember(peer);
      const entry = near.get(peer.nodeId);
      const sinceMs = entry?.sinceMs ?? clock.now();
      near.set(peer.nodeId, { peer, sinceMs });
      // Activities keep one list keyed by id: a repeated NeighbourAppeared updates it.
      emit('neighbourAppeared', neighbourInfo(peer, sinceMs));
    },
    peerDown(peer) {
      if (near.delete(peer.nodeId)) emit('neighbourGone', { id: peer.userId, nodeId: peer.nodeId });
      try {
        exchange.saveRouting();
      } catch (err) {
        log.warn('could not save routing state', { error: (err as Error).message });
      }
    },
    routed: exchange.routed,
    routeInfo: exchange.routeInfo,
    heldIds: exchange.heldIds,
    offersFor: exchange.offersFor,
    onHeld: exchange.onHeld,
    accept: exchange.accept,
    acknowledged: exchange.acknowledged,
    close() {
      exchange.close();
      try {
        exchange.saveRouting();
      } catch (err) {
        log.warn('could not save routing state', { error: (err as Error).message });
      }
    },
  };
  return messenger;
}
