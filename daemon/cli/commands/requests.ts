/**
 * `satchel requests`: messages from people who are not contacts, held apart
 * from the inbox and unverified; accept, ignore or block their senders, and
 * look at or undo the block list. As with the inbox, the text is the
 * children's: `show` gives it only with --show-text.
 */
import { defineCommand } from '../command.js';
import { CliError } from '../cli-error.js';
import type { Rec } from '../daemon-api.js';
import { acceptRequest, block, ignoreRequest, listBlocked, listRequestMessages, listRequests, unblock } from '../contacts-api.js';
import { ago, plural, preview, size } from '../format.js';
import { userIdArg } from '../ids.js';
import { table } from '../table.js';
import { num, str } from '../unwrap.js';

/** Characters of text shown per line in a table; --json carries it whole. */
const TEXT_PREVIEW_CHARS = 60;

export interface RequestView { id: string; display_name: string; fingerprint: string; trust: string; first_ms: number; last_ms: number; messages: number }
export interface HeldMessageView { id: string; bytes: number; time_ms: number; text?: string }
export interface BlockedView { id: string; display_name: string; fingerprint: string; blocked_ms: number }

export type RequestsView =
  | { count: number; requests: RequestView[] }
  | { id: string; messages: HeldMessageView[] }
  | { id: string; done: 'accepted' | 'ignored' | 'blocked' | 'unblocked' }
  | { count: number; blocked: BlockedView[] };

const requestView = (r: Rec): RequestView => ({
  id: str(r, 'id'), display_name: str(r, 'display_name'), fingerprint: str(r, 'fingerprint'), trust: str(r, 'trust'),
  first_ms: num(r, 'first_ms'), last_ms: num(r, 'last_ms'), messages: num(r, 'messages'),
});
const blockedView = (b: Rec): BlockedView => ({
  id: str(b, 'id'), display_name: str(b, 'display_name'), fingerprint: str(b, 'fingerprint'), blocked_ms: num(b, 'blocked_ms'),
});

const VERBS_WITH_ID = ['show', 'accept', 'ignore', 'block', 'unblock'] as const;

export const requestsCommand = defineCommand<RequestsView>({
  name: 'requests',
  summary: 'messages from non-contacts: list, show, accept, ignore, block; the block list',
  synopsis: 'requests [show USER_ID [--show-text] | accept USER_ID | ignore USER_ID | block USER_ID | unblock USER_ID | blocked]',
  details: [
    'Messages from people who are not contacts wait here, unverified, not in the inbox.',
    'show USER_ID     the held messages (sizes and times; the text with --show-text)',
    'accept USER_ID   the sender becomes a contact (trust added); the messages move to the inbox',
    'ignore USER_ID   drop the request and its messages',
    'block USER_ID    nothing from this person reaches the laptop\'s activities again',
    'unblock USER_ID  undo a block',
    'blocked          the block list',
    'exit 4 when there is no such request or blocked person.',
  ].join('\n'),
  options: { 'show-text': { type: 'boolean' } },
  positionals: [0, 2],
  async run(ctx, { positionals, values }) {
    const [verb, rawId] = positionals;
    if (values['show-text'] === true && verb !== 'show') throw CliError.usage('--show-text goes with "requests show USER_ID"');
    if (verb === undefined || verb === 'blocked') {
      if (rawId !== undefined) throw CliError.usage(`requests ${verb ?? ''} takes no USER_ID`);
      const c = await ctx.daemon();
      if (verb === 'blocked') {
        const blocked = (await listBlocked(c)).map(blockedView);
        return { data: { count: blocked.length, blocked } };
      }
      const requests = (await listRequests(c)).map(requestView);
      return { data: { count: requests.length, requests } };
    }
    if (!(VERBS_WITH_ID as readonly string[]).includes(verb)) {
      throw CliError.usage(`requests takes ${VERBS_WITH_ID.join(', ')} or blocked, not ${JSON.stringify(verb)}`);
    }
    if (rawId === undefined) throw CliError.usage(`requests ${verb} needs a USER_ID`);
    const id = userIdArg(rawId, 'USER_ID');
    const c = await ctx.daemon();
    switch (verb) {
      case 'show': {
        const messages = (await listRequestMessages(c, id)).map((m): HeldMessageView => {
          const text = str(m, 'text');
          return { id: str(m, 'id'), bytes: Buffer.byteLength(text, 'utf8'), time_ms: num(m, 'time_ms'), ...(values['show-text'] === true ? { text } : {}) };
        });
        return { data: { id, messages } };
      }
      case 'accept': await acceptRequest(c, id); return { data: { id, done: 'accepted' } };
      case 'ignore': await ignoreRequest(c, id); return { data: { id, done: 'ignored' } };
      case 'block': await block(c, id); return { data: { id, done: 'blocked' } };
      default: await unblock(c, id); return { data: { id, done: 'unblocked' } };
    }
  },
  render(v, now) {
    if ('done' in v) return `${v.done} ${v.id}`;
    if ('messages' in v) {
      if (v.messages.length === 0) return `no messages held from ${v.id}`;
      const withText = v.messages.some((m) => m.text !== undefined);
      return `${plural(v.messages.length, 'message')} from ${v.id}, unverified\n` + table(v.messages, [
        { header: 'MESSAGE ID', value: (m) => m.id },
        { header: 'SIZE', value: (m) => size(m.bytes), align: 'right' },
        { header: 'RECEIVED', value: (m) => ago(m.time_ms, now) },
        ...(withText ? [{ header: 'TEXT', value: (m: HeldMessageView) => preview(m.text ?? '', TEXT_PREVIEW_CHARS) }] : []),
      ]);
    }
    if ('blocked' in v) {
      if (v.count === 0) return 'nobody is blocked';
      return `${plural(v.count, 'blocked person', 'blocked people')}\n` + table(v.blocked, [
        { header: 'NAME', value: (b) => b.display_name || '-' },
        { header: 'USER ID', value: (b) => b.id },
        { header: 'FINGERPRINT', value: (b) => b.fingerprint },
        { header: 'BLOCKED', value: (b) => ago(b.blocked_ms, now) },
      ]);
    }
    if (v.count === 0) return 'no requests';
    return `${plural(v.count, 'request')} from people who are not contacts (unverified)\n` + table(v.requests, [
      { header: 'NAME', value: (r) => r.display_name || '-' },
      { header: 'USER ID', value: (r) => r.id },
      { header: 'FINGERPRINT', value: (r) => r.fingerprint },
      { header: 'TRUST', value: (r) => r.trust.toUpperCase() },
      { header: 'MESSAGES', value: (r) => String(r.messages), align: 'right' },
      { header: 'LAST', value: (r) => ago(r.last_ms, now) },
    ]);
  },
});
