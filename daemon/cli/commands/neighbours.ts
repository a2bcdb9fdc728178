/** `satchel neighbours`: who is near now, since when, through which discovery source. */
import type { DaemonClient } from '../client.js';
import { defineCommand } from '../command.js';
import { listNeighbours } from '../daemon-api.js';
import { ago, plural } from '../format.js';
import { table } from '../table.js';
import { bool, num, str, strings } from '../unwrap.js';

export interface NeighbourView {
  id: string; display_name: string; fingerprint: string; node_id: string;
  address: string; since_ms: number; is_contact: boolean; source: string;
  /** Every discovery source that reported it, and when one last did. */
  sources: string[]; last_seen_ms: number;
}

export interface NeighboursView { count: number; neighbours: NeighbourView[] }

/** A daemon from before discovery sources were listed names only the one that led to the session. */
const withSources = (n: NeighbourView): NeighbourView =>
  (n.sources.length > 0 ? n : { ...n, sources: [n.source], last_seen_ms: n.last_seen_ms || n.since_ms });

export async function collectNeighbours(c: DaemonClient): Promise<NeighboursView> {
  const neighbours = (await listNeighbours(c)).map((n) => withSources({
    id: str(n, 'id'), display_name: str(n, 'display_name'), fingerprint: str(n, 'fingerprint'), node_id: str(n, 'node_id'),
    address: str(n, 'address'), since_ms: num(n, 'since_ms'), is_contact: bool(n, 'is_contact'),
    source: str(n, 'source'), sources: strings(n, 'sources'), last_seen_ms: num(n, 'last_seen_ms'),
  }));
  neighbours.sort((a, b) => a.since_ms - b.since_ms);
  return { count: neighbours.length, neighbours };
}

export function renderNeighbours(v: NeighboursView, now: number): string {
  if (v.count === 0) return 'no laptops near';
  return `${plural(v.count, 'laptop')} near\n` + table(v.neighbours, [
    { header: 'NAME', value: (n) => n.display_name || '-' },
    { header: 'USER ID', value: (n) => n.id },
    { header: 'FINGERPRINT', value: (n) => n.fingerprint },
    { header: 'CONTACT', value: (n) => (n.is_contact ? 'yes' : 'no') },
    { header: 'NEAR SINCE', value: (n) => ago(n.since_ms, now) },
    { header: 'VIA', value: (n) => n.sources.join(',') },
    { header: 'HEARD', value: (n) => ago(n.last_seen_ms, now) },
    { header: 'ADDRESS', value: (n) => n.address },
    { header: 'NODE', value: (n) => n.node_id },
  ]);
}

export const neighboursCommand = defineCommand<NeighboursView>({
  name: 'neighbours',
  summary: 'laptops in range now, since when and through which source',
  synopsis: 'neighbours',
  details: 'An empty list is not an error (exit 0).',
  positionals: [0, 0],
  run: async (ctx) => ({ data: await collectNeighbours(await ctx.daemon()) }),
  render: renderNeighbours,
});
