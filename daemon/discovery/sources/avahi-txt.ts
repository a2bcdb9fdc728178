/**
 * The TXT record satchel publishes beside its DNS-SD service, and the
 * checks on what others publish. It carries the node key id in hex, so
 * that a technician running avahi-browse can read it and the discovery hub
 * knows whom it is dialling before the handshake says so. RFC 6763 §6 sets
 * the rules: key=value strings, keys compared without case, only the first
 * of a repeated key counts, and a record should stay small.
 */
import { KEY_ID_BYTES } from '../../wire/messages.js';
import { fromHex, toHex } from '../../crypto/hex.js';
import { SatchelError } from '../../errors/satchel-error.js';

/** RFC 6763 §6.7: the version of this record's layout, first in the record. */
export const TXT_VERSION_KEY = 'txtvers';
export const TXT_VERSION = '1';
/** The node key id, KEY_ID_BYTES bytes as lowercase hex. */
export const TXT_NODE_ID_KEY = 'id';
/**
 * Most TXT bytes read from a peer, in bytes (strings plus their length
 * octets). RFC 6763 §6.2 advises against anything over 1300; ours is 30.
 */
export const MAX_TXT_BYTES = 1300;

export function encodeTxt(nodeId: Uint8Array): Buffer[] {
  if (!(nodeId instanceof Uint8Array) || nodeId.length !== KEY_ID_BYTES) {
    throw SatchelError.invalidArgument(`node id must be ${KEY_ID_BYTES} bytes`);
  }
  return [`${TXT_VERSION_KEY}=${TXT_VERSION}`, `${TXT_NODE_ID_KEY}=${toHex(nodeId)}`].map((s) => Buffer.from(s, 'ascii'));
}

export type TxtResult = { ok: true; nodeId: Uint8Array } | { ok: false; reason: 'txt' | 'txt_size' | 'txtvers' | 'node_id'; detail: string };

/** Never throws: whatever avahi hands over (it is what some host on the link sent) is checked. */
export function decodeTxt(items: unknown): TxtResult {
  if (!Array.isArray(items) || !items.every((i) => i instanceof Uint8Array)) {
    return { ok: false, reason: 'txt', detail: 'not a list of byte strings' };
  }
  const size = items.reduce((n: number, i: Uint8Array) => n + 1 + i.length, 0);
  if (size > MAX_TXT_BYTES) return { ok: false, reason: 'txt_size', detail: `${size} bytes of TXT` };
  const pairs = new Map<string, string>();
  let ids = 0;
  for (const item of items as Uint8Array[]) {
    const s = Buffer.from(item).toString('latin1');
    const eq = s.indexOf('=');
    const key = (eq < 0 ? s : s.slice(0, eq)).toLowerCase();
    if (key === TXT_NODE_ID_KEY) ids++;
    // §6.4: a key seen twice means its first value; an empty key means nothing.
    if (key === '' || pairs.has(key)) continue;
    pairs.set(key, eq < 0 ? '' : s.slice(eq + 1));
  }
  // Except for the id: Avahi keeps TXT strings in a list it builds by
  // prepending, so which copy comes "first" depends on the path a record
  // took. Two ids are an identity nobody can vouch for.
  if (ids > 1) return { ok: false, reason: 'node_id', detail: `${ids} id= keys in TXT` };
  const version = pairs.get(TXT_VERSION_KEY);
  if (version !== undefined && version !== TXT_VERSION) return { ok: false, reason: 'txtvers', detail: `txtvers=${version.slice(0, 16)}` };
  const hex = pairs.get(TXT_NODE_ID_KEY);
  if (hex === undefined) return { ok: false, reason: 'node_id', detail: 'no id= in TXT' };
  try {
    return { ok: true, nodeId: fromHex(hex, KEY_ID_BYTES) };
  } catch {
    return { ok: false, reason: 'node_id', detail: `id=${hex.slice(0, 2 * KEY_ID_BYTES + 2)}` };
  }
}
