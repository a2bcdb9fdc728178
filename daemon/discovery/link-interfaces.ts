/**
 * Which network interfaces beacons go out on, re-read on every beacon so
 * that a WLAN that comes up late (or is replaced after suspend) is joined
 * without a restart and without a separate watcher.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export interface LinkInterface {
  name: string;
  /** First IPv4 address, used to name the interface for IPv4 multicast. */
  ipv4?: string;
  /**
   * Link-local IPv6 address with `%<name>` scope. Without one the interface
   * cannot send to ff02:: from an address a neighbour can dial back.
   */
  ipv6LinkLocal?: string;
}

export type InterfaceSource = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

function isLinkLocal6(a: NetworkInterfaceInfo): boolean {
  return a.family === 'IPv6' && /^fe[89ab][0-9a-f]:/i.test(a.address);
}

/**
 * `only` names one interface (which may be absent right now); without it,
 * every non-loopback interface that has an address.
 */
export function listLinkInterfaces(only?: string, source: InterfaceSource = networkInterfaces): LinkInterface[] {
  const out: LinkInterface[] = [];
  for (const [name, addrs] of Object.entries(source())) {
    if (addrs === undefined || (only !== undefined && name !== only)) continue;
    if (only === undefined && addrs.some((a) => a.internal)) continue;
    const link: LinkInterface = { name };
    const v4 = addrs.find((a) => a.family === 'IPv4');
    if (v4) link.ipv4 = v4.address;
    const ll = addrs.find(isLinkLocal6);
    // os.networkInterfaces() omits the scope; we add it by name because
    // interface indexes change when a USB WLAN stick is re-plugged.
    if (ll) link.ipv6LinkLocal = `${ll.address.split('%')[0] ?? ll.address}%${name}`;
    if (link.ipv4 !== undefined || link.ipv6LinkLocal !== undefined) out.push(link);
  }
  return out;
}
