/**
 * Keeps this daemon published as one DNS-SD service through Avahi: an
 * entry group with one service (EntryGroupNew, AddService, Commit), put
 * back whenever it is knocked over. Avahi withdraws services while its own
 * host name is being (re)registered, so the group is reset when the server
 * leaves RUNNING and filled again when it returns; a name another host
 * already uses is replaced by Avahi's suggested alternative ("name #2").
 * Steps run one at a time, and belong to one avahi-daemon run (an epoch):
 * after a restart every object path from before is void.
 */
import { CallFailed, type DbusCaller } from './dbus-calls.js';
import {
  AVAHI_COLLISION_ERROR, AVAHI_ENTRY_GROUP_IFACE, AVAHI_SERVER_IFACE, GROUP_COLLISION, GROUP_ESTABLISHED, GROUP_FAILURE,
  IF_UNSPEC, MDNS_DOMAIN, objectCall, PROTO_UNSPEC, SERVER_COLLISION, SERVER_REGISTERING, SERVER_RUNNING, serverCall,
} from './avahi-names.js';
import type { LogOnce } from '../log-once.js';
import type { Counters } from '../../util/counters.js';
import type { Logger } from '../../util/log.js';

/** Most renames in a row before giving up until Avahi restarts (a name war should not spin). */
export const MAX_RENAMES = 16;

export interface PublisherOptions {
  caller: DbusCaller;
  logger: Logger;
  counters: Counters;
  logOnce: LogOnce;
  /** The instance name to ask for first. */
  name: string;
  type: string;
  port: number;
  txt: Buffer[];
}

export class AvahiPublisher {
  readonly #o: PublisherOptions;
  #name: string;
  #epoch = 0;
  #group: string | undefined;
  /** The group holds our service and has been committed (in this epoch). */
  #filled = false;
  #established = false;
  #renames = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(o: PublisherOptions) {
    this.#o = o;
    this.#name = o.name;
  }

  /** The name we ask for now (published or about to be). */
  get name(): string {
    return this.#name;
  }

  /** The name under which Avahi has announced us, once it has. */
  get published(): string | undefined {
    return this.#established ? this.#name : undefined;
  }

  /** Avahi (re)appeared: publishes as soon as its server is RUNNING. */
  begin(): void {
    this.forget();
    this.#run(async (epoch) => {
      const reply = await this.#o.caller.call(serverCall(AVAHI_SERVER_IFACE, 'GetState'));
      if (reply.body[0] === SERVER_RUNNING) await this.#publish(epoch);
    });
  }

  /** Avahi went away, with everything we had made there. */
  forget(): void {
    this.#epoch++;
    this.#group = undefined;
    this.#filled = false;
    this.#established = false;
    this.#renames = 0;
  }

  serverState(state: number): void {
    if (state === SERVER_RUNNING) this.#run((epoch) => this.#publish(epoch));
    else if (state === SERVER_REGISTERING || state === SERVER_COLLISION) this.#run(() => this.#reset());
  }

  /** True when `path` is our group (and the change has been acted on). */
  groupState(path: string, state: number, error: string): boolean {
    if (path !== this.#group) return false;
    const { logger, counters, logOnce } = this.#o;
    if (state === GROUP_ESTABLISHED) {
      this.#established = true;
      this.#renames = 0;
      counters.bump('avahi.published');
      logger.info('published through Avahi', { name: this.#name });
    } else if (state === GROUP_COLLISION) {
      this.#established = false;
      counters.bump('avahi.collision');
      this.#run(async (epoch) => {
        await this.#reset();
        if (await this.#rename(epoch)) await this.#publish(epoch);
      });
    } else if (state === GROUP_FAILURE) {
      this.#established = false;
      counters.bump('avahi.publish_failed');
      logOnce(`group:${error}`, 'Avahi could not publish us', { name: this.#name, error });
    }
    return true;
  }

  /** Takes the service down (best effort: a vanished Avahi has dropped it anyway). */
  async close(): Promise<void> {
    const group = this.#group;
    this.forget();
    await this.#queue;
    if (group !== undefined) await this.#o.caller.call(objectCall(group, AVAHI_ENTRY_GROUP_IFACE, 'Free')).catch(() => {});
  }

  async #publish(epoch: number): Promise<void> {
    const { caller, type, port, txt } = this.#o;
    if (this.#filled) return;
    if (this.#group === undefined) {
      const reply = await caller.call(serverCall(AVAHI_SERVER_IFACE, 'EntryGroupNew'));
      if (epoch !== this.#epoch) return;
      this.#group = String(reply.body[0]);
    }
    const group = this.#group;
    for (;;) {
      try {
        await caller.call(objectCall(group, AVAHI_ENTRY_GROUP_IFACE, 'AddService', 'iiussssqaay',
          [IF_UNSPEC, PROTO_UNSPEC, 0, this.#name, type, MDNS_DOMAIN, '', port, txt]));
        break;
      } catch (err) {
        // Someone on this very host holds the name: Avahi says so at once, not by a group state.
        if (!(err instanceof CallFailed && err.errorName === AVAHI_COLLISION_ERROR) || !(await this.#rename(epoch))) throw err;
      }
    }
    if (epoch !== this.#epoch) return;
    await caller.call(objectCall(group, AVAHI_ENTRY_GROUP_IFACE, 'Commit'));
    this.#filled = true;
  }

  async #reset(): Promise<void> {
    this.#established = false;
    if (this.#group === undefined || !this.#filled) return;
    this.#filled = false;
    await this.#o.caller.call(objectCall(this.#group, AVAHI_ENTRY_GROUP_IFACE, 'Reset'));
  }

  /** False once the renames run out. */
  async #rename(epoch: number): Promise<boolean> {
    const { caller, logger, counters, logOnce } = this.#o;
    if (++this.#renames > MAX_RENAMES) {
      logOnce('renames', 'too many name collisions; not published until Avahi restarts', { name: this.#name });
      return false;
    }
    const reply = await caller.call(serverCall(AVAHI_SERVER_IFACE, 'GetAlternativeServiceName', 's', [this.#name]));
    const next = reply.body[0];
    if (epoch !== this.#epoch || typeof next !== 'string' || next === '' || next === this.#name) return false;
    counters.bump('avahi.renamed');
    logger.info('service name taken on the link; renaming', { from: this.#name, to: next });
    this.#name = next;
    return true;
  }

  /** Queues a step for the current epoch; a step's failure is logged, and the next event tries again. */
  #run(step: (epoch: number) => Promise<void>): void {
    const epoch = this.#epoch;
    this.#queue = this.#queue.then(async () => {
      if (epoch !== this.#epoch) return;
      try {
        await step(epoch);
      } catch (err) {
        if (epoch !== this.#epoch) return;
        this.#o.counters.bump('avahi.publish_failed');
        this.#o.logOnce(`publish:${err instanceof CallFailed ? err.errorName ?? err.detail : String(err)}`,
          'cannot publish through Avahi', { error: String(err) });
      }
    });
  }
}
