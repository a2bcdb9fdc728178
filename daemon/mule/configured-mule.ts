/**
 * The data mule as the daemon's composition root builds it from the
 * configuration (mule.ssids, mule.budget_s): fed by the discovery hub's
 * access-point events (and what the hub already sees at start), scanning
 * only while neither wpa_supplicant nor NetworkManager is up, joining and
 * leaving through a Wi-Fi worker process. Nothing at all when no SSID is
 * configured: no worker, no timer, no listener.
 */
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { MuleLink } from './link-activity.js';
import { createDataMule, type AccessPointSeen, type DataMule } from './mule.js';
import { createWifiClient, type WifiClient } from './wifi-client.js';

/** What the mule needs of the discovery hub (daemon/discovery/discovery.ts). */
export interface MuleDiscovery {
  on(event: 'accessPoint', fn: (ap: AccessPointSeen) => void): unknown;
  off(event: 'accessPoint', fn: (ap: AccessPointSeen) => void): unknown;
  accessPoints(): AccessPointSeen[];
  states(): Partial<Record<string, string>>;
}

export interface ConfiguredMuleParts {
  clock: Clock;
  logger: Logger;
  counters: Counters;
  discovery: MuleDiscovery;
  /** The session manager's open links. */
  links: () => readonly MuleLink[];
  ssids: readonly string[];
  budgetS: number;
  /** The Wi-Fi worker's environment and interface; the daemon's own and NetworkManager's choice by default. */
  env?: NodeJS.ProcessEnv;
  iface?: string;
  workerPath?: string;
}

export interface ConfiguredMule {
  readonly mule: DataMule;
  start(): void;
  close(): Promise<void>;
}

/** Sources that report access points on D-Bus; while one is up the mule never scans. */
const AP_SOURCES = ['wpa_supplicant', 'networkmanager'];

export function configuredMule(p: ConfiguredMuleParts): ConfiguredMule | undefined {
  if (p.ssids.length === 0) return undefined;
  const wifi: WifiClient = createWifiClient({
    clock: p.clock, logger: p.logger, counters: p.counters,
    ...(p.env !== undefined && { env: p.env }), ...(p.iface !== undefined && { iface: p.iface }),
    ...(p.workerPath !== undefined && { workerPath: p.workerPath }),
  });
  const mule = createDataMule({
    clock: p.clock, logger: p.logger, counters: p.counters, wifi, ssids: p.ssids, budgetMs: p.budgetS * 1_000,
    links: p.links,
    accessPointSourcesUp: () => AP_SOURCES.some((s) => p.discovery.states()[s] === 'up'),
    onAccessPoint: (fn) => {
      p.discovery.on('accessPoint', fn);
      // A relay point already in range when the daemon starts gets no new event.
      for (const ap of p.discovery.accessPoints()) fn(ap);
      return () => p.discovery.off('accessPoint', fn);
    },
  });
  return {
    mule,
    start: () => mule.start(),
    async close() {
      await mule.close();
      await wifi.close();
    },
  };
}
