/**
 * What wpa_supplicant has told us, per interface object, turned into
 * sightings. Knows nothing of the bus: the source feeds it checked events
 * and snapshots read with Properties.Get.
 *
 * While an interface's snapshot is being read, its events are held back
 * and win over the snapshot when it lands: a peer that disconnects while
 * MeshPeers is in flight must not come back from the (older) reply.
 */
import { PeerResolutions, type PeerResolutionsOptions } from './peer-resolutions.js';
import type { InterfaceSnapshot } from './wpa-reader.js';
import { ssidText, type BssInfo } from './wpa-values.js';

export interface TrackerOptions extends PeerResolutionsOptions {
  /** Which networks to report; the daemon passes its relay-point SSIDs. */
  acceptSsid: (ssid: string) => boolean;
}

export interface WpaInterfaceSummary {
  path: string;
  ifname: string | undefined;
  /** False while its current state is still being read. */
  read: boolean;
  meshPeers: number;
  p2pPeers: number;
  bsss: number;
}

interface Iface {
  path: string;
  ifname: string | undefined;
  /** Set while the snapshot is in flight: item key → apply it, or null for "gone". */
  held: Map<string, (() => void) | null> | undefined;
  mesh: Set<string>;
  p2p: Map<string, string>;
  bss: Map<string, BssInfo>;
}

export class WpaTracker {
  readonly #o: TrackerOptions;
  readonly #ifaces = new Map<string, Iface>();
  readonly #lookups: PeerResolutions;

  constructor(o: TrackerOptions) {
    this.#o = o;
    this.#lookups = new PeerResolutions(o);
  }

  /** Starts tracking `path` and holds its events; false if it is tracked already. */
  begin(path: string, ifname?: string): boolean {
    if (this.#ifaces.has(path)) return false;
    this.#ifaces.set(path, { path, ifname, held: new Map(), mesh: new Set(), p2p: new Map(), bss: new Map() });
    return true;
  }

  /** Applies the snapshot under the held events; no snapshot means the interface is gone. */
  finish(path: string, snap: InterfaceSnapshot | undefined): void {
    const st = this.#ifaces.get(path);
    if (st === undefined || st.held === undefined) return;
    if (snap === undefined) return this.remove(path);
    const held = st.held;
    st.held = undefined;
    st.ifname = snap.ifname;
    for (const mac of snap.meshPeers) if (!held.has(`mesh ${mac}`)) this.meshConnected(path, mac);
    for (const [p, mac] of snap.p2p) if (!held.has(p)) this.p2pFound(path, p, mac);
    for (const [p, info] of snap.bss) if (!held.has(p)) this.bssAdded(path, p, info);
    for (const apply of held.values()) apply?.();
  }

  has(path: string): boolean {
    return this.#ifaces.has(path);
  }

  remove(path: string): void {
    if (!this.#ifaces.delete(path)) return;
    const mine = (holder: string): boolean => holder === `${path}#mesh` || holder.startsWith(`${path}/`);
    this.#lookups.cancel(mine);
    this.#o.book.dropHolders(mine);
  }

  /** Forgets every interface; the book says `lost` for every sighting. */
  clear(): void {
    this.#ifaces.clear();
    this.#lookups.clear();
    this.#o.book.clear();
  }

  summary(): WpaInterfaceSummary[] {
    return [...this.#ifaces.values()].map((s) => ({
      path: s.path, ifname: s.ifname, read: s.held === undefined, meshPeers: s.mesh.size, p2pPeers: s.p2p.size, bsss: s.bss.size,
    }));
  }

  meshConnected(path: string, mac: string): void {
    this.#event(path, `mesh ${mac}`, (st) => {
      st.mesh.add(mac);
      this.#lookup(st, `${path}#mesh`, mac);
    }, false);
  }

  meshDisconnected(path: string, mac: string): void {
    this.#event(path, `mesh ${mac}`, (st) => {
      st.mesh.delete(mac);
      this.#lookups.stop(`${path}#mesh`, mac);
    }, true);
  }

  p2pFound(path: string, peer: string, mac: string): void {
    this.#event(path, peer, (st) => {
      const old = st.p2p.get(peer);
      if (old !== undefined && old !== mac) this.#lookups.stop(peer, old);
      st.p2p.set(peer, mac);
      this.#lookup(st, peer, mac);
    }, false);
  }

  p2pLost(path: string, peer: string): void {
    this.#event(path, peer, (st) => {
      const mac = st.p2p.get(peer);
      st.p2p.delete(peer);
      if (mac !== undefined) this.#lookups.stop(peer, mac);
    }, true);
  }

  bssAdded(path: string, bss: string, info: BssInfo): void {
    this.#event(path, bss, (st) => {
      const ssid = ssidText(info.ssid);
      const key = ssid !== undefined && this.#o.acceptSsid(ssid) ? `bss:${info.bssid}` : undefined;
      const old = st.bss.get(bss);
      if (old !== undefined && `bss:${old.bssid}` !== key) this.#o.book.drop(bss, `bss:${old.bssid}`);
      st.bss.set(bss, info);
      if (key === undefined) return;
      this.#o.book.put(bss, { source: 'wpa_supplicant', key, address: '', sessionPort: this.#o.sessionPort, ...(ssid !== undefined && { ssid }) });
    }, false);
  }

  bssRemoved(path: string, bss: string): void {
    this.#event(path, bss, (st) => {
      const info = st.bss.get(bss);
      st.bss.delete(bss);
      if (info !== undefined) this.#o.book.drop(bss, `bss:${info.bssid}`);
    }, true);
  }

  /** The interface's BSSs property: catches removals whose BSSRemoved we never got. */
  bssList(path: string, paths: string[]): void {
    const st = this.#ifaces.get(path);
    if (st === undefined || st.held !== undefined) return;
    const now = new Set(paths);
    for (const known of [...st.bss.keys()]) if (!now.has(known)) this.bssRemoved(path, known);
  }

  /** Runs `apply` now, or holds it (or its absence) until the snapshot lands. */
  #event(path: string, item: string, apply: (st: Iface) => void, gone: boolean): void {
    const st = this.#ifaces.get(path);
    if (st === undefined) return;
    if (st.held === undefined) apply(st);
    else st.held.set(item, gone ? null : () => apply(st));
  }

  #lookup(st: Iface, holder: string, mac: string): void {
    // Always named by now: events wait for the snapshot, which carries Ifname.
    if (st.ifname !== undefined) this.#lookups.start(holder, mac, st.ifname);
  }
}
