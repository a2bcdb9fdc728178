/**
 * NetworkManager's Wi-Fi devices and their access points, turned into
 * sightings. NetworkManager sends replies and signals on one connection in
 * the order it made them, so a list it returns is newer than every signal
 * that arrived before it: the tracker applies signals at once and lets each
 * list reply settle the device's whole set. Reads made for an owner that
 * has since gone (an epoch ago) are dropped when they land.
 */
import type { NmReader } from './nm-reader.js';
import type { SightingBook } from './sighting-book.js';
import { ssidText, type BssInfo } from './wpa-values.js';

export interface NmTrackerOptions {
  reader: NmReader;
  book: SightingBook;
  sessionPort: number;
  acceptSsid: (ssid: string) => boolean;
}

export interface NmDeviceSummary {
  path: string;
  /** False while NetworkManager is still being asked what it is and what it sees. */
  read: boolean;
  accessPoints: number;
}

interface Ap {
  /** Undefined until its properties have been read. */
  info: BssInfo | undefined;
  /**
   * A name change that came while the read was under way. The read is two
   * calls, so a PropertiesChanged can land between their answers, and the
   * name the first answer gave is already out of date.
   */
  ssidDuringRead?: Uint8Array;
}

interface Device {
  wifi: boolean | undefined;
  listed: boolean;
  aps: Map<string, Ap>;
}

export class NmTracker {
  readonly #o: NmTrackerOptions;
  /** Devices that are Wi-Fi or still being asked; others are remembered as `wifi: false` so their signals are ignored. */
  readonly #devices = new Map<string, Device>();
  #epoch = 0;

  constructor(o: NmTrackerOptions) {
    this.#o = o;
  }

  summary(): NmDeviceSummary[] {
    return [...this.#devices].filter(([, d]) => d.wifi !== false)
      .map(([path, d]) => ({ path, read: d.wifi === true && d.listed, accessPoints: d.aps.size }));
  }

  /** NetworkManager (re)appeared: list its devices afresh. Rejects if it does not answer. */
  async appeared(): Promise<void> {
    const epoch = this.#epoch;
    const devices = await this.#o.reader.devices();
    if (epoch !== this.#epoch) return;
    const now = new Set(devices);
    for (const known of [...this.#devices.keys()]) if (!now.has(known)) this.deviceRemoved(known);
    for (const d of devices) this.deviceAdded(d);
  }

  deviceAdded(path: string): void {
    if (this.#devices.has(path)) return;
    const dev: Device = { wifi: undefined, listed: false, aps: new Map() };
    this.#devices.set(path, dev);
    const epoch = this.#epoch;
    void this.#o.reader.isWifi(path).then(async (wifi) => {
      if (epoch !== this.#epoch || this.#devices.get(path) !== dev) return;
      if (wifi === undefined) return this.deviceRemoved(path);
      dev.wifi = wifi;
      if (!wifi) return;
      const aps = await this.#o.reader.accessPoints(path);
      if (epoch !== this.#epoch || this.#devices.get(path) !== dev) return;
      if (aps === undefined) return this.deviceRemoved(path);
      dev.listed = true;
      const now = new Set(aps);
      for (const known of [...dev.aps.keys()]) if (!now.has(known)) this.apRemoved(path, known);
      for (const ap of aps) this.apAdded(path, ap);
    });
  }

  deviceRemoved(path: string): void {
    const dev = this.#devices.get(path);
    if (dev === undefined) return;
    this.#devices.delete(path);
    for (const [ap, a] of dev.aps) if (a.info !== undefined) this.#o.book.drop(ap, key(a.info));
  }

  apAdded(device: string, ap: string): void {
    const dev = this.#devices.get(device);
    // A device not yet known is read whole when its DeviceAdded or list comes.
    if (dev === undefined || dev.wifi === false || dev.aps.has(ap)) return;
    const a: Ap = { info: undefined };
    dev.aps.set(ap, a);
    const epoch = this.#epoch;
    void this.#o.reader.accessPoint(ap).then((info) => {
      if (epoch !== this.#epoch || dev.aps.get(ap) !== a) return;
      if (info === undefined) return; // gone meanwhile, or malformed (counted)
      this.#show(ap, a, a.ssidDuringRead === undefined ? info : { ...info, ssid: a.ssidDuringRead });
    });
  }

  apRemoved(device: string, ap: string): void {
    const dev = this.#devices.get(device);
    const a = dev?.aps.get(ap);
    if (dev === undefined || a === undefined) return;
    dev.aps.delete(ap);
    if (a.info !== undefined) this.#o.book.drop(ap, key(a.info));
  }

  /** A hidden network's name became known, or a network was renamed. */
  ssidChanged(ap: string, ssid: Uint8Array): void {
    for (const dev of this.#devices.values()) {
      const a = dev.aps.get(ap);
      if (a === undefined) continue;
      if (a.info === undefined) a.ssidDuringRead = ssid;
      else this.#show(ap, a, { ...a.info, ssid });
    }
  }

  /** NetworkManager went away: forget everything; reads in flight are void. */
  clear(): void {
    this.#epoch++;
    this.#devices.clear();
    this.#o.book.clear();
  }

  #show(ap: string, a: Ap, info: BssInfo): void {
    const text = ssidText(info.ssid);
    const wanted = text !== undefined && this.#o.acceptSsid(text);
    if (a.info !== undefined && (!wanted || a.info.bssid !== info.bssid)) this.#o.book.drop(ap, key(a.info));
    a.info = info;
    if (!wanted) return;
    this.#o.book.put(ap, { source: 'networkmanager', key: key(info), address: '', sessionPort: this.#o.sessionPort, ssid: text });
  }
}

function key(info: BssInfo): string {
  return `ap:${info.bssid}`;
}
