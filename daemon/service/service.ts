/**
 * The D-Bus face of the messenger: exports OBJECT_PATH, owns BUS_NAME and
 * turns messenger events into signals. It only translates; every decision
 * (limits, who exists, what state a message is in) is the messenger's.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { MessengerApi } from '../messenger/api.js';
import type { DraftsApi } from '../messenger/drafts.js';
import { systemClock, type Clock } from '../util/clock.js';
import type { Logger } from '../util/log.js';
import type { BusConnection } from './bus.js';
import { NAME_FLAG_DO_NOT_QUEUE, REQUEST_NAME_ALREADY_OWNER, REQUEST_NAME_PRIMARY_OWNER } from './dbus.js';
import { createMethodHandler } from './dispatch.js';
import { forwardDraftSignals } from './draft-signals.js';
import { SATCHEL_INTERFACES } from './interfaces.js';
import { SpecInterface } from './introspect.js';
import type { MethodContext } from './member-spec.js';
import type { DaemonInfo, NeighbourLookup } from './member-spec.js';
import { BUS_NAME, OBJECT_PATH } from './names.js';
import { describeOwner, withTimeout } from './name-owner.js';
import { forwardSignals } from './signals.js';

/** How long close() waits for the bus to confirm ReleaseName, in ms. */
export const RELEASE_NAME_TIMEOUT_MS = 1_000;

export interface ServiceOptions {
  /** Only the connection and its kind are used; connectBus's result fits. */
  bus: Pick<BusConnection, 'bus' | 'kind'>;
  messenger: MessengerApi;
  drafts: DraftsApi;
  logger: Logger;
  version: string;
  /** Wall-clock ms at which the daemon started, shown as started_ms. */
  startedMs: number;
  clock?: Clock;
  daemonInfo?: () => DaemonInfo;
  /** What discovery knows of a neighbour; nothing when not given. */
  neighbourSeen?: NeighbourLookup;
}

export interface SatchelService {
  /** Exports the object, then takes BUS_NAME; fails if another process owns it. */
  start(): Promise<void>;
  /** Releases the name and unexports; idempotent. */
  close(): Promise<void>;
}

export function createService(opts: ServiceOptions): SatchelService {
  const { bus, kind } = opts.bus;
  const log = opts.logger.child('service');
  const clock = opts.clock ?? systemClock;
  // Uptime counts on the monotonic clock from here; wall clocks jump.
  const createdMono = clock.monotonic();
  const beforeCreateMs = Math.max(0, clock.now() - opts.startedMs);
  const ctx: MethodContext = {
    messenger: opts.messenger,
    drafts: opts.drafts,
    status: () => ({
      version: opts.version,
      startedMs: opts.startedMs,
      uptimeMs: Math.floor(beforeCreateMs + clock.monotonic() - createdMono),
      busKind: kind,
      uniqueName: bus.name ?? '',
      pid: process.pid,
    }),
    daemonInfo: opts.daemonInfo ?? (() => ({ sources: {}, configPath: '', config: {} })),
    neighbourSeen: opts.neighbourSeen ?? (() => undefined),
  };
  const handler = createMethodHandler(bus, ctx, log);
  const interfaces = SATCHEL_INTERFACES.map((spec) => new SpecInterface(spec));
  // Only what we exported is ours to unexport, even after a failed start.
  const exported: SpecInterface[] = [];
  let starting: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  let ownsName = false;
  let unforward: (() => void) | undefined;

  const withdraw = async (): Promise<void> => {
    unforward?.();
    unforward = undefined;
    if (ownsName) {
      ownsName = false;
      await withTimeout(bus.releaseName(BUS_NAME), RELEASE_NAME_TIMEOUT_MS).catch((err: unknown) =>
        log.warn('could not release the bus name', { error: String(err) }),
      );
    }
    bus.removeMethodHandler(handler);
    for (const iface of exported.splice(0)) {
      try {
        bus.unexport(OBJECT_PATH, iface);
      } catch {
        // dbus-next 0.10.2 drops the whole object with its first interface.
      }
    }
  };

  const start = async (): Promise<void> => {
    try {
      for (const iface of interfaces) {
        bus.export(OBJECT_PATH, iface);
        exported.push(iface);
      }
      bus.addMethodHandler(handler);
      await takeName();
    } catch (err) {
      await withdraw();
      throw err;
    }
    const unforwardMessenger = forwardSignals(bus, opts.messenger, log, ctx.neighbourSeen);
    const unforwardDrafts = forwardDraftSignals(bus, opts.drafts, log);
    unforward = () => {
      unforwardMessenger();
      unforwardDrafts();
    };
    log.info('serving', { name: BUS_NAME, path: OBJECT_PATH, bus: kind, unique_name: bus.name ?? undefined });
  };

  const takeName = async (): Promise<void> => {
    let reply: number;
    try {
      reply = await bus.requestName(BUS_NAME, NAME_FLAG_DO_NOT_QUEUE);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw SatchelError.config('bus name', `the bus refused ${BUS_NAME} (${why}); is satchel's D-Bus policy installed?`);
    }
    if (reply !== REQUEST_NAME_PRIMARY_OWNER && reply !== REQUEST_NAME_ALREADY_OWNER) {
      const owner = await describeOwner(bus, BUS_NAME);
      throw SatchelError.config('bus name', `${BUS_NAME} is already owned by ${owner}; is another satcheld running on this bus?`);
    }
    ownsName = true;
  };

  return {
    start() {
      if (closing) return Promise.reject(SatchelError.closed('D-Bus service'));
      return (starting ??= start());
    },
    close() {
      return (closing ??= (async () => {
        await starting?.catch(() => {});
        await withdraw();
      })());
    },
  };
}
