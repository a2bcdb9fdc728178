/**
 * NetworkManager as a discovery source, where it runs instead of talking
 * to wpa_supplicant ourselves: its Wi-Fi devices' access points, reported
 * like wpa_supplicant's BSSs (address '', the SSID, key `ap:<BSSID>`) so
 * the data mule can recognise a relay point's network. Follows the service
 * by name: absent, restarted or crashed, it is 'down' until it owns
 * org.freedesktop.NetworkManager again, and then it is read afresh.
 */
import { EventEmitter } from 'node:events';
import { SatchelError } from '../../errors/satchel-error.js';
import type { DbusMessage, MessageBus } from '../../service/dbus.js';
import type { Clock } from '../../util/clock.js';
import type { Counters } from '../../util/counters.js';
import type { Logger } from '../../util/log.js';
import { createLogOnce, type LogOnce } from '../log-once.js';
import { CALL_TIMEOUT_MS, DbusCaller, MESSAGE_TYPE_SIGNAL } from './dbus-calls.js';
import { NameOwnerWatch } from './name-owner-watch.js';
import { followService, type FollowedService } from './follow-service.js';
import { SourceReporter } from './source-reporter.js';
import { NM_MATCH_RULES, NM_SERVICE } from './nm-names.js';
import { NmReader } from './nm-reader.js';
import { parseNmSignal, type NmEvent } from './nm-signals.js';
import { NmTracker, type NmDeviceSummary } from './nm-tracker.js';
import { SightingBook } from './sighting-book.js';
import type { DiscoverySource, DiscoverySourceEvents, SourceState } from './source.js';

export type { NmDeviceSummary } from './nm-tracker.js';

export interface NetworkManagerSourceOptions {
  bus: MessageBus;
  logger: Logger;
  counters: Counters;
  clock: Clock;
  /** Reported with every sighting, as the wpa_supplicant source does. */
  sessionPort: number;
  /** Which access points to report, by SSID; every named one by default. */
  acceptSsid?: (ssid: string) => boolean;
  callTimeoutMs?: number;
}

export interface NetworkManagerSource extends DiscoverySource {
  /** NetworkManager's Wi-Fi devices as tracked, for technicians. */
  devices(): NmDeviceSummary[];
}

class Source extends EventEmitter<DiscoverySourceEvents> implements NetworkManagerSource {
  readonly name = 'networkmanager' as const;
  readonly #o: NetworkManagerSourceOptions;
  readonly #caller: DbusCaller;
  readonly #tracker: NmTracker;
  readonly #owner: NameOwnerWatch;
  readonly #logOnce: LogOnce;
  readonly #report: SourceReporter;
  #followed: FollowedService | undefined;
  #starting: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  readonly #onMessage = (msg: DbusMessage): void => {
    try {
      this.#message(msg);
    } catch (err) {
      // dbus-next would answer a throwing listener's message with an error reply.
      this.#logOnce(`bug:${String(err)}`, 'NetworkManager signal handling failed', { error: String(err) });
    }
  };

  constructor(o: NetworkManagerSourceOptions) {
    super();
    this.#o = o;
    this.#logOnce = createLogOnce(o.logger);
    this.#report = new SourceReporter({
      emitter: this, logOnce: this.#logOnce, counters: o.counters, label: 'NetworkManager', counterPrefix: 'networkmanager',
      closing: () => this.#closing !== undefined,
    });
    this.#caller = new DbusCaller(o.bus, o.clock, o.callTimeoutMs ?? CALL_TIMEOUT_MS);
    this.#owner = new NameOwnerWatch(this.#caller, NM_SERVICE, (owner) => this.#ownerChanged(owner));
    const book = new SightingBook({
      seen: (s) => this.#report.emit('seen', () => this.emit('seen', s)),
      lost: (key) => this.#report.emit('lost', () => this.emit('lost', { source: 'networkmanager', key })),
    });
    this.#tracker = new NmTracker({
      reader: new NmReader(this.#caller, (d) => this.#report.dropped(d)), book, sessionPort: o.sessionPort,
      acceptSsid: o.acceptSsid ?? (() => true),
    });
  }

  state(): SourceState {
    return this.#report.state;
  }

  devices(): NmDeviceSummary[] {
    return this.#tracker.summary();
  }

  start(): Promise<void> {
    if (this.#closing) return Promise.reject(SatchelError.closed('NetworkManager source'));
    this.#starting ??= this.#open();
    return this.#starting;
  }

  async #open(): Promise<void> {
    const { bus, logger, counters } = this.#o;
    const followed = followService({
      bus, logger, counters, caller: this.#caller, owner: this.#owner, label: 'NetworkManager', counterPrefix: 'networkmanager',
      service: NM_SERVICE, matchRules: NM_MATCH_RULES, onMessage: this.#onMessage, closing: () => this.#closing !== undefined,
      absent: { level: 'debug', message: 'NetworkManager is not running; waiting for it' },
    });
    this.#followed = followed;
    await followed.ready;
  }

  #message(msg: DbusMessage): void {
    if (this.#closing || msg.type !== MESSAGE_TYPE_SIGNAL || this.#owner.handle(msg)) return;
    const ev = parseNmSignal(msg);
    if (ev.kind === 'ignored') return;
    if (msg.sender !== this.#owner.owner || this.#owner.owner === undefined) {
      // Only the name's owner speaks for NetworkManager; until GetNameOwner
      // answers we cannot tell, and the read that follows covers it.
      if (this.#owner.known) this.#report.dropped({ kind: 'drop', reason: 'sender', detail: `from ${msg.sender ?? '?'}` });
      return;
    }
    if (ev.kind === 'drop') this.#report.dropped(ev);
    else this.#apply(ev);
  }

  #apply(ev: Exclude<NmEvent, { kind: 'ignored' }>): void {
    const t = this.#tracker;
    switch (ev.kind) {
      case 'device-added': return t.deviceAdded(ev.device);
      case 'device-removed': return t.deviceRemoved(ev.device);
      case 'ap-added': return t.apAdded(ev.device, ev.ap);
      case 'ap-removed': return t.apRemoved(ev.device, ev.ap);
      case 'ssid-changed': return t.ssidChanged(ev.ap, ev.ssid);
    }
  }

  #ownerChanged(owner: string | undefined): void {
    const { logger, counters } = this.#o;
    this.#tracker.clear();
    if (owner === undefined) {
      if (this.#report.state === 'up') logger.info('NetworkManager went away');
      counters.bump('networkmanager.vanished');
      this.#report.setState('down');
      return;
    }
    logger.info('NetworkManager is running', { owner });
    counters.bump('networkmanager.appeared');
    this.#report.setState('up');
    void this.#tracker.appeared().catch((err: unknown) => logger.warn('cannot list NetworkManager devices', { error: String(err) }));
  }

  /** Idempotent. Says nothing more, not even `lost`: whoever closes a source forgets its sightings. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#followed?.detach();
      await this.#starting?.catch(() => {});
      this.#tracker.clear();
      this.#report.silence();
      await this.#followed?.unsubscribe();
    })();
    return this.#closing;
  }
}

export function createNetworkManagerSource(opts: NetworkManagerSourceOptions): NetworkManagerSource {
  if (!Number.isInteger(opts.sessionPort) || opts.sessionPort < 1 || opts.sessionPort > 65_535) {
    throw SatchelError.invalidArgument(`session port must be 1..65535, got ${opts.sessionPort}`);
  }
  return new Source(opts);
}
