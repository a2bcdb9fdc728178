/**
 * What makes a running daemon "degraded", judged from its status alone so
 * that `status`, `doctor`, the classroom script and an imported bundle all
 * agree. Each warning is a sentence a technician can act on.
 */
import { duration, percent } from './format.js';

/** Outbox use from which we warn that sending will soon fail with StoreFull, in percent. */
export const OUTBOX_WARN_PERCENT = 90;
/** A wall clock before this year cannot be right: satchel did not exist yet. */
export const MIN_PLAUSIBLE_YEAR = 2025;
/** How far wall time may drift from the daemon's monotonic uptime before we call it a jump, in ms. */
export const CLOCK_JUMP_WARN_MS = 2 * 60 * 1000;

/**
 * Sources satcheld runs itself, so 'down' is a fault. The others are other
 * programs' D-Bus services (wpa_supplicant, NetworkManager, Avahi): 'down'
 * there means the program is not running, which many laptops never do.
 */
export const OWN_SOURCES: readonly string[] = ['beacon'];

/** A source and its state in words a technician reads right: another program being absent is no fault. */
export function sourceText(name: string, state: string): string {
  return `${name} ${state === 'down' && !OWN_SOURCES.includes(name) ? 'not running' : state}`;
}

export interface HealthInput {
  started_ms: number;
  uptime_ms: number;
  sources: Record<string, string>;
  store: { outbox_bytes: number; outbox_quota_bytes: number };
}

export function statusWarnings(s: HealthInput, now: number): string[] {
  const w: string[] = [];
  const sources = Object.entries(s.sources);
  for (const [name, state] of sources) {
    if (state === 'down' && OWN_SOURCES.includes(name)) w.push(`discovery source ${name} is down: no neighbours are found through it`);
  }
  if (!sources.some(([, state]) => state === 'up')) {
    w.push('no discovery source is up: this laptop will not find neighbours by itself');
  }
  const used = percent(s.store.outbox_bytes, s.store.outbox_quota_bytes);
  if (s.store.outbox_quota_bytes > 0 && used >= OUTBOX_WARN_PERCENT) {
    w.push(`outbox is ${used}% full: new messages will be refused with StoreFull soon`);
  }
  w.push(...clockWarnings(s, now));
  return w;
}

export function clockWarnings(s: Pick<HealthInput, 'started_ms' | 'uptime_ms'>, now: number): string[] {
  const w: string[] = [];
  const year = new Date(now).getUTCFullYear();
  if (year < MIN_PLAUSIBLE_YEAR) w.push(`the clock says ${year}: it is wrong (no RTC battery?); message times will be wrong`);
  if (s.started_ms > 0) {
    const drift = now - (s.started_ms + s.uptime_ms);
    if (Math.abs(drift) > CLOCK_JUMP_WARN_MS) {
      w.push(`the wall clock moved ${drift > 0 ? 'forward' : 'back'} by ${duration(Math.abs(drift))} since satcheld started (set by hand or by NTP?)`);
    }
  }
  return w;
}
