/**
 * Everything `doctor` and `export` look at, gathered once and tolerant of
 * failure: each part is either there or replaced by the error that stopped
 * it, because a broken laptop is exactly when these commands are run.
 */
import { toCliError, type CliError } from './cli-error.js';
import { EXIT } from './exit-codes.js';
import type { CommandContext } from './command.js';
import type { DaemonClient } from './client.js';
import { getConfig } from './daemon-api.js';
import { configView, explainDenied, type ConfigView } from './commands/admin.js';
import { collectNeighbours, type NeighboursView } from './commands/neighbours.js';
import { collectOutbox, type OutboxView } from './commands/outbox.js';
import { collectStatus, type StatusView } from './commands/status.js';
import { defaultStoreDir, inspectStore, type InspectView } from './commands/inspect.js';

export type Maybe<T> = { ok: T } | { error: CliError };

export interface Facts {
  now: number;
  client: Maybe<DaemonClient>;
  status?: Maybe<StatusView>;
  neighbours?: Maybe<NeighboursView>;
  outbox?: Maybe<OutboxView>;
  config?: Maybe<ConfigView>;
  /** Only when the daemon cannot be reached: the store read without it. */
  offline?: Maybe<InspectView>;
  storeDir: string;
}

export async function attempt<T>(fn: () => Promise<T>): Promise<Maybe<T>> {
  try {
    return { ok: await fn() };
  } catch (err) {
    return { error: toCliError(err) };
  }
}

/** `storeDir`: where to read the store should the daemon not answer (default: defaultStoreDir). */
export async function gatherFacts(ctx: CommandContext, storeDir = defaultStoreDir(ctx.env)): Promise<Facts> {
  const now = ctx.now();
  ctx.progress.step('looking for satcheld on the bus');
  const client = await attempt(() => ctx.daemon());
  // A malformed --bus is the caller's mistake, not the laptop's: exit 2 as everywhere.
  if ('error' in client && client.error.exitCode === EXIT.USAGE) throw client.error;
  const facts: Facts = { now, client, storeDir };
  if ('ok' in client) {
    const c = client.ok;
    ctx.progress.step('asking satcheld for its status');
    facts.status = await attempt(() => collectStatus(c, now));
    ctx.progress.step('listing neighbours and the outbox');
    facts.neighbours = await attempt(() => collectNeighbours(c));
    facts.outbox = await attempt(() => collectOutbox(c));
    ctx.progress.step('reading the configuration');
    facts.config = await attempt(async () => {
      try {
        return configView(await getConfig(c));
      } catch (err) {
        throw explainDenied(err);
      }
    });
  } else {
    ctx.progress.step(`reading the store in ${storeDir} without the daemon`);
    facts.offline = await attempt(() => inspectStore(storeDir, false, ctx.progress));
  }
  ctx.progress.done();
  return facts;
}

export const value = <T>(m: Maybe<T> | undefined): T | undefined => (m && 'ok' in m ? m.ok : undefined);
export const failure = <T>(m: Maybe<T> | undefined): CliError | undefined => (m && 'error' in m ? m.error : undefined);
