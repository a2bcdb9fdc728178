/**
 * Which place each user was last heard to be at, learnt from relay points'
 * `served` lists, and (on a relay point) which users it met itself. Both
 * are bounded and forget what is not heard again: children move between
 * villages, and a stale entry would send their messages the wrong way.
 */
import { isKeyId } from './checks.js';
import { isPlaceName } from './route-info.js';

export interface PlaceDirectoryLimits {
  /** How long a user's place is believed without hearing it again, in ms. */
  readonly timeoutMs: number;
  /** Users whose place is remembered; past it the longest unheard is forgotten. */
  readonly maxUsers: number;
  /** Users met directly that are remembered for announcing. */
  readonly maxServed: number;
}

export interface PlaceDirectory {
  /** Users reported at `place` (ids are checked; bad ones are skipped). */
  learn(place: string, userIds: readonly string[], nowMs: number): void;
  placeOf(userId: string, nowMs: number): string | undefined;
  /** A user this relay point met itself. */
  noteServed(userId: string, nowMs: number): void;
  /** Users met directly and not yet forgotten, most recently met first. */
  served(nowMs: number, max: number): string[];
  snapshot(): { users: [string, string, number][]; served: [string, number][] };
}

/** Map whose iteration order is the order entries were last refreshed. */
class Recent<V extends { expiresMs: number }> {
  readonly items = new Map<string, V>();
  readonly #max: number;
  readonly #timeoutMs: number;

  constructor(max: number, timeoutMs: number) {
    this.#max = max;
    this.#timeoutMs = timeoutMs;
  }

  put(key: string, value: V): void {
    this.items.delete(key);
    this.items.set(key, value);
    for (const oldest of this.items.keys()) {
      if (this.items.size <= this.#max) break;
      this.items.delete(oldest);
    }
  }

  get(key: string, nowMs: number): V | undefined {
    const v = this.items.get(key);
    if (v === undefined) return undefined;
    // A wall clock set back would otherwise make an entry live for ages.
    if (v.expiresMs - nowMs > this.#timeoutMs) v.expiresMs = nowMs + this.#timeoutMs;
    if (v.expiresMs > nowMs) return v;
    this.items.delete(key);
    return undefined;
  }
}

export function createPlaceDirectory(limits: PlaceDirectoryLimits, snapshot?: unknown): PlaceDirectory {
  const users = new Recent<{ place: string; expiresMs: number }>(limits.maxUsers, limits.timeoutMs);
  const met = new Recent<{ expiresMs: number }>(limits.maxServed, limits.timeoutMs);
  restore(snapshot);

  function restore(s: unknown): void {
    const saved = readSnapshot(s);
    if (saved === undefined) return;
    for (const [id, place, expiresMs] of saved.users) users.put(id, { place, expiresMs });
    for (const [id, expiresMs] of saved.served) met.put(id, { expiresMs });
  }

  return {
    learn(place, userIds, nowMs) {
      if (!isPlaceName(place)) return;
      for (const id of userIds) if (isKeyId(id)) users.put(id, { place, expiresMs: nowMs + limits.timeoutMs });
    },
    placeOf: (userId, nowMs) => users.get(userId, nowMs)?.place,
    noteServed(userId, nowMs) {
      if (isKeyId(userId)) met.put(userId, { expiresMs: nowMs + limits.timeoutMs });
    },
    served(nowMs, max) {
      const out: string[] = [];
      for (const id of [...met.items.keys()].reverse()) {
        if (out.length >= max) break;
        if (met.get(id, nowMs) !== undefined) out.push(id);
      }
      return out;
    },
    snapshot: () => ({
      users: [...users.items].map(([id, v]) => [id, v.place, v.expiresMs]),
      served: [...met.items].map(([id, v]) => [id, v.expiresMs]),
    }),
  };
}

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

type SavedUser = [string, string, number];
type SavedServed = [string, number];

function readSnapshot(s: unknown): { users: SavedUser[]; served: SavedServed[] } | undefined {
  if (typeof s !== 'object' || s === null) return undefined;
  const { users, served } = s as Record<string, unknown>;
  if (!Array.isArray(users) || !Array.isArray(served)) return undefined;
  const userOk = (u: unknown): u is SavedUser => Array.isArray(u) && u.length === 3 && isKeyId(u[0]) && isPlaceName(u[1]) && isTime(u[2]);
  const servedOk = (u: unknown): u is SavedServed => Array.isArray(u) && u.length === 2 && isKeyId(u[0]) && isTime(u[1]);
  if (!users.every(userOk) || !served.every(servedOk)) return undefined;
  return { users, served };
}
