/**
 * NetworkManager's signals, checked against the documented signatures and
 * object paths before they are believed, and the access point's two
 * properties the source reads (Ssid is `ay`, HwAddress the BSSID as text).
 * A malformed value gets a drop reason, to be counted and logged once;
 * nothing here throws.
 */
import type { DbusMessage } from '../../service/dbus.js';
import { macFromBytes, normaliseMac } from './mac-address.js';
import { isApPath, isDevicePath, NM_AP_IFACE, NM_IFACE, NM_PATH, NM_WIRELESS_IFACE } from './nm-names.js';
import { PROPERTIES_IFACE } from './wpa-names.js';
import { MAX_SSID_BYTES, variantValue, type BssInfo, type Drop } from './wpa-values.js';

export type NmEvent =
  | { kind: 'device-added'; device: string }
  | { kind: 'device-removed'; device: string }
  | { kind: 'ap-added'; device: string; ap: string }
  | { kind: 'ap-removed'; device: string; ap: string }
  | { kind: 'ssid-changed'; ap: string; ssid: Uint8Array }
  | { kind: 'ignored' };

const drop = (reason: string, detail: string): Drop => ({ kind: 'drop', reason, detail });
const IGNORED: NmEvent = { kind: 'ignored' };

/** Expects `msg` to be a signal from the current owner of the service name. */
export function parseNmSignal(msg: DbusMessage): NmEvent | Drop {
  const { path = '', interface: iface = '', member = '', signature = '', body } = msg;
  if (iface === NM_IFACE && (member === 'DeviceAdded' || member === 'DeviceRemoved')) {
    if (path !== NM_PATH) return drop('path', `${member} on ${path}`);
    if (signature !== 'o') return drop('signature', `${member}(${signature})`);
    if (!isDevicePath(body[0])) return drop('path', `${member} ${String(body[0])}`);
    return { kind: member === 'DeviceAdded' ? 'device-added' : 'device-removed', device: body[0] };
  }
  if (iface === NM_WIRELESS_IFACE && (member === 'AccessPointAdded' || member === 'AccessPointRemoved')) {
    if (!isDevicePath(path)) return drop('path', `${member} on ${path}`);
    if (signature !== 'o') return drop('signature', `${member}(${signature})`);
    if (!isApPath(body[0])) return drop('path', `${member} ${String(body[0])}`);
    return { kind: member === 'AccessPointAdded' ? 'ap-added' : 'ap-removed', device: path, ap: body[0] };
  }
  if (iface === PROPERTIES_IFACE && member === 'PropertiesChanged') {
    if (signature !== 'sa{sv}as') return drop('signature', `${member}(${signature})`);
    if (body[0] !== NM_AP_IFACE) return IGNORED;
    if (!isApPath(path)) return drop('path', `${member} on ${path}`);
    const changed = body[1];
    if (typeof changed !== 'object' || changed === null || !('Ssid' in changed)) return IGNORED;
    const ssid = checkSsid(variantValue(changed, 'Ssid', 'ay'));
    return ssid instanceof Uint8Array ? { kind: 'ssid-changed', ap: path, ssid } : ssid;
  }
  return IGNORED;
}

function checkSsid(v: unknown): Uint8Array | Drop {
  if (!(v instanceof Uint8Array) || v.length > MAX_SSID_BYTES) return drop('ssid', 'Ssid is not 0..32 bytes');
  return Uint8Array.from(v);
}

/** The BSSID text NetworkManager gives ("AA:BB:CC:DD:EE:FF") as a station MAC, or undefined. */
function bssidFromText(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const mac = normaliseMac(v);
  if (mac === undefined) return undefined;
  // Same test as for raw bytes: no group address, not all zeros.
  return macFromBytes(Uint8Array.from(mac.split(':').map((h) => parseInt(h, 16))));
}

/** An access point's Ssid and HwAddress as read, or why they are not believed. */
export function apInfo(ssid: unknown, hwAddress: unknown): BssInfo | Drop {
  const bssid = bssidFromText(hwAddress);
  if (bssid === undefined) return drop('bssid', 'HwAddress is not a station address');
  const s = checkSsid(ssid);
  return s instanceof Uint8Array ? { bssid, ssid: s } : s;
}
