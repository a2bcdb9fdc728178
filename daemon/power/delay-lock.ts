/**
 * logind's delay inhibitor lock, as a descriptor we hold. Inhibit() answers
 * with the write end of a FIFO whose read end logind watches: the lock lasts
 * until every copy of that descriptor is closed, so releasing it is a close,
 * and a daemon that crashes releases it by dying. The descriptor only
 * reaches us over a connection that negotiated Unix fd passing (dbus-next
 * needs its optional usocket for that, see service/usocket-compat.ts).
 */
import { closeSync } from 'node:fs';
import type { MessageBus, VariantValue } from '../service/dbus.js';
import { CallFailed, type DbusCaller } from '../discovery/sources/dbus-calls.js';
import {
  INHIBIT, INHIBIT_DELAY_MAX_PROPERTY, INHIBIT_MODE, INHIBIT_WHAT, INHIBIT_WHO, INHIBIT_WHY,
  LOGIND_MANAGER_IFACE, LOGIND_PATH, LOGIND_SERVICE,
} from './logind-names.js';

/** True when this connection agreed on descriptor passing with the bus; a plain socket never does. */
export function canReceiveFds(bus: MessageBus): boolean {
  // Set by dbus-next's handshake on the stream: true once the bus answered AGREE_UNIX_FD.
  const stream = bus._connection?.stream as { supportsUnixFd?: unknown } | undefined;
  return stream?.supportsUnixFd === true;
}

/** Asks for the lock; resolves with its descriptor, rejects with CallFailed (an error reply, a timeout, a bad reply). */
export async function requestDelayLock(caller: DbusCaller): Promise<number> {
  const call = {
    destination: LOGIND_SERVICE, path: LOGIND_PATH, iface: LOGIND_MANAGER_IFACE, member: INHIBIT,
    signature: 'ssss', body: [INHIBIT_WHAT, INHIBIT_WHO, INHIBIT_WHY, INHIBIT_MODE],
  };
  const reply = await caller.call(call);
  const fd = reply.body[0];
  if (reply.signature === 'h' && typeof fd === 'number' && Number.isInteger(fd) && fd >= 0) return fd;
  // -1 stands for a descriptor the message declared but the socket did not carry.
  if (typeof fd === 'number' && reply.signature === 'h') releaseDelayLock(fd);
  throw new CallFailed(call, undefined, `no descriptor in the reply (signature '${reply.signature ?? ''}')`);
}

/** Closing the descriptor is what gives the lock back. */
export function releaseDelayLock(fd: number): void {
  if (fd < 0) return;
  try {
    closeSync(fd);
  } catch {
    // Already closed: the lock is gone either way.
  }
}

/** logind's own delay limit in ms, or undefined when it cannot be read. */
export async function readDelayMaxMs(caller: DbusCaller): Promise<number | undefined> {
  let v: VariantValue;
  try {
    v = await caller.getProperty(LOGIND_SERVICE, LOGIND_PATH, LOGIND_MANAGER_IFACE, INHIBIT_DELAY_MAX_PROPERTY);
  } catch {
    return undefined;
  }
  if (v.signature !== 't') return undefined;
  const usec = typeof v.value === 'bigint' ? Number(v.value) : v.value;
  return typeof usec === 'number' && Number.isFinite(usec) && usec > 0 ? usec / 1_000 : undefined;
}
