/**
 * The Contacts interface's trust, verification, request and block-list
 * methods as the CLI uses them (beside daemon-api.ts), records kept
 * snake_case as on the bus.
 */
import { CONTACTS_INTERFACE } from '../service/names.js';
import type { DaemonClient } from './client.js';
import type { Rec } from './daemon-api.js';
import { list, obj, type Json } from './unwrap.js';

const one = async (p: Promise<Json[]>): Promise<Rec> => obj((await p)[0]);
const many = async (p: Promise<Json[]>): Promise<Rec[]> => list((await p)[0]);
const call = (c: DaemonClient, method: string, signature?: string, body?: unknown[]): Promise<Json[]> =>
  c.call(CONTACTS_INTERFACE, method, signature, body);

export const listPending = (c: DaemonClient): Promise<Rec[]> => many(call(c, 'ListPending'));
export const confirmPending = (c: DaemonClient, id: string): Promise<Rec> => one(call(c, 'ConfirmPending', 's', [id]));
export async function getVerificationCode(c: DaemonClient, id: string): Promise<string> {
  const [code] = await call(c, 'GetVerificationCode', 's', [id]);
  return typeof code === 'string' ? code : '';
}
export const confirmVerification = (c: DaemonClient, id: string, matches: boolean): Promise<Rec> =>
  one(call(c, 'ConfirmVerification', 'sb', [id, matches]));
export const listRequests = (c: DaemonClient): Promise<Rec[]> => many(call(c, 'ListRequests'));
export const listRequestMessages = (c: DaemonClient, id: string): Promise<Rec[]> => many(call(c, 'ListRequestMessages', 's', [id]));
export const acceptRequest = (c: DaemonClient, id: string): Promise<Rec> => one(call(c, 'AcceptRequest', 's', [id]));
export async function ignoreRequest(c: DaemonClient, id: string): Promise<void> {
  await call(c, 'IgnoreRequest', 's', [id]);
}
export const block = (c: DaemonClient, id: string): Promise<Rec> => one(call(c, 'Block', 's', [id]));
export async function unblock(c: DaemonClient, id: string): Promise<void> {
  await call(c, 'Unblock', 's', [id]);
}
export const listBlocked = (c: DaemonClient): Promise<Rec[]> => many(call(c, 'ListBlocked'));
