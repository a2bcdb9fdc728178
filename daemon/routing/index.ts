/**
 * Routing: which messages to hand to which neighbour, and how many copies go
 * with them. One interface (strategy.ts), several strategies that can be
 * compared, and relay-point routing wrapped around whichever is chosen.
 *
 * The default until the simulator has measured them: epidemic, with its hop
 * limit, wrapped in relay-point routing. For a village of school laptops
 * delivery matters most, and epidemic routing delivers by the fastest path
 * there is. Its usual costs are paid for elsewhere here: delivery proofs
 * purge carried copies everywhere once a message arrives, carried messages
 * are bounded by per-sender and total quotas, and text messages are small
 * next to what a WLAN moves during one lesson. Spray-and-wait spends fewer
 * copies but can strand a message on a few laptops that never meet its
 * recipient; PRoPHET forwards only towards users somebody has already met, so
 * it learns slowly in a new class and after the holidays. The risk is the one
 * Spyropoulos et al. measured: epidemic routing collapses under heavy
 * contention, as attachments in a crowded room might cause. The simulator
 * should settle that.
 */
import { SatchelError } from '../errors/satchel-error.js';
import { createDirect, DIRECT } from './direct.js';
import { createEncounterSpray, ENCOUNTER_SPRAY } from './encounter-spray.js';
import { createEpidemic, EPIDEMIC } from './epidemic.js';
import { createProphet, PROPHET } from './prophet.js';
import { createProphetSpray, PROPHET_SPRAY } from './prophet-spray.js';
import { baseSnapshotOf, RELAY_POINT_OPTION_KEYS, withRelayPoints, type RelayPointOptions } from './relay-points.js';
import { createSprayAndWait, SPRAY_AND_WAIT } from './spray-and-wait.js';
import type { RoutingStrategy } from './strategy.js';

export * from './strategy.js';
export { createDirect, DIRECT } from './direct.js';
export { createEpidemic, DEFAULT_EPIDEMIC_HOP_LIMIT, EPIDEMIC, type EpidemicOptions } from './epidemic.js';
export { createSprayAndWait, DEFAULT_SPRAY_COPIES, SPRAY_AND_WAIT, type SprayAndWaitOptions } from './spray-and-wait.js';
export { createProphet, PROPHET, type ProphetOptions, type ProphetStrategy } from './prophet.js';
export { createProphetSpray, DEFAULT_PROPHET_SPRAY_COPIES, PROPHET_SPRAY, type ProphetSprayOptions } from './prophet-spray.js';
export { createEncounterSpray, DEFAULT_ENCOUNTER_SPRAY_COPIES, ENCOUNTER_SPRAY, type EncounterSprayOptions } from './encounter-spray.js';
export { createEncounterMeter, encounterScale, type EncounterMeter } from './encounter-rate.js';
export * from './prophet-math.js';
export { createRelayTable, PLACE_UNREACHABLE, type PlaceRoute, type RelayTable, type RelayTableOptions } from './relay-table.js';
export { baseSnapshotOf, RELAY_POINTS_SUFFIX, withRelayPoints, type RelayPointOptions } from './relay-points.js';

export const ROUTING_STRATEGY_NAMES = [DIRECT, EPIDEMIC, SPRAY_AND_WAIT, PROPHET, PROPHET_SPRAY, ENCOUNTER_SPRAY] as const;
export type StrategyName = (typeof ROUTING_STRATEGY_NAMES)[number];
export const DEFAULT_STRATEGY: StrategyName = EPIDEMIC;

export function isStrategyName(name: unknown): name is StrategyName {
  return typeof name === 'string' && (ROUTING_STRATEGY_NAMES as readonly string[]).includes(name);
}

export interface CreateStrategyOptions extends Omit<RelayPointOptions, 'snapshot'> {
  /** From a previous snapshot(); unusable state is ignored. */
  snapshot?: unknown;
  /** Wrap in relay-point routing (default true); false gives the bare strategy, for comparisons. */
  relayRouting?: boolean;
  /** Options of the named strategy (see its factory); options of another strategy are an error. */
  strategy?: Record<string, unknown>;
}

const FACTORIES: Record<StrategyName, (o: Record<string, unknown>) => RoutingStrategy> = {
  [DIRECT]: createDirect,
  [EPIDEMIC]: createEpidemic,
  [SPRAY_AND_WAIT]: createSprayAndWait,
  [PROPHET]: createProphet,
  [PROPHET_SPRAY]: createProphetSpray,
  [ENCOUNTER_SPRAY]: createEncounterSpray,
};

export function createStrategy(name: string, options: CreateStrategyOptions = {}): RoutingStrategy {
  if (!isStrategyName(name)) {
    throw SatchelError.config('routing.strategy', `unknown strategy ${JSON.stringify(String(name).slice(0, 40))}; known: ${ROUTING_STRATEGY_NAMES.join(', ')}`);
  }
  if (typeof options !== 'object' || options === null) throw SatchelError.invalidArgument('createStrategy options must be an object');
  const { snapshot, relayRouting, strategy, ...relay } = options;
  if (relayRouting !== undefined && typeof relayRouting !== 'boolean') throw SatchelError.invalidArgument('option relayRouting must be a boolean');
  if (strategy !== undefined && (typeof strategy !== 'object' || strategy === null)) throw SatchelError.invalidArgument('option strategy must be an object');
  for (const key of Object.keys(relay)) {
    if (!(RELAY_POINT_OPTION_KEYS as readonly string[]).includes(key)) throw SatchelError.invalidArgument(`createStrategy has no option ${JSON.stringify(key)}`);
  }
  const base = FACTORIES[name]({ ...strategy, snapshot: baseSnapshotOf(snapshot) });
  if (relayRouting === false) return base;
  return withRelayPoints(base, { ...relay, snapshot });
}
