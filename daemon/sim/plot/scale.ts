/**
 * Axis scales: where a value goes on the page, and which round values get
 * a tick. Linear ticks are steps of 1, 2 or 5 times a power of ten; log
 * ticks are 1, 2 and 5 in each decade (only the powers of ten when the
 * range spans many decades), so a sweep of buffer sizes reads 1 MB, 2 MB,
 * 5 MB, 10 MB. Both widen the range to a tick at each end, so no point sits
 * beyond the last labelled value.
 */
export const SCALE_KINDS = ['linear', 'log'] as const;
export type ScaleKind = typeof SCALE_KINDS[number];

/** Ticks a linear axis aims at; the nice step makes it between about 4 and 10. */
export const TARGET_TICKS = 5;
/** Beyond this many 1-2-5 ticks a log axis keeps only the powers of ten. */
export const MAX_LOG_TICKS = 10;

export interface Scale {
  readonly kind: ScaleKind;
  /** The value range the axis shows. */
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  /** Position of `v` between 0 (min) and 1 (max). */
  at(v: number): number;
}

/** Strips the binary noise of repeated additions (0.30000000000000004 is 0.3). */
const clean = (v: number) => Number(v.toPrecision(12));

/** A linear scale over [lo, hi], widened outwards to whole ticks. */
export function linearScale(lo: number, hi: number): Scale {
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / TARGET_TICKS;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  const first = Math.floor(clean(lo / step));
  const last = Math.ceil(clean(hi / step));
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(clean(k * step));
  const min = clean(first * step);
  const max = clean(last * step);
  return { kind: 'linear', min, max, ticks, at: (v) => (v - min) / (max - min) };
}

/** A log scale over [lo, hi] (both above 0), widened outwards to the nearest 1-2-5 values, with 1-2-5 ticks. */
export function logScale(lo: number, hi: number): Scale {
  if (lo === hi) {
    lo /= 2;
    hi *= 2;
  }
  const steps: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++) {
    for (const m of [1, 2, 5]) steps.push(clean(m * 10 ** e));
  }
  const min = steps.filter((v) => v <= lo).pop() ?? lo;
  const max = steps.find((v) => v >= hi) ?? hi;
  let ticks = steps.filter((v) => v >= min && v <= max);
  if (ticks.length > MAX_LOG_TICKS) ticks = ticks.filter((v) => clean(v / 10 ** Math.round(Math.log10(v))) === 1);
  const a = Math.log10(min);
  const b = Math.log10(max);
  return { kind: 'log', min, max, ticks, at: (v) => (Math.log10(v) - a) / (b - a) };
}

export function makeScale(kind: ScaleKind, lo: number, hi: number): Scale {
  return kind === 'log' ? logScale(lo, hi) : linearScale(lo, hi);
}
