/**
 * The composition root: the only place that knows every part. Parts start in
 * dependency order and stop in reverse; each collaborator (clock, randomness,
 * logger, bus) is passed in so tests can run several daemons in one process.
 */
import { readFileSync } from 'node:fs';
import { openStore, type Store } from './store/store.js';
import { createMessenger, type Messenger } from './messenger/messenger.js';
import type { StrategyName } from './routing/index.js';
import { createDrafts } from './messenger/drafts.js';
import { createSessionManager, type SessionManager } from './sync/session-manager.js';
import { createBeacon, type DiscoveryBeacon } from './discovery/beacon.js';
import { createNeighbourTable, type NeighbourTable } from './discovery/neighbour-table.js';
import { createDiscovery, type Discovery } from './discovery/discovery.js';
import { configuredSources } from './discovery/sources/configured-sources.js';
import { configuredMule, type ConfiguredMule } from './mule/configured-mule.js';
import { createSleepWatch, type SleepWatch } from './power/sleep-watch.js';
import { createSleepHooks } from './power/sleep-hooks.js';
import { DEFAULT_SESSION_PORT } from './config/schema.js';
import type { NeighbourSeen } from './service/member-spec.js';
import { connectBus, type BusConnection } from './service/bus.js';
import { createService, type SatchelService } from './service/service.js';
import { keyId } from './crypto/keys.js';
import { createCounters, type Counters } from './util/counters.js';
import { systemClock, type Clock } from './util/clock.js';
import { systemRandom, type RandomBytes } from './util/random.js';
import { createLogger, type Logger } from './util/log.js';
import { DEFAULT_SESSION_HOST, type DaemonOptions } from './options.js';

/**
 * How long one part may take to stop, in ms, before the daemon gives up on
 * it and goes on to the next. A hung bus would otherwise keep the store
 * open until systemd's SIGKILL; well under systemd's 90 s stop timeout even
 * when every part that talks to the bus waits its full bound.
 */
export const DAEMON_STOP_STEP_MS = 3_000;

export const VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

export interface DaemonComponents {
  clock?: Clock;
  random?: RandomBytes;
  logger?: Logger;
  counters?: Counters;
  /** Called when the bus connection is lost; the binary exits so systemd restarts it. */
  onFatal?: (err: Error) => void;
}

export interface Daemon {
  start(): Promise<{ busAddress: string; busKind: string; sessionPort: number }>;
  readonly messenger: Messenger;
  close(): Promise<void>;
}

export function createDaemon(options: DaemonOptions, components: DaemonComponents = {}): Daemon {
  const clock = components.clock ?? systemClock;
  const random = components.random ?? systemRandom;
  const logger = components.logger ?? createLogger({ level: options.logLevel });
  const counters = components.counters ?? createCounters();
  const startedMs = clock.now();

  const store: Store = openStore({ path: options.stateDir });
  const messenger = createMessenger({
    store, clock, random, logger, counters, outboxQuotaBytes: options.outboxQuotaBytes, lifetimeS: options.lifetimeS,
    attachmentMaxBytes: options.attachmentMaxBytes,
    routing: options.routing as StrategyName, routingOptions: options.routingOptions, relayPoint: options.relayPoint, place: options.place,
    carryLimits: {
      ...(options.carryQuotaBytes > 0 ? { quotaBytes: options.carryQuotaBytes } : {}),
      ...(options.carrySourceShareBytes > 0 ? { sourceShareBytes: options.carrySourceShareBytes } : {}),
      ...(options.proofQuotaBytes > 0 ? { proofQuotaBytes: options.proofQuotaBytes } : {}),
    },
  });
  const drafts = createDrafts({ store, clock, random, send: (contactId, text) => messenger.send(contactId, text) });
  let sessions: SessionManager | undefined;
  let table: NeighbourTable | undefined;
  let beacon: DiscoveryBeacon | undefined;
  let discovery: Discovery | undefined;
  let mule: ConfiguredMule | undefined;
  let sleepWatch: SleepWatch | undefined;
  let bus: BusConnection | undefined;
  let service: SatchelService | undefined;
  let closing: Promise<void> | undefined;
  let beaconUp = false;

  async function stopAll(): Promise<void> {
    // Reverse order of start: stop meeting neighbours, then stop taking calls, then the store.
    // Each part gets a bound: one that hangs (on a bus that stopped
    // answering, say) must not keep the store from closing cleanly.
    const step = async (name: string, fn: (() => Promise<void> | void) | undefined): Promise<void> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), DAEMON_STOP_STEP_MS); });
      try {
        const done = await Promise.race([Promise.resolve(fn?.()).then(() => 'done' as const), late]);
        if (done === 'late') logger.warn('did not stop in time; going on', { part: name, bound_ms: DAEMON_STOP_STEP_MS });
      } catch (err) {
        logger.warn('error while stopping', { part: name, error: (err as Error).message });
      } finally {
        clearTimeout(timer);
      }
    };
    await step('sleep watch', sleepWatch && (() => sleepWatch!.close()));
    await step('beacon', beacon && (() => { beaconUp = false; return beacon!.close(); }));
    // Before discovery: a cycle under way puts the laptop back on its network first.
    await step('mule', mule && (() => mule!.close()));
    await step('discovery', discovery && (() => discovery!.close()));
    await step('neighbours', table && (() => table!.close()));
    await step('sessions', sessions && (() => sessions!.close()));
    await step('service', service && (() => service!.close()));
    await step('bus', bus && (() => bus!.close()));
    await step('messenger', () => messenger.close());
    await step('store', () => store.close());
    logger.info('stopped');
  }

  /** Sources that are switched off show as such, so a technician knows not to wait for them. */
  function sourceStates(): Record<string, string> {
    const states: Record<string, string> = {
      wpa_supplicant: options.wpaSupplicant ? 'down' : 'disabled',
      networkmanager: options.networkManager ? 'down' : 'disabled',
      avahi: options.avahi ? 'down' : 'disabled',
    };
    return { ...states, ...discovery?.states() };
  }

  function neighbourSeen(nodeIdHex: string): NeighbourSeen | undefined {
    const n = table?.get(nodeIdHex);
    if (n === undefined) return undefined;
    // The table counts on the monotonic clock; activities want a wall-clock time.
    return { sources: n.sources.map((s) => s.source), lastSeenMs: Math.round(clock.now() - (clock.monotonic() - n.lastSeen)) };
  }

  return {
    messenger,
    async start() {
      // The D-Bus face comes up before the network: a message taken from a
      // neighbour must find a service to announce it to activities.
      bus = await connectBus(options.bus, {
        logger: logger.child('bus'), stateDir: options.stateDir,
        onLost: (err) => {
          logger.error('lost the D-Bus connection', { error: err.message });
          components.onFatal?.(err);
        },
      });
      service = createService({
        bus, messenger, drafts, logger: logger.child('service'), version: VERSION, startedMs, clock,
        neighbourSeen,
        daemonInfo: () => ({
          sources: { beacon: !options.beacon ? 'disabled' : beaconUp ? 'up' : 'down', ...sourceStates() },
          neighboursHeard: table?.size() ?? 0,
          configPath: options.configPath, config: options.config,
        }),
      });
      await service.start();
      const nodeKey = messenger.nodeKey();
      sessions = createSessionManager({
        mailbox: messenger, nodeKey, card: () => messenger.card(), host: DEFAULT_SESSION_HOST, port: options.port,
        clock, random, logger, counters,
      });
      const { port } = await sessions.start();
      messenger.on('identityChanged', () => sessions?.cardChanged());
      table = createNeighbourTable({ clock });
      discovery = createDiscovery({
        table, dialer: sessions, logger: logger.child('discovery'), counters,
        sources: configuredSources(options, {
          bus: bus.bus, logger: logger.child('discovery'), counters, clock, nodeId: keyId(nodeKey.publicKey),
          ownSessionPort: port, peerSessionPort: options.port || DEFAULT_SESSION_PORT,
        }),
      });
      await discovery.start();
      mule = configuredMule({
        clock, logger, counters, discovery, links: () => sessions?.links() ?? [], ssids: options.muleSsids, budgetS: options.muleBudgetS,
      });
      mule?.start();
      if (options.beacon) {
        beacon = createBeacon({
          port: options.beaconPort, sessionPort: port, nodeId: keyId(nodeKey.publicKey), ipv4: options.ipv4, ipv6: options.ipv6,
          clock, random, logger: logger.child('discovery'), counters,
          ...(options.interface !== undefined ? { interface: options.interface } : {}),
        });
        beacon.on('beacon', (b) => discovery?.heardBeacon(b));
        await beacon.start();
        beaconUp = true;
      }
      if (options.logind) {
        const hooks = createSleepHooks({
          sessions, beacon: () => beacon, logger: logger.child('power'),
          neighbours: () => (table?.list() ?? []).map((n) => ({
            nodeId: n.nodeId, address: n.address, sessionPort: n.sessionPort, source: n.sources.at(-1)?.source ?? 'beacon',
          })),
        });
        sleepWatch = createSleepWatch({ bus: bus.bus, logger: logger.child('power'), counters, clock, ...hooks });
        await sleepWatch.start();
      }
      const id = messenger.identity();
      logger.info('ready', { bus: bus.address, bus_kind: bus.kind, user: id.id, node: id.nodeId, port, version: VERSION });
      return { busAddress: bus.address, busKind: bus.kind, sessionPort: port };
    },
    close() {
      closing ??= stopAll();
      return closing;
    },
  };
}
