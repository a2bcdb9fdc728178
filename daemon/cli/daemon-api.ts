/**
 * satcheld's methods as the CLI uses them, one typed function each, named
 * after the contract (docs/dbus/org.satchel.Satchel1.xml). Records stay
 * snake_case JSON, exactly as on the bus, so --json output can pass them on.
 */
import {
  ADMIN_INTERFACE,
  CONTACTS_INTERFACE,
  DAEMON_INTERFACE,
  DRAFTS_INTERFACE,
  IDENTITY_INTERFACE,
  MESSAGES_INTERFACE,
} from '../service/names.js';
import type { DaemonClient } from './client.js';
import { list, obj, type Json } from './unwrap.js';

export type Rec = Record<string, Json>;

const one = async (p: Promise<Json[]>): Promise<Rec> => obj((await p)[0]);
const many = async (p: Promise<Json[]>): Promise<Rec[]> => list((await p)[0]);

export const getStatus = (c: DaemonClient): Promise<Rec> => one(c.call(DAEMON_INTERFACE, 'GetStatus'));
export const getCounters = (c: DaemonClient): Promise<Rec> => one(c.call(DAEMON_INTERFACE, 'GetCounters'));
export const getIdentity = (c: DaemonClient): Promise<Rec> => one(c.call(IDENTITY_INTERFACE, 'GetIdentity'));
export const listNeighbours = (c: DaemonClient): Promise<Rec[]> => many(c.call(CONTACTS_INTERFACE, 'ListNeighbours'));
export const listContacts = (c: DaemonClient): Promise<Rec[]> => many(c.call(CONTACTS_INTERFACE, 'ListContacts'));
export const addContact = (c: DaemonClient, id: string): Promise<Rec> => one(c.call(CONTACTS_INTERFACE, 'AddContact', 's', [id]));
export const listOutbox = (c: DaemonClient): Promise<Rec[]> => many(c.call(MESSAGES_INTERFACE, 'ListOutbox'));
export const listConversations = (c: DaemonClient): Promise<Rec[]> => many(c.call(MESSAGES_INTERFACE, 'ListConversations'));
export const trace = (c: DaemonClient, id: string): Promise<Rec[]> => many(c.call(MESSAGES_INTERFACE, 'Trace', 's', [id]));
export const getConfig = (c: DaemonClient): Promise<Rec> => one(c.call(ADMIN_INTERFACE, 'GetConfig'));

/** Oldest first; `limit` 0 for all. */
export const listMessages = (c: DaemonClient, contactId: string, limit: number): Promise<Rec[]> =>
  many(c.call(MESSAGES_INTERFACE, 'ListMessages', 'su', [contactId, limit]));

/** Oldest first; `contactId` '' for everyone's. */
export const listDrafts = (c: DaemonClient, contactId: string): Promise<Rec[]> =>
  many(c.call(DRAFTS_INTERFACE, 'ListDrafts', 's', [contactId]));

export async function send(c: DaemonClient, contactId: string, text: string): Promise<string> {
  const [id] = await c.call(MESSAGES_INTERFACE, 'Send', 'ss', [contactId, text]);
  return typeof id === 'string' ? id : '';
}

/** Passes the open file itself, so the daemon reads what this user may read, wherever it is. */
export async function sendWithAttachmentFd(c: DaemonClient, contactId: string, text: string, name: string, fd: number): Promise<string> {
  const [id] = await c.call(MESSAGES_INTERFACE, 'SendWithAttachmentFd', 'sssh', [contactId, text, name, fd]);
  return typeof id === 'string' ? id : '';
}

export async function purge(c: DaemonClient, id: string): Promise<void> {
  await c.call(ADMIN_INTERFACE, 'Purge', 's', [id]);
}
