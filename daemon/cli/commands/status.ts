/** `satchel status`: is the daemon healthy, who is this laptop, how full is the store. */
import type { DaemonClient } from '../client.js';
import { defineCommand } from '../command.js';
import { getIdentity, getStatus } from '../daemon-api.js';
import { EXIT } from '../exit-codes.js';
import { ago, clockTime, duration, plural, size, usage } from '../format.js';
import { sourceText, statusWarnings } from '../health.js';
import { pairs } from '../table.js';
import { num, obj, str } from '../unwrap.js';

export interface IdentityView { id: string; fingerprint: string; display_name: string; node_id: string }

export interface StatusView {
  health: 'ok' | 'degraded';
  warnings: string[];
  version: string;
  pid: number;
  started_ms: number;
  uptime_ms: number;
  bus: { kind: string; address: string; daemon_bus_kind: string; unique_name: string };
  identity: IdentityView;
  store: {
    path: string; file_bytes: number; outbox_bytes: number; outbox_quota_bytes: number;
    outbox_envelopes: number; messages: number; contacts: number;
    carry_bytes: number; carry_quota_bytes: number; carry_source_share_bytes: number; carry_envelopes: number; carry_sources: number;
    proofs: number;
  };
  sources: Record<string, string>;
  config_path: string;
}

export async function collectStatus(c: DaemonClient, now: number): Promise<StatusView> {
  const [s, i] = await Promise.all([getStatus(c), getIdentity(c)]);
  const sources: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(s['sources']))) sources[k] = typeof v === 'string' ? v : String(v);
  const view: StatusView = {
    health: 'ok', warnings: [],
    version: str(s, 'version'), pid: num(s, 'pid'), started_ms: num(s, 'started_ms'), uptime_ms: num(s, 'uptime_ms'),
    bus: { kind: c.kind, address: c.address, daemon_bus_kind: str(s, 'bus_kind'), unique_name: str(s, 'unique_name') },
    identity: { id: str(i, 'id'), fingerprint: str(i, 'fingerprint'), display_name: str(i, 'display_name'), node_id: str(i, 'node_id') },
    store: {
      path: str(s, 'store_path'), file_bytes: num(s, 'store_file_bytes'), outbox_bytes: num(s, 'outbox_bytes'),
      outbox_quota_bytes: num(s, 'outbox_quota_bytes'), outbox_envelopes: num(s, 'outbox_envelopes'),
      messages: num(s, 'messages'), contacts: num(s, 'contacts'),
      carry_bytes: num(s, 'carry_bytes'), carry_quota_bytes: num(s, 'carry_quota_bytes'),
      carry_source_share_bytes: num(s, 'carry_source_share_bytes'), carry_envelopes: num(s, 'carry_envelopes'),
      carry_sources: num(s, 'carry_sources'), proofs: num(s, 'proofs'),
    },
    sources, config_path: str(s, 'config_path'),
  };
  view.warnings = statusWarnings(view, now);
  view.health = view.warnings.length === 0 ? 'ok' : 'degraded';
  return view;
}

const BUS_LABEL: Record<string, string> = { system: 'system bus', session: 'session bus', private: "a daemon's private bus", address: 'bus' };
/** What config_path "" means: satcheld found no file and runs on its defaults and flags. */
export const NO_CONFIG_FILE = 'no file (built-in defaults and command-line flags)';

export function renderStatus(v: StatusView, now: number): string {
  const sources = Object.entries(v.sources).map(([k, s]) => sourceText(k, s)).join(', ') || 'none';
  const lines = pairs([
    ['satcheld', `${v.version}, pid ${v.pid}, up ${duration(v.uptime_ms)} (since ${clockTime(v.started_ms)}, ${ago(v.started_ms, now)})`],
    ['health', v.health === 'ok' ? 'ok' : `DEGRADED (${plural(v.warnings.length, 'warning')})`],
    ['identity', `${v.identity.display_name || '(no name)'}  id ${v.identity.id}  fingerprint ${v.identity.fingerprint}`],
    ['laptop', `node ${v.identity.node_id}`],
    ['bus', `${BUS_LABEL[v.bus.kind] ?? v.bus.kind} ${v.bus.address}, satcheld is ${v.bus.unique_name} there`],
    ['store', `${v.store.path}, ${size(v.store.file_bytes)} on disk, ${plural(v.store.messages, 'message')}, ${plural(v.store.contacts, 'contact')}`],
    ['outbox', `${usage(v.store.outbox_bytes, v.store.outbox_quota_bytes)}, ${plural(v.store.outbox_envelopes, 'envelope')} waiting`],
    ['carrying', `${usage(v.store.carry_bytes, v.store.carry_quota_bytes)} for others, ${plural(v.store.carry_envelopes, 'envelope')} from ${plural(v.store.carry_sources, 'neighbour')} (at most ${size(v.store.carry_source_share_bytes)} each), ${plural(v.store.proofs, 'delivery proof')}`],
    ['discovery', sources],
    ['config', v.config_path || NO_CONFIG_FILE],
  ]);
  return [lines, ...v.warnings.map((w) => `warning: ${w}`)].join('\n');
}

export const statusCommand = defineCommand<StatusView>({
  name: 'status',
  summary: 'health, version, uptime, identity, store use and discovery sources',
  synopsis: 'status',
  details: 'Exits 1 when the daemon runs but is degraded (the beacon down, the outbox nearly full, the clock wrong).',
  positionals: [0, 0],
  async run(ctx) {
    const data = await collectStatus(await ctx.daemon(), ctx.now());
    return { data, exitCode: data.health === 'ok' ? EXIT.OK : EXIT.PROBLEM };
  },
  render: renderStatus,
});
