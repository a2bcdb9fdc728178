/**
 * Avahi as a discovery source: this daemon is published as a DNS-SD
 * service (`_satchel._tcp`, its node key id in TXT) and other daemons are
 * browsed for and resolved, all through avahi-daemon's D-Bus API on the
 * bus the daemon already uses. Follows org.freedesktop.Avahi by name:
 * absent at start, restarted or crashed, the source is 'down' and quiet
 * until the name is owned again, and then publishes and browses afresh
 * (object paths from a previous run mean nothing).
 */
import { EventEmitter } from 'node:events';
import { SatchelError } from '../../errors/satchel-error.js';
import { toHex } from '../../crypto/hex.js';
import type { DbusMessage, MessageBus } from '../../service/dbus.js';
import type { Clock } from '../../util/clock.js';
import type { Counters } from '../../util/counters.js';
import type { Logger } from '../../util/log.js';
import { createLogOnce, type LogOnce } from '../log-once.js';
import { AvahiBrowser } from './avahi-browser.js';
import { AVAHI_MATCH_RULES, AVAHI_SERVICE, SATCHEL_SERVICE_TYPE } from './avahi-names.js';
import { AvahiPublisher } from './avahi-publisher.js';
import { AvahiResolver } from './avahi-resolve.js';
import { MAX_INSTANCE_NAME_BYTES, parseAvahiSignal } from './avahi-signals.js';
import { encodeTxt } from './avahi-txt.js';
import { CALL_TIMEOUT_MS, DbusCaller, MESSAGE_TYPE_SIGNAL } from './dbus-calls.js';
import { NameOwnerWatch } from './name-owner-watch.js';
import { followService, type FollowedService } from './follow-service.js';
import { SourceReporter } from './source-reporter.js';
import { SightingBook } from './sighting-book.js';
import type { DiscoverySource, DiscoverySourceEvents, SourceState } from './source.js';

/**
 * How long ResolveService may take, in ms: Avahi answers once the peer has
 * answered its queries, or fails by its own timeout (5 s in avahi 0.8).
 */
export const RESOLVE_TIMEOUT_MS = 10_000;
/** Instance names are `satchel-<node id hex>` unless told otherwise: unique, and readable in avahi-browse. */
export const SERVICE_NAME_PREFIX = 'satchel-';

export interface AvahiSourceOptions {
  bus: MessageBus;
  logger: Logger;
  counters: Counters;
  clock: Clock;
  /** This daemon's node key id, published in TXT; services carrying it are ours. */
  nodeId: Uint8Array;
  /** The port this daemon accepts link sessions on, published in SRV. */
  sessionPort: number;
  /** The instance name to ask for first (SERVICE_NAME_PREFIX + node id by default). */
  serviceName?: string;
  callTimeoutMs?: number;
  resolveTimeoutMs?: number;
}

export interface AvahiSource extends DiscoverySource {
  /** The name Avahi has announced us under, once it has (for `satchel doctor` and tests). */
  published(): string | undefined;
}

class Source extends EventEmitter<DiscoverySourceEvents> implements AvahiSource {
  readonly name = 'avahi' as const;
  readonly #o: AvahiSourceOptions;
  readonly #caller: DbusCaller;
  readonly #owner: NameOwnerWatch;
  readonly #publisher: AvahiPublisher;
  readonly #browser: AvahiBrowser;
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
      this.#logOnce(`bug:${String(err)}`, 'Avahi signal handling failed', { error: String(err) });
    }
  };

  constructor(o: AvahiSourceOptions, serviceName: string) {
    super();
    this.#o = o;
    this.#logOnce = createLogOnce(o.logger);
    this.#report = new SourceReporter({
      emitter: this, logOnce: this.#logOnce, counters: o.counters, label: 'Avahi', counterPrefix: 'avahi',
      closing: () => this.#closing !== undefined,
    });
    this.#caller = new DbusCaller(o.bus, o.clock, o.callTimeoutMs ?? CALL_TIMEOUT_MS);
    this.#owner = new NameOwnerWatch(this.#caller, AVAHI_SERVICE, (owner) => this.#ownerChanged(owner));
    this.#publisher = new AvahiPublisher({
      caller: this.#caller, logger: o.logger, counters: o.counters, logOnce: this.#logOnce,
      name: serviceName, type: SATCHEL_SERVICE_TYPE, port: o.sessionPort, txt: encodeTxt(o.nodeId),
    });
    const book = new SightingBook({
      seen: (s) => this.#report.emit('seen', () => this.emit('seen', s)),
      lost: (key) => this.#report.emit('lost', () => this.emit('lost', { source: 'avahi', key })),
    });
    this.#browser = new AvahiBrowser({
      caller: this.#caller, clock: o.clock, counters: o.counters, logOnce: this.#logOnce, book, type: SATCHEL_SERVICE_TYPE,
      resolver: new AvahiResolver(this.#caller, new DbusCaller(o.bus, o.clock, o.resolveTimeoutMs ?? RESOLVE_TIMEOUT_MS),
        SATCHEL_SERVICE_TYPE, o.nodeId),
      ownName: () => this.#publisher.name, dropped: (d) => this.#report.dropped(d),
    });
  }

  state(): SourceState {
    return this.#report.state;
  }

  published(): string | undefined {
    return this.#publisher.published;
  }

  start(): Promise<void> {
    if (this.#closing) return Promise.reject(SatchelError.closed('avahi source'));
    this.#starting ??= this.#open();
    return this.#starting;
  }

  async #open(): Promise<void> {
    const { bus, logger, counters } = this.#o;
    const followed = followService({
      bus, logger, counters, caller: this.#caller, owner: this.#owner, label: 'Avahi', counterPrefix: 'avahi',
      service: AVAHI_SERVICE, matchRules: AVAHI_MATCH_RULES, onMessage: this.#onMessage, closing: () => this.#closing !== undefined,
      absent: { level: 'info', message: 'Avahi is not running; waiting for it' },
    });
    this.#followed = followed;
    await followed.ready;
  }

  #message(msg: DbusMessage): void {
    if (this.#closing || msg.type !== MESSAGE_TYPE_SIGNAL || this.#owner.handle(msg)) return;
    const ours = msg.interface?.startsWith(AVAHI_SERVICE) ?? false;
    if (!ours) return;
    if (msg.sender !== this.#owner.owner || this.#owner.owner === undefined) {
      // Only the name's owner speaks for Avahi; until GetNameOwner answers we
      // cannot tell, and the browse that follows the answer covers it.
      if (this.#owner.known) this.#report.dropped({ kind: 'drop', reason: 'sender', detail: `from ${msg.sender ?? '?'}` });
      return;
    }
    const ev = parseAvahiSignal(msg);
    if (ev.kind === 'drop') return this.#report.dropped(ev);
    if (ev.kind === 'server-state') return this.#publisher.serverState(ev.state);
    if (ev.kind === 'group-state') {
      this.#publisher.groupState(ev.path, ev.state, ev.error);
      return;
    }
    this.#browser.handle(ev);
  }

  #ownerChanged(owner: string | undefined): void {
    const { logger, counters } = this.#o;
    if (owner === undefined) {
      logger.info('Avahi went away');
      counters.bump('avahi.vanished');
      this.#publisher.forget();
      this.#browser.clear();
      this.#report.setState('down');
      return;
    }
    logger.info('Avahi is running', { owner });
    counters.bump('avahi.appeared');
    this.#report.setState('up');
    this.#publisher.begin();
    this.#browser.begin().catch((err: unknown) => {
      counters.bump('avahi.browser_failed');
      this.#logOnce(`browse:${String(err)}`, 'cannot browse through Avahi', { error: String(err) });
    });
  }

  /** Idempotent. Withdraws our service; says nothing more, not even `lost`. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#followed?.detach();
      await this.#starting?.catch(() => {});
      this.#report.silence();
      await Promise.all([this.#publisher.close(), this.#browser.close()]);
      await this.#followed?.unsubscribe();
    })();
    return this.#closing;
  }
}

export function createAvahiSource(opts: AvahiSourceOptions): AvahiSource {
  if (!Number.isInteger(opts.sessionPort) || opts.sessionPort < 1 || opts.sessionPort > 65_535) {
    throw SatchelError.invalidArgument(`session port must be 1..65535, got ${opts.sessionPort}`);
  }
  // encodeTxt checks the node id's size; asked here so a bad one fails at once.
  encodeTxt(opts.nodeId);
  const name = opts.serviceName ?? `${SERVICE_NAME_PREFIX}${toHex(opts.nodeId)}`;
  if (typeof name !== 'string' || name === '' || Buffer.byteLength(name) > MAX_INSTANCE_NAME_BYTES) {
    throw SatchelError.invalidArgument(`service name must be 1..${MAX_INSTANCE_NAME_BYTES} bytes of UTF-8`);
  }
  return new Source(opts, name);
}
