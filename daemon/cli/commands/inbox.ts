/**
 * `satchel inbox`: messages that came in, newest first. Bodies are the
 * children's business: a technician sees who, when, how big and whether
 * read, and the text only when asking for it with --show-text.
 */
import { defineCommand } from '../command.js';
import { listConversations, listMessages } from '../daemon-api.js';
import { CliError } from '../cli-error.js';
import { ago, plural, size } from '../format.js';
import { userIdArg } from '../ids.js';
import { table } from '../table.js';
import { num, str } from '../unwrap.js';

/** Messages shown unless --limit says otherwise. */
export const DEFAULT_INBOX_LIMIT = 20;
/** Characters of text shown per line in a table; --json carries it whole. */
const TEXT_PREVIEW_CHARS = 60;

export interface InboxMessageView {
  id: string; contact_id: string; display_name: string; state: string; time_ms: number; bytes: number;
  /** Present only with --show-text. */
  text?: string;
}

export interface InboxView { count: number; unread: number; messages: InboxMessageView[] }

export const inboxCommand = defineCommand<InboxView>({
  name: 'inbox',
  summary: 'messages received, newest first (no text unless --show-text)',
  synopsis: 'inbox [--unread] [--from USER_ID] [--limit N] [--show-text]',
  details: [
    '--unread         only messages not yet read',
    '--from USER_ID   only messages from this person',
    `--limit N        at most N messages (default ${DEFAULT_INBOX_LIMIT}; 0 for all)`,
    '--show-text      include the message text (left out by default: it is private)',
  ].join('\n'),
  options: { unread: { type: 'boolean' }, from: { type: 'string' }, limit: { type: 'string' }, 'show-text': { type: 'boolean' } },
  positionals: [0, 0],
  async run(ctx, { values }) {
    const limit = values['limit'] === undefined ? DEFAULT_INBOX_LIMIT : Number(values['limit']);
    if (!Number.isInteger(limit) || limit < 0) throw CliError.usage(`--limit must be a whole number of messages, not ${JSON.stringify(values['limit'])}`);
    const from = typeof values['from'] === 'string' ? userIdArg(values['from'], '--from') : undefined;
    const showText = values['show-text'] === true;
    const c = await ctx.daemon();
    const conversations = (await listConversations(c)).filter((v) => from === undefined || str(v, 'contact_id') === from);
    const all: InboxMessageView[] = [];
    for (const conv of conversations) {
      const contactId = str(conv, 'contact_id');
      for (const m of await listMessages(c, contactId, 0)) {
        if (str(m, 'direction') !== 'in') continue;
        const text = str(m, 'text');
        const view: InboxMessageView = {
          id: str(m, 'id'), contact_id: contactId, display_name: str(conv, 'display_name'), state: str(m, 'state'),
          time_ms: num(m, 'time_ms'), bytes: Buffer.byteLength(text, 'utf8'),
        };
        if (showText) view.text = text;
        all.push(view);
      }
    }
    const unread = all.filter((m) => m.state !== 'read').length;
    let messages = values['unread'] === true ? all.filter((m) => m.state !== 'read') : all;
    messages = messages.sort((a, b) => b.time_ms - a.time_ms);
    if (limit > 0) messages = messages.slice(0, limit);
    return { data: { count: messages.length, unread, messages } };
  },
  render(v, now) {
    const head = `${plural(v.count, 'message')} shown, ${v.unread} unread`;
    if (v.count === 0) return head;
    const withText = v.messages.some((m) => m.text !== undefined);
    return `${head}\n` + table(v.messages, [
      { header: 'MESSAGE ID', value: (m) => m.id },
      { header: 'FROM', value: (m) => `${m.display_name || '?'} (${m.contact_id})` },
      { header: 'RECEIVED', value: (m) => ago(m.time_ms, now) },
      { header: 'STATE', value: (m) => (m.state === 'read' ? 'read' : 'unread') },
      { header: 'SIZE', value: (m) => size(m.bytes), align: 'right' },
      ...(withText ? [{ header: 'TEXT', value: (m: InboxMessageView) => preview(m.text ?? '') }] : []),
    ]);
  },
});

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > TEXT_PREVIEW_CHARS ? `${flat.slice(0, TEXT_PREVIEW_CHARS - 1)}…` : flat;
}
