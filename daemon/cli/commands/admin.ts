/**
 * The administrative commands, over org.satchel.Satchel1.Admin: the system
 * bus lets only root and the satchel-admin group call it, so AccessDenied
 * (exit 5) is the normal answer for anyone else and gets a clear sentence.
 */
import { defineCommand } from '../command.js';
import { CliError, toCliError } from '../cli-error.js';
import { getConfig, purge, type Rec } from '../daemon-api.js';
import { EXIT } from '../exit-codes.js';
import { messageIdArg } from '../ids.js';
import { table } from '../table.js';
import { NO_CONFIG_FILE } from './status.js';
import type { Json } from '../unwrap.js';

export const ADMIN_DENIED_TEXT = 'this needs root or membership of the satchel-admin group (the D-Bus policy refuses others)';

/** AccessDenied from the bus, reworded; every other error unchanged. */
export function explainDenied(err: unknown): CliError {
  const e = toCliError(err);
  if (e.exitCode !== EXIT.DENIED) return e;
  return new CliError(EXIT.DENIED, `permission denied: ${ADMIN_DENIED_TEXT}`, {
    ...(e.dbusName ? { dbusName: e.dbusName } : {}), hint: 'run it with sudo, or ask for the satchel-admin group',
  });
}

export interface ConfigView { config_path: string; config: Record<string, Json> }

/** Keys whose value must never be printed or bundled, should one ever be added to the configuration. */
const SECRET_KEY = /secret|passphrase|password|token|private/i;
export const REDACTED = '(redacted)';

export function configView(raw: Rec): ConfigView {
  const config: Record<string, Json> = {};
  for (const [k, v] of Object.entries(raw).sort(([a], [b]) => a.localeCompare(b))) {
    if (k !== 'config_path') config[k] = SECRET_KEY.test(k) ? REDACTED : v;
  }
  return { config_path: typeof raw['config_path'] === 'string' ? raw['config_path'] : '', config };
}

export function renderConfig(v: ConfigView): string {
  const rows = Object.entries(v.config).map(([key, value]) => ({ key, value }));
  return `configuration file: ${v.config_path || NO_CONFIG_FILE}\n` + table(rows, [
    { header: 'KEY', value: (r) => r.key },
    { header: 'VALUE', value: (r) => (typeof r.value === 'string' ? (r.value === '' ? '""' : r.value) : JSON.stringify(r.value)) },
  ]);
}

export const configCommand = defineCommand<ConfigView>({
  name: 'config',
  summary: 'the configuration in force (Admin: root or satchel-admin)',
  synopsis: 'config',
  details: 'Exits 5 when the bus refuses the Admin interface to this user.',
  positionals: [0, 0],
  async run(ctx) {
    try {
      return { data: configView(await getConfig(await ctx.daemon())) };
    } catch (err) {
      throw explainDenied(err);
    }
  },
  render: renderConfig,
});

export interface PurgeView { id: string; purged: boolean }

export const purgeCommand = defineCommand<PurgeView>({
  name: 'purge',
  summary: 'drop a waiting outgoing message; it becomes failed (Admin)',
  synopsis: 'purge MESSAGE_ID',
  details: 'Exits 4 when no outgoing message with that id is waiting, 5 when the bus refuses the Admin interface.',
  positionals: [1, 1],
  async run(ctx, { positionals }) {
    const id = messageIdArg(positionals[0] ?? '', 'MESSAGE_ID');
    try {
      await purge(await ctx.daemon(), id);
    } catch (err) {
      throw explainDenied(err);
    }
    return { data: { id, purged: true } };
  },
  render: (v) => `purged ${v.id}: it is out of the outbox and marked failed`,
});
