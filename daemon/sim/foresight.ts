/**
 * What no strategy can beat on a trace: for each message, the earliest it
 * could reach its recipient through at most h transfers if every future
 * contact were known (a foremost journey with at most h hops, in the
 * terms of Bui-Xuan, Ferreira and Jarry's time-varying graphs), with
 * transfers taking no time. One copy on the best path costs h transfers,
 * so h transfers is an overhead ratio of h - 1 for that message.
 *
 * A strategy that falls far short of the bound for a small h has a
 * prediction problem, not a budget one: the paths exist, but nothing the
 * laptops can know points to them.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { OneEvents } from './one-events.js';

/** Most transfers a bound is asked for: beyond this a bound is epidemic routing's anyway. */
export const MAX_FORESIGHT_TRANSFERS = 32;

export interface ForesightRow {
  /** At most this many transfers, the last to the recipient. */
  transfers: number;
  created: number;
  delivered: number;
  deliveryProb: number;
  /** Median of creation to arrival over the messages that arrive (element n/2, as the ONE). */
  latencyMedianS: number | null;
}

interface Interval {
  a: string;
  b: string;
  upS: number;
  downS: number;
}

/** Contacts as intervals; one still open at the end of the trace lasts until `endS`. */
function intervals(events: OneEvents, endS: number): Interval[] {
  const open = new Map<string, { a: string; b: string; upS: number }>();
  const out: Interval[] = [];
  for (const c of events.contacts) {
    const key = c.a < c.b ? `${c.a}\n${c.b}` : `${c.b}\n${c.a}`;
    const was = open.get(key);
    if (c.up) {
      if (was === undefined) open.set(key, { a: c.a, b: c.b, upS: c.timeS });
    } else if (was !== undefined) {
      out.push({ ...was, downS: c.timeS });
      open.delete(key);
    }
  }
  for (const was of open.values()) out.push({ ...was, downS: endS });
  return out.filter((i) => i.upS <= endS).sort((x, y) => x.upS - y.upS);
}

/** One row per transfer count from 1 to `maxTransfers`, up to `endS` (the last event when absent). */
export function foresightBound(events: OneEvents, maxTransfers: number, endS?: number): ForesightRow[] {
  if (typeof events !== 'object' || events === null || !Array.isArray(events.contacts) || !Array.isArray(events.messages)) {
    throw SatchelError.invalidArgument('foresightBound needs events');
  }
  if (!Number.isInteger(maxTransfers) || maxTransfers < 1 || maxTransfers > MAX_FORESIGHT_TRANSFERS) {
    throw SatchelError.invalidArgument(`maxTransfers must be an integer from 1 to ${MAX_FORESIGHT_TRANSFERS}`);
  }
  if (endS !== undefined && !(Number.isFinite(endS) && endS >= 0)) throw SatchelError.invalidArgument('endS must be a number of seconds');
  const end = endS ?? Math.max(0, ...events.contacts.map((c) => c.timeS), ...events.messages.map((m) => m.timeS));
  const all = intervals(events, end);
  const latencies: number[][] = Array.from({ length: maxTransfers }, () => []);
  for (const m of events.messages) {
    if (m.timeS > end) continue;
    // reach: the earliest time each laptop can hold the message with the transfers counted so far.
    let reach = new Map<string, number>([[m.from, m.timeS]]);
    for (let h = 1; h <= maxTransfers; h++) {
      const next = new Map(reach);
      for (const i of all) {
        if (i.downS < m.timeS) continue;
        for (const [x, y] of [[i.a, i.b], [i.b, i.a]] as const) {
          const at = reach.get(x);
          if (at === undefined || at > i.downS) continue;
          const t = Math.max(i.upS, at);
          if (t < (next.get(y) ?? Infinity)) next.set(y, t);
        }
      }
      reach = next;
      const arrived = reach.get(m.to);
      if (arrived !== undefined && arrived <= end) latencies[h - 1]?.push(arrived - m.timeS);
    }
  }
  const created = events.messages.filter((m) => m.timeS <= end).length;
  return latencies.map((l, i) => {
    const sorted = [...l].sort((x, y) => x - y);
    return {
      transfers: i + 1, created, delivered: l.length, deliveryProb: created === 0 ? 0 : l.length / created,
      latencyMedianS: sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)] ?? null,
    };
  });
}
