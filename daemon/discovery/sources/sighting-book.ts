/**
 * What a source currently reports, and on whose word. A key (a MAC) can be
 * vouched for by more than one holder at once: the same access point heard
 * on two radios, a peer both on the mesh and in a P2P search. The book says
 * `seen` when a key first appears or what is shown for it changes, and
 * `lost` only when the last holder lets go, so listeners get one clean
 * up/down per key whatever order the holders come and go in.
 */
import type { Sighting } from './source.js';

export interface SightingSink {
  seen(s: Sighting): void;
  lost(key: string): void;
}

interface Row {
  holders: Map<string, Sighting>;
  shownBy: string;
  shown: Sighting;
}

function same(a: Sighting, b: Sighting): boolean {
  return a.address === b.address && a.sessionPort === b.sessionPort && a.ssid === b.ssid && a.source === b.source;
}

export class SightingBook {
  readonly #rows = new Map<string, Row>();
  readonly #sink: SightingSink;

  constructor(sink: SightingSink) {
    this.#sink = sink;
  }

  get size(): number {
    return this.#rows.size;
  }

  has(key: string): boolean {
    return this.#rows.has(key);
  }

  put(holder: string, s: Sighting): void {
    const row = this.#rows.get(s.key);
    if (row === undefined) {
      this.#rows.set(s.key, { holders: new Map([[holder, s]]), shownBy: holder, shown: s });
      this.#sink.seen(s);
      return;
    }
    row.holders.set(holder, s);
    if (row.shownBy !== holder || same(row.shown, s)) return;
    row.shown = s;
    this.#sink.seen(s);
  }

  drop(holder: string, key: string): void {
    const row = this.#rows.get(key);
    if (row === undefined || !row.holders.delete(holder)) return;
    const next = row.holders.entries().next();
    if (next.done) {
      this.#rows.delete(key);
      this.#sink.lost(key);
      return;
    }
    if (row.shownBy !== holder) return;
    const [by, s] = next.value;
    row.shownBy = by;
    const changed = !same(row.shown, s);
    row.shown = s;
    if (changed) this.#sink.seen(s);
  }

  /** Drops every holding whose holder matches, e.g. all of one interface's. */
  dropHolders(match: (holder: string) => boolean): void {
    for (const [key, row] of [...this.#rows]) {
      for (const holder of [...row.holders.keys()]) if (match(holder)) this.drop(holder, key);
    }
  }

  /** Forgets everything, saying `lost` for each key (the service went away). */
  clear(): void {
    const keys = [...this.#rows.keys()];
    this.#rows.clear();
    for (const key of keys) this.#sink.lost(key);
  }
}
