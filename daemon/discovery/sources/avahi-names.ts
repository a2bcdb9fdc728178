/**
 * Names and numbers from Avahi's D-Bus API (avahi-daemon/*.introspect and
 * avahi-common/defs.h, address.h, error.h of avahi 0.8), in one place so
 * that the source and its tests cannot drift apart on a spelling.
 */
import type { Call } from './dbus-calls.js';
import { DBUS_IFACE, DBUS_PATH, DBUS_SERVICE } from './wpa-names.js';

export const AVAHI_SERVICE = 'org.freedesktop.Avahi';
export const AVAHI_SERVER_PATH = '/';
/** GetState, EntryGroupNew, ResolveService, GetAlternativeServiceName, StateChanged(is). */
export const AVAHI_SERVER_IFACE = 'org.freedesktop.Avahi.Server';
/** avahi >= 0.8: the *Prepare methods, which create an object that stays quiet until Start. */
export const AVAHI_SERVER2_IFACE = 'org.freedesktop.Avahi.Server2';
/** AddService, Commit, Reset, Free, StateChanged(is). */
export const AVAHI_ENTRY_GROUP_IFACE = 'org.freedesktop.Avahi.EntryGroup';
/** Start, Free, ItemNew/ItemRemove(iisssu), Failure(s), AllForNow, CacheExhausted. */
export const AVAHI_SERVICE_BROWSER_IFACE = 'org.freedesktop.Avahi.ServiceBrowser';

/** DNS-SD service type satchel publishes and browses (RFC 6763 §7). */
export const SATCHEL_SERVICE_TYPE = '_satchel._tcp';
/** The multicast DNS domain. */
export const MDNS_DOMAIN = 'local';

/** AVAHI_IF_UNSPEC / AVAHI_PROTO_UNSPEC: every interface, both address families. */
export const IF_UNSPEC = -1;
export const PROTO_UNSPEC = -1;
export const PROTO_INET = 0;
export const PROTO_INET6 = 1;

/** AvahiServerState: only RUNNING accepts services; COLLISION and REGISTERING withdraw them. */
export const SERVER_REGISTERING = 1;
export const SERVER_RUNNING = 2;
export const SERVER_COLLISION = 3;

/** AvahiEntryGroupState. */
export const GROUP_ESTABLISHED = 2;
export const GROUP_COLLISION = 3;
export const GROUP_FAILURE = 4;

/** AvahiLookupResultFlags: the item was published through this very avahi-daemon. */
export const LOOKUP_RESULT_OUR_OWN = 16;

/** AVAHI_ERR_COLLISION as a D-Bus error: AddService under a name already taken on this host. */
export const AVAHI_COLLISION_ERROR = 'org.freedesktop.Avahi.CollisionError';

/**
 * One AddMatch per kind of signal, for the source's whole life: the sender
 * is the well-known name, which the bus resolves at delivery time, so the
 * rules outlive avahi-daemon restarts (dbus-next 0.10.2 leaks rules it is
 * asked to remove, so they must never churn). They are in place before any
 * browser exists, so nothing a browser says can arrive unheard.
 */
export const AVAHI_MATCH_RULES: readonly string[] = [
  `type='signal',sender='${DBUS_SERVICE}',path='${DBUS_PATH}',interface='${DBUS_IFACE}',member='NameOwnerChanged',arg0='${AVAHI_SERVICE}'`,
  `type='signal',sender='${AVAHI_SERVICE}',path='${AVAHI_SERVER_PATH}',interface='${AVAHI_SERVER_IFACE}',member='StateChanged'`,
  `type='signal',sender='${AVAHI_SERVICE}',interface='${AVAHI_ENTRY_GROUP_IFACE}'`,
  `type='signal',sender='${AVAHI_SERVICE}',interface='${AVAHI_SERVICE_BROWSER_IFACE}'`,
];

/** A call on the server object, for DbusCaller. */
export function serverCall(iface: string, member: string, signature = '', body: unknown[] = []): Call {
  return { destination: AVAHI_SERVICE, path: AVAHI_SERVER_PATH, iface, member, signature, body };
}

/** A call on one of our objects (an entry group, a browser). */
export function objectCall(path: string, iface: string, member: string, signature = '', body: unknown[] = []): Call {
  return { destination: AVAHI_SERVICE, path, iface, member, signature, body };
}
