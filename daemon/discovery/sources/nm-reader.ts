/**
 * Reading NetworkManager's current state with plain method calls: the
 * devices, which of them are Wi-Fi, each Wi-Fi device's access points
 * (GetAllAccessPoints, which includes hidden ones) and each access point's
 * Ssid and HwAddress. A read of an object that has gone meanwhile fails,
 * and the caller treats that as "gone", which it is.
 */
import type { DbusCaller } from './dbus-calls.js';
import {
  isApPath, isDevicePath, NM_AP_IFACE, NM_DEVICE_IFACE, NM_DEVICE_TYPE_WIFI, NM_IFACE, NM_PATH, NM_SERVICE, NM_WIRELESS_IFACE,
} from './nm-names.js';
import { apInfo } from './nm-signals.js';
import { isPathList, type BssInfo, type Drop } from './wpa-values.js';

export type DropReport = (d: Drop) => void;

export class NmReader {
  readonly #caller: DbusCaller;
  readonly #dropped: DropReport;

  constructor(caller: DbusCaller, dropped: DropReport) {
    this.#caller = caller;
    this.#dropped = dropped;
  }

  async #get(path: string, iface: string, name: string, sig: string): Promise<unknown> {
    const v = await this.#caller.getProperty(NM_SERVICE, path, iface, name);
    if (v.signature === sig) return v.value;
    this.#dropped({ kind: 'drop', reason: 'signature', detail: `${name} is ${v.signature}, not ${sig}` });
    return undefined;
  }

  async #paths(path: string, iface: string, member: string, valid: (p: unknown) => boolean): Promise<string[]> {
    const reply = await this.#caller.call({ destination: NM_SERVICE, path, iface, member });
    const list = reply.body[0];
    if (reply.signature !== 'ao' || !isPathList(list)) {
      this.#dropped({ kind: 'drop', reason: 'signature', detail: `${member} answered (${reply.signature ?? ''})` });
      return [];
    }
    return list.filter((p) => {
      if (!valid(p)) this.#dropped({ kind: 'drop', reason: 'path', detail: `${member} listed ${p}` });
      return valid(p);
    });
  }

  /** GetDevices: realized devices. Rejects if NetworkManager does not answer. */
  devices(): Promise<string[]> {
    return this.#paths(NM_PATH, NM_IFACE, 'GetDevices', isDevicePath);
  }

  /** True for a Wi-Fi device, false for any other, undefined if it cannot be read (gone). */
  async isWifi(device: string): Promise<boolean | undefined> {
    const type = await this.#get(device, NM_DEVICE_IFACE, 'DeviceType', 'u').catch(() => undefined);
    return type === undefined ? undefined : type === NM_DEVICE_TYPE_WIFI;
  }

  /** The device's access points; undefined if the device cannot be asked (gone). */
  accessPoints(device: string): Promise<string[] | undefined> {
    return this.#paths(device, NM_WIRELESS_IFACE, 'GetAllAccessPoints', isApPath).catch(() => undefined);
  }

  /** Ssid and BSSID of one access point; undefined if it is gone or malformed. */
  async accessPoint(ap: string): Promise<BssInfo | undefined> {
    const got = await Promise.all([
      this.#get(ap, NM_AP_IFACE, 'Ssid', 'ay'), this.#get(ap, NM_AP_IFACE, 'HwAddress', 's'),
    ]).catch(() => undefined);
    // Gone, or a property of the wrong type (counted by #get already).
    if (got === undefined || got[0] === undefined || got[1] === undefined) return undefined;
    const info = apInfo(got[0], got[1]);
    if ('kind' in info) {
      this.#dropped(info);
      return undefined;
    }
    return info;
  }
}
