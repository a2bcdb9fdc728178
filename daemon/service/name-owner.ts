/** Small bus-daemon helpers for explaining why we could not take our name. */
import { Message, MESSAGE_TYPE_METHOD_CALL, type MessageBus } from './dbus.js';

/** How long to wait for GetNameOwner when only building an error message, in ms. */
export const NAME_OWNER_TIMEOUT_MS = 1_000;

/** "':1.7' (pid 1234)" or a vaguer phrase; never throws. */
export async function describeOwner(bus: MessageBus, name: string): Promise<string> {
  try {
    const owner = await withTimeout(busCall(bus, 'GetNameOwner', name), NAME_OWNER_TIMEOUT_MS);
    const pid = await withTimeout(busCall(bus, 'GetConnectionUnixProcessID', owner), NAME_OWNER_TIMEOUT_MS).catch(
      () => undefined,
    );
    return pid === undefined ? `'${owner}'` : `'${owner}' (pid ${pid})`;
  } catch {
    return 'another connection';
  }
}

async function busCall(bus: MessageBus, member: string, arg: string): Promise<string> {
  const reply = await bus.call(
    new Message({
      type: MESSAGE_TYPE_METHOD_CALL,
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus',
      member,
      signature: 's',
      body: [arg],
    }),
  );
  return String(reply?.body[0]);
}

/** Rejects after ms; a dead bus never answers, and close() must not hang on it. */
export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
