/**
 * How many laptops this one meets: an exponentially weighted count of
 * encounters, the "encounter value" of encounter-based routing (Nelson,
 * Bakht and Kravets, INFOCOM 2009). A laptop that meets many others (a
 * teacher's, a school server, one on a bus or in a car) is likelier to meet
 * any given recipient soon than one that meets few, and the count costs one
 * number of state and one entry in RouteInfo.
 *
 * A link that drops and comes back (laptops at the edge of range, a
 * session restarted) is not a new encounter: a node met again within the
 * re-encounter time counts once. Only that many recent nodes are
 * remembered for it, so the state stays bounded.
 */
import { checkKeyId, checkNow, numberOption } from './checks.js';
import { P_SCALE } from './route-info.js';

/** Time constant of the count's decay, in ms: an encounter counts 1/e as much an hour later. */
export const DEFAULT_ENCOUNTER_WINDOW_MS = 3600_000;
/** A node met again within this many ms is the same encounter (a flapping link). */
export const DEFAULT_REENCOUNTER_MS = 10 * 60_000;
/** Nodes remembered for the re-encounter check; past it the least recently met is forgotten. */
export const DEFAULT_MAX_REMEMBERED_NODES = 256;
/** Encounters per window that map to the middle (0.5) of the scale sent on the wire. */
export const ENCOUNTER_SCALE_HALF = 8;
/** Longest window or re-encounter time accepted, in ms: a week. */
export const MAX_ENCOUNTER_WINDOW_MS = 7 * 24 * 3600_000;

export interface EncounterMeterOptions {
  windowMs?: number;
  reencounterMs?: number;
  /** From snapshot(); anything unusable starts the count at 0. */
  snapshot?: unknown;
}

export interface EncounterMeter {
  /** A node was met (once per meeting). */
  met(nodeId: string, nowMs: number): void;
  /** Encounters per window, decayed to nowMs. */
  rate(nowMs: number): number;
  snapshot(): { rate: number; atMs: number | null };
}

/**
 * A rate as sent on the wire: rate / (rate + ENCOUNTER_SCALE_HALF), in
 * [0, 1), rounded to the P_SCALE steps `encounter_rate` travels in, so that
 * our own rate and a neighbour's compare on the same footing.
 */
export function encounterScale(rate: number): number {
  if (!(Number.isFinite(rate) && rate > 0)) return 0;
  return Math.min(P_SCALE - 1, Math.round((rate / (rate + ENCOUNTER_SCALE_HALF)) * P_SCALE)) / P_SCALE;
}

export function createEncounterMeter(options: EncounterMeterOptions = {}): EncounterMeter {
  const windowMs = numberOption(options.windowMs, 'windowMs', DEFAULT_ENCOUNTER_WINDOW_MS, { min: 1, max: MAX_ENCOUNTER_WINDOW_MS });
  const reencounterMs = numberOption(options.reencounterMs, 'reencounterMs', DEFAULT_REENCOUNTER_MS, { min: 0, max: MAX_ENCOUNTER_WINDOW_MS });
  const saved = readSnapshot(options.snapshot);
  let count = saved?.rate ?? 0;
  let atMs = saved?.atMs;
  /** node id → when last met; iteration order is least recently met first. */
  const recent = new Map<string, number>();

  function decayTo(nowMs: number): void {
    // First use, or the wall clock went back: nothing to decay, count from now.
    if (atMs === undefined || nowMs < atMs) {
      atMs = nowMs;
      return;
    }
    count *= Math.exp(-(nowMs - atMs) / windowMs);
    atMs = nowMs;
  }

  return {
    met(nodeId, nowMs) {
      checkKeyId(nodeId, 'nodeId');
      checkNow(nowMs);
      decayTo(nowMs);
      const last = recent.get(nodeId);
      recent.delete(nodeId);
      recent.set(nodeId, nowMs);
      for (const oldest of recent.keys()) {
        if (recent.size <= DEFAULT_MAX_REMEMBERED_NODES) break;
        recent.delete(oldest);
      }
      if (last === undefined || nowMs < last || nowMs - last >= reencounterMs) count += 1;
    },
    rate(nowMs) {
      checkNow(nowMs);
      decayTo(nowMs);
      return count;
    },
    snapshot: () => ({ rate: count, atMs: atMs ?? null }),
  };
}

/** Highest count a snapshot may hold: far more encounters than a window can have. */
const MAX_SAVED_RATE = 1e6;

function readSnapshot(s: unknown): { rate: number; atMs: number | undefined } | undefined {
  if (typeof s !== 'object' || s === null) return undefined;
  const { rate, atMs } = s as Record<string, unknown>;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > MAX_SAVED_RATE) return undefined;
  if (atMs === null) return { rate: 0, atMs: undefined };
  if (typeof atMs !== 'number' || !Number.isFinite(atMs) || atMs < 0) return undefined;
  return { rate, atMs };
}
