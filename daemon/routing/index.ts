/**
 * Routing: which messages to hand to which neighbour, and how many copies go
 * with them. One interface (strategy.ts), several strategies that can be
 * compared, and relay-point routing wrapped around whichever is chosen.
 *
 * The default is encounter-spray, chosen from the simulator's report
 * (docs/simulation-report.md; `npm run sim:report`). In the school village
 * it delivers 78.9% of messages where epidemic routing delivers 79.3% (and
 * perfect foresight could not do much better: what is left was written too
 * late to travel), for about 3 transfers per delivered message instead of
 * 35, and a twentieth of the bytes on the air when the messages are
 * drawings. On the Helsinki-like trace it is the best delivery within the
 * overhead ratio of 5 that issue 7 sets (0.91 at 4.9; epidemic 1.00 at
 * 106). No strategy reached that 0.98 at 5 there, and the report
 * shows why: the paths exist, but nothing a laptop can know picks them out.
 * The copy budget also answers the risk Spyropoulos et al. measured, of
 * epidemic routing collapsing under contention: a message has at most six
 * holders however crowded the room (and the relay points on its way).
 *
 * What it costs: epidemic routing arrives sooner (in the village a median
 * of about an hour against two and a half), a chain of carriers that each
 * meet only the next ends after two of them (6 copies, then 3, then 1),
 * and a laptop that has met fewer others than the sender gets no copy, so
 * in a handful of new laptops fewer of them carry. Places where laptops
 * meet only in a line, or where speed matters more than the radio, can set
 * routing.strategy = epidemic. Relay points do much of the work in a
 * village either way (relay-points.ts).
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
export const DEFAULT_STRATEGY: StrategyName = ENCOUNTER_SPRAY;

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
