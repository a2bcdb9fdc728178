/**
 * wpa_supplicant as a discovery source: mesh peers (Interface.Mesh), Wi-Fi
 * P2P devices (Interface.P2PDevice) and scanned access points (BSSs), from
 * its D-Bus API on the bus the daemon already uses. Follows the service by
 * name: absent at start, restarted or crashed, it is 'down' until it owns
 * fi.w1.wpa_supplicant1 again, and then everything is read afresh (object
 * paths from a previous run mean nothing).
 *
 * Peers are reported by MAC, with an address from the injected MacResolver.
 * A mesh peer is on our link already, so its address is likely dialable. A
 * P2P device is only in radio range (DeviceFound comes from P2P search), on
 * no IP link until a P2P group forms, so its address is a hope at best.
 * Access points have no address to dial (the relay point is some host behind
 * one, unknown until we associate): they are reported with address '', the
 * SSID, and key `bss:<BSSID>`, for the data-mule logic to recognise.
 */
import { EventEmitter } from 'node:events';
import { SatchelError } from '../../errors/satchel-error.js';
import type { DbusMessage, MessageBus } from '../../service/dbus.js';
import type { Clock } from '../../util/clock.js';
import type { Counters } from '../../util/counters.js';
import type { Logger } from '../../util/log.js';
import { createLogOnce, type LogOnce } from '../log-once.js';
import { CALL_TIMEOUT_MS, DbusCaller, MESSAGE_TYPE_SIGNAL } from './dbus-calls.js';
import type { MacResolver } from './mac-resolver.js';
import { NameOwnerWatch } from './name-owner-watch.js';
import { followService, type FollowedService } from './follow-service.js';
import { SourceReporter } from './source-reporter.js';
import { SightingBook } from './sighting-book.js';
import type { DiscoverySource, DiscoverySourceEvents, SourceState } from './source.js';
import { WPA_MATCH_RULES, WPA_SERVICE } from './wpa-names.js';
import { WpaReader } from './wpa-reader.js';
import { parseSignal, type WpaEvent } from './wpa-signals.js';
import { WpaTracker, type WpaInterfaceSummary } from './wpa-tracker.js';

export type { WpaInterfaceSummary } from './wpa-tracker.js';

export interface WpaSupplicantSourceOptions {
  bus: MessageBus;
  logger: Logger;
  counters: Counters;
  clock: Clock;
  /** Reported with every sighting: a MAC says nothing of ports, so peers are assumed to use the default. */
  sessionPort: number;
  resolve: MacResolver;
  /** Which access points to report, by SSID; every named one by default. */
  acceptSsid?: (ssid: string) => boolean;
  callTimeoutMs?: number;
}

export interface WpaSupplicantSource extends DiscoverySource {
  /** The interfaces wpa_supplicant manages, for technicians (`satchel doctor`). */
  interfaces(): WpaInterfaceSummary[];
}

class Source extends EventEmitter<DiscoverySourceEvents> implements WpaSupplicantSource {
  readonly name = 'wpa_supplicant' as const;
  readonly #o: WpaSupplicantSourceOptions;
  readonly #caller: DbusCaller;
  readonly #reader: WpaReader;
  readonly #tracker: WpaTracker;
  readonly #owner: NameOwnerWatch;
  readonly #logOnce: LogOnce;
  readonly #report: SourceReporter;
  /** Bumped on every owner change: answers to reads made for an older owner are void. */
  #epoch = 0;
  #followed: FollowedService | undefined;
  #starting: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  readonly #onMessage = (msg: DbusMessage): void => {
    try {
      this.#message(msg);
    } catch (err) {
      // dbus-next would answer a throwing listener's message with an error reply.
      this.#logOnce(`bug:${String(err)}`, 'wpa_supplicant signal handling failed', { error: String(err) });
    }
  };

  constructor(o: WpaSupplicantSourceOptions) {
    super();
    this.#o = o;
    this.#logOnce = createLogOnce(o.logger);
    this.#report = new SourceReporter({
      emitter: this, logOnce: this.#logOnce, counters: o.counters, label: 'wpa_supplicant', counterPrefix: 'wpa_supplicant',
      closing: () => this.#closing !== undefined,
    });
    this.#caller = new DbusCaller(o.bus, o.clock, o.callTimeoutMs ?? CALL_TIMEOUT_MS);
    this.#reader = new WpaReader(this.#caller, (d) => this.#report.dropped(d));
    this.#owner = new NameOwnerWatch(this.#caller, WPA_SERVICE, (owner) => this.#ownerChanged(owner));
    const book = new SightingBook({
      seen: (s) => this.#report.emit('seen', () => this.emit('seen', s)),
      lost: (key) => this.#report.emit('lost', () => this.emit('lost', { source: 'wpa_supplicant', key })),
    });
    this.#tracker = new WpaTracker({
      book, resolve: o.resolve, sessionPort: o.sessionPort, acceptSsid: o.acceptSsid ?? (() => true),
      counters: o.counters, logger: o.logger,
    });
  }

  state(): SourceState {
    return this.#report.state;
  }

  interfaces(): WpaInterfaceSummary[] {
    return this.#tracker.summary();
  }

  start(): Promise<void> {
    if (this.#closing) return Promise.reject(SatchelError.closed('wpa_supplicant source'));
    this.#starting ??= this.#open();
    return this.#starting;
  }

  async #open(): Promise<void> {
    const { bus, logger, counters } = this.#o;
    const followed = followService({
      bus, logger, counters, caller: this.#caller, owner: this.#owner, label: 'wpa_supplicant', counterPrefix: 'wpa_supplicant',
      service: WPA_SERVICE, matchRules: WPA_MATCH_RULES, onMessage: this.#onMessage, closing: () => this.#closing !== undefined,
      absent: { level: 'info', message: 'wpa_supplicant is not running; waiting for it' },
    });
    this.#followed = followed;
    await followed.ready;
  }

  #message(msg: DbusMessage): void {
    if (this.#closing || msg.type !== MESSAGE_TYPE_SIGNAL || this.#owner.handle(msg)) return;
    const ours = msg.interface?.startsWith(WPA_SERVICE) ?? false;
    if (msg.sender !== this.#owner.owner || this.#owner.owner === undefined) {
      // Anyone may send a signal on the system bus; only the name's owner
      // speaks for wpa_supplicant. Until GetNameOwner answers we cannot
      // tell, and the read that follows the answer covers what was said.
      if (ours && this.#owner.known) this.#report.dropped({ kind: 'drop', reason: 'sender', detail: `from ${msg.sender ?? '?'}` });
      return;
    }
    const ev = parseSignal(msg);
    if (ev.kind === 'drop') this.#report.dropped(ev);
    else this.#apply(ev);
  }

  #apply(ev: WpaEvent): void {
    const t = this.#tracker;
    if (ev.kind === 'ignored') return;
    if (ev.kind === 'interface-added') return this.#track(ev.iface, { ifname: ev.ifname, bsss: ev.bsss });
    if (ev.kind === 'interface-removed') return t.remove(ev.iface);
    // From an interface we have not read yet (it raced our start): read it; the event waits for that.
    if (!t.has(ev.iface)) this.#track(ev.iface, {});
    switch (ev.kind) {
      case 'mesh-connected': return t.meshConnected(ev.iface, ev.mac);
      case 'mesh-disconnected': return t.meshDisconnected(ev.iface, ev.mac);
      case 'p2p-found': return t.p2pFound(ev.iface, ev.path, ev.mac);
      case 'p2p-lost': return t.p2pLost(ev.iface, ev.path);
      case 'bss-added': return t.bssAdded(ev.iface, ev.path, ev.bss);
      case 'bss-removed': return t.bssRemoved(ev.iface, ev.path);
      case 'bss-list': return t.bssList(ev.iface, ev.paths);
    }
  }

  #ownerChanged(owner: string | undefined): void {
    const { logger, counters } = this.#o;
    const epoch = ++this.#epoch;
    if (owner === undefined) {
      logger.info('wpa_supplicant went away');
      counters.bump('wpa_supplicant.vanished');
      this.#tracker.clear();
      this.#report.setState('down');
      return;
    }
    logger.info('wpa_supplicant is running', { owner });
    counters.bump('wpa_supplicant.appeared');
    this.#report.setState('up');
    void this.#reader.interfaces().then(
      (paths) => {
        if (epoch === this.#epoch) for (const p of paths) this.#track(p, {});
      },
      (err: unknown) => logger.warn('cannot list wpa_supplicant interfaces', { error: String(err) }),
    );
  }

  #track(path: string, known: { ifname?: string | undefined; bsss?: string[] | undefined }): void {
    if (!this.#tracker.begin(path, known.ifname)) return;
    const epoch = this.#epoch;
    void this.#reader.interface(path, known).then((snap) => {
      if (epoch === this.#epoch) this.#tracker.finish(path, snap);
    });
  }

  /** Idempotent. Says nothing more, not even `lost`: whoever closes a source forgets its sightings. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#followed?.detach();
      await this.#starting?.catch(() => {});
      this.#epoch++;
      this.#tracker.clear();
      this.#report.silence();
      await this.#followed?.unsubscribe();
    })();
    return this.#closing;
  }
}

export function createWpaSupplicantSource(opts: WpaSupplicantSourceOptions): WpaSupplicantSource {
  if (!Number.isInteger(opts.sessionPort) || opts.sessionPort < 1 || opts.sessionPort > 65_535) {
    throw SatchelError.invalidArgument(`session port must be 1..65535, got ${opts.sessionPort}`);
  }
  return new Source(opts);
}
