/**
 * Reading wpa_supplicant's current state with Properties.Get, when the
 * source starts and whenever the service (re)appears or adds an interface.
 * One Get per property, never GetAll: wpa_supplicant fails a whole GetAll
 * when any one getter fails (fill_dict_with_properties), and several do on
 * an ordinary interface (MeshPeers outside mesh mode, Peers without P2P).
 */
import { macFromBytes } from './mac-address.js';
import { isIfname } from './mac-resolver.js';
import type { DbusCaller } from './dbus-calls.js';
import { bssInfo, isPathList, type BssInfo, type Drop } from './wpa-values.js';
import {
  isChildPath, isInterfacePath, WPA_BSS_IFACE, WPA_INTERFACE_IFACE, WPA_MESH_IFACE, WPA_P2P_IFACE, WPA_PEER_IFACE,
  WPA_ROOT_IFACE, WPA_ROOT_PATH, WPA_SERVICE,
} from './wpa-names.js';

export type DropReport = (d: Drop) => void;

export interface InterfaceSnapshot {
  ifname: string;
  meshPeers: string[];
  bss: Map<string, BssInfo>;
  p2p: Map<string, string>;
}

export class WpaReader {
  readonly #caller: DbusCaller;
  readonly #dropped: DropReport;

  constructor(caller: DbusCaller, dropped: DropReport) {
    this.#caller = caller;
    this.#dropped = dropped;
  }

  #get(path: string, iface: string, name: string, sig: string): Promise<unknown> {
    return this.#caller.getProperty(WPA_SERVICE, path, iface, name).then((v) => {
      if (v.signature === sig) return v.value;
      this.#dropped({ kind: 'drop', reason: 'signature', detail: `${name} is ${v.signature}, not ${sig}` });
      return undefined;
    });
  }

  /** The root object's Interfaces (ao). Rejects if the service does not answer. */
  async interfaces(): Promise<string[]> {
    const v = await this.#get(WPA_ROOT_PATH, WPA_ROOT_IFACE, 'Interfaces', 'ao');
    return isPathList(v) ? v.filter((p) => this.#check(isInterfacePath(p), 'path', `Interfaces ${p}`)) : [];
  }

  /**
   * Everything the source needs about one interface; undefined if its name
   * cannot be read (it went away meanwhile). `known` saves the Gets that an
   * InterfaceAdded signal already answered.
   */
  async interface(path: string, known: { ifname?: string | undefined; bsss?: string[] | undefined } = {}): Promise<InterfaceSnapshot | undefined> {
    const ifname = known.ifname ?? (await this.#get(path, WPA_INTERFACE_IFACE, 'Ifname', 's').catch(() => undefined));
    if (ifname === undefined) return undefined; // gone, or never there
    if (!this.#check(isIfname(ifname), 'ifname', `Ifname ${JSON.stringify(ifname)} of ${path}`)) return undefined;
    const [meshPeers, bss, p2p] = await Promise.all([this.#meshPeers(path), this.#bsss(path, known.bsss), this.#p2p(path)]);
    return { ifname: ifname as string, meshPeers, bss, p2p };
  }

  /** SSID and BSSID of one BSS object; undefined if it is gone or malformed. */
  async bss(path: string): Promise<BssInfo | undefined> {
    const [ssid, bssid] = await Promise.all([
      this.#get(path, WPA_BSS_IFACE, 'SSID', 'ay'), this.#get(path, WPA_BSS_IFACE, 'BSSID', 'ay'),
    ]).catch(() => [undefined, undefined]);
    if (ssid === undefined && bssid === undefined) return undefined;
    const info = bssInfo(ssid, bssid);
    if ('kind' in info) {
      this.#dropped(info);
      return undefined;
    }
    return info;
  }

  async #meshPeers(path: string): Promise<string[]> {
    // Outside mesh mode the getter fails ("Failed to read property"): no peers.
    const v = await this.#get(path, WPA_MESH_IFACE, 'MeshPeers', 'aay').catch(() => undefined);
    if (!Array.isArray(v)) return [];
    return v.map((b) => macFromBytes(b)).filter((m): m is string => this.#check(m !== undefined, 'mac', 'MeshPeers entry'));
  }

  async #bsss(path: string, known: string[] | undefined): Promise<Map<string, BssInfo>> {
    const paths = known ?? (await this.#get(path, WPA_INTERFACE_IFACE, 'BSSs', 'ao').catch(() => undefined));
    const out = new Map<string, BssInfo>();
    if (!isPathList(paths)) return out;
    const valid = paths.filter((p) => this.#check(isChildPath(p, path, 'BSSs'), 'path', `BSSs ${p}`));
    const infos = await Promise.all(valid.map((p) => this.bss(p)));
    valid.forEach((p, i) => {
      const info = infos[i];
      if (info !== undefined) out.set(p, info);
    });
    return out;
  }

  async #p2p(path: string): Promise<Map<string, string>> {
    // Without P2P the getter fails ("P2P is not available for this interface").
    const v = await this.#get(path, WPA_P2P_IFACE, 'Peers', 'ao').catch(() => undefined);
    const out = new Map<string, string>();
    if (!isPathList(v)) return out;
    const valid = v.filter((p) => this.#check(isChildPath(p, path, 'Peers'), 'path', `Peers ${p}`));
    const addrs = await Promise.all(valid.map((p) => this.#get(p, WPA_PEER_IFACE, 'DeviceAddress', 'ay').catch(() => undefined)));
    valid.forEach((p, i) => {
      if (addrs[i] === undefined) return; // gone meanwhile
      const mac = macFromBytes(addrs[i]);
      if (this.#check(mac !== undefined, 'mac', `DeviceAddress of ${p}`)) out.set(p, mac as string);
    });
    return out;
  }

  #check(ok: boolean, reason: string, detail: string): boolean {
    if (!ok) this.#dropped({ kind: 'drop', reason, detail });
    return ok;
  }
}
