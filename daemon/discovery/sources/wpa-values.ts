/**
 * Values as wpa_supplicant sends them, checked: variants in a{sv}
 * dictionaries, lists of object paths, and the fields of a BSS object
 * (doc/dbus.doxygen, fi.w1.wpa_supplicant1.BSS: SSID and BSSID are `ay`).
 */
import { macFromBytes } from './mac-address.js';

/** IEEE 802.11: an SSID is 0 to 32 octets. */
export const MAX_SSID_BYTES = 32;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface BssInfo {
  bssid: string;
  ssid: Uint8Array;
}

/** Why a value was not believed: counted as wpa_supplicant.dropped.<reason>. */
export type Drop = { kind: 'drop'; reason: string; detail: string };

/** The value of `dict[key]` if it is a variant of signature `sig`. */
export function variantValue(dict: unknown, key: string, sig: string): unknown {
  if (typeof dict !== 'object' || dict === null) return undefined;
  const v = (dict as Record<string, unknown>)[key] as { signature?: unknown; value?: unknown } | undefined;
  return v?.signature === sig ? v.value : undefined;
}

export function isPathList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((p) => typeof p === 'string');
}

/** SSID and BSSID as the BSS object documents them, or why not. */
export function bssInfo(ssid: unknown, bssid: unknown): BssInfo | Drop {
  const mac = macFromBytes(bssid);
  if (mac === undefined) return { kind: 'drop', reason: 'bssid', detail: 'BSSID is not a station address' };
  if (!(ssid instanceof Uint8Array) || ssid.length > MAX_SSID_BYTES) return { kind: 'drop', reason: 'ssid', detail: 'SSID is not 0..32 bytes' };
  return { bssid: mac, ssid: Uint8Array.from(ssid) };
}

/**
 * The SSID as text, or undefined for a hidden network (empty or all-zero
 * SSID) or one whose name is not UTF-8: neither can be a relay point we named.
 */
export function ssidText(ssid: Uint8Array): string | undefined {
  if (ssid.length === 0 || ssid.every((b) => b === 0)) return undefined;
  try {
    return utf8.decode(ssid);
  } catch {
    return undefined;
  }
}
