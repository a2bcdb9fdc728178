/**
 * What the daemon and its Wi-Fi worker say to each other over the IPC
 * channel of child_process.fork: one request, one answer, matched by id.
 * Both ends check what they receive: the worker's answers come from parsing
 * nmcli's output, which is not ours.
 */

/** IEEE 802.11: an SSID is at most 32 octets. */
export const MAX_SSID_BYTES = 32;
/** A password nmcli would take for WPA-PSK is 8..63 characters (or 64 hex digits). */
export const MAX_PASSWORD_CHARS = 64;
/** Longest network list accepted from the worker: a busy street has a few dozen. */
export const MAX_NETWORKS = 256;

export type WifiRequest =
  | { op: 'current' }
  | { op: 'scan' }
  | { op: 'connect'; ssid: string; password?: string }
  /** Back to a network the laptop knows: NetworkManager's saved profile, no password. */
  | { op: 'reconnect'; ssid: string }
  | { op: 'disconnect' };

export interface WifiNetwork {
  ssid: string;
  /** Lower-case colon form, or '' when the tool did not say. */
  bssid: string;
}

export type WifiAnswer =
  | { id: number; ok: true; networks?: WifiNetwork[] }
  | { id: number; ok: false; error: string };

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

export function isSsid(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0 && Buffer.byteLength(s, 'utf8') <= MAX_SSID_BYTES && !/[\0\n]/.test(s);
}

/** Null when `r` is a request the worker can run, or why not. */
export function requestProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null) return 'not an object';
  const q = r as Record<string, unknown>;
  switch (q.op) {
    case 'current': case 'scan': case 'disconnect':
      return null;
    case 'reconnect':
      return isSsid(q.ssid) ? null : 'bad ssid';
    case 'connect':
      if (!isSsid(q.ssid)) return 'bad ssid';
      if (q.password !== undefined && (typeof q.password !== 'string' || q.password.length > MAX_PASSWORD_CHARS || /[\0\n]/.test(q.password))) {
        return 'bad password';
      }
      return null;
    default:
      return `unknown op ${JSON.stringify(q.op)}`;
  }
}

/** The networks in an answer, checked; undefined if the list is malformed. */
export function checkNetworks(v: unknown): WifiNetwork[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_NETWORKS) return undefined;
  const out: WifiNetwork[] = [];
  for (const n of v) {
    if (typeof n !== 'object' || n === null) return undefined;
    const { ssid, bssid } = n as Record<string, unknown>;
    if (typeof ssid !== 'string' || typeof bssid !== 'string') return undefined;
    if (bssid !== '' && !MAC.test(bssid)) return undefined;
    // Hidden networks and names too long for a relay point's are not errors, just not useful.
    if (isSsid(ssid)) out.push({ ssid, bssid });
  }
  return out;
}
