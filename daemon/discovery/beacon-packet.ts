/**
 * The beacon datagram: building ours and judging theirs. Pure functions, so
 * every way a stranger's packet can be wrong is testable without a network.
 */
import { decodeBeacon, encodeBeacon, KEY_ID_BYTES, MAX_BEACON_BYTES, WIRE_VERSION } from '../wire/messages.js';

/** Largest TCP port number; a beacon port outside 1..this cannot be dialled. */
export const MAX_PORT = 65_535;

/** A beacon heard from another node, as discovery reports it. */
export interface HeardBeacon {
  /** KEY_ID_BYTES bytes; copied, never a view into the datagram buffer. */
  nodeId: Uint8Array;
  /** Sender's source address; IPv6 link-local carries `%<interface>`. */
  address: string;
  /** TCP port on which the sender accepts link sessions. */
  sessionPort: number;
  /** Changes when the sender has something new to offer. */
  epoch: number;
  family: 4 | 6;
}

/** Why a datagram was dropped; each is counted as `beacon.dropped.<reason>`. */
export type BeaconDropReason = 'oversize' | 'undecodable' | 'version' | 'node_id' | 'port' | 'self';

export type ParsedBeacon = Pick<HeardBeacon, 'nodeId' | 'sessionPort' | 'epoch'>;

export type ParseResult =
  | { ok: true; beacon: ParsedBeacon }
  | { ok: false; reason: BeaconDropReason; detail: string };

export function isValidPort(p: number): boolean {
  return Number.isInteger(p) && p >= 1 && p <= MAX_PORT;
}

export function buildBeacon(nodeId: Uint8Array, sessionPort: number, epoch: number): Uint8Array {
  return encodeBeacon({ version: WIRE_VERSION, nodeId, port: sessionPort, epoch });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Never throws: anything from the network is either a beacon or a reason. */
export function parseBeacon(bytes: Uint8Array, ownNodeId: Uint8Array): ParseResult {
  // Checked before decoding so an oversized packet costs no parsing at all.
  if (bytes.length > MAX_BEACON_BYTES) {
    return { ok: false, reason: 'oversize', detail: `${bytes.length} bytes > ${MAX_BEACON_BYTES}` };
  }
  let m;
  try {
    m = decodeBeacon(bytes);
  } catch {
    return { ok: false, reason: 'undecodable', detail: `${bytes.length} bytes` };
  }
  const version = m.version ?? 0;
  if (version !== WIRE_VERSION) {
    return { ok: false, reason: 'version', detail: `version ${version}, want ${WIRE_VERSION}` };
  }
  const nodeId = m.nodeId ?? new Uint8Array(0);
  if (nodeId.length !== KEY_ID_BYTES) {
    return { ok: false, reason: 'node_id', detail: `node_id of ${nodeId.length} bytes` };
  }
  const port = m.port ?? 0;
  if (!isValidPort(port)) return { ok: false, reason: 'port', detail: `port ${port}` };
  // Loopback is off, so this is a second interface on the same link or a
  // cloned disk image that shares our node key; either way, not a neighbour.
  if (sameBytes(nodeId, ownNodeId)) return { ok: false, reason: 'self', detail: 'our own node_id' };
  return { ok: true, beacon: { nodeId: Uint8Array.from(nodeId), sessionPort: port, epoch: m.epoch ?? 0 } };
}
