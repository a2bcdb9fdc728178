/**
 * The one place every discovery source reports to. It turns sightings into
 * the neighbour table's rows and the session manager's dials, whatever the
 * source: a beacon names its node, Avahi's TXT names its node, a mesh peer
 * is only an address until a handshake says who answered, and an access
 * point is no neighbour at all but a network the data mule may visit.
 */
import { EventEmitter } from 'node:events';
import { toHex } from '../crypto/hex.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { HeardBeacon } from './beacon-packet.js';
import type { NeighbourTable } from './neighbour-table.js';
import type { DiscoverySource, Sighting, SourceName, SourceState } from './sources/source.js';

/** The session manager as discovery uses it. */
export interface Dialer {
  heard(node: { nodeId: Uint8Array; address: string; sessionPort: number; source: string }): void;
  lost(nodeIdHex: string): void;
  probe(target: { address: string; sessionPort: number; source: string }): Promise<string | undefined>;
}

export interface AccessPoint {
  source: SourceName;
  key: string;
  ssid: string;
}

export interface DiscoveryEvents {
  accessPoint: [AccessPoint];
  accessPointLost: [{ source: SourceName; key: string }];
}

export interface DiscoveryOptions {
  table: NeighbourTable;
  dialer: Dialer;
  sources: readonly DiscoverySource[];
  logger: Logger;
  counters: Counters;
}

export interface Discovery extends EventEmitter<DiscoveryEvents> {
  /** Starts every source; one that cannot reach its service stays 'down' and does not fail the rest. */
  start(): Promise<void>;
  /** A beacon heard: the one report that also carries the sender's epoch and address family. */
  heardBeacon(b: HeardBeacon): void;
  states(): Partial<Record<SourceName, SourceState>>;
  /** Access points in range now, for the data mule's first look. */
  accessPoints(): AccessPoint[];
  close(): Promise<void>;
}

const holderOf = (source: string, key: string): string => `${source}\u0000${key}`;

class Hub extends EventEmitter<DiscoveryEvents> implements Discovery {
  readonly #o: DiscoveryOptions;
  readonly #aps = new Map<string, AccessPoint>();
  readonly #unsubscribe: (() => void)[] = [];
  #closed = false;

  constructor(o: DiscoveryOptions) {
    super();
    this.#o = o;
    // A row going down (timeout, or its last hold released) ends its session.
    const onDown = (n: { nodeIdHex: string }): void => o.dialer.lost(n.nodeIdHex);
    o.table.on('down', onDown);
    this.#unsubscribe.push(() => o.table.off('down', onDown));
    for (const src of o.sources) {
      const seen = (s: Sighting): void => this.#sighted(s);
      const lost = (l: { source: SourceName; key: string }): void => this.#lost(l.source, l.key);
      const state = (st: SourceState): void => o.logger.info('discovery source state', { source: src.name, state: st });
      src.on('seen', seen);
      src.on('lost', lost);
      src.on('state', state);
      this.#unsubscribe.push(() => {
        src.off('seen', seen);
        src.off('lost', lost);
        src.off('state', state);
      });
    }
  }

  async start(): Promise<void> {
    await Promise.all(this.#o.sources.map(async (src) => {
      try {
        await src.start();
      } catch (err) {
        this.#o.logger.warn('discovery source failed to start', { source: src.name, error: (err as Error).message });
      }
    }));
  }

  heardBeacon(b: HeardBeacon): void {
    if (this.#closed) return;
    this.#o.table.seen(b);
    this.#o.dialer.heard({ ...b, source: 'beacon' });
  }

  #sighted(s: Sighting): void {
    if (this.#closed) return;
    const { table, dialer, counters } = this.#o;
    if (s.address === '') {
      if (s.ssid === undefined) return;
      const ap: AccessPoint = { source: s.source, key: s.key, ssid: s.ssid };
      const id = holderOf(s.source, s.key);
      const before = this.#aps.get(id);
      this.#aps.set(id, ap);
      if (before?.ssid !== ap.ssid) this.emit('accessPoint', ap);
      return;
    }
    counters.bump(`discovery.sighted.${s.source}`);
    const family = s.address.includes(':') ? 6 : 4;
    if (s.nodeId !== undefined) {
      table.seen({ nodeId: s.nodeId, address: s.address, sessionPort: s.sessionPort, epoch: 0, family, source: s.source });
      if (s.source !== 'beacon') table.hold(toHex(s.nodeId), holderOf(s.source, s.key));
      dialer.heard({ nodeId: s.nodeId, address: s.address, sessionPort: s.sessionPort, source: s.source });
      return;
    }
    // Only an address: whoever completes the handshake there is the neighbour.
    void dialer.probe({ address: s.address, sessionPort: s.sessionPort, source: s.source }).then((idHex) => {
      if (idHex === undefined || this.#closed) return;
      const nodeId = Uint8Array.from(Buffer.from(idHex, 'hex'));
      table.seen({ nodeId, address: s.address, sessionPort: s.sessionPort, epoch: 0, family, source: s.source });
      table.hold(idHex, holderOf(s.source, s.key));
    });
  }

  #lost(source: SourceName, key: string): void {
    const id = holderOf(source, key);
    if (this.#aps.delete(id)) {
      this.emit('accessPointLost', { source, key });
      return;
    }
    this.#o.table.release(id);
  }

  states(): Partial<Record<SourceName, SourceState>> {
    return Object.fromEntries(this.#o.sources.map((s) => [s.name, s.state()]));
  }

  accessPoints(): AccessPoint[] {
    return [...this.#aps.values()].map((a) => ({ ...a }));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const u of this.#unsubscribe.splice(0)) u();
    await Promise.all(this.#o.sources.map((s) => s.close().catch(() => undefined)));
  }
}

export function createDiscovery(o: DiscoveryOptions): Discovery {
  return new Hub(o);
}
