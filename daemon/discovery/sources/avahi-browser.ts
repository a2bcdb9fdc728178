/**
 * Browses for other satchel daemons through Avahi and turns each service
 * instance into a Sighting. The browser is made with ServiceBrowserPrepare
 * and only then started, so that Avahi says nothing about it before we
 * know its path (ServiceBrowserNew starts talking at once: the race that
 * avahi 0.8's Server2 interface exists to close). Each item (an instance
 * on one interface over one protocol) is resolved once (avahi-resolve.ts),
 * a few at a time, and again later if Avahi got no answer. The instance
 * name is the sighting's key; its items are the key's holders in a
 * SightingBook, so the key is lost only when the last interface and
 * protocol let it go.
 */
import type { DbusCaller } from './dbus-calls.js';
import {
  AVAHI_SERVER2_IFACE, AVAHI_SERVICE_BROWSER_IFACE, IF_UNSPEC, LOOKUP_RESULT_OUR_OWN, MDNS_DOMAIN, objectCall, PROTO_UNSPEC,
  serverCall,
} from './avahi-names.js';
import type { AvahiResolver, Outcome } from './avahi-resolve.js';
import type { AvahiEvent, BrowsedItem } from './avahi-signals.js';
import type { SightingBook } from './sighting-book.js';
import type { Drop } from './wpa-values.js';
import type { LogOnce } from '../log-once.js';
import type { Clock, TimerHandle } from '../../util/clock.js';
import type { Counters } from '../../util/counters.js';

/** Most service instances followed at once (items, so per interface and protocol): a hostile link cannot grow us past it. */
export const MAX_AVAHI_ITEMS = 1_024;
/** Most ResolveService calls in flight at once; the rest wait their turn. */
export const MAX_PARALLEL_RESOLVES = 4;
/** Wait before resolving a failed item again, in ms (one timer for all of them). */
export const RESOLVE_RETRY_MS = 10_000;
/** Tries at resolving one item before waiting for it to be announced anew. */
export const MAX_RESOLVE_ATTEMPTS = 3;

export interface BrowserOptions {
  caller: DbusCaller;
  resolver: AvahiResolver;
  clock: Clock;
  counters: Counters;
  logOnce: LogOnce;
  book: SightingBook;
  type: string;
  /** The name we publish under right now: our own service is not a neighbour. */
  ownName: () => string;
  dropped: (d: Drop) => void;
}

interface Item {
  attempts: number;
  resolved: boolean;
}

const itemKey = (i: BrowsedItem): string => `${i.iface}/${i.protocol}/${i.name}`;
const holderOf = (i: BrowsedItem): string => `${i.iface}/${i.protocol}`;
const drop = (reason: string, detail: string): Drop => ({ kind: 'drop', reason, detail });

export class AvahiBrowser {
  readonly #o: BrowserOptions;
  #epoch = 0;
  #path: string | undefined;
  readonly #items = new Map<string, { item: BrowsedItem; state: Item }>();
  readonly #waiting: string[] = [];
  readonly #retry = new Set<string>();
  #retryTimer: TimerHandle | undefined;
  #inFlight = 0;

  constructor(o: BrowserOptions) {
    this.#o = o;
  }

  /** How many items are followed (for tests and `satchel doctor`). */
  get size(): number {
    return this.#items.size;
  }

  /** Avahi (re)appeared: browse afresh. Rejects when it will not give us a browser. */
  async begin(): Promise<void> {
    this.clear();
    const epoch = this.#epoch;
    const { caller, type } = this.#o;
    const reply = await caller.call(serverCall(AVAHI_SERVER2_IFACE, 'ServiceBrowserPrepare', 'iissu',
      [IF_UNSPEC, PROTO_UNSPEC, type, MDNS_DOMAIN, 0]));
    if (epoch !== this.#epoch) return;
    this.#path = String(reply.body[0]);
    await caller.call(objectCall(this.#path, AVAHI_SERVICE_BROWSER_IFACE, 'Start'));
  }

  /** True when the event was about our browser (and has been acted on). */
  handle(ev: AvahiEvent): boolean {
    if (ev.kind !== 'item-new' && ev.kind !== 'item-remove' && ev.kind !== 'browser-failure') return false;
    if (this.#path === undefined || ev.path !== this.#path) return false;
    if (ev.kind === 'browser-failure') {
      this.#o.counters.bump('avahi.browser_failed');
      this.#o.logOnce(`browser:${ev.error}`, 'Avahi stopped browsing for neighbours', { error: ev.error });
    } else if (ev.kind === 'item-new') this.#added(ev.item);
    else this.#removed(ev.item);
    return true;
  }

  /** Forgets every item, saying `lost` for each sighting; answers still on their way are void. */
  clear(): void {
    this.#epoch++;
    this.#path = undefined;
    this.#items.clear();
    this.#waiting.length = 0;
    this.#retry.clear();
    this.#retryTimer?.cancel();
    this.#retryTimer = undefined;
    this.#inFlight = 0;
    this.#o.resolver.forget();
    this.#o.book.clear();
  }

  async close(): Promise<void> {
    const path = this.#path;
    this.clear();
    if (path !== undefined) await this.#o.caller.call(objectCall(path, AVAHI_SERVICE_BROWSER_IFACE, 'Free')).catch(() => {});
  }

  #added(item: BrowsedItem): void {
    const { type, ownName, counters, dropped } = this.#o;
    if (item.type !== type || item.domain !== MDNS_DOMAIN) return dropped(drop('type', `${item.type}.${item.domain}`));
    // OUR_OWN: published through this avahi-daemon. The same name from
    // elsewhere is another host claiming it (a collision Avahi is settling).
    if (item.name === ownName() && (item.flags & LOOKUP_RESULT_OUR_OWN) !== 0) {
      counters.bump('avahi.own_service');
      return;
    }
    const key = itemKey(item);
    if (this.#items.has(key)) return;
    if (this.#items.size >= MAX_AVAHI_ITEMS) return dropped(drop('too_many', `${this.#items.size} items followed`));
    this.#items.set(key, { item, state: { attempts: 0, resolved: false } });
    this.#waiting.push(key);
    this.#pump();
  }

  #removed(item: BrowsedItem): void {
    const key = itemKey(item);
    if (!this.#items.delete(key)) return;
    this.#retry.delete(key);
    this.#o.book.drop(holderOf(item), item.name);
  }

  #pump(): void {
    while (this.#inFlight < MAX_PARALLEL_RESOLVES) {
      const key = this.#waiting.shift();
      if (key === undefined) return;
      const entry = this.#items.get(key);
      if (entry === undefined || entry.state.resolved) continue;
      this.#inFlight++;
      const epoch = this.#epoch;
      void this.#o.resolver.resolve(entry.item).then((outcome) => {
        if (epoch !== this.#epoch) return;
        this.#inFlight--;
        // The item may have gone (ItemRemove) or come back as a new one while we asked.
        if (this.#items.get(key) === entry) this.#settle(key, entry, outcome);
        this.#pump();
      });
    }
  }

  #settle(key: string, entry: { item: BrowsedItem; state: Item }, outcome: Outcome): void {
    const { book, dropped, counters, logOnce } = this.#o;
    entry.state.attempts++;
    if (outcome.kind === 'sighting') {
      entry.state.resolved = true;
      counters.bump('avahi.resolved');
      book.put(holderOf(entry.item), outcome.sighting);
    } else if (outcome.kind === 'drop') {
      // Bad data stays bad until the peer re-announces (a new ItemNew).
      entry.state.resolved = true;
      dropped(outcome.drop);
    } else {
      counters.bump('avahi.resolve_failed');
      logOnce(`resolve:${outcome.error}`, 'Avahi could not resolve a neighbour; will retry', { name: entry.item.name, error: outcome.error });
      if (entry.state.attempts < MAX_RESOLVE_ATTEMPTS) this.#retryLater(key);
    }
  }

  #retryLater(key: string): void {
    this.#retry.add(key);
    // One timer for every item that failed, not one per peer.
    this.#retryTimer ??= this.#o.clock.setTimeout(() => {
      this.#retryTimer = undefined;
      this.#waiting.push(...this.#retry);
      this.#retry.clear();
      this.#pump();
    }, RESOLVE_RETRY_MS);
  }
}
