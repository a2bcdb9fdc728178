/**
 * wpa_supplicant's signals, checked and turned into plain events. Everything
 * a signal carries is checked against the documented signature and shape
 * before it is believed: a buggy or impostor sender gets a drop reason, to
 * be counted and logged once, never an exception.
 */
import type { DbusMessage } from '../../service/dbus.js';
import { isIfname } from './mac-resolver.js';
import { macFromBytes } from './mac-address.js';
import { bssInfo, isPathList, variantValue, type BssInfo, type Drop } from './wpa-values.js';
import {
  isChildPath, isInterfacePath, PROPERTIES_IFACE, WPA_INTERFACE_IFACE, WPA_MESH_IFACE, WPA_P2P_IFACE, WPA_ROOT_IFACE,
  WPA_ROOT_PATH,
} from './wpa-names.js';

export type WpaEvent =
  | { kind: 'interface-added'; iface: string; ifname: string; bsss: string[] | undefined }
  | { kind: 'interface-removed'; iface: string }
  | { kind: 'bss-added'; iface: string; path: string; bss: BssInfo }
  | { kind: 'bss-removed'; iface: string; path: string }
  | { kind: 'bss-list'; iface: string; paths: string[] }
  | { kind: 'mesh-connected'; iface: string; mac: string }
  | { kind: 'mesh-disconnected'; iface: string; mac: string }
  | { kind: 'p2p-found'; iface: string; path: string; mac: string }
  | { kind: 'p2p-lost'; iface: string; path: string }
  | { kind: 'ignored' };

const drop = (reason: string, detail: string): Drop => ({ kind: 'drop', reason, detail });
const IGNORED: WpaEvent = { kind: 'ignored' };

/** Expects `msg` to be a signal from the current owner of the service name. */
export function parseSignal(msg: DbusMessage): WpaEvent | Drop {
  const { path = '', interface: iface = '', member = '', signature = '', body } = msg;
  const want = (sig: string): boolean => signature === sig;
  if (iface === WPA_ROOT_IFACE) {
    if (path !== WPA_ROOT_PATH) return drop('path', `${iface}.${member} on ${path}`);
    if (member === 'InterfaceAdded') {
      if (!want('oa{sv}')) return drop('signature', `${member}(${signature})`);
      if (!isInterfacePath(body[0])) return drop('path', `${member} ${String(body[0])}`);
      const ifname = variantValue(body[1], 'Ifname', 's');
      if (!isIfname(ifname)) return drop('ifname', `${member} Ifname ${JSON.stringify(ifname)}`);
      const bsss = variantValue(body[1], 'BSSs', 'ao');
      return { kind: 'interface-added', iface: body[0], ifname, bsss: isPathList(bsss) ? bsss : undefined };
    }
    if (member === 'InterfaceRemoved') {
      if (!want('o')) return drop('signature', `${member}(${signature})`);
      return isInterfacePath(body[0]) ? { kind: 'interface-removed', iface: body[0] } : drop('path', `${member} ${String(body[0])}`);
    }
    return IGNORED;
  }
  const ours = iface === WPA_INTERFACE_IFACE || iface === WPA_MESH_IFACE || iface === WPA_P2P_IFACE;
  const props = iface === PROPERTIES_IFACE && member === 'PropertiesChanged';
  if (!ours && !props) return IGNORED;
  // Every signal used below is emitted on an interface object (wpa_s->dbus_new_path).
  if (!isInterfacePath(path)) return ours ? drop('path', `${iface}.${member} on ${path}`) : IGNORED;
  if (iface === WPA_INTERFACE_IFACE) return interfaceSignal(path, member, signature, body);
  if (iface === WPA_MESH_IFACE) return meshSignal(path, member, signature, body);
  if (iface === WPA_P2P_IFACE) return p2pSignal(path, member, signature, body);
  // org.freedesktop.DBus.Properties form: (interface, changed, invalidated).
  if (!want('sa{sv}as')) return drop('signature', `${member}(${signature})`);
  return body[0] === WPA_INTERFACE_IFACE ? bssList(path, body[1]) : IGNORED;
}

function interfaceSignal(iface: string, member: string, signature: string, body: unknown[]): WpaEvent | Drop {
  if (member === 'BSSAdded') {
    if (signature !== 'oa{sv}') return drop('signature', `${member}(${signature})`);
    if (!isChildPath(body[0], iface, 'BSSs')) return drop('path', `${member} ${String(body[0])}`);
    const info = bssInfo(variantValue(body[1], 'SSID', 'ay'), variantValue(body[1], 'BSSID', 'ay'));
    return 'kind' in info ? info : { kind: 'bss-added', iface, path: body[0], bss: info };
  }
  if (member === 'BSSRemoved') {
    if (signature !== 'o') return drop('signature', `${member}(${signature})`);
    return isChildPath(body[0], iface, 'BSSs') ? { kind: 'bss-removed', iface, path: body[0] } : drop('path', `${member} ${String(body[0])}`);
  }
  if (member === 'PropertiesChanged') {
    // wpa_supplicant's own, deprecated form: just the changed dictionary.
    if (signature !== 'a{sv}') return drop('signature', `${member}(${signature})`);
    return bssList(iface, body[0]);
  }
  return IGNORED;
}

function bssList(iface: string, changed: unknown): WpaEvent | Drop {
  if (typeof changed !== 'object' || changed === null || !('BSSs' in changed)) return IGNORED;
  const paths = variantValue(changed, 'BSSs', 'ao');
  if (!isPathList(paths) || !paths.every((p) => isChildPath(p, iface, 'BSSs'))) return drop('properties', 'BSSs is not a list of BSS paths');
  return { kind: 'bss-list', iface, paths };
}

function meshSignal(iface: string, member: string, signature: string, body: unknown[]): WpaEvent | Drop {
  if (member !== 'MeshPeerConnected' && member !== 'MeshPeerDisconnected') return IGNORED;
  if (signature !== 'a{sv}') return drop('signature', `${member}(${signature})`);
  // wpas_dbus_signal_mesh_peer_(dis)connected: PeerAddress is ETH_ALEN bytes.
  const mac = macFromBytes(variantValue(body[0], 'PeerAddress', 'ay'));
  if (mac === undefined) return drop('mac', `${member} without a station PeerAddress`);
  return { kind: member === 'MeshPeerConnected' ? 'mesh-connected' : 'mesh-disconnected', iface, mac };
}

function p2pSignal(iface: string, member: string, signature: string, body: unknown[]): WpaEvent | Drop {
  // DeviceFound(o) always precedes DeviceFoundProperties(o, a{sv}) for the same peer.
  if (member === 'DeviceFoundProperties') {
    if (signature !== 'oa{sv}') return drop('signature', `${member}(${signature})`);
    if (!isChildPath(body[0], iface, 'Peers')) return drop('path', `${member} ${String(body[0])}`);
    const mac = macFromBytes(variantValue(body[1], 'DeviceAddress', 'ay'));
    return mac === undefined ? drop('mac', `${member} without a station DeviceAddress`) : { kind: 'p2p-found', iface, path: body[0], mac };
  }
  if (member === 'DeviceLost') {
    if (signature !== 'o') return drop('signature', `${member}(${signature})`);
    return isChildPath(body[0], iface, 'Peers') ? { kind: 'p2p-lost', iface, path: body[0] } : drop('path', `${member} ${String(body[0])}`);
  }
  return IGNORED;
}
