/**
 * The start shared by every part that follows another program's D-Bus
 * service (wpa_supplicant, NetworkManager, Avahi, logind): listen to the
 * bus, forget the owner if the bus goes, add the match rules once (they are
 * never removed while running: dbus-next 0.10.2 leaks them on unsubscribe),
 * then ask who owns the name. A service that is absent is normal, and said
 * once at the level given.
 */
import type { DbusMessage, MessageBus } from '../../service/dbus.js';
import { watchBus } from '../../service/open-bus.js';
import type { Counters } from '../../util/counters.js';
import type { Logger } from '../../util/log.js';
import type { DbusCaller } from './dbus-calls.js';
import type { NameOwnerWatch } from './name-owner-watch.js';

export interface FollowServiceOptions {
  bus: MessageBus;
  caller: DbusCaller;
  owner: NameOwnerWatch;
  logger: Logger;
  counters: Counters;
  /** How logs name the program ('wpa_supplicant', 'Avahi'). */
  label: string;
  /** Counter prefix: `<prefix>.match_failed`. */
  counterPrefix: string;
  service: string;
  matchRules: readonly string[];
  onMessage: (msg: DbusMessage) => void;
  /** Checked after subscribing: a close() meanwhile skips the owner query. */
  closing: () => boolean;
  /** What is logged when the service is not running. */
  absent: { level: 'info' | 'debug'; message: string };
}

export interface FollowedService {
  ready: Promise<void>;
  /** Stops listening and watching the bus; usable at once, while `ready` is pending. */
  detach(): void;
  /** Removes the match rules, once, on the way out; a bus that is gone has dropped them anyway. */
  unsubscribe(): Promise<void>;
}

export function followService(o: FollowServiceOptions): FollowedService {
  o.bus.on('message', o.onMessage);
  const unwatch = watchBus(o.bus, (err) => {
    o.logger.error(`bus lost; ${o.label} is out of sight`, { error: err.message });
    o.owner.forget();
  });
  const ready = (async () => {
    await Promise.all(o.matchRules.map((rule) => o.caller.addMatch(rule).catch((err: unknown) => {
      o.counters.bump(`${o.counterPrefix}.match_failed`);
      o.logger.warn(`cannot subscribe to ${o.label} signals`, { rule, error: String(err) });
    })));
    if (o.closing()) return;
    await o.owner.query();
    if (o.owner.owner === undefined) o.logger[o.absent.level](o.absent.message, { service: o.service });
  })();
  return {
    ready,
    detach() {
      o.bus.off('message', o.onMessage);
      unwatch();
    },
    async unsubscribe() {
      await Promise.all(o.matchRules.map((rule) => o.caller.removeMatch(rule).catch(() => {})));
    },
  };
}
