/** `satchel outbox`: what waits to be handed over, for whom, since when and why. */
import type { DaemonClient } from '../client.js';
import { defineCommand } from '../command.js';
import { getStatus, listOutbox } from '../daemon-api.js';
import { ago, plural, size, usage } from '../format.js';
import { table } from '../table.js';
import { num, str, type Json } from '../unwrap.js';

export interface OutboxEntryView {
  id: string; contact_id: string; display_name: string; kind: string;
  bytes: number; created_ms: number; state: string; reason: string;
}

export interface OutboxView { count: number; bytes: number; quota_bytes: number; entries: OutboxEntryView[] }

export function outboxEntry(e: Record<string, Json>): OutboxEntryView {
  return {
    id: str(e, 'id'), contact_id: str(e, 'contact_id'), display_name: str(e, 'display_name'), kind: str(e, 'kind'),
    bytes: num(e, 'bytes'), created_ms: num(e, 'created_ms'), state: str(e, 'state'), reason: str(e, 'reason'),
  };
}

export async function collectOutbox(c: DaemonClient): Promise<OutboxView> {
  const [entries, status] = await Promise.all([listOutbox(c), getStatus(c)]);
  const list = entries.map(outboxEntry).sort((a, b) => a.created_ms - b.created_ms);
  return { count: list.length, bytes: num(status, 'outbox_bytes'), quota_bytes: num(status, 'outbox_quota_bytes'), entries: list };
}

export function renderOutbox(v: OutboxView, now: number): string {
  const head = `${plural(v.count, 'envelope')} waiting; the outbox holds ${usage(v.bytes, v.quota_bytes)}`;
  if (v.count === 0) return head;
  const rows = table(v.entries, [
    { header: 'MESSAGE ID', value: (e) => e.id },
    { header: 'KIND', value: (e) => e.kind },
    { header: 'TO', value: (e) => `${e.display_name || '?'} (${e.contact_id})` },
    { header: 'SIZE', value: (e) => size(e.bytes), align: 'right' },
    { header: 'QUEUED', value: (e) => ago(e.created_ms, now) },
    { header: 'STATE', value: (e) => e.state },
  ]);
  // Reasons are sentences: one per line under the table reads better than a wide column.
  const why = v.entries.map((e) => `  ${e.id.slice(0, 8)}: ${e.reason}`).join('\n');
  return `${head}\n${rows}\nwhy:\n${why}`;
}

export const outboxCommand = defineCommand<OutboxView>({
  name: 'outbox',
  summary: 'what waits to be handed over, and why',
  synopsis: 'outbox',
  details: 'Text messages and receipts waiting for their recipient, oldest first, with the reason each still waits.',
  positionals: [0, 0],
  run: async (ctx) => ({ data: await collectOutbox(await ctx.daemon()) }),
  render: renderOutbox,
});
