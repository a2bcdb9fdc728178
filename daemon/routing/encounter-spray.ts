/**
 * Encounter spray: spray-and-wait's copy budget, handed only to neighbours
 * that meet at least as many laptops as the holder does.
 *
 * A new message starts with L copies and a holder with n > 1 gives half
 * to a neighbour that lacks it, so at most L laptops ever hold it and a
 * delivery costs at most L transfers (relay points on its way aside, see
 * relay-points.ts). Spray-and-wait gives them to
 * whoever comes first; here a holder gives only to a neighbour whose
 * encounter rate (encounter-rate.ts, announced on meeting) is at least its
 * own. Copies so drift towards the laptops that meet the most others (a
 * teacher's, a school server, one in a car or on a tram) and stay there,
 * where they are likeliest to meet the recipient; a holder that is itself
 * such a laptop spends fewer copies, and the ones it keeps cost nothing.
 * Delivery proofs then stop the spending once the message has arrived.
 *
 * The two rates compare as they stood when the meeting began (the
 * neighbour's as it announced it, ours before counting this meeting), so
 * equals share copies as spray-and-wait would, and two laptops that have
 * met nobody yet (the first two in class in the morning) do too.
 *
 * Measured on the simulator (docs/simulation-report.md) against
 * alternatives that use more history: handing the last copy on to a
 * neighbour with a fresher or likelier meeting with the recipient (spray
 * and focus, with last-encounter ages or PRoPHET predictabilities) and
 * weighing copies by predictability did not deliver more at the same cost
 * there, so they are left out. Splitting copies in proportion to the two
 * rates (as encounter-based routing does) delivered about the same but
 * spent more.
 */
import { checkHeld, checkNow, checkOptionKeys, checkPeer, numberOption } from './checks.js';
import { createEncounterMeter, DEFAULT_ENCOUNTER_WINDOW_MS, encounterScale, MAX_ENCOUNTER_WINDOW_MS } from './encounter-rate.js';
import { readEncounterScale, writeEncounterScale } from './route-info.js';
import { MAX_SPRAY_COPIES, sprayDecision } from './spray-and-wait.js';
import type { RoutingStrategy, SnapshotOption } from './strategy.js';

export const ENCOUNTER_SPRAY = 'encounter-spray';
/**
 * L: a delivery costs at most L transfers, so at most L - 1 carriers per
 * delivered message; six keeps that within the overhead ratio of 5 that
 * issue 7 sets, and is the ONE's spray-and-wait setting in its default
 * scenario, so the two compare copy for copy.
 */
export const DEFAULT_ENCOUNTER_SPRAY_COPIES = 6;
/** Neighbours whose announced rates are remembered (a full classroom and then some). */
export const DEFAULT_ENCOUNTER_MAX_PEERS = 64;
const SNAPSHOT_KIND = ENCOUNTER_SPRAY;
const SNAPSHOT_VERSION = 1;

export interface EncounterSprayOptions extends SnapshotOption {
  /** L: copies a new own message starts with; default DEFAULT_ENCOUNTER_SPRAY_COPIES. */
  copies?: number;
  /** Time constant of the encounter count, in ms; default DEFAULT_ENCOUNTER_WINDOW_MS. */
  windowMs?: number;
  /** A node met again within this many ms is the same encounter; default DEFAULT_REENCOUNTER_MS. */
  reencounterMs?: number;
}

export function createEncounterSpray(options?: EncounterSprayOptions): RoutingStrategy {
  const o = checkOptionKeys(options, ['snapshot', 'copies', 'windowMs', 'reencounterMs'], ENCOUNTER_SPRAY);
  const initial = numberOption(o['copies'], 'copies', DEFAULT_ENCOUNTER_SPRAY_COPIES, { min: 1, max: MAX_SPRAY_COPIES, integer: true });
  const windowMs = numberOption(o['windowMs'], 'windowMs', DEFAULT_ENCOUNTER_WINDOW_MS, { min: 1, max: MAX_ENCOUNTER_WINDOW_MS });
  const saved = o['snapshot'];
  const ours = saved !== null && typeof saved === 'object' && (saved as Record<string, unknown>)['kind'] === SNAPSHOT_KIND
    && (saved as Record<string, unknown>)['v'] === SNAPSHOT_VERSION ? saved : undefined;
  const meter = createEncounterMeter({
    windowMs,
    ...(o['reencounterMs'] !== undefined ? { reencounterMs: o['reencounterMs'] as number } : {}),
    snapshot: ours,
  });
  /** node id → both scaled rates as its last meeting began; least recently met first. */
  const peers = new Map<string, { theirs: number; ours: number }>();

  return {
    name: ENCOUNTER_SPRAY,
    initialCopies: () => initial,
    met(peer, info, nowMs) {
      checkPeer(peer);
      checkNow(nowMs);
      const ours = encounterScale(meter.rate(nowMs));
      meter.met(peer.nodeId, nowMs);
      peers.delete(peer.nodeId);
      peers.set(peer.nodeId, { theirs: readEncounterScale(info), ours });
      for (const node of peers.keys()) {
        if (peers.size <= DEFAULT_ENCOUNTER_MAX_PEERS) break;
        peers.delete(node);
      }
    },
    routeInfo(nowMs) {
      checkNow(nowMs);
      const scale = encounterScale(meter.rate(nowMs));
      return scale === 0 ? undefined : { encounterRate: writeEncounterScale(scale) };
    },
    decide(msg, peer, nowMs) {
      checkHeld(msg);
      checkPeer(peer);
      checkNow(nowMs);
      return sprayDecision(msg, peer, initial, () => {
        // A neighbour that announced nothing (another strategy, or one that has met nobody yet) counts as 0.
        const rates = peers.get(peer.nodeId) ?? { theirs: 0, ours: encounterScale(meter.rate(nowMs)) };
        return rates.theirs >= rates.ours;
      });
    },
    snapshot: () => ({ kind: SNAPSHOT_KIND, v: SNAPSHOT_VERSION, ...meter.snapshot() }),
  };
}
