/**
 * The delivery-predictability equations of PRoPHET (RFC 6693, Lindgren et
 * al.), kept apart from the bookkeeping so each can be checked against
 * numbers worked out by hand. P(A,B) is how likely node A is to deliver to
 * B; here the nodes routing cares about are users (a message is for a user).
 */
import { numberOption } from './checks.js';

// Defaults are the values RFC 6693 §3.3 recommends.
/** Largest P_encounter, reached when the last meeting is at least I_typ ago. */
export const DEFAULT_P_ENCOUNTER_MAX = 0.7;
/** Predictability given to a user met for the first time (or again after it faded). */
export const DEFAULT_P_ENCOUNTER_FIRST = 0.5;
/** Below this an entry counts as never met; we also stop keeping it (see aged()). */
export const DEFAULT_P_FIRST_THRESHOLD = 0.1;
/** Weight of transitivity (how much a neighbour's predictabilities count). */
export const DEFAULT_BETA = 0.9;
/** Aging factor per time unit. */
export const DEFAULT_GAMMA = 0.999;
/** Keeps every predictability at or below 1 - delta, so aging can always lower it. */
export const DEFAULT_DELTA = 0.01;

/**
 * I_typ, the typical interval between meetings, in ms. The RFC leaves it to
 * the network. Laptops in one room drop and remake sessions all lesson long;
 * with a lesson-length I_typ those reconnections add little, while meeting
 * again in the next lesson or the next day counts in full.
 */
export const DEFAULT_I_TYP_MS = 30 * 60_000;
/**
 * The time unit K counts, in ms (the RFC leaves it to the application). With
 * gamma = 0.999 and 5 minutes, a predictability keeps 75% over a day and
 * about half over a weekend, and a user not met for about a week fades below
 * P_first_threshold: school routines are daily and weekly.
 */
export const DEFAULT_TIME_UNIT_MS = 5 * 60_000;

export interface ProphetParams {
  readonly pEncounterMax: number;
  readonly pEncounterFirst: number;
  readonly pFirstThreshold: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
  readonly iTypMs: number;
  readonly timeUnitMs: number;
}

export const PROPHET_PARAM_KEYS = ['pEncounterMax', 'pEncounterFirst', 'pFirstThreshold', 'beta', 'gamma', 'delta', 'iTypMs', 'timeUnitMs'] as const;

/** Largest I_typ or time unit accepted, in ms: a year. */
const MAX_INTERVAL_MS = 365 * 24 * 3600_000;

/** Reads the parameters from options, each defaulting to the RFC's value. */
export function prophetParams(o: Record<string, unknown>): ProphetParams {
  const delta = numberOption(o['delta'], 'delta', DEFAULT_DELTA, { min: 0, max: 0.5 });
  const pFirstThreshold = numberOption(o['pFirstThreshold'], 'pFirstThreshold', DEFAULT_P_FIRST_THRESHOLD, { min: 0, max: 1 - delta });
  return {
    pEncounterMax: numberOption(o['pEncounterMax'], 'pEncounterMax', DEFAULT_P_ENCOUNTER_MAX, { min: 0, max: 1, aboveMin: true }),
    // A first meeting must land at or above the threshold, or it would be forgotten at once.
    pEncounterFirst: numberOption(o['pEncounterFirst'], 'pEncounterFirst', DEFAULT_P_ENCOUNTER_FIRST, { min: Math.max(pFirstThreshold, Number.MIN_VALUE), max: 1 - delta }),
    pFirstThreshold,
    beta: numberOption(o['beta'], 'beta', DEFAULT_BETA, { min: 0, max: 1 }),
    gamma: numberOption(o['gamma'], 'gamma', DEFAULT_GAMMA, { min: 0, max: 1, aboveMin: true }),
    delta,
    iTypMs: numberOption(o['iTypMs'], 'iTypMs', DEFAULT_I_TYP_MS, { min: 1, max: MAX_INTERVAL_MS }),
    timeUnitMs: numberOption(o['timeUnitMs'], 'timeUnitMs', DEFAULT_TIME_UNIT_MS, { min: 1, max: MAX_INTERVAL_MS }),
  };
}

/**
 * P_encounter for a meeting `intervalMs` after the previous one (RFC 6693
 * §2.1.1): it grows linearly up to P_encounter_max over I_typ, so a link
 * that flaps does not pump the predictability up. An unknown interval (never
 * met directly, or a clock that went back) counts as a full one.
 */
export function pEncounter(intervalMs: number | undefined, prm: ProphetParams): number {
  if (intervalMs === undefined || intervalMs < 0 || intervalMs >= prm.iTypMs) return prm.pEncounterMax;
  return prm.pEncounterMax * (intervalMs / prm.iTypMs);
}

/**
 * Equation 1 (§2.1.1): on meeting B, P(A,B) moves towards 1 - delta by the
 * fraction P_encounter. An entry that is missing or below P_first_threshold
 * is a first meeting and starts at P_encounter_first instead.
 */
export function encountered(pOld: number | undefined, intervalMs: number | undefined, prm: ProphetParams): number {
  if (pOld === undefined || pOld < prm.pFirstThreshold) return prm.pEncounterFirst;
  return pOld + (1 - prm.delta - pOld) * pEncounter(intervalMs, prm);
}

/** Equation 2 (§2.1.1): aging by gamma^K for K elapsed time units. */
export function aged(p: number, units: number, prm: ProphetParams): number {
  return p * prm.gamma ** units;
}

/**
 * Equation 3 (§2.1.1), in the RFC's max form: what B knows about C raises
 * P(A,C) to P(A,B) × P(B,C) × beta, but never lowers it.
 */
export function transitive(pOld: number | undefined, pAB: number, pBC: number, prm: ProphetParams): number {
  return Math.max(pOld ?? 0, pAB * pBC * prm.beta);
}
