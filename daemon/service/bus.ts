/**
 * Which bus the daemon lives on. On a device it is the system bus; in
 * development the session bus; on a machine with neither (a bare CI box, a
 * laptop namespace in a test) 'auto' starts a private dbus-daemon in the
 * state directory so that the daemon still runs and tools can reach it.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { Logger } from '../util/log.js';
import type { MessageBus } from './dbus.js';
import { closeBus, openBus, watchBus } from './open-bus.js';
import { startPrivateBus, type PrivateBus } from './private-bus.js';

/** Where libdbus looks for the system bus when DBUS_SYSTEM_BUS_ADDRESS is unset. */
export const DEFAULT_SYSTEM_BUS_ADDRESS = 'unix:path=/run/dbus/system_bus_socket';

export type BusSpec = 'system' | 'session' | 'auto' | (string & {});
export type BusKind = 'system' | 'session' | 'private' | 'address';

export interface BusConnection {
  readonly bus: MessageBus;
  readonly address: string;
  readonly kind: BusKind;
  /** Disconnects and stops a private bus we started; idempotent. */
  close(): Promise<void>;
}

export interface ConnectBusOptions {
  logger: Logger;
  /** Where a private bus keeps its socket and config. */
  stateDir: string;
  /** Told once when the bus goes away; dbus-next never reconnects. */
  onLost?: (err: Error) => void;
  /** Environment to read bus addresses from; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

export async function connectBus(spec: BusSpec, opts: ConnectBusOptions): Promise<BusConnection> {
  const log = opts.logger.child('bus');
  const env = opts.env ?? process.env;
  const systemAddress = env['DBUS_SYSTEM_BUS_ADDRESS'] || DEFAULT_SYSTEM_BUS_ADDRESS;
  const sessionAddress = env['DBUS_SESSION_BUS_ADDRESS'];

  if (spec === 'system') return finish(await openBus(systemAddress), systemAddress, 'system', opts);
  if (spec === 'session') {
    if (!sessionAddress) throw SatchelError.config('bus', 'session bus requested but DBUS_SESSION_BUS_ADDRESS is not set');
    return finish(await openBus(sessionAddress), sessionAddress, 'session', opts);
  }
  if (spec !== 'auto') return finish(await openBus(spec), spec, 'address', opts);

  const candidates: [string, BusKind][] = [[systemAddress, 'system']];
  if (sessionAddress) candidates.push([sessionAddress, 'session']);
  for (const [address, kind] of candidates) {
    try {
      return finish(await openBus(address), address, kind, opts);
    } catch (err) {
      log.info('bus not reachable, trying the next', { kind, address, error: String(err) });
    }
  }
  const priv = await startPrivateBus(opts.stateDir, { logger: opts.logger });
  try {
    return finish(await openBus(priv.address), priv.address, 'private', opts, priv);
  } catch (err) {
    await priv.stop();
    throw err;
  }
}

function finish(bus: MessageBus, address: string, kind: BusKind, opts: ConnectBusOptions, priv?: PrivateBus): BusConnection {
  const log = opts.logger.child('bus');
  log.info('connected', { kind, address, unique_name: bus.name ?? undefined });
  const unwatch = watchBus(bus, (err) => {
    log.error('lost the bus', { kind, error: err.message });
    opts.onLost?.(err);
  });
  let closing: Promise<void> | undefined;
  return {
    bus,
    address,
    kind,
    close: () =>
      (closing ??= (async () => {
        unwatch();
        await closeBus(bus);
        await priv?.stop();
      })()),
  };
}
