/**
 * Collects the meetings the scenario's parts produce and turns them into a
 * valid contact trace. Parts may describe the same pair meeting twice at
 * overlapping times (siblings who share a lesson group, say); a trace must
 * not bring a link up that is already up, so the intervals of each pair are
 * merged before the up and down events are written. Times are whole seconds.
 */
import { SatchelError } from '../../errors/satchel-error.js';

export interface GeneratedContact {
  /** Seconds since the start of the scenario. */
  readonly timeS: number;
  /** The lower host id of the pair. */
  readonly a: number;
  readonly b: number;
  readonly up: boolean;
}

interface Span { startS: number; endS: number }

export class ContactBook {
  private readonly pairs = new Map<string, { a: number; b: number; spans: Span[] }>();

  /** Records that hosts `x` and `y` are in range from `startS` to `endS` (seconds, rounded to whole seconds). */
  add(x: number, y: number, startS: number, endS: number): void {
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y) || x < 0 || y < 0) {
      throw SatchelError.invalidArgument(`contact hosts must be non-negative integers, got ${x} and ${y}`);
    }
    if (x === y) throw SatchelError.invalidArgument(`host ${x} cannot meet itself`);
    if (!Number.isFinite(startS) || !Number.isFinite(endS)) throw SatchelError.invalidArgument('contact times must be finite');
    const s = Math.round(startS);
    const e = Math.round(endS);
    if (e <= s) return;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = `${a},${b}`;
    let pair = this.pairs.get(key);
    if (pair === undefined) {
      pair = { a, b, spans: [] };
      this.pairs.set(key, pair);
    }
    pair.spans.push({ startS: s, endS: e });
  }

  /** Every pair's merged meetings as up/down events, in time order (downs before ups at the same second). */
  events(): GeneratedContact[] {
    const out: GeneratedContact[] = [];
    for (const { a, b, spans } of this.pairs.values()) {
      for (const span of mergeSpans(spans)) {
        out.push({ timeS: span.startS, a, b, up: true });
        out.push({ timeS: span.endS, a, b, up: false });
      }
    }
    return out.sort(compareEvents);
  }
}

/** Overlapping or touching spans become one: a link that would go down and up in the same second stays up. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.slice().sort((x, y) => x.startS - y.startS || x.endS - y.endS);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.startS <= last.endS) last.endS = Math.max(last.endS, span.endS);
    else merged.push({ ...span });
  }
  return merged;
}

function compareEvents(x: GeneratedContact, y: GeneratedContact): number {
  return x.timeS - y.timeS || Number(x.up) - Number(y.up) || x.a - y.a || x.b - y.b;
}
