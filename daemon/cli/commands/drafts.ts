/**
 * `satchel drafts`: messages started on this laptop and not sent yet, oldest
 * first. As with the inbox, the text is the children's: a technician sees
 * for whom, how big and since when, and the text only with --show-text.
 */
import { defineCommand } from '../command.js';
import { listContacts, listDrafts } from '../daemon-api.js';
import { ago, plural, preview, size } from '../format.js';
import { userIdArg } from '../ids.js';
import { table } from '../table.js';
import { num, str } from '../unwrap.js';

/** Characters of text shown per line in a table; --json carries it whole. */
const TEXT_PREVIEW_CHARS = 60;

export interface DraftView {
  id: string; contact_id: string; display_name: string; bytes: number; created_ms: number; updated_ms: number;
  /** Present only with --show-text. */
  text?: string;
}

export interface DraftsView { count: number; drafts: DraftView[] }

export const draftsCommand = defineCommand<DraftsView>({
  name: 'drafts',
  summary: 'messages written but not sent yet (no text unless --show-text)',
  synopsis: 'drafts [--for USER_ID] [--show-text]',
  details: [
    '--for USER_ID    only drafts for this contact (exit 4 if not a contact)',
    '--show-text      include the draft text (left out by default: it is private)',
  ].join('\n'),
  options: { for: { type: 'string' }, 'show-text': { type: 'boolean' } },
  positionals: [0, 0],
  async run(ctx, { values }) {
    const only = typeof values['for'] === 'string' ? userIdArg(values['for'], '--for') : '';
    const showText = values['show-text'] === true;
    const c = await ctx.daemon();
    const [drafts, contacts] = await Promise.all([listDrafts(c, only), listContacts(c)]);
    const names = new Map(contacts.map((k) => [str(k, 'id'), str(k, 'display_name')]));
    const list = drafts.map((d): DraftView => {
      const text = str(d, 'text');
      const view: DraftView = {
        id: str(d, 'id'), contact_id: str(d, 'contact_id'), display_name: names.get(str(d, 'contact_id')) ?? '',
        bytes: Buffer.byteLength(text, 'utf8'), created_ms: num(d, 'created_ms'), updated_ms: num(d, 'updated_ms'),
      };
      if (showText) view.text = text;
      return view;
    });
    return { data: { count: list.length, drafts: list } };
  },
  render(v, now) {
    if (v.count === 0) return 'no drafts';
    const withText = v.drafts.some((d) => d.text !== undefined);
    return `${plural(v.count, 'draft')}\n` + table(v.drafts, [
      { header: 'DRAFT ID', value: (d) => d.id },
      { header: 'TO', value: (d) => `${d.display_name || '?'} (${d.contact_id})` },
      { header: 'SIZE', value: (d) => size(d.bytes), align: 'right' },
      { header: 'STARTED', value: (d) => ago(d.created_ms, now) },
      { header: 'CHANGED', value: (d) => ago(d.updated_ms, now) },
      ...(withText ? [{ header: 'TEXT', value: (d: DraftView) => preview(d.text ?? '', TEXT_PREVIEW_CHARS) }] : []),
    ]);
  },
});
