/**
 * Names from NetworkManager's D-Bus API (the introspection XML it installs
 * under /usr/share/dbus-1/interfaces, NetworkManager 1.42 as in Debian 12),
 * kept in one place so the source, its reader and its tests agree on every
 * spelling.
 */
import { DBUS_IFACE, DBUS_PATH, DBUS_SERVICE, PROPERTIES_IFACE } from './wpa-names.js';

export const NM_SERVICE = 'org.freedesktop.NetworkManager';
export const NM_PATH = '/org/freedesktop/NetworkManager';
/** The manager: GetDevices (ao), DeviceAdded(o) / DeviceRemoved(o). */
export const NM_IFACE = 'org.freedesktop.NetworkManager';
/** Every device: DeviceType (u), Interface (s). */
export const NM_DEVICE_IFACE = 'org.freedesktop.NetworkManager.Device';
/** Wi-Fi devices: GetAllAccessPoints (ao), AccessPointAdded(o) / AccessPointRemoved(o). */
export const NM_WIRELESS_IFACE = 'org.freedesktop.NetworkManager.Device.Wireless';
/** Ssid (ay), HwAddress (s, the BSSID as text). */
export const NM_AP_IFACE = 'org.freedesktop.NetworkManager.AccessPoint';

/** NMDeviceType: NM_DEVICE_TYPE_WIFI. */
export const NM_DEVICE_TYPE_WIFI = 2;

/** Devices are exported as <NM_PATH>/Devices/<n>, access points as <NM_PATH>/AccessPoint/<n>. */
const DEVICE_PATH = /^\/org\/freedesktop\/NetworkManager\/Devices\/[0-9]+$/;
const AP_PATH = /^\/org\/freedesktop\/NetworkManager\/AccessPoint\/[0-9]+$/;

export function isDevicePath(p: unknown): p is string {
  return typeof p === 'string' && DEVICE_PATH.test(p);
}

export function isApPath(p: unknown): p is string {
  return typeof p === 'string' && AP_PATH.test(p);
}

/**
 * One AddMatch per kind of signal for the source's whole life; the
 * well-known sender is resolved by the bus at delivery time, so the rules
 * outlive NetworkManager restarts (dbus-next 0.10.2 leaks rules it removes,
 * so they must never churn). Access points' property changes are matched
 * only for Ssid (a hidden network's name becomes known); the standard
 * PropertiesChanged is the only form NetworkManager 1.42 still sends.
 */
export const NM_MATCH_RULES: readonly string[] = [
  `type='signal',sender='${DBUS_SERVICE}',path='${DBUS_PATH}',interface='${DBUS_IFACE}',member='NameOwnerChanged',arg0='${NM_SERVICE}'`,
  `type='signal',sender='${NM_SERVICE}',path='${NM_PATH}',interface='${NM_IFACE}',member='DeviceAdded'`,
  `type='signal',sender='${NM_SERVICE}',path='${NM_PATH}',interface='${NM_IFACE}',member='DeviceRemoved'`,
  `type='signal',sender='${NM_SERVICE}',interface='${NM_WIRELESS_IFACE}',member='AccessPointAdded'`,
  `type='signal',sender='${NM_SERVICE}',interface='${NM_WIRELESS_IFACE}',member='AccessPointRemoved'`,
  `type='signal',sender='${NM_SERVICE}',interface='${PROPERTIES_IFACE}',member='PropertiesChanged',arg0='${NM_AP_IFACE}'`,
];
