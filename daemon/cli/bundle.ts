/**
 * The diagnostics bundle: one JSON document for a support ticket, built
 * from the same --json documents the commands print, so `satchel import`
 * can show it with the same renders. It holds no message text (inbox and
 * conversation texts are never fetched) and no key material (the daemon
 * never exports keys over D-Bus but in ExportIdentity, which is not called).
 */
import { hostname } from 'node:os';
import type { CommandContext } from './command.js';
import { getCounters, trace } from './daemon-api.js';
import { doctorView, type DoctorView } from './commands/doctor.js';
import type { ConfigView } from './commands/admin.js';
import type { InspectView } from './commands/inspect.js';
import type { NeighboursView } from './commands/neighbours.js';
import type { OutboxView } from './commands/outbox.js';
import type { StatusView } from './commands/status.js';
import type { TraceEventView } from './commands/trace.js';
import { runChecks } from './doctor-checks.js';
import { attempt, failure, gatherFacts, value, type Maybe } from './facts.js';
import { readJournal, type LogsView } from './journal.js';
import { num, str } from './unwrap.js';
import { CLI_VERSION } from './version.js';

export const BUNDLE_FORMAT = 'satchel-diagnostics';
export const BUNDLE_FORMAT_VERSION = 1;
/** Traces of at most this many waiting messages go in, oldest first. */
export const MAX_BUNDLE_TRACES = 50;

export interface Missing { section: string; reason: string; exit_code: number }

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  format_version: number;
  created_ms: number;
  cli_version: string;
  host: string;
  bus: { kind: string; address: string } | null;
  status: StatusView | null;
  neighbours: NeighboursView | null;
  outbox: OutboxView | null;
  counters: Record<string, number> | null;
  config: ConfigView | null;
  traces: Record<string, TraceEventView[]>;
  doctor: DoctorView;
  /** The store read without the daemon; only when the daemon could not be reached. */
  store: InspectView | null;
  logs: LogsView;
  /** Sections left empty, and why. */
  missing: Missing[];
}

export async function collectBundle(ctx: CommandContext, storeDir?: string): Promise<Bundle> {
  const facts = await gatherFacts(ctx, storeDir);
  const missing: Missing[] = [];
  const unreachable = failure(facts.client);
  /** A section's value, or null with the reason recorded. */
  const take = <T>(section: string, m: Maybe<T> | undefined): T | null => {
    // The offline store is read precisely because the daemon is unreachable.
    const err = (section === 'store' ? undefined : unreachable) ?? failure(m);
    if (err) missing.push({ section, reason: err.message, exit_code: err.exitCode });
    return err ? null : value(m) ?? null;
  };
  const client = value(facts.client);
  let counters: Maybe<Record<string, number>> | undefined;
  const traces: Record<string, TraceEventView[]> = {};
  if (client) {
    ctx.progress.step('reading counters');
    counters = await attempt(async () => {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(await getCounters(client))) out[k] = typeof v === 'number' ? v : Number(v);
      return out;
    });
    const waiting = (value(facts.outbox)?.entries ?? []).filter((e) => e.kind === 'text').slice(0, MAX_BUNDLE_TRACES);
    for (const [i, e] of waiting.entries()) {
      ctx.progress.step(`tracing waiting message ${i + 1} of ${waiting.length}`);
      const events = await attempt(() => trace(client, e.id));
      const list = value(events);
      if (list) traces[e.id] = list.map((x) => ({ time_ms: num(x, 'time_ms'), event: str(x, 'event'), detail: str(x, 'detail') }));
    }
  }
  ctx.progress.step('reading the journal');
  const logs = await readJournal();
  ctx.progress.done();
  const bundle: Bundle = {
    format: BUNDLE_FORMAT, format_version: BUNDLE_FORMAT_VERSION, created_ms: facts.now, cli_version: CLI_VERSION, host: hostname(),
    bus: client ? { kind: client.kind, address: client.address } : null,
    status: take('status', facts.status),
    neighbours: take('neighbours', facts.neighbours),
    outbox: take('outbox', facts.outbox),
    counters: take('counters', counters),
    config: take('config', facts.config),
    traces,
    doctor: doctorView(runChecks(facts)),
    store: facts.offline ? take('store', facts.offline) : null,
    logs,
    missing,
  };
  return bundle;
}
