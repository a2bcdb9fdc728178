/**
 * A contact trace shaped like the ONE's default scenario (Helsinki: 126
 * hosts in six groups, 12 hours, 10 m radios), for when the ONE's own map is
 * not at hand. Hosts walk or drive on a grid of streets between random
 * crossings and pause there, as the ONE's map-based movement does on real
 * streets; trams ride fixed lines back and forth and stop at each crossing
 * on the way. Streets matter: they put hosts on the same lines, which is
 * what makes contacts frequent enough for store-and-forward to work, and an
 * open-field random waypoint would meet far less often.
 *
 * Positions advance in fixed steps; two hosts are in contact while they are
 * within range at a step. Seeded and reproducible.
 */
import { SatchelError } from '../errors/satchel-error.js';
import { seededRandom } from '../util/random.js';
import type { ContactEvent, MessageEvent, OneEvents } from './one-events.js';

export interface MovementGroup {
  prefix: string;
  count: number;
  /** Speed range, m/s. */
  minSpeed: number;
  maxSpeed: number;
  /** Pause at each destination, seconds. */
  minWaitS: number;
  maxWaitS: number;
  /** Rides one fixed line back and forth instead of picking destinations. */
  line?: boolean;
}

export interface StreetTraceOptions {
  seed: number;
  groups: MovementGroup[];
  /** Area, metres. */
  widthM: number;
  heightM: number;
  /** Distance between parallel streets, metres. */
  blockM: number;
  rangeM: number;
  durationS: number;
  /** Position update step, seconds. */
  stepS: number;
}

/**
 * The ONE's default_settings.txt groups on the Helsinki map's extent: two
 * walking groups and one of cars (40 each) and three tram lines of two trams.
 * 150 m blocks are about Helsinki's centre.
 */
export const HELSINKI_LIKE: StreetTraceOptions = {
  seed: 1,
  groups: [
    { prefix: 'p', count: 40, minSpeed: 0.5, maxSpeed: 1.5, minWaitS: 0, maxWaitS: 120 },
    { prefix: 'c', count: 40, minSpeed: 2.7, maxSpeed: 13.9, minWaitS: 0, maxWaitS: 120 },
    { prefix: 'w', count: 40, minSpeed: 0.5, maxSpeed: 1.5, minWaitS: 0, maxWaitS: 120 },
    { prefix: 't', count: 6, minSpeed: 7, maxSpeed: 10, minWaitS: 10, maxWaitS: 30, line: true },
  ],
  widthM: 4500,
  heightM: 3400,
  blockM: 150,
  rangeM: 10,
  durationS: 12 * 3600,
  stepS: 1,
};

/** Most hosts a trace may have. */
export const MAX_TRACE_HOSTS = 2000;

interface Mover {
  name: string;
  g: MovementGroup;
  x: number;
  y: number;
  /** Corners still to visit, next first. */
  path: [number, number][];
  speed: number;
  waitUntilS: number;
  /** Line riders: their two ends. */
  ends?: [[number, number], [number, number]];
  toEnd?: 0 | 1;
}

export function streetTrace(o: StreetTraceOptions): ContactEvent[] & { hosts: string[] } {
  check(o);
  const rand = seededRandom(o.seed);
  const u = (): number => {
    const b = rand(4);
    return ((b[0]! | (b[1]! << 8) | (b[2]! << 16)) >>> 0) / 0x1000000;
  };
  const cols = Math.floor(o.widthM / o.blockM);
  const rows = Math.floor(o.heightM / o.blockM);
  const corner = (): [number, number] => [Math.floor(u() * (cols + 1)) * o.blockM, Math.floor(u() * (rows + 1)) * o.blockM];
  const between = (lo: number, hi: number): number => lo + u() * (hi - lo);
  /** Along one street, then the crossing one (which first is a coin toss). */
  const route = (x: number, y: number, to: [number, number], stops: boolean): [number, number][] => {
    const mid: [number, number] = u() < 0.5 ? [to[0], y] : [x, to[1]];
    if (!stops) return [mid, to];
    const out: [number, number][] = [];
    for (const leg of [mid, to]) {
      const [fx, fy] = out.at(-1) ?? [x, y];
      const n = Math.round((Math.abs(leg[0] - fx) + Math.abs(leg[1] - fy)) / o.blockM);
      for (let i = 1; i <= n; i++) out.push([fx + ((leg[0] - fx) * i) / n, fy + ((leg[1] - fy) * i) / n]);
    }
    return out;
  };
  const movers: Mover[] = [];
  for (const g of o.groups) {
    for (let i = 0; i < g.count; i++) {
      const [x, y] = corner();
      const m: Mover = { name: `${g.prefix}${i}`, g, x, y, path: [], speed: between(g.minSpeed, g.maxSpeed), waitUntilS: 0 };
      if (g.line === true) {
        // Two trams share each line, starting at opposite ends.
        const lineNo = Math.floor(i / 2);
        const lr = seededRandom(o.seed * 7919 + lineNo + 1);
        const pick = (): [number, number] => {
          const b = lr(4);
          return [((b[0]! * 256 + b[1]!) % (cols + 1)) * o.blockM, ((b[2]! * 256 + b[3]!) % (rows + 1)) * o.blockM];
        };
        m.ends = [pick(), pick()];
        const start = m.ends[i % 2 as 0 | 1];
        m.x = start[0];
        m.y = start[1];
        m.toEnd = i % 2 === 0 ? 1 : 0;
      }
      movers.push(m);
    }
  }
  const out = [] as unknown as ContactEvent[] & { hosts: string[] };
  out.hosts = movers.map((m) => m.name);
  const up = new Set<number>();
  const r2 = o.rangeM * o.rangeM;
  const cell = Math.max(o.rangeM, 1);
  for (let t = 0; t <= o.durationS; t += o.stepS) {
    for (const m of movers) advance(m, t);
    const grid = new Map<number, number[]>();
    movers.forEach((m, i) => {
      const k = Math.floor(m.x / cell) * 65536 + Math.floor(m.y / cell);
      const list = grid.get(k);
      if (list === undefined) grid.set(k, [i]);
      else list.push(i);
    });
    const now = new Set<number>();
    movers.forEach((m, i) => {
      const cx = Math.floor(m.x / cell);
      const cy = Math.floor(m.y / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const j of grid.get((cx + dx) * 65536 + cy + dy) ?? []) {
            if (j <= i) continue;
            const n = movers[j]!;
            if ((n.x - m.x) ** 2 + (n.y - m.y) ** 2 <= r2) now.add(i * MAX_TRACE_HOSTS + j);
          }
        }
      }
    });
    for (const k of now) if (!up.has(k)) out.push(contact(t, k, true));
    for (const k of up) if (!now.has(k)) out.push(contact(t, k, false));
    up.clear();
    for (const k of now) up.add(k);
  }
  return out;

  function contact(timeS: number, k: number, isUp: boolean): ContactEvent {
    return { timeS, a: movers[Math.floor(k / MAX_TRACE_HOSTS)]!.name, b: movers[k % MAX_TRACE_HOSTS]!.name, up: isUp };
  }

  function advance(m: Mover, t: number): void {
    if (t < m.waitUntilS) return;
    let budget = m.speed * o.stepS;
    while (budget > 0) {
      const next = m.path[0];
      if (next === undefined) {
        if (m.ends !== undefined && m.toEnd !== undefined) {
          m.path = route(m.x, m.y, m.ends[m.toEnd], true);
          m.toEnd = m.toEnd === 0 ? 1 : 0;
        } else {
          m.path = route(m.x, m.y, corner(), false);
          m.speed = between(m.g.minSpeed, m.g.maxSpeed);
        }
        if (m.path.length === 0) return;
        continue;
      }
      const d = Math.hypot(next[0] - m.x, next[1] - m.y);
      if (d > budget) {
        m.x += ((next[0] - m.x) * budget) / d;
        m.y += ((next[1] - m.y) * budget) / d;
        return;
      }
      m.x = next[0];
      m.y = next[1];
      budget -= d;
      m.path.shift();
      if (m.path.length === 0 || m.ends !== undefined) {
        m.waitUntilS = t + between(m.g.minWaitS, m.g.maxWaitS);
        return;
      }
    }
  }
}

function check(o: StreetTraceOptions): void {
  if (typeof o !== 'object' || o === null || !Array.isArray(o.groups)) throw SatchelError.invalidArgument('street trace options missing');
  for (const [k, v] of Object.entries({ widthM: o.widthM, heightM: o.heightM, blockM: o.blockM, rangeM: o.rangeM, durationS: o.durationS, stepS: o.stepS })) {
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) throw SatchelError.invalidArgument(`${k} must be a positive number`);
  }
  if (o.durationS / o.stepS > 1e7) throw SatchelError.invalidArgument('durationS / stepS is too many steps');
  const total = o.groups.reduce((s, g) => s + g.count, 0);
  if (!Number.isInteger(total) || total < 2 || total > MAX_TRACE_HOSTS) throw SatchelError.invalidArgument(`a trace needs 2 to ${MAX_TRACE_HOSTS} hosts`);
  for (const g of o.groups) {
    if (!(g.minSpeed > 0 && g.maxSpeed >= g.minSpeed && g.minWaitS >= 0 && g.maxWaitS >= g.minWaitS)) {
      throw SatchelError.invalidArgument(`group ${String(g.prefix)} has bad speed or wait ranges`);
    }
  }
}

export interface WorkloadOptions {
  seed: number;
  hosts: string[];
  /** Interval between messages, seconds. */
  minIntervalS: number;
  maxIntervalS: number;
  minBytes: number;
  maxBytes: number;
  /** No message after this time, seconds. */
  untilS: number;
}

/** The ONE's MessageEventGenerator: one message every interval, between two random distinct hosts. */
export function randomWorkload(o: WorkloadOptions): MessageEvent[] {
  if (!Array.isArray(o.hosts) || o.hosts.length < 2) throw SatchelError.invalidArgument('a workload needs two hosts');
  if (!(o.minIntervalS > 0 && o.maxIntervalS >= o.minIntervalS && o.minBytes >= 1 && o.maxBytes >= o.minBytes && o.untilS >= 0)) {
    throw SatchelError.invalidArgument('workload ranges are out of order');
  }
  const rand = seededRandom((o.seed ^ 0x5bd1e995) >>> 0);
  const u = (): number => {
    const b = rand(4);
    return ((b[0]! | (b[1]! << 8) | (b[2]! << 16)) >>> 0) / 0x1000000;
  };
  const out: MessageEvent[] = [];
  const n = o.hosts.length;
  for (let t = o.minIntervalS + u() * (o.maxIntervalS - o.minIntervalS), i = 1; t <= o.untilS; t += o.minIntervalS + u() * (o.maxIntervalS - o.minIntervalS), i++) {
    const from = Math.floor(u() * n);
    let to = Math.floor(u() * (n - 1));
    if (to >= from) to++;
    out.push({ timeS: Math.round(t), id: `M${i}`, from: o.hosts[from]!, to: o.hosts[to]!, sizeBytes: Math.round(o.minBytes + u() * (o.maxBytes - o.minBytes)) });
  }
  return out;
}

/** A trace and workload as the engine takes them. */
export function asEvents(contacts: ContactEvent[], hosts: string[], messages: MessageEvent[]): OneEvents {
  return { contacts, messages, skipped: 0, hosts };
}
