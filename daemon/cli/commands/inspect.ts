/**
 * `satchel inspect`: read a store without the daemon, for a laptop whose
 * satcheld will not start. Never writes to the store (see offline-store.ts);
 * a store in use by a running daemon is read alongside it, and says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultStateDir } from '../../options.js';
import { defineCommand, type Env } from '../command.js';
import { ago, plural, size } from '../format.js';
import type { Progress } from '../progress.js';
import type { StoreSummary } from '../store-summary.js';
import { pairs, table } from '../table.js';
import { renderOutbox } from './outbox.js';

/** The packaged unit's StateDirectory=satchel. */
export const SYSTEM_STORE_DIR = '/var/lib/satchel';

export interface InspectView extends StoreSummary {
  store: { path: string; opened: 'copy' | 'shared'; in_use_by: number[]; file_bytes: number };
}

/** The system daemon's store when there is one, else where a daemon on embedded defaults keeps it. */
export function defaultStoreDir(env: Env): string {
  return existsSync(join(SYSTEM_STORE_DIR, 'data.mdb')) ? SYSTEM_STORE_DIR : defaultStateDir(env as NodeJS.ProcessEnv);
}

export async function inspectStore(dir: string, showText: boolean, progress: Progress): Promise<InspectView> {
  // Loaded here so that commands which never touch a store never load LMDB.
  const { openForInspection } = await import('../offline-store.js');
  const { summariseStore } = await import('../store-summary.js');
  const opened = await openForInspection(dir, progress);
  try {
    const summary = summariseStore(opened.store, showText);
    return { store: { path: dir, opened: opened.opened, in_use_by: opened.holders, file_bytes: opened.fileBytes }, ...summary };
  } finally {
    await opened.close();
  }
}

export function renderInspect(v: InspectView, now: number): string {
  const how = v.store.opened === 'shared'
    ? `in use by pid ${v.store.in_use_by.join(', ')}: read as one more LMDB reader (a consistent snapshot; nothing written)`
    : 'not in use: read from a private copy, the store itself was not opened';
  const id = v.identity;
  const c = v.counts;
  const head = pairs([
    ['store', `${v.store.path}, ${size(v.store.file_bytes)} on disk`],
    ['access', how],
    ['identity', id ? `${id.display_name || '(no name)'}  id ${id.id}  fingerprint ${id.fingerprint}` : 'none yet (the daemon never started here)'],
    ['laptop', id ? `node ${id.node_id}` : '-'],
    ['kept', `${plural(c.messages, 'message')}, ${plural(c.contacts, 'contact')}, ${plural(c.peers, 'person', 'people')} met, ${c.received} envelopes received, ${c.trace_events} trace events`],
  ]);
  // Offline there is no quota to compare with (the daemon's configuration sets it): 0 shows the bytes alone.
  const outbox = renderOutbox({ count: v.outbox.length, bytes: c.outbox_bytes, quota_bytes: 0, entries: v.outbox }, now);
  const convs = v.conversations.length === 0 ? 'no conversations' : `${plural(v.conversations.length, 'conversation')}\n` + table(v.conversations, [
    { header: 'WITH', value: (x) => `${x.display_name || '?'} (${x.contact_id})` },
    { header: 'MESSAGES', value: (x) => String(x.total), align: 'right' },
    { header: 'UNREAD', value: (x) => String(x.unread), align: 'right' },
    { header: 'LAST', value: (x) => ago(x.last_time_ms, now) },
    ...(v.conversations.some((x) => x.last_text !== undefined) ? [{ header: 'LAST TEXT', value: (x: { last_text?: string }) => x.last_text ?? '' }] : []),
  ]);
  return `${head}\n\noutbox: ${outbox}\n\n${convs}`;
}

export const inspectCommand = defineCommand<InspectView>({
  name: 'inspect',
  summary: "read a store without the daemon (read-only; no message text unless --show-text)",
  synopsis: 'inspect [--store DIR] [--show-text]',
  details: [
    `--store DIR      the store directory (default ${SYSTEM_STORE_DIR} if it holds a store,`,
    '                 else $XDG_STATE_HOME/satchel)',
    '--show-text      include the last message text of each conversation',
    'Works with satcheld stopped; with satcheld running it reads alongside it and says so.',
    'Exits 4 when DIR holds no store, 5 when it cannot be read, 6 when it cannot be opened.',
  ].join('\n'),
  options: { store: { type: 'string' }, 'show-text': { type: 'boolean' } },
  positionals: [0, 0],
  async run(ctx, { values }) {
    const dir = typeof values['store'] === 'string' ? values['store'] : defaultStoreDir(ctx.env);
    const data = await inspectStore(dir, values['show-text'] === true, ctx.progress);
    if (data.store.opened === 'shared') ctx.note(`note: ${dir} is in use by pid ${data.store.in_use_by.join(', ')}; LMDB lets readers share it, so this is a consistent snapshot`);
    return { data };
  },
  render: renderInspect,
});
