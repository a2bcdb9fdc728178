/**
 * PRoPHET (RFC 6693): each node keeps a delivery predictability per user,
 * raised when they meet, passed on through neighbours (transitivity) and
 * fading with time. A message is replicated to a neighbour only when that
 * neighbour is likelier to meet its recipient than we are: the GRTR
 * forwarding strategy of RFC 6693 §3.7.
 */
import { checkHeld, checkKeyId, checkNow, checkOptionKeys, checkPeer, isKeyId, numberOption } from './checks.js';
import { aged, encountered, PROPHET_PARAM_KEYS, prophetParams, transitive, type ProphetParams } from './prophet-math.js';
import { readPredictabilities, writePredictabilities } from './route-info.js';
import { deliver, keep, REPLICATE, type RoutingStrategy, type SnapshotOption } from './strategy.js';

export const PROPHET = 'prophet';
/** Users kept in the predictability table; past it the least likely is forgotten. */
export const DEFAULT_PROPHET_MAX_ENTRIES = 1024;
/**
 * Predictabilities sent on meeting, highest first. One costs about 16 bytes
 * on the wire, so 32 (a class) is about half a kilobyte per meeting.
 */
export const DEFAULT_PROPHET_MAX_ANNOUNCED = 32;
/** Neighbours whose shared predictabilities are remembered (a full classroom). */
export const DEFAULT_PROPHET_MAX_PEERS = 64;
const SNAPSHOT_VERSION = 1;
/** More rows than the largest table allowed means the snapshot is not ours. */
const MAX_SNAPSHOT_ROWS = 1 << 20;

export interface ProphetOptions extends SnapshotOption, Partial<ProphetParams> {
  /** This laptop's user: never an entry of its own table. */
  selfUserId?: string;
  maxEntries?: number;
  maxAnnounced?: number;
}

export interface ProphetStrategy extends RoutingStrategy {
  /** P(this node, user) after aging to nowMs; 0 when unknown. */
  predictability(userId: string, nowMs: number): number;
}

interface Entry {
  p: number;
  /** When we last met this user directly; undefined if only heard of. */
  metMs: number | undefined;
}

export function createProphet(options?: ProphetOptions): ProphetStrategy {
  const o = checkOptionKeys(options, ['snapshot', 'selfUserId', 'maxEntries', 'maxAnnounced', ...PROPHET_PARAM_KEYS], PROPHET);
  const prm = prophetParams(o);
  const self = o['selfUserId'] === undefined ? undefined : checkKeyId(o['selfUserId'], 'option selfUserId');
  const maxEntries = numberOption(o['maxEntries'], 'maxEntries', DEFAULT_PROPHET_MAX_ENTRIES, { min: 1, max: MAX_SNAPSHOT_ROWS, integer: true });
  const maxAnnounced = numberOption(o['maxAnnounced'], 'maxAnnounced', DEFAULT_PROPHET_MAX_ANNOUNCED, { min: 0, max: 1024, integer: true });

  const table = new Map<string, Entry>();
  /** node id → what it shared when last met; oldest first. */
  const peers = new Map<string, ReadonlyMap<string, number>>();
  let agedAtMs: number | undefined;
  restore(o['snapshot']);

  /** Applies equation 2 for the whole time units since the last aging. */
  function ageTo(nowMs: number): void {
    // First use, or the wall clock went back: count units from now on.
    if (agedAtMs === undefined || nowMs < agedAtMs) {
      agedAtMs = nowMs;
      return;
    }
    const units = Math.floor((nowMs - agedAtMs) / prm.timeUnitMs);
    if (units === 0) return;
    agedAtMs += units * prm.timeUnitMs;
    for (const [user, e] of table) {
      e.p = aged(e.p, units, prm);
      // Below the threshold an entry counts as never met (§2.1.1); keeping
      // it would only fill the table with users we cannot route towards.
      if (e.p < prm.pFirstThreshold) table.delete(user);
    }
  }

  function put(user: string, p: number, metMs: number | undefined): void {
    if (!table.has(user) && table.size >= maxEntries) {
      let lowest: [string, Entry] | undefined;
      for (const item of table) if (lowest === undefined || item[1].p < lowest[1].p) lowest = item;
      if (lowest === undefined || lowest[1].p >= p) return;
      table.delete(lowest[0]);
    }
    table.set(user, { p, metMs });
  }

  function restore(snapshot: unknown): void {
    const entries = readSnapshot(snapshot);
    if (entries === undefined) return;
    agedAtMs = entries.agedAtMs;
    // The likeliest first, so a table saved under a larger maxEntries keeps its best part.
    const rows = [...entries.rows].sort((x, y) => y[1] - x[1]).slice(0, maxEntries);
    for (const [user, p, metMs] of rows) {
      if (p >= prm.pFirstThreshold) put(user, Math.min(p, 1 - prm.delta), metMs ?? undefined);
    }
  }

  return {
    name: PROPHET,
    initialCopies: () => 0,
    met(peer, info, nowMs) {
      checkPeer(peer);
      checkNow(nowMs);
      ageTo(nowMs);
      const b = peer.userId;
      if (b !== self) {
        const old = table.get(b);
        const interval = old?.metMs === undefined ? undefined : nowMs - old.metMs;
        put(b, encountered(old?.p, interval, prm), nowMs);
      }
      const theirs = readPredictabilities(info);
      peers.delete(peer.nodeId);
      peers.set(peer.nodeId, theirs);
      for (const node of peers.keys()) {
        if (peers.size <= DEFAULT_PROPHET_MAX_PEERS) break;
        peers.delete(node);
      }
      const pAB = table.get(b)?.p ?? 0;
      for (const [c, pBC] of theirs) {
        if (c === b || c === self) continue;
        const old = table.get(c);
        const p = transitive(old?.p, pAB, pBC, prm);
        if (p >= prm.pFirstThreshold && p > (old?.p ?? 0)) put(c, p, old?.metMs);
      }
    },
    routeInfo(nowMs) {
      checkNow(nowMs);
      ageTo(nowMs);
      const best = [...table].map(([user, e]) => [user, e.p] as const)
        .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
        .slice(0, maxAnnounced);
      return best.length === 0 ? undefined : { predictabilities: writePredictabilities(best) };
    },
    decide(msg, peer, nowMs) {
      checkHeld(msg);
      checkPeer(peer);
      checkNow(nowMs);
      ageTo(nowMs);
      if (peer.userId === msg.to) return deliver(msg, false);
      const theirs = peers.get(peer.nodeId)?.get(msg.to) ?? 0;
      const ours = table.get(msg.to)?.p ?? 0;
      return theirs > ours ? REPLICATE : keep(msg, false);
    },
    predictability(userId, nowMs) {
      checkKeyId(userId, 'userId');
      checkNow(nowMs);
      ageTo(nowMs);
      return table.get(userId)?.p ?? 0;
    },
    snapshot() {
      const rows = [...table].map(([user, e]) => [user, e.p, e.metMs ?? null]);
      return { kind: PROPHET, v: SNAPSHOT_VERSION, agedAtMs: agedAtMs ?? null, rows };
    },
  };
}

type Row = readonly [string, number, number | null];

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isRow(v: unknown): v is Row {
  return Array.isArray(v) && v.length === 3 && isKeyId(v[0])
    && typeof v[1] === 'number' && v[1] > 0 && v[1] <= 1 && (v[2] === null || isTime(v[2]));
}

/** The saved table, or undefined when anything about it is off (then we start fresh). */
function readSnapshot(s: unknown): { agedAtMs: number | undefined; rows: readonly Row[] } | undefined {
  if (typeof s !== 'object' || s === null) return undefined;
  const r = s as Record<string, unknown>;
  if (r['kind'] !== PROPHET || r['v'] !== SNAPSHOT_VERSION) return undefined;
  const at = r['agedAtMs'];
  if (at !== null && !isTime(at)) return undefined;
  const rows = r['rows'];
  if (!Array.isArray(rows) || rows.length > MAX_SNAPSHOT_ROWS || !rows.every(isRow)) return undefined;
  return { agedAtMs: at ?? undefined, rows };
}
