/**
 * The link-local UDP beacon: the discovery source that works everywhere,
 * with no Avahi or wpa_supplicant. Says "a satchel node is here, sessions on
 * this port" to a multicast group, and reports the same from others.
 */
import { EventEmitter } from 'node:events';
import { SatchelError } from '../errors/satchel-error.js';
import { buildBeacon, isValidPort, parseBeacon, type HeardBeacon } from './beacon-packet.js';
import { createBeaconRoom, steer, type BeaconRoom } from './beacon-room.js';
import { createPeriodicSchedule, type BeaconSchedule } from './beacon-schedule.js';
import { createTrickleSchedule } from './beacon-trickle.js';
import { listLinkInterfaces } from './link-interfaces.js';
import { createLogOnce, type LogOnce } from './log-once.js';
import { createMulticastChannel, type MulticastChannel } from './multicast-channel.js';
import {
  BEACON_GROUP_V4, BEACON_GROUP_V6, checkBeaconOptions, checkTrickle, DEFAULT_BEACON_PORT, type BeaconOptions,
} from './beacon-options.js';
import { toHex } from '../crypto/hex.js';
import { neighbourTimeoutMs } from './neighbour-table.js';

export {
  BEACON_IMAX_MS, BEACON_IMIN_MS, BEACON_MAX_SILENCE_MS, BEACON_REDUNDANCY, DEFAULT_TRICKLE, type TrickleParams,
} from './beacon-trickle.js';
export type { HeardBeacon } from './beacon-packet.js';
export { BEACON_GROUP_V4, BEACON_GROUP_V6, DEFAULT_BEACON_PORT, type BeaconOptions } from './beacon-options.js';

export interface DiscoveryBeacon extends EventEmitter<{ beacon: [HeardBeacon] }> {
  /** Binds, joins the groups, sends the first beacon. Rejects only if no family could bind. */
  start(): Promise<void>;
  /** Idempotent; releases the sockets. */
  close(): Promise<void>;
  /** Advertises a new session port; the next beacon goes out early. */
  setSessionPort(port: number): void;
  /** Tells neighbours we have something new; the next beacon goes out early. */
  bumpEpoch(): void;
  /** Back from sleep: a beacon now, and the schedule restarted at its shortest interval. */
  refresh(): void;
  readonly epoch: number;
  readonly sessionPort: number;
}

class Beacon extends EventEmitter<{ beacon: [HeardBeacon] }> implements DiscoveryBeacon {
  readonly #o: BeaconOptions;
  readonly #port: number;
  readonly #nodeId: Uint8Array;
  readonly #schedule: BeaconSchedule;
  readonly #room: BeaconRoom;
  readonly #logOnce: LogOnce;
  #sessionPort: number;
  #epoch: number;
  #channels: MulticastChannel[] = [];
  /** Interfaces used in the last round, comma-separated; undefined before the first. */
  #linkNames: string | undefined;
  #starting: Promise<void> | undefined;
  #closing: Promise<void> | undefined;

  constructor(o: BeaconOptions) {
    super();
    this.#o = o;
    this.#port = o.port ?? DEFAULT_BEACON_PORT;
    this.#nodeId = Uint8Array.from(o.nodeId);
    this.#sessionPort = o.sessionPort;
    this.#logOnce = createLogOnce(o.logger);
    // A random start means a restarted laptop never repeats the epoch that
    // neighbours remember from before, so they look again.
    const r = o.random(4);
    this.#epoch = (((r[0] ?? 0) << 24) | ((r[1] ?? 0) << 16) | ((r[2] ?? 0) << 8) | (r[3] ?? 0)) >>> 0;
    const send = (): void => this.#tick();
    const trickle = checkTrickle(o.trickle ?? {});
    this.#schedule = o.fixedIntervalMs !== undefined
      ? createPeriodicSchedule({ clock: o.clock, random: o.random, intervalMs: o.fixedIntervalMs, send })
      : createTrickleSchedule({
        clock: o.clock, random: o.random, params: trickle, send,
        quiet: () => o.counters.bump('beacon.suppressed'),
        wake: () => this.#watchLinks(),
      });
    this.#room = createBeaconRoom({
      clock: o.clock,
      // Forgotten no sooner than a neighbour table would drop it.
      forgetAfterMs: neighbourTimeoutMs(trickle),
      // With k >= 2 someone in a settled room speaks in every longest
      // interval, and a point falls at most one and a half intervals after
      // the last: two intervals of nothing means we were away, not that the
      // room was polite.
      quietSpellMs: 2 * trickle.imaxMs,
    });
  }

  get epoch(): number { return this.#epoch; }
  get sessionPort(): number { return this.#sessionPort; }

  start(): Promise<void> {
    if (this.#closing) return Promise.reject(SatchelError.closed('beacon'));
    this.#starting ??= this.#open();
    return this.#starting;
  }

  async #open(): Promise<void> {
    const families = ([4, 6] as const).filter((f) => (f === 4 ? this.#o.ipv4 : this.#o.ipv6) ?? true);
    const channels = families.map((family) => createMulticastChannel({
      family,
      port: this.#port,
      group: family === 4 ? BEACON_GROUP_V4 : BEACON_GROUP_V6,
      counters: this.#o.counters,
      logOnce: this.#logOnce,
      onMessage: (msg, rinfo) => this.#receive(msg, rinfo.address, family),
    }));
    const results = await Promise.allSettled(channels.map((c) => c.open()));
    const failures: string[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') return;
      const code = String((r.reason as { code?: unknown }).code ?? r.reason);
      failures.push(`IPv${families[i] ?? '?'} ${code}`);
      // IPv6 disabled on the kernel command line is normal; carry on with IPv4.
      this.#o.logger.warn('beacon socket not opened', { family: families[i], port: this.#port, code });
    });
    const open = channels.filter((_, i) => results[i]?.status === 'fulfilled');
    if (open.length === 0) {
      throw SatchelError.config('discovery.port', `cannot open UDP port ${this.#port}: ${failures.join(', ') || 'no address family enabled'}`);
    }
    this.#channels = open;
    if (this.#closing) return void (await Promise.all(open.map((c) => c.close())));
    this.#o.logger.info('beacon started', {
      port: this.#port, interface: this.#o.interface ?? '*', families: open.map((c) => c.family).join(','),
    });
    this.#schedule.start();
  }

  #tick(): void {
    const links = this.#checkLinks();
    const payload = buildBeacon(this.#nodeId, this.#sessionPort, this.#epoch);
    for (const c of this.#channels) {
      c.join(links);
      c.send(payload);
    }
  }

  /**
   * Between beacons the links are still looked at, so a WLAN that comes (back)
   * is joined and announced within about an Imax, not a silence bound.
   */
  #watchLinks(): void {
    const links = this.#checkLinks();
    for (const c of this.#channels) c.join(links);
  }

  #checkLinks(): ReturnType<typeof listLinkInterfaces> {
    const links = listLinkInterfaces(this.#o.interface);
    const names = links.map((l) => l.name).join(',');
    // Logged on change only: at most one line per beacon interval, even for a flapping WLAN.
    if (names !== this.#linkNames) {
      if (names === '') this.#o.logger.warn('no interface to beacon on; will keep looking', { interface: this.#o.interface ?? '*' });
      else this.#o.logger.info('beaconing on', { interfaces: names });
      // A link that came (back) is a new room to announce ourselves to.
      if (this.#linkNames !== undefined && names !== '') this.#schedule.hurry();
      this.#linkNames = names;
    }
    return links;
  }

  #receive(msg: Uint8Array, address: string, family: 4 | 6): void {
    if (this.#closing) return;
    const r = parseBeacon(msg, this.#nodeId);
    if (!r.ok) {
      this.#o.counters.bump(`beacon.dropped.${r.reason}`);
      this.#logOnce(`drop:${r.reason}`, 'dropping beacon (logged once per reason)',
        { reason: r.reason, detail: r.detail, from: address });
      return;
    }
    this.#o.counters.bump('beacon.received');
    const from = toHex(r.beacon.nodeId);
    steer(this.#schedule, from, this.#room.hear(from), this.#o.counters);
    try {
      this.emit('beacon', { ...r.beacon, address, family });
    } catch (err) {
      // A listener's bug must not take the socket (and the daemon) down with it.
      this.#logOnce(`listener:${String(err)}`, 'beacon listener threw', { error: String(err) });
    }
  }

  setSessionPort(port: number): void {
    if (!isValidPort(port)) throw SatchelError.invalidArgument(`session port must be 1..65535, got ${port}`);
    if (port === this.#sessionPort) return;
    this.#sessionPort = port;
    this.#schedule.hurry();
  }

  bumpEpoch(): void {
    this.#epoch = (this.#epoch + 1) >>> 0;
    this.#schedule.hurry();
  }

  refresh(): void {
    if (this.#closing || this.#channels.length === 0) return;
    this.#o.counters.bump('beacon.refreshed');
    this.#schedule.refresh();
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#schedule.close();
      // Let a start() in flight finish binding so its sockets are released too.
      await this.#starting?.catch(() => {});
      await Promise.all(this.#channels.map((c) => c.close()));
      this.#channels = [];
    })();
    return this.#closing;
  }
}

export function createBeacon(opts: BeaconOptions): DiscoveryBeacon {
  checkBeaconOptions(opts);
  return new Beacon(opts);
}
