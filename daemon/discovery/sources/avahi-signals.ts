/**
 * Avahi's signals, checked against the signatures in its introspection
 * data and turned into plain events. The names inside them come from other
 * hosts' multicast DNS packets, so they are checked too; anything odd is a
 * drop reason, to be counted and logged once, never an exception.
 */
import type { DbusMessage } from '../../service/dbus.js';
import {
  AVAHI_ENTRY_GROUP_IFACE, AVAHI_SERVER_IFACE, AVAHI_SERVER_PATH, AVAHI_SERVICE_BROWSER_IFACE, PROTO_INET, PROTO_INET6,
} from './avahi-names.js';
import type { Drop } from './wpa-values.js';

/** RFC 6763 §4.1.1: an instance name is one DNS label, at most 63 octets of UTF-8. */
export const MAX_INSTANCE_NAME_BYTES = 63;

/** One service instance as a browser reports it: seen on one interface, over one protocol. */
export interface BrowsedItem {
  iface: number;
  protocol: typeof PROTO_INET | typeof PROTO_INET6;
  name: string;
  type: string;
  domain: string;
  flags: number;
}

export type AvahiEvent =
  | { kind: 'server-state'; state: number }
  | { kind: 'group-state'; path: string; state: number; error: string }
  | { kind: 'item-new' | 'item-remove'; path: string; item: BrowsedItem }
  | { kind: 'browser-failure'; path: string; error: string }
  | { kind: 'ignored' };

const IGNORED: AvahiEvent = { kind: 'ignored' };
const drop = (reason: string, detail: string): Drop => ({ kind: 'drop', reason, detail });
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Expects `msg` to be a signal from the current owner of org.freedesktop.Avahi. */
export function parseAvahiSignal(msg: DbusMessage): AvahiEvent | Drop {
  const { path = '', interface: iface = '', member = '', signature = '', body } = msg;
  if (iface === AVAHI_SERVER_IFACE) {
    if (member !== 'StateChanged' || path !== AVAHI_SERVER_PATH) return IGNORED;
    if (signature !== 'is' || !isInt(body[0])) return drop('signature', `Server.${member}(${signature})`);
    return { kind: 'server-state', state: body[0] };
  }
  if (iface === AVAHI_ENTRY_GROUP_IFACE) {
    if (member !== 'StateChanged') return IGNORED;
    if (signature !== 'is' || !isInt(body[0])) return drop('signature', `EntryGroup.${member}(${signature})`);
    return { kind: 'group-state', path, state: body[0], error: typeof body[1] === 'string' ? body[1] : '' };
  }
  if (iface !== AVAHI_SERVICE_BROWSER_IFACE) return IGNORED;
  if (member === 'ItemNew' || member === 'ItemRemove') {
    if (signature !== 'iisssu') return drop('signature', `ServiceBrowser.${member}(${signature})`);
    const item = browsedItem(body);
    if ('reason' in item) return item;
    return { kind: member === 'ItemNew' ? 'item-new' : 'item-remove', path, item };
  }
  if (member === 'Failure') {
    return { kind: 'browser-failure', path, error: signature === 's' ? String(body[0]) : `(${signature})` };
  }
  // AllForNow and CacheExhausted say when the cache has been read; nothing waits for that.
  return IGNORED;
}

function browsedItem(body: unknown[]): BrowsedItem | Drop {
  const [iface, protocol, name, type, domain, flags] = body;
  // Items always come from one real interface over one real protocol.
  if (!isInt(iface) || iface < 0) return drop('interface', `interface ${String(iface)}`);
  if (protocol !== PROTO_INET && protocol !== PROTO_INET6) return drop('protocol', `protocol ${String(protocol)}`);
  if (typeof name !== 'string' || name === '' || Buffer.byteLength(name) > MAX_INSTANCE_NAME_BYTES) {
    return drop('name', `name of ${typeof name === 'string' ? Buffer.byteLength(name) : typeof name} bytes`);
  }
  if (typeof type !== 'string' || typeof domain !== 'string' || !isInt(flags)) return drop('signature', 'item fields');
  return { iface, protocol, name, type, domain, flags };
}
