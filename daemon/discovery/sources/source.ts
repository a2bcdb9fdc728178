/**
 * One shape for every way of learning that a laptop is near: the UDP
 * beacon, wpa_supplicant's mesh and P2P signals, NetworkManager's access
 * points, Avahi. Discovery merges their reports into neighbour-up/down;
 * each source only says what it saw, with a connectable address.
 */
import type { EventEmitter } from 'node:events';

export type SourceName = 'beacon' | 'wpa_supplicant' | 'networkmanager' | 'avahi';
export type SourceState = 'up' | 'down' | 'disabled';

export interface Sighting {
  source: SourceName;
  /** Stable within the source (a MAC, a service name, a node id) so `lost` can name it. */
  key: string;
  /** The node key id when the source carries it (beacon, Avahi TXT); unknown for a bare MAC. */
  nodeId?: Uint8Array;
  /** Where to open a session: IPv4, or IPv6 with %scope for link-local. */
  address: string;
  sessionPort: number;
  /** For access points: the network name, so relay points and data mules can be recognised. */
  ssid?: string;
}

export interface DiscoverySourceEvents {
  seen: [Sighting];
  lost: [{ source: SourceName; key: string }];
  state: [SourceState];
}

export interface DiscoverySource extends EventEmitter<DiscoverySourceEvents> {
  readonly name: SourceName;
  state(): SourceState;
  /** Subscribes once; never fails because the service behind it is absent (state stays 'down'). */
  start(): Promise<void>;
  close(): Promise<void>;
}
