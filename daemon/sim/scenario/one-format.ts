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
