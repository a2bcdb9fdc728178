/**
 * The messenger's contact, verification, request and block-list methods.
 * Each change is one transaction; its events fire after the commit.
 */
import { SatchelError } from '../errors/satchel-error.js';
import { toHex } from '../crypto/keys.js';
import type { Store } from '../store/store.js';
import type { ContactRecord } from '../store/records.js';
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { ContactInfo, MessengerApi, MessengerEvents } from './api.js';
import { asAddedContact, contactInfo, importPending, recordComparison } from './contact-book.js';
import {
  acceptRequest, blockedInfo, blockPerson, dropRequest, moveToInbox, requestInfo, requestMessageRecords,
} from './requests.js';
import { checkUserId } from './validate.js';
import { verificationCode } from './verification-code.js';
import { messageInfo } from './views.js';

/** Codes kept computed (each costs one scrypt), most recent first out. */
export const VERIFICATION_CODE_CACHE_ENTRIES = 32;

export type TrustApi = Pick<MessengerApi,
  'addContact' | 'contacts' | 'pendingContacts' | 'importContacts' | 'confirmPending' | 'verificationCode' | 'confirmVerification'
  | 'requests' | 'requestMessages' | 'acceptRequest' | 'ignoreRequest' | 'block' | 'unblock' | 'blocked'>;

export interface TrustDeps {
  store: Store;
  clock: Clock;
  counters: Counters;
  log: Logger;
  /** The user's own public key. */
  myKey: Uint8Array;
  emit<E extends keyof MessengerEvents>(e: E, ...args: Parameters<MessengerEvents[E]>): void;
}

export function createTrustApi(d: TrustDeps): TrustApi {
  const { store, clock, counters, log, myKey } = d;
  const codes = new Map<string, Promise<string>>();
  const info = (c: ContactRecord): ContactInfo => contactInfo(c, myKey);
  const contactOrThrow = (id: string): ContactRecord => {
    const c = store.contacts.get(id);
    if (c === undefined) throw SatchelError.unknownContact(id);
    return c;
  };
  const listed = (pending: boolean): ContactInfo[] =>
    [...store.contacts.getRange({})].filter(({ value }) => (value.pending === true) === pending).map(({ value }) => info(value));

  /** Makes `id` an added contact (moving any request to the inbox); reports what changed. */
  const promote = (id: string, what: string): ContactInfo => {
    const { contact, changed, hadRequest } = store.transact(() => {
      const before = store.contacts.get(id);
      const contact = asAddedContact(store, id, clock.now());
      const changed = before === undefined || before.pending === true;
      if (changed) store.contacts.put(id, contact);
      const hadRequest = store.requests.doesExist(id);
      moveToInbox(store, id);
      return { contact, changed, hadRequest };
    });
    if (changed) {
      log.info(what, { contact: id });
      d.emit('contactChanged', info(contact));
    }
    if (hadRequest) d.emit('requestRemoved', { id, outcome: 'accepted' });
    return info(contact);
  };

  return {
    async addContact(rawId) {
      return promote(checkUserId(rawId), 'contact added');
    },

    contacts: () => listed(false),
    pendingContacts: () => listed(true),

    async importContacts(list, origin) {
      const r = store.transact(() => importPending(store, list, origin, myKey, clock.now()));
      counters.bump('contacts.imported_pending', r.pending.length);
      log.info('contacts imported as pending', { pending: r.pending.length, known: r.known.length, origin: String(origin) });
      for (const c of r.records) d.emit('contactChanged', info(c));
      return { pending: r.pending, known: r.known };
    },

    async confirmPending(rawId) {
      const id = checkUserId(rawId);
      if (store.contacts.get(id)?.pending !== true) throw SatchelError.notFound(`pending contact ${id}`);
      return promote(id, 'pending contact confirmed');
    },

    async verificationCode(rawId) {
      const theirs = new Uint8Array(contactOrThrow(checkUserId(rawId)).userKey);
      const key = toHex(theirs);
      let code = codes.get(key);
      if (code === undefined) {
        code = verificationCode(myKey, theirs);
        codes.set(key, code);
        if (codes.size > VERIFICATION_CODE_CACHE_ENTRIES) codes.delete(codes.keys().next().value as string);
        code.catch(() => codes.delete(key));
      }
      return code;
    },

    async confirmVerification(rawId, matches) {
      const id = checkUserId(rawId);
      if (typeof matches !== 'boolean') throw SatchelError.invalidArgument('matches must be true or false');
      const theirs = new Uint8Array(contactOrThrow(id).userKey);
      const rec = store.transact(() => recordComparison(store, id, myKey, theirs, matches, clock.now()));
      const c = info(rec);
      if (matches) {
        counters.bump('contacts.verified');
        log.info('contact verified in person', { contact: id });
      } else {
        counters.bump('contacts.verification_failed');
        log.warn('verification codes differed: someone may be in the middle', { contact: id });
      }
      d.emit('contactChanged', c);
      if (!matches) d.emit('verificationFailed', c);
      return c;
    },

    requests: () => [...store.requests.getRange({})].map(({ value }) => requestInfo(store, value)).sort((a, b) => b.lastMs - a.lastMs),

    requestMessages(rawId) {
      const id = checkUserId(rawId);
      if (!store.requests.doesExist(id)) throw SatchelError.notFound(`request from ${id}`);
      return requestMessageRecords(store, id).map(messageInfo);
    },

    async acceptRequest(rawId) {
      const id = checkUserId(rawId);
      const r = store.transact(() => acceptRequest(store, id, clock.now()));
      log.info('request accepted', { contact: id, messages: r.moved.length });
      d.emit('contactChanged', info(r.contact));
      d.emit('requestRemoved', { id, outcome: 'accepted' });
      return info(r.contact);
    },

    async ignoreRequest(rawId) {
      const id = checkUserId(rawId);
      const had = store.transact(() => dropRequest(store, id));
      if (!had) throw SatchelError.notFound(`request from ${id}`);
      log.info('request ignored', { contact: id });
      d.emit('requestRemoved', { id, outcome: 'ignored' });
    },

    async block(rawId) {
      const id = checkUserId(rawId);
      const { rec, hadRequest, was } = store.transact(() => {
        const hadRequest = store.requests.doesExist(id);
        const was = store.blocked.doesExist(id);
        return { rec: blockPerson(store, id, clock.now()), hadRequest, was };
      });
      if (!was) {
        log.info('blocked', { contact: id });
        d.emit('blockedChanged', { id, blocked: true });
      }
      if (hadRequest) d.emit('requestRemoved', { id, outcome: 'blocked' });
      return blockedInfo(rec);
    },

    async unblock(rawId) {
      const id = checkUserId(rawId);
      const had = store.transact(() => {
        const had = store.blocked.doesExist(id);
        store.blocked.remove(id);
        return had;
      });
      if (!had) throw SatchelError.notFound(`blocked person ${id}`);
      log.info('unblocked', { contact: id });
      d.emit('blockedChanged', { id, blocked: false });
    },

    blocked: () => [...store.blocked.getRange({})].map(({ value }) => blockedInfo(value)),
  };
}
