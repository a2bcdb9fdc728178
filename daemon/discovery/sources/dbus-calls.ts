/**
 * Plain method calls over a shared dbus-next connection, for sources that
 * talk to other services. No proxy objects: dbus-next's proxies add a match
 * rule per signal they are asked about and never remove it, and introspect
 * every object first; a source needs neither.
 */
import {
  Message, MESSAGE_TYPE_METHOD_CALL, type DbusMessage, type MessageBus, type VariantValue,
} from '../../service/dbus.js';
import type { Clock } from '../../util/clock.js';
import { DBUS_IFACE, DBUS_PATH, DBUS_SERVICE, NAME_HAS_NO_OWNER, PROPERTIES_IFACE } from './wpa-names.js';

/** How long a service may take to answer one call before we give up on it, in ms. */
export const CALL_TIMEOUT_MS = 3_000;
/** D-Bus specification: message type 4 is a signal. */
export const MESSAGE_TYPE_SIGNAL = 4;

export interface Call {
  destination: string;
  path: string;
  iface: string;
  member: string;
  signature?: string;
  body?: unknown[];
}

/** A call that failed: the D-Bus error name when the service answered with one. */
export class CallFailed extends Error {
  readonly errorName: string | undefined;
  /** The service's error text, or why there was no answer. */
  readonly detail: string;

  constructor(call: Call, errorName: string | undefined, detail: string) {
    super(`${call.iface}.${call.member} on ${call.path}: ${errorName ?? ''} ${detail}`.replace(/\s+/g, ' ').trim());
    this.name = 'CallFailed';
    this.errorName = errorName;
    this.detail = detail;
  }
}

export class DbusCaller {
  readonly #bus: MessageBus;
  readonly #clock: Clock;
  readonly #timeoutMs: number;

  constructor(bus: MessageBus, clock: Clock, timeoutMs = CALL_TIMEOUT_MS) {
    this.#bus = bus;
    this.#clock = clock;
    this.#timeoutMs = timeoutMs;
  }

  /** Resolves with the reply; rejects with CallFailed on an error reply, a timeout or a dead bus. */
  call(c: Call): Promise<DbusMessage> {
    const msg = new Message({
      type: MESSAGE_TYPE_METHOD_CALL, destination: c.destination, path: c.path, interface: c.iface, member: c.member,
      signature: c.signature ?? '', body: c.body ?? [],
    });
    return new Promise((resolve, reject) => {
      // The timer only exists while a call is in flight, and is unref'd by the clock.
      const timer = this.#clock.setTimeout(
        () => reject(new CallFailed(c, undefined, `no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
      let sent: Promise<DbusMessage | null>;
      try {
        sent = this.#bus.call(msg);
      } catch (err) {
        timer.cancel();
        reject(new CallFailed(c, undefined, String(err)));
        return;
      }
      sent.then(
        (reply) => {
          timer.cancel();
          if (reply) resolve(reply);
          else reject(new CallFailed(c, undefined, 'no reply'));
        },
        (err: unknown) => {
          timer.cancel();
          const e = err as { type?: unknown; text?: unknown };
          reject(new CallFailed(c, typeof e.type === 'string' ? e.type : undefined, String(e.text ?? err)));
        },
      );
    });
  }

  /** org.freedesktop.DBus.Properties.Get: the variant as sent, signature included. */
  async getProperty(destination: string, path: string, iface: string, name: string): Promise<VariantValue> {
    const reply = await this.call({
      destination, path, iface: PROPERTIES_IFACE, member: 'Get', signature: 'ss', body: [iface, name],
    });
    const v = reply.body[0] as Partial<VariantValue> | undefined;
    if (reply.signature !== 'v' || typeof v?.signature !== 'string') {
      throw new CallFailed({ destination, path, iface, member: `Get(${name})` }, undefined, `reply signature ${reply.signature ?? ''}`);
    }
    return v as VariantValue;
  }

  /** The unique name owning `name`, or undefined when nobody does. */
  async nameOwner(name: string): Promise<string | undefined> {
    try {
      const reply = await this.call(busCall('GetNameOwner', name));
      return typeof reply.body[0] === 'string' ? reply.body[0] : undefined;
    } catch (err) {
      if (err instanceof CallFailed && err.errorName === NAME_HAS_NO_OWNER) return undefined;
      throw err;
    }
  }

  /** Straight to the bus daemon: dbus-next's own AddMatch bookkeeping is broken. */
  addMatch(rule: string): Promise<DbusMessage> {
    return this.call(busCall('AddMatch', rule));
  }

  removeMatch(rule: string): Promise<DbusMessage> {
    return this.call(busCall('RemoveMatch', rule));
  }
}

function busCall(member: string, arg: string): Call {
  return { destination: DBUS_SERVICE, path: DBUS_PATH, iface: DBUS_IFACE, member, signature: 's', body: [arg] };
}
