/**
 * Hosts as people and discovery write them. Node takes a link-local IPv6
 * address with its scope (`fe80::1%wlan0`) as is, but not in the URL-style
 * brackets that `[addr%scope]:port` notation leaves behind.
 */
export function normalizeHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
