/**
 * Input checks shared by the charts. A chart of the simulator's results
 * must never quietly draw a NaN as a point at the origin or a line to
 * nowhere, so every number is checked and the error names the series and
 * the point. Labels are single-line printable text: XML cannot carry most
 * control characters at all.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import { checkOptionKeys } from '../../routing/checks.js';

export const DEFAULT_WIDTH_PX = 720;
export const DEFAULT_HEIGHT_PX = 440;
export const MIN_WIDTH_PX = 320;
export const MIN_HEIGHT_PX = 240;
export const MAX_SIZE_PX = 4000;
/** More series than this do not fit a legend or stay readable. */
export const MAX_SERIES = 12;
export const MAX_POINTS_PER_SERIES = 10_000;
export const MAX_CATEGORIES = 40;
export const MAX_LABEL_CHARS = 120;

const CONTROL = /[\u0000-\u001f\u007f]/;

export const bad = (what: string, problem: string) => SatchelError.invalidArgument(`${what}: ${problem}`);

export function checkObject(value: unknown, known: readonly string[], what: string): Record<string, unknown> {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw bad(what, 'the chart must be an object');
  }
  return checkOptionKeys(value, known, what);
}

export function checkText(value: unknown, what: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string') throw SatchelError.invalidArgument(`${what} must be a string`);
  if (value.length > MAX_LABEL_CHARS) throw SatchelError.invalidArgument(`${what} is longer than ${MAX_LABEL_CHARS} characters`);
  if (CONTROL.test(value)) throw SatchelError.invalidArgument(`${what} must be one line of printable text (it has a control character)`);
  return value;
}

export function checkName(value: unknown, what: string): string {
  const name = checkText(value, what);
  if (name.trim() === '') throw SatchelError.invalidArgument(`${what} must not be empty`);
  return name;
}

export function checkNumber(value: unknown, what: string): number {
  if (typeof value !== 'number') throw SatchelError.invalidArgument(`${what} must be a number, got ${typeof value}`);
  if (!Number.isFinite(value)) throw SatchelError.invalidArgument(`${what} is ${value}; plots need finite numbers`);
  return value;
}

export function checkPixels(value: unknown, what: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_SIZE_PX) {
    throw SatchelError.invalidArgument(`${what} must be a whole number of pixels from ${min} to ${MAX_SIZE_PX}`);
  }
  return value;
}

export function checkList(value: unknown, what: string, max: number): readonly unknown[] {
  if (!Array.isArray(value)) throw SatchelError.invalidArgument(`${what} must be an array`);
  if (value.length === 0) throw SatchelError.invalidArgument(`${what} is empty; there is nothing to plot`);
  if (value.length > max) throw SatchelError.invalidArgument(`${what} has ${value.length} entries; at most ${max} are allowed`);
  return value;
}

export function checkChoice<T extends string>(value: unknown, what: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw SatchelError.invalidArgument(`${what} must be one of ${allowed.join(', ')}`);
}

/** An optional [min, max] the value axis must cover (e.g. [0, 1] for a ratio). */
export function checkRange(value: unknown, what: string): readonly [number, number] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length !== 2) throw SatchelError.invalidArgument(`${what} must be [min, max]`);
  const lo = checkNumber(value[0], `${what}[0]`);
  const hi = checkNumber(value[1], `${what}[1]`);
  if (!(lo < hi)) throw SatchelError.invalidArgument(`${what} must have min below max`);
  return [lo, hi];
}

/** Names of series or categories must differ, or the legend cannot tell them apart. */
export function checkUnique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw SatchelError.invalidArgument(`${what} ${JSON.stringify(n)} appears twice`);
    seen.add(n);
  }
}
