/**
 * Address lookups in flight for peers known only by MAC. The answer comes
 * later (a process spawn); if the peer left meanwhile, or its interface
 * went, or wpa_supplicant restarted, the answer is void and must not bring
 * the peer back. One token per lookup, no timers.
 */
import type { Counters } from '../../util/counters.js';
import type { Logger } from '../../util/log.js';
import type { MacResolver } from './mac-resolver.js';
import type { SightingBook } from './sighting-book.js';

export interface PeerResolutionsOptions {
  book: SightingBook;
  resolve: MacResolver;
  sessionPort: number;
  counters: Counters;
  logger: Logger;
}

export class PeerResolutions {
  readonly #o: PeerResolutionsOptions;
  /** holder + ' ' + mac → the token of the one lookup allowed to report it. */
  readonly #pending = new Map<string, number>();
  #token = 0;

  constructor(o: PeerResolutionsOptions) {
    this.#o = o;
  }

  /** Looks the peer up and, unless cancelled meanwhile, reports it under `holder`. */
  start(holder: string, mac: string, ifname: string): void {
    const key = `${holder} ${mac}`;
    const token = ++this.#token;
    this.#pending.set(key, token);
    const { resolve, book, sessionPort, counters, logger } = this.#o;
    resolve(mac, ifname).catch((err: unknown) => {
      logger.debug('resolver failed', { mac, ifname, error: String(err) });
      return undefined;
    }).then((address) => {
      if (this.#pending.get(key) !== token) return;
      this.#pending.delete(key);
      if (address === undefined) {
        counters.bump('wpa_supplicant.unresolved');
        logger.debug('no address for peer', { mac, ifname });
        return;
      }
      book.put(holder, { source: 'wpa_supplicant', key: mac, address, sessionPort });
    });
  }

  /** Voids any lookup for the peer and withdraws what `holder` reported for it. */
  stop(holder: string, mac: string): void {
    this.#pending.delete(`${holder} ${mac}`);
    this.#o.book.drop(holder, mac);
  }

  /** Voids the lookups of every matching holder (the book is the caller's to clear). */
  cancel(match: (holder: string) => boolean): void {
    for (const k of [...this.#pending.keys()]) if (match(k.slice(0, k.indexOf(' ')))) this.#pending.delete(k);
  }

  clear(): void {
    this.#pending.clear();
  }
}
