/**
 * Opening one dbus-next connection and knowing when it is usable or lost.
 * dbus-next emits 'error' with nobody listening (which would crash the
 * daemon), never reconnects, and says nothing when the bus simply hangs up,
 * so every connection gets a permanent 'error' listener and a watch on its
 * socket's 'close'.
 */
import { SatchelError } from '../errors/satchel-error.js';
import { addressForDbusNext } from './address.js';
import { openMessageBus, type MessageBus } from './dbus.js';

/** How long a bus may take to accept us and answer Hello, in ms. */
export const BUS_CONNECT_TIMEOUT_MS = 5_000;
/** How long close() waits for the bus to hang up before dropping the socket, in ms. */
export const BUS_DISCONNECT_TIMEOUT_MS = 1_000;

/** Resolves once Hello is answered; rejects (and cleans up) otherwise. */
export function openBus(address: string, timeoutMs = BUS_CONNECT_TIMEOUT_MS): Promise<MessageBus> {
  return new Promise((resolve, reject) => {
    let bus: MessageBus;
    try {
      bus = openMessageBus(addressForDbusNext(address));
    } catch (err) {
      reject(err instanceof SatchelError ? err : SatchelError.config('bus address', `${address}: ${String(err)}`));
      return;
    }
    // Stays attached for the bus's whole life; later errors go to watchBus.
    bus.on('error', () => {});
    const fail = (err: unknown): void => {
      clearTimeout(timer);
      bus.off('connect', onConnect);
      bus.off('error', fail);
      dropBus(bus);
      reject(SatchelError.config('bus', `cannot connect to ${address}: ${connectReason(err)}`));
    };
    const onConnect = (): void => {
      clearTimeout(timer);
      bus.off('error', fail);
      resolve(bus);
    };
    const timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    bus.once('connect', onConnect);
    bus.once('error', fail);
  });
}

/** Calls onLost once if the connection fails or the bus hangs up. */
export function watchBus(bus: MessageBus, onLost: (err: Error) => void): () => void {
  let done = false;
  const lost = (err: unknown): void => {
    if (done) return;
    done = true;
    onLost(err instanceof Error ? err : new Error(String(err)));
  };
  const onClose = (): void => lost(new Error('the bus closed the connection'));
  const stream = bus._connection?.stream;
  bus.on('error', lost);
  stream?.on('close', onClose);
  return () => {
    done = true;
    bus.off('error', lost);
    stream?.off('close', onClose);
  };
}

/** Hangs up politely, then drops the socket if the bus does not answer. */
export async function closeBus(bus: MessageBus, timeoutMs = BUS_DISCONNECT_TIMEOUT_MS): Promise<void> {
  const stream = bus._connection?.stream;
  if (!stream || stream.destroyed) {
    dropBus(bus);
    return;
  }
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  try {
    bus.disconnect();
  } catch {
    // Already half-closed: the destroy below finishes the job.
  }
  const timer = setTimeout(() => stream.destroy(), timeoutMs);
  await closed;
  clearTimeout(timer);
}

function dropBus(bus: MessageBus): void {
  try {
    bus.disconnect();
  } catch {
    // Nothing to hang up.
  }
  bus._connection?.stream?.destroy();
}

/**
 * The same words whichever socket dbus-next used: net.Socket says
 * "connect ENOENT /path", usocket "ENOENT, USocket socket '../src/uwrap.cc:530'".
 */
function connectReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `connect ${code}`;
  return err instanceof Error ? err.message : String(err);
}
