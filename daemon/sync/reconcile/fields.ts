/**
 * Reading a peer's Reconcile message: it may come from protobufjs (defaults
 * on the prototype, Buffers for bytes) or from anything at all, so every
 * field is checked for type and range here and nowhere later. Writing one:
 * fields at their default are left out, since proto3 would send a set
 * zero as two bytes for nothing.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import type { Reconcile } from '../../wire/messages.js';
import { PREFIX_BYTES, prefixKey } from './id-set.js';

export interface Fields {
  round: number;
  count: number;
  digest: Uint8Array;
  inSync: boolean;
  cells: number;
  sketch: Uint8Array;
  want: Uint8Array;
  have: Uint8Array;
  seed: number;
  done: boolean;
}

function u32(v: unknown, name: string): number {
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) throw SatchelError.badFrame(`reconcile ${name} is not a uint32`);
  return v;
}

function bytes(v: unknown, name: string): Uint8Array {
  if (v === undefined || v === null) return new Uint8Array(0);
  if (!(v instanceof Uint8Array)) throw SatchelError.badFrame(`reconcile ${name} is not bytes`);
  return v;
}

function bool(v: unknown, name: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw SatchelError.badFrame(`reconcile ${name} is not a bool`);
  return v;
}

export function readFields(m: Reconcile): Fields {
  if (m === null || typeof m !== 'object') throw SatchelError.badFrame('reconcile message is not an object');
  return {
    round: u32(m.round, 'round'),
    count: u32(m.count, 'count'),
    digest: bytes(m.digest, 'digest'),
    inSync: bool(m.inSync, 'in_sync'),
    cells: u32(m.cells, 'cells'),
    sketch: bytes(m.sketch, 'sketch'),
    want: bytes(m.want, 'want'),
    have: bytes(m.have, 'have'),
    seed: u32(m.seed, 'seed'),
    done: bool(m.done, 'done'),
  };
}

/** Rejects any field the message in hand has no business carrying. */
export function only(f: Fields, allowed: readonly (keyof Fields)[], what: string): void {
  for (const [k, v] of Object.entries(f) as [keyof Fields, Fields[keyof Fields]][]) {
    if (allowed.includes(k) || k === 'round') continue;
    const set = v instanceof Uint8Array ? v.length > 0 : v !== 0 && v !== false;
    if (set) throw SatchelError.badFrame(`a reconcile ${what} carries ${k}`);
  }
}

/** A message with only the fields that differ from their default. */
export function compact(m: Reconcile): Reconcile {
  const out: Reconcile = {};
  for (const [k, v] of Object.entries(m) as [keyof Reconcile, unknown][]) {
    const set = v instanceof Uint8Array ? v.length > 0 : v !== 0 && v !== false && v !== undefined && v !== null;
    if (set) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** The prefixes packed in a `have` or `want` field, as map keys. */
export function prefixKeys(packed: Uint8Array, name: string): string[] {
  if (packed.length % PREFIX_BYTES !== 0) throw SatchelError.badFrame(`reconcile ${name} is not whole 8-byte ids`);
  const keys: string[] = [];
  for (let at = 0; at < packed.length; at += PREFIX_BYTES) keys.push(prefixKey(packed, at));
  return keys;
}

/** Packs prefixes `perMessage` to a field; always at least one (maybe empty) part. */
export function packPrefixes(prefixes: readonly Uint8Array[], perMessage: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let i = 0; i === 0 || i < prefixes.length; i += perMessage) {
    const slice = prefixes.slice(i, i + perMessage);
    const part = new Uint8Array(slice.length * PREFIX_BYTES);
    slice.forEach((p, j) => part.set(p.subarray(0, PREFIX_BYTES), j * PREFIX_BYTES));
    parts.push(part);
  }
  return parts;
}
