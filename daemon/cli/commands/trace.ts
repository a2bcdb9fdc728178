/**
 * `satchel trace ID`: every hop and state change the laptop knows for one
 * message, oldest first, with the message's current state. A failed
 * message exits 1: the command worked, the message did not.
 */
import { defineCommand } from '../command.js';
import { listConversations, listMessages, trace } from '../daemon-api.js';
import type { DaemonClient } from '../client.js';
import { EXIT } from '../exit-codes.js';
import { ago, clockTime } from '../format.js';
import { messageIdArg } from '../ids.js';
import { table } from '../table.js';
import { num, str } from '../unwrap.js';

export interface TraceEventView { time_ms: number; event: string; detail: string }

export interface TraceView {
  id: string;
  /** "out", "in", or "" when the message is in no conversation any more. */
  direction: string;
  contact_id: string;
  display_name: string;
  /** waiting, sent, delivered, read, failed; "" when unknown. */
  state: string;
  reason: string;
  time_ms: number;
  events: TraceEventView[];
}

/** The message's record, found through its conversation (the API has no lookup by id). */
async function findMessage(c: DaemonClient, id: string): Promise<Partial<TraceView>> {
  for (const conv of await listConversations(c)) {
    const contactId = str(conv, 'contact_id');
    const m = (await listMessages(c, contactId, 0)).find((x) => str(x, 'id') === id);
    if (m) {
      return {
        direction: str(m, 'direction'), contact_id: contactId, display_name: str(conv, 'display_name'),
        state: str(m, 'state'), reason: str(m, 'reason'), time_ms: num(m, 'time_ms'),
      };
    }
  }
  return {};
}

export async function collectTrace(c: DaemonClient, id: string): Promise<TraceView> {
  const events = (await trace(c, id)).map((e) => ({ time_ms: num(e, 'time_ms'), event: str(e, 'event'), detail: str(e, 'detail') }));
  const m = await findMessage(c, id);
  return {
    id, direction: m.direction ?? '', contact_id: m.contact_id ?? '', display_name: m.display_name ?? '',
    state: m.state ?? '', reason: m.reason ?? '', time_ms: m.time_ms ?? 0, events,
  };
}

export function renderTrace(v: TraceView, now: number): string {
  const who = v.contact_id === '' ? '' : ` ${v.direction === 'in' ? 'from' : 'to'} ${v.display_name || '?'} (${v.contact_id})`;
  const state = v.state === '' ? 'state unknown' : v.state + (v.reason ? `: ${v.reason}` : '');
  const head = `message ${v.id}${who}: ${state}`;
  if (v.events.length === 0) return `${head}\nno events recorded`;
  return `${head}\n` + table(v.events, [
    { header: 'TIME', value: (e) => clockTime(e.time_ms) },
    { header: 'AGO', value: (e) => ago(e.time_ms, now) },
    { header: 'EVENT', value: (e) => e.event },
    { header: 'DETAIL', value: (e) => e.detail },
  ]);
}

export const traceCommand = defineCommand<TraceView>({
  name: 'trace',
  summary: 'every hop and state change known for one message',
  synopsis: 'trace MESSAGE_ID',
  details: 'Exits 4 for an unknown message id, 1 when the message has failed or expired.',
  positionals: [1, 1],
  async run(ctx, { positionals }) {
    const id = messageIdArg(positionals[0] ?? '', 'MESSAGE_ID');
    const data = await collectTrace(await ctx.daemon(), id);
    return { data, exitCode: data.state === 'failed' || data.state === 'expired' ? EXIT.PROBLEM : EXIT.OK };
  },
  render: renderTrace,
});
