/**
 * Numbers as people read them: "3 min ago", "2 h 5 min", "1.2 MiB of 16 MiB".
 * Only for human output; --json always carries the raw ms and bytes.
 */

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Below this a time is "just now": clocks and round trips blur the last seconds. */
const JUST_NOW_MS = 5 * SECOND_MS;
/** Up to this many hours we say hours; beyond it, days. */
const HOURS_BEFORE_DAYS = 48;
const KIB = 1024;
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** An age or a duration, at most two units ("3 d 4 h", "5 min 2 s"). */
export function duration(ms: number): string {
  const v = Math.max(0, Math.floor(ms));
  if (v < MINUTE_MS) return `${Math.floor(v / SECOND_MS)} s`;
  if (v < HOUR_MS) return pair(v, MINUTE_MS, 'min', SECOND_MS, 's');
  if (v < HOURS_BEFORE_DAYS * HOUR_MS) return pair(v, HOUR_MS, 'h', MINUTE_MS, 'min');
  return pair(v, DAY_MS, 'd', HOUR_MS, 'h');
}

function pair(v: number, big: number, bigName: string, small: number, smallName: string): string {
  const a = Math.floor(v / big);
  const b = Math.floor((v % big) / small);
  return b === 0 ? `${a} ${bigName}` : `${a} ${bigName} ${b} ${smallName}`;
}

/** How long ago `ms` was; a time in the future (a skewed clock) says so. */
export function ago(ms: number, now: number): string {
  if (ms <= 0) return 'never';
  const d = now - ms;
  const a = Math.abs(d);
  if (a < JUST_NOW_MS) return 'just now';
  const text = a < HOUR_MS ? `${Math.floor(a / (a < MINUTE_MS ? SECOND_MS : MINUTE_MS))} ${a < MINUTE_MS ? 's' : 'min'}` : duration(a);
  return d > 0 ? `${text} ago` : `in ${text} (clock ahead?)`;
}

/** Local wall-clock time, to the second. */
export function clockTime(ms: number): string {
  if (ms <= 0) return '-';
  const t = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())} ${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
}

/** Bytes in binary units, one decimal below 10 of a unit: "512 B", "1.2 MiB", "16 MiB". */
export function size(bytes: number): string {
  let v = Math.max(0, bytes);
  let u = 0;
  while (v >= KIB && u < UNITS.length - 1) {
    v /= KIB;
    u++;
  }
  const shown = u === 0 || v >= 10 ? String(Math.round(v)) : v.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${UNITS[u]}`;
}

/** "1.2 MiB of 16 MiB (7%)". */
export function usage(used: number, quota: number): string {
  if (quota <= 0) return size(used);
  return `${size(used)} of ${size(quota)} (${percent(used, quota)}%)`;
}

export function percent(used: number, quota: number): number {
  return quota <= 0 ? 0 : Math.floor((used * 100) / quota);
}

/** A text on one line, cut to `chars` characters with an ellipsis, for a table cell. */
export function preview(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > chars ? `${flat.slice(0, chars - 1)}…` : flat;
}

/** "1 laptop", "3 laptops". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
