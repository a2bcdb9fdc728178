/**
 * IEEE 802 MAC addresses as wpa_supplicant hands them over (6 raw bytes),
 * and the IPv6 link-local address a MAC implies under modified EUI-64
 * (RFC 4291 section 2.5.1 and appendix A).
 */

export const MAC_BYTES = 6;
/** Bit 0 of the first octet: a group (multicast/broadcast) address, never a station. */
const GROUP_BIT = 0x01;
/** Bit 1 of the first octet: universal/local; modified EUI-64 inverts it. */
const UNIVERSAL_LOCAL_BIT = 0x02;
const MAC_TEXT = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/**
 * "aa:bb:cc:dd:ee:ff" for the address of one station, or undefined for
 * anything else: wrong length, a group address, or all zeros (what a driver
 * reports when it has no address).
 */
export function macFromBytes(bytes: unknown): string | undefined {
  if (!(bytes instanceof Uint8Array) || bytes.length !== MAC_BYTES) return undefined;
  if (((bytes[0] ?? 0) & GROUP_BIT) !== 0 || bytes.every((b) => b === 0)) return undefined;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** Lower-case colon form of a textual MAC, or undefined if it is not one. */
export function normaliseMac(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/-/g, ':');
  return MAC_TEXT.test(t) ? t : undefined;
}

/**
 * fe80:: plus the modified EUI-64 interface identifier of `mac`: the U/L
 * bit flipped and ff:fe inserted in the middle. No scope; callers add
 * `%<interface>`. Throws on text that is not a MAC.
 */
export function eui64LinkLocal(mac: string): string {
  const m = normaliseMac(mac);
  if (m === undefined) throw new TypeError(`not a MAC address: ${JSON.stringify(mac)}`);
  const b = m.split(':').map((h) => parseInt(h, 16));
  const id = [(b[0] ?? 0) ^ UNIVERSAL_LOCAL_BIT, b[1] ?? 0, b[2] ?? 0, 0xff, 0xfe, b[3] ?? 0, b[4] ?? 0, b[5] ?? 0];
  const groups = [0xfe80, 0, 0, 0];
  for (let i = 0; i < id.length; i += 2) groups.push(((id[i] ?? 0) << 8) | (id[i + 1] ?? 0));
  return formatIpv6(groups);
}

/** RFC 5952 text: lower case, no leading zeros, the longest run (2+) of zero groups as "::". */
export function formatIpv6(groups: readonly number[]): string {
  let best = { at: -1, len: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.len < 2) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}
