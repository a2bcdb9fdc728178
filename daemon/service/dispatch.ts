/**
 * Our own method dispatch, installed with bus.addMethodHandler (which
 * dbus-next runs before its built-in dispatch). dbus-next 0.10.2 matches a
 * call on name AND signature, so a call with the wrong argument types or
 * count falls through to org.freedesktop.DBus.Error.UnknownMethod ("does not
 * exist"), which misleads activity authors; and errors that are not a
 * DBusError go back with a stack trace. Here a known method with the wrong
 * signature gets InvalidArgument, every failure goes through toDbusError,
 * and anything that is not ours is left to dbus-next (Introspect, Peer,
 * Properties, UnknownMethod for unknown members).
 */
import { closeSync } from 'node:fs';
import type { Logger } from '../util/log.js';
import { toDbusError, type DbusErrorReply } from './dbus-errors.js';
import {
  Message,
  MESSAGE_FLAG_NO_REPLY_EXPECTED,
  MESSAGE_TYPE_METHOD_CALL,
  type DbusMessage,
  type MessageBus,
  type MethodHandler,
} from './dbus.js';
import { findMethod } from './interfaces.js';
import { signatureOf, type InterfaceSpec, type MethodContext, type MethodSpec } from './member-spec.js';
import { INVALID_ARGUMENT_ERROR_NAME, OBJECT_PATH } from './names.js';

export function createMethodHandler(bus: MessageBus, ctx: MethodContext, log: Logger): MethodHandler {
  return (msg) => {
    if (msg.type !== MESSAGE_TYPE_METHOD_CALL || msg.path !== OBJECT_PATH) return false;
    const found = findMethod(msg.interface || undefined, msg.member);
    if (!found) return false;
    void answer(bus, msg, found[0], found[1], ctx, log);
    return true;
  };
}

async function answer(
  bus: MessageBus,
  msg: DbusMessage,
  iface: InterfaceSpec,
  method: MethodSpec,
  ctx: MethodContext,
  log: Logger,
): Promise<void> {
  const qualified = `${iface.name}.${method.name}`;
  const got = msg.signature ?? '';
  const expected = signatureOf(method.in);
  if (got !== expected) {
    closeDescriptors(msg);
    const names = method.in.map((a) => `${a.name}: ${a.type}`).join(', ');
    reply(bus, msg, log, qualified, {
      name: INVALID_ARGUMENT_ERROR_NAME,
      message: `${qualified} takes arguments (${expected}) [${names}]; got (${got})`,
    });
    return;
  }
  let out: unknown[];
  try {
    out = await method.run(ctx, msg.body);
  } catch (err) {
    reply(bus, msg, log, qualified, toDbusError(err, log, qualified));
    return;
  }
  reply(bus, msg, log, qualified, out, signatureOf(method.out));
}

/** The single complete types a signature is made of, e.g. 'sa{sv}h' → ['s', 'a{sv}', 'h']. */
export function topLevelTypes(signature: string): string[] {
  const out: string[] = [];
  let i = 0;
  const one = (): void => {
    const c = signature[i++];
    if (c === 'a') one();
    else if (c === '(' || c === '{') {
      const close = c === '(' ? ')' : '}';
      while (i < signature.length && signature[i] !== close) one();
      i++;
    }
  };
  while (i < signature.length) {
    const start = i;
    one();
    out.push(signature.slice(start, i));
  }
  return out;
}

/**
 * A call we refuse may still have brought descriptors (h arguments): they
 * are the daemon's from the moment they arrive and must be closed, or any
 * caller could run the daemon out of them.
 */
function closeDescriptors(msg: DbusMessage): void {
  topLevelTypes(msg.signature ?? '').forEach((type, i) => {
    const fd = msg.body[i];
    if (type !== 'h' || typeof fd !== 'number') return;
    try {
      closeSync(fd);
    } catch {
      // Already closed or never ours: nothing to release.
    }
  });
}

function reply(
  bus: MessageBus,
  msg: DbusMessage,
  log: Logger,
  method: string,
  result: unknown[] | DbusErrorReply,
  signature = '',
): void {
  if (msg.flags & MESSAGE_FLAG_NO_REPLY_EXPECTED) return;
  try {
    // Marshalling happens inside send, so a malformed result throws here.
    if (Array.isArray(result)) bus.send(Message.newMethodReturn(msg, signature, result));
    else bus.send(Message.newError(msg, result.name, result.message));
  } catch (err) {
    if (Array.isArray(result)) {
      reply(bus, msg, log, method, toDbusError(err, log, method));
      return;
    }
    // Most likely the bus went away mid-call; the connection's watcher reports that.
    log.warn('could not send a reply', { method, error: String(err) });
  }
}
