/**
 * The discovery sources this laptop's configuration turns on, built on the
 * daemon's own bus (the system bus on a device, where wpa_supplicant,
 * NetworkManager and Avahi live). Each is silent and 'down' while its
 * service is absent, so enabling one that a laptop lacks costs nothing.
 */
import type { MessageBus } from '../../service/dbus.js';
import type { Clock } from '../../util/clock.js';
import type { Counters } from '../../util/counters.js';
import type { Logger } from '../../util/log.js';
import { createAvahiSource } from './avahi.js';
import { createMacResolver } from './mac-resolver.js';
import { createNetworkManagerSource } from './nm-source.js';
import type { DiscoverySource } from './source.js';
import { createWpaSupplicantSource } from './wpa-supplicant.js';

export interface SourceSwitches {
  wpaSupplicant: boolean;
  networkManager: boolean;
  avahi: boolean;
}

export interface SourceParts {
  bus: MessageBus;
  logger: Logger;
  counters: Counters;
  clock: Clock;
  /** This laptop's node key id, for sources that publish it (Avahi TXT). */
  nodeId: Uint8Array;
  /** The port this daemon listens on, published where a source can say it. */
  ownSessionPort: number;
  /** The port assumed for peers whose source cannot say theirs (a MAC says nothing of ports). */
  peerSessionPort: number;
}

export function configuredSources(on: SourceSwitches, p: SourceParts): DiscoverySource[] {
  const sources: DiscoverySource[] = [];
  if (on.wpaSupplicant) {
    sources.push(createWpaSupplicantSource({
      bus: p.bus, logger: p.logger.child('wpa_supplicant'), counters: p.counters, clock: p.clock,
      sessionPort: p.peerSessionPort, resolve: createMacResolver(),
    }));
  }
  if (on.avahi) {
    sources.push(createAvahiSource({
      bus: p.bus, logger: p.logger.child('avahi'), counters: p.counters, clock: p.clock,
      nodeId: p.nodeId, sessionPort: p.ownSessionPort,
    }));
  }
  if (on.networkManager) {
    sources.push(createNetworkManagerSource({
      bus: p.bus, logger: p.logger.child('networkmanager'), counters: p.counters, clock: p.clock, sessionPort: p.peerSessionPort,
    }));
  }
  return sources;
}
