/**
 * The ids (envelopes stored, delivery proofs known) a laptop brings to
 * reconciliation, kept up to date as the store changes so that a meeting
 * never has to read the whole store.
 *
 * On the wire an id is named by its first 8 bytes (`want`, `have`, sketch
 * cells), so the set is keyed by that prefix. Honest ids are SHA-256
 * outputs and never share a prefix; someone who grinds two envelopes to
 * share one (about 2^32 hashes) only hides the second of their own pair, so
 * `add` keeps the first and refuses the second.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { SatchelError } from '../../errors/satchel-error.js';

/** Length of a full id (envelope id, proof id), in bytes. */
export const ID_BYTES = 16;
/** Length of the prefix that names an id on the wire, in bytes. */
export const PREFIX_BYTES = 8;
/** Length of the set digest sent in round 0, in bytes (SHA-256 truncated). */
export const DIGEST_BYTES = 16;

export interface IdSet extends Iterable<Uint8Array> {
  readonly size: number;
  /** False when the id was already present, or another id holds its prefix. */
  add(id: Uint8Array): boolean;
  delete(id: Uint8Array): boolean;
  has(id: Uint8Array): boolean;
  /** The full id held under an 8-byte prefix. */
  byPrefix(prefix: Uint8Array): Uint8Array | undefined;
  /** SHA-256 over the ids in byte order, truncated; recomputed only after a change. */
  digest(): Uint8Array;
}

/**
 * The map key of the prefix at `offset`: one UTF-16 unit per byte, so that
 * string order is byte order and the digest can sort keys directly.
 */
export function prefixKey(bytes: Uint8Array, offset = 0): string {
  return String.fromCharCode(
    bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!,
    bytes[offset + 4]!, bytes[offset + 5]!, bytes[offset + 6]!, bytes[offset + 7]!,
  );
}

function checkBytes(value: unknown, length: number, what: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array) || value.length !== length) {
    throw SatchelError.invalidArgument(`${what} must be ${length} bytes`);
  }
}

function sameTail(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = PREFIX_BYTES; i < ID_BYTES; i++) if (a[i] !== b[i]) return false;
  return true;
}

function digestOf(sortedIds: Iterable<Uint8Array>, count: number): Uint8Array {
  const all = new Uint8Array(count * ID_BYTES);
  let at = 0;
  for (const id of sortedIds) {
    all.set(id, at);
    at += ID_BYTES;
  }
  return sha256(all.subarray(0, at)).slice(0, DIGEST_BYTES);
}

export function createIdSet(ids: Iterable<Uint8Array> = []): IdSet {
  const byKey = new Map<string, Uint8Array>();
  let cached: Uint8Array | undefined;

  const set: IdSet = {
    get size() {
      return byKey.size;
    },
    add(id) {
      checkBytes(id, ID_BYTES, 'an id');
      const key = prefixKey(id);
      if (byKey.has(key)) return false;
      byKey.set(key, id.slice());
      cached = undefined;
      return true;
    },
    delete(id) {
      checkBytes(id, ID_BYTES, 'an id');
      const key = prefixKey(id);
      const held = byKey.get(key);
      if (held === undefined || !sameTail(held, id)) return false;
      byKey.delete(key);
      cached = undefined;
      return true;
    },
    has(id) {
      checkBytes(id, ID_BYTES, 'an id');
      const held = byKey.get(prefixKey(id));
      return held !== undefined && sameTail(held, id);
    },
    byPrefix(prefix) {
      checkBytes(prefix, PREFIX_BYTES, 'a prefix');
      return byKey.get(prefixKey(prefix))?.slice();
    },
    digest() {
      if (cached === undefined) {
        const keys = [...byKey.keys()].sort();
        cached = digestOf(keys.map((k) => byKey.get(k)!), keys.length);
      }
      return cached.slice();
    },
    *[Symbol.iterator]() {
      for (const id of byKey.values()) yield id.slice();
    },
  };
  for (const id of ids) set.add(id);
  return set;
}
