/**
 * Suspend and resume as normal events. While awake the daemon holds a logind
 * delay lock; PrepareForSleep(true) runs the injected checkpoint for a
 * bounded time and then gives the lock back, so logind suspends as soon as
 * the transfers in flight are settled (and never later than the bound);
 * PrepareForSleep(false) says we are back: a new lock, and the injected
 * resume (neighbours refreshed at once rather than after a beacon silence).
 *
 * Follows logind by name on the daemon's own bus: absent, it is 'down' and
 * costs two match rules and nothing else; restarted, it is followed again
 * with a fresh lock. Without descriptor passing on the connection there can
 * be no lock, but the signals are still followed.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { DbusMessage, MessageBus } from '../service/dbus.js';
import { CALL_TIMEOUT_MS, DbusCaller, MESSAGE_TYPE_SIGNAL } from '../discovery/sources/dbus-calls.js';
import { NameOwnerWatch } from '../discovery/sources/name-owner-watch.js';
import { followService, type FollowedService } from '../discovery/sources/follow-service.js';
import { createLogOnce, type LogOnce } from '../discovery/log-once.js';
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import { canReceiveFds, readDelayMaxMs, releaseDelayLock, requestDelayLock } from './delay-lock.js';
import { LOGIND_MANAGER_IFACE, LOGIND_MATCH_RULES, LOGIND_PATH, LOGIND_SERVICE, PREPARE_FOR_SLEEP } from './logind-names.js';
import { within } from './within.js';

/**
 * Longest the checkpoint may run before the lock is given back anyway, in
 * ms: well inside logind's InhibitDelayMaxSec (5 s by default), so the lock
 * is ours to release rather than logind's to time out.
 */
export const SLEEP_CHECKPOINT_BOUND_MS = 2_000;
/** Share of logind's own delay limit the checkpoint may use when logind.conf sets it lower than the default. */
export const CHECKPOINT_SHARE_OF_DELAY_MAX = 0.5;

export type LogindState = 'up' | 'down';
/** 'unsupported': this bus connection cannot carry descriptors, so no lock can be held. */
export type LockState = 'held' | 'none' | 'unsupported';
export type SleepPhase = 'awake' | 'checkpointing' | 'sleeping';

export interface SleepWatchStatus {
  logind: LogindState;
  lock: LockState;
  phase: SleepPhase;
  checkpointBoundMs: number;
}

export interface SleepWatchOptions {
  bus: MessageBus;
  logger: Logger;
  counters: Counters;
  clock: Clock;
  /** Settles what is in flight; `signal` is aborted at the bound, when whatever is left must stop at once. */
  checkpoint: (signal: AbortSignal) => Promise<void>;
  /** Back from sleep. */
  resume: () => void | Promise<void>;
  checkpointBoundMs?: number;
  callTimeoutMs?: number;
}

export interface SleepWatch {
  /** Subscribes once; never fails because logind is absent. */
  start(): Promise<void>;
  status(): SleepWatchStatus;
  /** Idempotent; gives the lock back. */
  close(): Promise<void>;
}

class Watch implements SleepWatch {
  readonly #o: SleepWatchOptions;
  readonly #caller: DbusCaller;
  readonly #owner: NameOwnerWatch;
  readonly #logOnce: LogOnce;
  #boundMs: number;
  #fdPassing = false;
  #fd: number | undefined;
  #taking: Promise<void> | undefined;
  #phase: SleepPhase = 'awake';
  /** PrepareForSleep(false) came while the checkpoint still ran: resume once it ends. */
  #wakeQueued = false;
  /** Bumped on every owner change and every sleep: a lock granted for an older one is given straight back. */
  #epoch = 0;
  #followed: FollowedService | undefined;
  #starting: Promise<void> | undefined;
  #closing: Promise<void> | undefined;
  readonly #onMessage = (msg: DbusMessage): void => {
    try {
      this.#message(msg);
    } catch (err) {
      // dbus-next would answer a throwing listener's message with an error reply.
      this.#logOnce(`bug:${String(err)}`, 'logind signal handling failed', { error: String(err) });
    }
  };

  constructor(o: SleepWatchOptions) {
    this.#o = o;
    this.#boundMs = o.checkpointBoundMs ?? SLEEP_CHECKPOINT_BOUND_MS;
    this.#logOnce = createLogOnce(o.logger);
    this.#caller = new DbusCaller(o.bus, o.clock, o.callTimeoutMs ?? CALL_TIMEOUT_MS);
    this.#owner = new NameOwnerWatch(this.#caller, LOGIND_SERVICE, (owner) => this.#ownerChanged(owner));
  }

  status(): SleepWatchStatus {
    const lock: LockState = !this.#fdPassing ? 'unsupported' : this.#fd === undefined ? 'none' : 'held';
    return { logind: this.#owner.owner === undefined ? 'down' : 'up', lock, phase: this.#phase, checkpointBoundMs: this.#boundMs };
  }

  start(): Promise<void> {
    if (this.#closing) return Promise.reject(SatchelError.closed('sleep watch'));
    this.#starting ??= this.#open();
    return this.#starting;
  }

  async #open(): Promise<void> {
    const { bus, logger, counters } = this.#o;
    this.#fdPassing = canReceiveFds(bus);
    const followed = followService({
      bus, logger, counters, caller: this.#caller, owner: this.#owner, label: 'logind', counterPrefix: 'logind',
      service: LOGIND_SERVICE, matchRules: LOGIND_MATCH_RULES, onMessage: this.#onMessage, closing: () => this.#closing !== undefined,
      // Absent is normal (a container, a system without logind): one debug line.
      absent: { level: 'debug', message: 'logind is not running; suspend will not be announced' },
    });
    this.#followed = followed;
    await followed.ready;
  }

  #message(msg: DbusMessage): void {
    if (this.#closing || msg.type !== MESSAGE_TYPE_SIGNAL || this.#owner.handle(msg)) return;
    // The connection is shared: most signals are for someone else.
    if (msg.interface !== LOGIND_MANAGER_IFACE || msg.member !== PREPARE_FOR_SLEEP) return;
    // Only the name's owner speaks for logind; anyone may send a signal.
    if (this.#owner.owner === undefined || msg.sender !== this.#owner.owner) return this.#dropped('sender', msg.sender ?? '?');
    if (msg.path !== LOGIND_PATH) return this.#dropped('path', msg.path ?? '?');
    const start = msg.body[0];
    if (msg.signature !== 'b' || typeof start !== 'boolean') return this.#dropped('signature', msg.signature ?? '');
    if (start) this.#sleep();
    else this.#wake();
  }

  #sleep(): void {
    const { counters, logger, clock } = this.#o;
    if (this.#phase !== 'awake') {
      // Sleep again before the wake could be acted on: the queued wake is stale.
      this.#wakeQueued = false;
      counters.bump('logind.sleep_repeated');
      return;
    }
    this.#phase = 'checkpointing';
    this.#epoch++;
    counters.bump('logind.sleep');
    const begun = clock.monotonic();
    logger.info('preparing for sleep', { bound_ms: this.#boundMs });
    void within(this.#o.checkpoint, this.#boundMs, clock).then(({ outcome, error }) => {
      counters.bump(`logind.checkpoint.${outcome}`);
      this.#release();
      if (this.#closing) return;
      this.#phase = 'sleeping';
      const fields = { outcome, ms: Math.round(clock.monotonic() - begun), ...(error !== undefined && { error }) };
      if (outcome === 'done') logger.info('ready for sleep; lock released', fields);
      else logger.warn('ready for sleep; lock released before the checkpoint finished', fields);
      if (this.#wakeQueued) this.#wake();
    });
  }

  #wake(): void {
    const { counters, logger } = this.#o;
    if (this.#phase === 'checkpointing') {
      this.#wakeQueued = true;
      return;
    }
    this.#wakeQueued = false;
    if (this.#phase === 'awake') {
      // We started (or logind came) while a sleep was under way: just take the lock it refused us.
      counters.bump('logind.wake_unexpected');
      this.#take();
      return;
    }
    this.#phase = 'awake';
    counters.bump('logind.wake');
    logger.info('resumed from sleep');
    this.#take();
    void (async () => {
      try {
        await this.#o.resume();
      } catch (err) {
        counters.bump('logind.resume_failed');
        logger.warn('resume hook failed', { error: String(err) });
      }
    })();
  }

  #ownerChanged(owner: string | undefined): void {
    const { logger, counters } = this.#o;
    this.#epoch++;
    // Real logind keeps inhibitors across its restarts; ours is taken afresh so exactly one is held.
    this.#release();
    if (owner === undefined) {
      counters.bump('logind.vanished');
      logger.info('logind went away');
      // The PrepareForSleep(false) that ends a sleep cannot come from a logind that is gone.
      if (this.#phase !== 'awake') this.#wake();
      return;
    }
    counters.bump('logind.appeared');
    logger.info('following logind for suspend and resume', { owner, lock: this.#fdPassing });
    if (!this.#fdPassing) {
      counters.bump('logind.no_fd_passing');
      this.#logOnce('no-fd', 'this bus connection cannot carry file descriptors: no delay lock, so suspend will not wait for transfers');
    }
    const epoch = this.#epoch;
    void readDelayMaxMs(this.#caller).then((maxMs) => {
      if (maxMs === undefined || epoch !== this.#epoch) return;
      this.#boundMs = Math.min(this.#o.checkpointBoundMs ?? SLEEP_CHECKPOINT_BOUND_MS, maxMs * CHECKPOINT_SHARE_OF_DELAY_MAX);
    });
    if (this.#phase === 'awake') this.#take();
  }

  #take(): void {
    if (!this.#fdPassing || this.#fd !== undefined || this.#taking || this.#closing || this.#owner.owner === undefined) return;
    const { counters, logger } = this.#o;
    const epoch = this.#epoch;
    this.#taking = requestDelayLock(this.#caller).then(
      (fd) => {
        if (this.#closing || epoch !== this.#epoch || this.#phase !== 'awake' || this.#fd !== undefined) {
          counters.bump('logind.lock_late');
          releaseDelayLock(fd);
          return;
        }
        this.#fd = fd;
        counters.bump('logind.lock_taken');
        logger.debug('holding a delay lock', { fd });
      },
      (err: unknown) => {
        counters.bump('logind.lock_failed');
        const name = (err as { errorName?: string }).errorName ?? 'none';
        this.#logOnce(`inhibit:${name}`, 'logind gave no delay lock; suspend will not wait for transfers', { error: String(err) });
      },
    ).finally(() => { this.#taking = undefined; });
  }

  #release(): void {
    if (this.#fd === undefined) return;
    releaseDelayLock(this.#fd);
    this.#fd = undefined;
    this.#o.counters.bump('logind.lock_released');
  }

  #dropped(reason: string, detail: string): void {
    this.#o.counters.bump(`logind.dropped.${reason}`);
    this.#logOnce(`drop:${reason}`, 'ignoring a PrepareForSleep signal (logged once per reason)', { reason, detail });
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#followed?.detach();
      await this.#starting?.catch(() => {});
      this.#epoch++;
      this.#release();
      await this.#taking;
      await this.#followed?.unsubscribe();
    })();
    return this.#closing;
  }
}

export function createSleepWatch(opts: SleepWatchOptions): SleepWatch {
  if (typeof opts.checkpoint !== 'function' || typeof opts.resume !== 'function') {
    throw SatchelError.invalidArgument('a sleep watch needs checkpoint and resume functions');
  }
  const bound = opts.checkpointBoundMs;
  if (bound !== undefined && !(Number.isFinite(bound) && bound > 0)) {
    throw SatchelError.invalidArgument(`checkpoint bound must be a positive number of ms, got ${bound}`);
  }
  return new Watch(opts);
}
