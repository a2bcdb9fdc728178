/**
 * The ONE simulator's external events format (StandardEventsReader), so that
 * a contact trace or workload made for the ONE runs here unchanged:
 *
 *   <time> CONN <host1> <host2> up|down     a contact starts or ends
 *   <time> C <msgId> <from> <to> <size>     a message is created
 *
 * Times are seconds (fractions allowed), sizes bytes (a k, M or G suffix
 * multiplies by 1000, as the ONE's settings do). Lines the ONE writes about
 * its own transfers (S, DE, A, DR, R) describe what the ONE did, not what
 * happened to the laptops, so they are counted and skipped. `#` starts a
 * comment line. Everything else is an error naming the line.
 */
import { SatchelError } from '../errors/satchel-error.js';

export interface ContactEvent {
  /** Seconds from the start of the trace. */
  timeS: number;
  a: string;
  b: string;
  up: boolean;
}

export interface MessageEvent {
  timeS: number;
  id: string;
  from: string;
  to: string;
  sizeBytes: number;
}

export interface OneEvents {
  contacts: ContactEvent[];
  messages: MessageEvent[];
  /** Lines of the ONE's own transfer events (S, DE, A, DR, R), skipped. */
  skipped: number;
  /** Every host named, in order of first appearance. */
  hosts: string[];
}

/** Longest line read, in characters: a real line is under 100; anything longer is not this format. */
export const MAX_ONE_LINE_CHARS = 1024;
/** Largest message size accepted, in bytes (the ONE's own scenarios stay far below). */
export const MAX_ONE_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Latest time accepted, in seconds: a year. */
export const MAX_ONE_TIME_S = 366 * 24 * 3600;

const HOST = /^[A-Za-z0-9_.:-]{1,64}$/;
const MSG_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const TIME = /^\d+(\.\d+)?$/;
const SIZE = /^(\d+)([kMG]?)$/;
const SKIPPED = new Set(['S', 'DE', 'A', 'DR', 'R']);
const MULTIPLIER: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9 };

export function parseOneEvents(text: string, source = 'events'): OneEvents {
  if (typeof text !== 'string') throw SatchelError.invalidArgument('ONE events must be text');
  if (typeof source !== 'string') throw SatchelError.invalidArgument('source must be a string');
  const out: OneEvents = { contacts: [], messages: [], skipped: 0, hosts: [] };
  const hostSeen = new Set<string>();
  const ids = new Set<string>();
  const host = (h: string | undefined, fail: (why: string) => never): string => {
    if (h === undefined || !HOST.test(h)) fail(`host name ${JSON.stringify((h ?? '').slice(0, 40))} is not 1-64 letters, digits or _.:-`);
    if (!hostSeen.has(h)) { hostSeen.add(h); out.hosts.push(h); }
    return h;
  };
  let lastS = 0;
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    const fail = (why: string): never => {
      throw SatchelError.invalidArgument(`${source} line ${lineNo}: ${why}`);
    };
    if (raw.length > MAX_ONE_LINE_CHARS) fail(`longer than ${MAX_ONE_LINE_CHARS} characters`);
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split(/[ \t]+/);
    const [timeText, action] = f;
    if (timeText === undefined || !TIME.test(timeText)) fail(`time ${JSON.stringify((timeText ?? '').slice(0, 20))} is not a number of seconds`);
    const timeS = Number(timeText);
    if (!(timeS <= MAX_ONE_TIME_S)) fail(`time ${timeText} is beyond ${MAX_ONE_TIME_S} s`);
    if (timeS < lastS) fail(`time ${timeText} goes back (the line before was at ${lastS})`);
    lastS = timeS;
    if (action === 'CONN') {
      if (f.length !== 5) fail(`CONN takes two hosts and up or down, found ${f.length - 2} fields`);
      const a = host(f[2], fail);
      const b = host(f[3], fail);
      if (a === b) fail(`a host cannot meet itself (${a})`);
      const state = f[4];
      if (state !== 'up' && state !== 'down') fail(`CONN state ${JSON.stringify((state ?? '').slice(0, 20))} is not up or down`);
      out.contacts.push({ timeS, a, b, up: state === 'up' });
    } else if (action === 'C') {
      // The ONE allows a response size after the size; there are no responses here.
      if (f.length !== 6 && f.length !== 7) fail(`C takes an id, two hosts and a size, found ${f.length - 2} fields`);
      const id = f[2] as string;
      if (!MSG_ID.test(id)) fail(`message id ${JSON.stringify(id.slice(0, 40))} is not 1-64 letters, digits or _.:-`);
      if (ids.has(id)) fail(`message id ${id} was created before`);
      ids.add(id);
      const from = host(f[3], fail);
      const to = host(f[4], fail);
      if (from === to) fail(`message ${id} is addressed to its own sender`);
      const m = SIZE.exec(f[5] as string);
      const sizeBytes = m === null ? NaN : Number(m[1]) * (MULTIPLIER[m[2] ?? ''] ?? NaN);
      if (!(sizeBytes >= 1 && sizeBytes <= MAX_ONE_MESSAGE_BYTES)) fail(`size ${JSON.stringify((f[5] ?? '').slice(0, 20))} is not 1 to ${MAX_ONE_MESSAGE_BYTES} bytes`);
      out.messages.push({ timeS, id, from, to, sizeBytes });
    } else if (action !== undefined && SKIPPED.has(action)) {
      out.skipped++;
    } else {
      fail(`unknown event ${JSON.stringify((action ?? '').slice(0, 20))} (expected CONN or C)`);
    }
  }
  return out;
}

/** Two traces read apart (contacts and workload), as one. Hosts keep first-appearance order. */
export function mergeOneEvents(...parts: OneEvents[]): OneEvents {
  const out: OneEvents = { contacts: [], messages: [], skipped: 0, hosts: [] };
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const p of parts) {
    out.contacts.push(...p.contacts);
    for (const m of p.messages) {
      if (ids.has(m.id)) throw SatchelError.invalidArgument(`message id ${m.id} is created in two files`);
      ids.add(m.id);
      out.messages.push(m);
    }
    out.skipped += p.skipped;
    for (const h of p.hosts) if (!seen.has(h)) { seen.add(h); out.hosts.push(h); }
  }
  // Stable: events at the same time keep their file order.
  out.contacts.sort((x, y) => x.timeS - y.timeS);
  out.messages.sort((x, y) => x.timeS - y.timeS);
  return out;
}

/** Contacts and messages as ONE external events text, in time order (contacts first at equal times). */
export function formatOneEvents(e: Pick<OneEvents, 'contacts' | 'messages'>): string {
  const lines: [number, string][] = [];
  for (const c of e.contacts) lines.push([c.timeS, `${c.timeS} CONN ${c.a} ${c.b} ${c.up ? 'up' : 'down'}`]);
  for (const m of e.messages) lines.push([m.timeS, `${m.timeS} C ${m.id} ${m.from} ${m.to} ${m.sizeBytes}`]);
  // Array sort is stable: equal times keep contacts before messages.
  lines.sort((x, y) => x[0] - y[0]);
  return lines.map(([, l]) => `${l}\n`).join('');
}
