/**
 * One connection to satcheld: method calls with a deadline, and signals.
 * Every failure leaves as a CliError with the exit code scripts expect
 * (3 when nobody answers or the bus goes away).
 */
import { Message, MESSAGE_TYPE_METHOD_CALL, type DbusMessage, type MessageBus } from '../service/dbus.js';
import { BUS_NAME, OBJECT_PATH } from '../service/names.js';
import { closeBus, watchBus } from '../service/open-bus.js';
import type { BusCandidate, CliBusKind } from './bus-candidates.js';
import { CliError, toCliError } from './cli-error.js';
import { EXIT } from './exit-codes.js';
import { unwrap, type Json } from './unwrap.js';

/** How long one method call may take, in ms: libdbus's default reply timeout. */
export const CALL_TIMEOUT_MS = 25_000;
const MESSAGE_TYPE_SIGNAL = 4;
export const DBUS = { destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus' };

export interface DaemonClient {
  readonly kind: CliBusKind;
  readonly address: string;
  /** Calls a satcheld method; resolves with its out args as plain JSON. */
  call(iface: string, member: string, signature?: string, body?: unknown[]): Promise<Json[]>;
  /** Hears a satcheld signal from now on. */
  subscribe(iface: string, member: string, fn: (args: Json[]) => void): Promise<void>;
  close(): Promise<void>;
}

export interface Target {
  destination: string;
  path: string;
}

const SATCHEL: Target = { destination: BUS_NAME, path: OBJECT_PATH };

export interface RawClient extends DaemonClient {
  callAt(target: Target, iface: string, member: string, signature: string, body: unknown[]): Promise<Json[]>;
}

export function makeClient(bus: MessageBus, c: BusCandidate, timeoutMs: number): RawClient {
  const pending = new Set<(err: CliError) => void>();
  let lost: CliError | undefined;
  const unwatch = watchBus(bus, (err) => {
    lost = new CliError(EXIT.UNREACHABLE, `lost the connection to the ${busLabel(c.kind)}: ${err.message}`);
    for (const fail of pending) fail(lost);
  });
  async function callAt(target: Target, iface: string, member: string, signature: string, body: unknown[]): Promise<Json[]> {
    if (lost) throw lost;
    const msg = new Message({ type: MESSAGE_TYPE_METHOD_CALL, destination: target.destination, path: target.path, interface: iface, member, signature, body });
    let timer: NodeJS.Timeout | undefined;
    let fail: ((err: CliError) => void) | undefined;
    try {
      const reply = await Promise.race([
        bus.call(msg),
        new Promise<never>((_, reject) => {
          fail = reject;
          pending.add(reject);
          timer = setTimeout(() => reject(new CliError(EXIT.UNREACHABLE, `satcheld did not answer ${member} within ${timeoutMs / 1000} s`)), timeoutMs);
        }),
      ]);
      return (reply?.body ?? []).map(unwrap);
    } catch (err) {
      throw toCliError(err);
    } finally {
      clearTimeout(timer);
      if (fail) pending.delete(fail);
    }
  }
  return {
    kind: c.kind,
    address: c.address,
    callAt,
    call: (iface, member, signature = '', body = []) => callAt(SATCHEL, iface, member, signature, body),
    async subscribe(iface, member, fn) {
      const rule = `type='signal',sender='${BUS_NAME}',path='${OBJECT_PATH}',interface='${iface}',member='${member}'`;
      bus.on('message', (m: DbusMessage) => {
        if (m.type === MESSAGE_TYPE_SIGNAL && m.interface === iface && m.member === member && m.path === OBJECT_PATH) fn(m.body.map(unwrap));
      });
      await callAt(DBUS, DBUS.interface, 'AddMatch', 's', [rule]);
    },
    async close() {
      unwatch();
      await closeBus(bus);
    },
  };
}

/** "system bus", "session bus", "private bus"; an address given with --bus is just "bus". */
export function busLabel(kind: CliBusKind): string {
  return kind === 'address' ? 'bus' : `${kind} bus`;
}
