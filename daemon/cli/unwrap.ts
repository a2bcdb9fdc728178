/**
 * D-Bus values as plain JSON: variants lose their wrapper, int64/uint64
 * (bigint in dbus-next) become numbers, byte arrays become arrays of
 * numbers. Times in ms and sizes in bytes stay far below 2^53, so no
 * precision is lost in practice; a larger value is kept as a string rather
 * than silently rounded.
 */
import type { VariantValue } from '../service/dbus.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isVariant(v: unknown): v is VariantValue {
  return typeof v === 'object' && v !== null && 'signature' in v && 'value' in v && Object.keys(v).length === 2;
}

export function unwrap(v: unknown): Json {
  if (isVariant(v)) return unwrap(v.value);
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return [...v];
  if (Array.isArray(v)) return v.map(unwrap);
  if (typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = unwrap(x);
    return out;
  }
  return String(v);
}

/** Field readers that tolerate a missing or mistyped key (records may grow or, from an old daemon, lack keys). */
export const str = (o: Record<string, Json> | undefined, k: string, fallback = ''): string => {
  const v = o?.[k];
  return typeof v === 'string' ? v : fallback;
};
export const num = (o: Record<string, Json> | undefined, k: string, fallback = 0): number => {
  const v = o?.[k];
  return typeof v === 'number' ? v : fallback;
};
export const bool = (o: Record<string, Json> | undefined, k: string, fallback = false): boolean => {
  const v = o?.[k];
  return typeof v === 'boolean' ? v : fallback;
};
export const obj = (v: Json | undefined): Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
export const list = (v: Json | undefined): Record<string, Json>[] => (Array.isArray(v) ? v.map(obj) : []);
/** A list of strings; anything else in it is left out. */
export const strings = (o: Record<string, Json> | undefined, k: string): string[] => {
  const v = o?.[k];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};
