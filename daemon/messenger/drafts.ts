/**
 * Drafts: messages the user has started but not sent. They live in the
 * store, so they survive restarts, and sending one goes through the
 * messenger's ordinary Send, so a sent draft is a message like any other.
 * Events fire only after the change they report has been committed.
 */
import { EventEmitter } from 'node:events';
import { toHex } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { DraftRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../util/clock.js';
import type { RandomBytes } from '../util/random.js';
import { checkDraftId, checkDraftText, checkUserId } from './validate.js';

/** Most drafts kept at once, over all contacts. With MAX_TEXT_BYTES each
 * that bounds drafts to about 1 MiB of store. */
export const DEFAULT_MAX_DRAFTS = 256;
/** Bytes of randomness in a draft id (32 hex digits). */
const DRAFT_ID_BYTES = 16;
/** Tries at fresh randomness when a new draft id collides with a stored one. */
const MAX_ID_TRIES = 8;

export interface DraftInfo {
  id: string;
  contactId: string;
  text: string;
  createdMs: number;     // local wall clock
  updatedMs: number;
}

export interface DraftEvents {
  /** A draft was saved or its text changed. */
  draftChanged(d: DraftInfo): void;
  /** A draft is gone: `messageId` is the message it became, or '' when discarded. */
  draftRemoved(d: { id: string; contactId: string; messageId: string }): void;
}

export interface DraftsApi {
  /** Returns the new draft's id. Empty text is allowed. Errors: UNKNOWN_CONTACT,
   *  BODY_TOO_LARGE, STORE_FULL (too many drafts), INVALID_ARGUMENT. */
  save(contactId: string, text: string): Promise<string>;
  /** Oldest first (ties in id order); all drafts when no contact is given.
   *  UNKNOWN_CONTACT for someone who is not a contact and has no drafts. */
  list(contactId?: string): DraftInfo[];
  /** NOT_FOUND for an unknown id. */
  get(id: string): DraftInfo;
  /** Replaces the text. Errors: NOT_FOUND, BODY_TOO_LARGE, INVALID_ARGUMENT. */
  update(id: string, text: string): Promise<void>;
  /** NOT_FOUND for an unknown id. */
  discard(id: string): Promise<void>;
  /** Sends the draft and returns the message id; the draft is removed only once
   *  the message is in the outbox. Send's errors (EMPTY_BODY, STORE_FULL, ...)
   *  leave the draft as it was. NOT_FOUND for an unknown id. */
  sendDraft(id: string): Promise<string>;
  on<E extends keyof DraftEvents>(event: E, fn: DraftEvents[E]): void;
  off<E extends keyof DraftEvents>(event: E, fn: DraftEvents[E]): void;
}

export interface DraftsOptions {
  store: Store;
  clock: Clock;
  random: RandomBytes;
  /** The messenger's Send: resolves once the message is durably queued. */
  send: (contactId: string, text: string) => Promise<string>;
  maxDrafts?: number;
}

const info = (d: DraftRecord): DraftInfo => ({
  id: d.id, contactId: d.contactId, text: d.text, createdMs: d.createdMs, updatedMs: d.updatedMs,
});

export function createDrafts(opts: DraftsOptions): DraftsApi {
  const { store, clock, random, send } = opts;
  const maxDrafts = opts.maxDrafts ?? DEFAULT_MAX_DRAFTS;
  if (!Number.isInteger(maxDrafts) || maxDrafts < 1) throw SatchelError.invalidArgument(`maxDrafts must be a whole number above 0; got ${maxDrafts}`);
  const events = new EventEmitter();
  /** Drafts being sent now, so a second SendDraft (a double click) gets the
   *  same message instead of a second one, and an edit waits for the outcome. */
  const sending = new Map<string, Promise<string>>();

  const emit = <E extends keyof DraftEvents>(e: E, ...args: Parameters<DraftEvents[E]>): void => {
    events.emit(e, ...args);
  };
  const mustGet = (id: string): DraftRecord => {
    const d = store.drafts.get(id);
    if (d === undefined) throw SatchelError.notFound(`draft ${id}`);
    return d;
  };
  const settled = async (id: string): Promise<void> => {
    await sending.get(id)?.catch(() => {});
  };
  const freshId = (): string => {
    for (let i = 0; i < MAX_ID_TRIES; i++) {
      const id = toHex(random(DRAFT_ID_BYTES));
      if (!store.drafts.doesExist(id)) return id;
    }
    throw new SatchelError('INVALID_ARGUMENT', 'could not find a fresh draft id');
  };

  async function sendNow(id: string): Promise<string> {
    const d = mustGet(id);
    const messageId = await send(d.contactId, d.text);
    // A crash between the two commits leaves the draft as well as the message:
    // the user may send it twice, but never loses what they wrote.
    store.transact(() => store.drafts.remove(id));
    emit('draftRemoved', { id, contactId: d.contactId, messageId });
    return messageId;
  }

  return {
    async save(rawContactId, text) {
      const contactId = checkUserId(rawContactId);
      const body = checkDraftText(text);
      if (!store.contacts.doesExist(contactId)) throw SatchelError.unknownContact(contactId);
      const now = clock.now();
      const rec = store.transact(() => {
        const held = store.drafts.getCount();
        if (held >= maxDrafts) throw SatchelError.storeFull(`${held} drafts are saved, the most kept; send or discard one first`);
        const r: DraftRecord = { id: freshId(), contactId, text: body, createdMs: now, updatedMs: now };
        store.drafts.put(r.id, r);
        return r;
      });
      emit('draftChanged', info(rec));
      return rec.id;
    },

    list(rawContactId) {
      const contactId = rawContactId === undefined ? undefined : checkUserId(rawContactId);
      const out: DraftInfo[] = [];
      for (const { value } of store.drafts.getRange({})) {
        if (contactId === undefined || value.contactId === contactId) out.push(info(value));
      }
      if (contactId !== undefined && out.length === 0 && !store.contacts.doesExist(contactId)) {
        throw SatchelError.unknownContact(contactId);
      }
      return out.sort((a, b) => a.createdMs - b.createdMs || (a.id < b.id ? -1 : 1));
    },

    get: (rawId) => info(mustGet(checkDraftId(rawId))),

    async update(rawId, text) {
      const id = checkDraftId(rawId);
      const body = checkDraftText(text);
      await settled(id);
      const rec = store.transact(() => {
        const next: DraftRecord = { ...mustGet(id), text: body, updatedMs: clock.now() };
        store.drafts.put(id, next);
        return next;
      });
      emit('draftChanged', info(rec));
    },

    async discard(rawId) {
      const id = checkDraftId(rawId);
      await settled(id);
      const d = store.transact(() => {
        const found = mustGet(id);
        store.drafts.remove(id);
        return found;
      });
      emit('draftRemoved', { id, contactId: d.contactId, messageId: '' });
    },

    async sendDraft(rawId) {
      const id = checkDraftId(rawId);
      const running = sending.get(id);
      if (running) return running;
      const p = sendNow(id);
      sending.set(id, p);
      try {
        return await p;
      } finally {
        sending.delete(id);
      }
    },

    on: (e, fn) => { events.on(e, fn as (...a: unknown[]) => void); },
    off: (e, fn) => { events.off(e, fn as (...a: unknown[]) => void); },
  };
}
