/**
 * Writes a scenario in the ONE simulator's external events format (its
 * StandardEventsReader), so that the same files drive satchel's simulator
 * and the ONE: contacts as `<time> CONN <host1> <host2> up|down` and
 * messages as `<time> C <msgId> <from> <to> <size>`, times in seconds and
 * hosts as integer addresses, one event a line, in time order. The host
 * map beside them is JSON and not part of the ONE's format.
 */
import type { GeneratedContact } from './contact-book.js';
import type { SchoolVillageParams } from './params.js';
import type { HostInfo } from './population.js';
import type { GeneratedMessage } from './workload.js';

export function contactLines(events: readonly GeneratedContact[]): string {
  return events.map((e) => `${e.timeS} CONN ${e.a} ${e.b} ${e.up ? 'up' : 'down'}\n`).join('');
}

export function messageLines(events: readonly GeneratedMessage[]): string {
  return events.map((e) => `${e.timeS} C ${e.id} ${e.from} ${e.to} ${e.sizeBytes}\n`).join('');
}

/**
 * Which host is what, for reports ("host 126 is the bus") and for setting up
 * the ONE's host groups; the parameters are included so that the files say
 * how to make them again.
 */
export function hostMapJson(params: SchoolVillageParams, hosts: readonly HostInfo[]): string {
  return `${JSON.stringify({ scenario: 'school-village', params, hostCount: hosts.length, hosts }, null, 2)}\n`;
}

/**
 * The relay points of a scenario as the simulator takes them (host →
 * place): each school server serves its village ("v0", "v1", ...), and the
 * mule is a relay point with no place of its own. Hosts read back from
 * hosts.json are plain objects, so anything that is not a host entry is
 * skipped rather than trusted.
 */
export function relayPointMap(hosts: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of hosts) {
    if (typeof h !== 'object' || h === null) continue;
    const { host, role, village } = h as Record<string, unknown>;
    if (!Number.isSafeInteger(host)) continue;
    if (role === 'relay' && Number.isSafeInteger(village)) out[String(host)] = `v${String(village)}`;
    else if (role === 'mule') out[String(host)] = '';
  }
  return out;
}
