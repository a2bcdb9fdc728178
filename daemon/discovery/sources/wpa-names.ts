/**
 * Names from wpa_supplicant's D-Bus API (w1.fi/wpa_supplicant/devel/dbus.html,
 * and wpa_supplicant/dbus/dbus_new.h for object paths the page leaves out),
 * plus the bus daemon's own. Kept in one place so the source and its tests
 * cannot drift apart on a spelling.
 */

export const WPA_SERVICE = 'fi.w1.wpa_supplicant1';
export const WPA_ROOT_PATH = '/fi/w1/wpa_supplicant1';
/** The root object's interface: Interfaces (ao), InterfaceAdded/Removed. */
export const WPA_ROOT_IFACE = 'fi.w1.wpa_supplicant1';
/** Per network interface: BSSs (ao), Ifname (s), BSSAdded/BSSRemoved. */
export const WPA_INTERFACE_IFACE = 'fi.w1.wpa_supplicant1.Interface';
/** MeshPeers (aay), MeshPeerConnected/Disconnected (a{sv}). */
export const WPA_MESH_IFACE = 'fi.w1.wpa_supplicant1.Interface.Mesh';
/** Peers (ao), DeviceFoundProperties (oa{sv}), DeviceLost (o). */
export const WPA_P2P_IFACE = 'fi.w1.wpa_supplicant1.Interface.P2PDevice';
export const WPA_BSS_IFACE = 'fi.w1.wpa_supplicant1.BSS';
export const WPA_PEER_IFACE = 'fi.w1.wpa_supplicant1.Peer';

export const DBUS_SERVICE = 'org.freedesktop.DBus';
export const DBUS_PATH = '/org/freedesktop/DBus';
export const DBUS_IFACE = 'org.freedesktop.DBus';
export const PROPERTIES_IFACE = 'org.freedesktop.DBus.Properties';
export const NAME_HAS_NO_OWNER = 'org.freedesktop.DBus.Error.NameHasNoOwner';

/** Interface objects are WPA_ROOT_PATH/Interfaces/<n> (WPAS_DBUS_NEW_PATH_INTERFACES). */
const INTERFACE_PATH = /^\/fi\/w1\/wpa_supplicant1\/Interfaces\/[A-Za-z0-9_]+$/;
/**
 * Children of an interface object, one path element each: BSSs/<id>
 * (WPAS_DBUS_NEW_BSSIDS_PART; a hex BSSID in releases before 0.7) and
 * Peers/<hex address> (WPAS_DBUS_NEW_P2P_PEERS_PART). The element's format
 * is not documented, so it is not checked beyond being one element.
 */
const CHILD_ELEMENT = /^[A-Za-z0-9_]+$/;

export function isInterfacePath(path: unknown): path is string {
  return typeof path === 'string' && INTERFACE_PATH.test(path);
}

export type ChildKind = 'BSSs' | 'Peers';

/** True when `path` is `<ifacePath>/<kind>/<one element>`. */
export function isChildPath(path: unknown, ifacePath: string, kind: ChildKind): path is string {
  if (typeof path !== 'string') return false;
  const prefix = `${ifacePath}/${kind}/`;
  return path.startsWith(prefix) && CHILD_ELEMENT.test(path.slice(prefix.length));
}

/**
 * One AddMatch per kind of signal, for the source's whole life. A well-known
 * sender in a match rule is resolved by the bus at delivery time, so these
 * keep working across wpa_supplicant restarts with no new AddMatch
 * (dbus-next 0.10.2 leaks rules it is asked to remove, so churn would grow
 * the bus daemon's table without bound).
 */
export const WPA_MATCH_RULES: readonly string[] = [
  `type='signal',sender='${DBUS_SERVICE}',path='${DBUS_PATH}',interface='${DBUS_IFACE}',member='NameOwnerChanged',arg0='${WPA_SERVICE}'`,
  `type='signal',sender='${WPA_SERVICE}',interface='${WPA_ROOT_IFACE}'`,
  `type='signal',sender='${WPA_SERVICE}',interface='${WPA_INTERFACE_IFACE}'`,
  `type='signal',sender='${WPA_SERVICE}',interface='${WPA_MESH_IFACE}'`,
  `type='signal',sender='${WPA_SERVICE}',interface='${WPA_P2P_IFACE}'`,
  // Only the Interface's properties: BSS objects change Signal and Age on
  // every scan, and nothing here needs those.
  `type='signal',sender='${WPA_SERVICE}',interface='${PROPERTIES_IFACE}',member='PropertiesChanged',arg0='${WPA_INTERFACE_IFACE}'`,
];
