/**
 * The typed face of dbus-next 0.10.2, the only file that loads it. The
 * declarations it ships are wrong in places (Message.newError takes the
 * call, not a string; message types are plain numbers) and cover no private
 * state, so we declare just what satchel relies on and load the CommonJS
 * module with require to keep those shipped types out of the way.
 */
import { createRequire } from 'node:module';
import type { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { adaptUsocket } from './usocket-compat.js';

export interface DbusMessage {
  type: number;
  serial: number | null;
  path?: string;
  interface?: string;
  member?: string;
  errorName?: string;
  replySerial?: number;
  destination?: string;
  sender?: string;
  signature?: string;
  body: unknown[];
  flags: number;
}

/** Returns true when it handled (and answered) the call. */
export type MethodHandler = (msg: DbusMessage) => boolean;

export interface MessageBus extends EventEmitter {
  /** Unique name (":1.42") once connected, else null. */
  name: string | null;
  export(path: string, iface: DbusInterface): void;
  unexport(path: string, iface?: DbusInterface): void;
  requestName(name: string, flags: number): Promise<number>;
  releaseName(name: string): Promise<number>;
  addMethodHandler(fn: MethodHandler): void;
  removeMethodHandler(fn: MethodHandler): void;
  call(msg: DbusMessage): Promise<DbusMessage | null>;
  send(msg: DbusMessage): void;
  disconnect(): void;
  /** Private in dbus-next, but the only way to notice the bus going away:
   *  MessageBus forwards 'error' and never 'end'. Optional on purpose. */
  _connection?: { stream?: Socket };
}

export interface DbusInterface {
  readonly $name: string;
  /** The xml2js object dbus-next serialises for Introspect. */
  $introspect(): unknown;
}

export interface VariantValue<T = unknown> {
  signature: string;
  value: T;
}

interface MessageStatics {
  new (fields: Partial<DbusMessage> & { type: number }): DbusMessage;
  newError(call: DbusMessage, errorName: string, text: string): DbusMessage;
  newMethodReturn(call: DbusMessage, signature: string, body: unknown[]): DbusMessage;
  newSignal(path: string, iface: string, member: string, signature: string, body: unknown[]): DbusMessage;
}

interface DbusNextModule {
  sessionBus(opts: { busAddress: string; negotiateUnixFd?: boolean }): MessageBus;
  interface: { Interface: new (name: string) => DbusInterface };
  Variant: new <T>(signature: string, value: T) => VariantValue<T>;
  Message: MessageStatics;
  DBusError: new (type: string, text: string) => Error & { type: string; text: string };
}

const dbusNext = createRequire(import.meta.url)('dbus-next') as DbusNextModule;

export const Message = dbusNext.Message;
export const Variant = dbusNext.Variant;
export const DBusError = dbusNext.DBusError;
export const BaseInterface = dbusNext.interface.Interface;

/**
 * Opens a connection; it is usable once the bus emits 'connect'. Unix fd
 * passing is negotiated so activities can hand over open files
 * (SendWithAttachmentFd) and the CLI can pass them; it needs dbus-next's
 * optional `usocket` (without it dbus-next falls back to a plain socket and
 * the bus refuses messages carrying descriptors), adapted in usocket-compat.ts.
 */
export function openMessageBus(address: string): MessageBus {
  const bus = dbusNext.sessionBus({ busAddress: address, negotiateUnixFd: true });
  adaptUsocket(bus._connection?.stream);
  return bus;
}

/** Values from the D-Bus specification (RequestName, message flags). */
export const NAME_FLAG_DO_NOT_QUEUE = 4;
export const REQUEST_NAME_PRIMARY_OWNER = 1;
export const REQUEST_NAME_ALREADY_OWNER = 4;
export const MESSAGE_TYPE_METHOD_CALL = 1;
export const MESSAGE_FLAG_NO_REPLY_EXPECTED = 1;
