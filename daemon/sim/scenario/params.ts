/**
 * The school-village scenario's named parameters, their defaults and units,
 * and the checks that turn a caller's partial options into a complete,
 * consistent parameter set. Every mistake is an InvalidArgument naming the
 * parameter, raised before anything is generated.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import { checkOptionKeys, numberOption } from '../../routing/checks.js';
import { checkSeed } from './prng.js';

export const DEFAULT_SEED = 1;
export const DEFAULT_VILLAGES = 3;
export const DEFAULT_CLASSROOMS_PER_VILLAGE = 2;
export const DEFAULT_CHILDREN_PER_CLASSROOM = 20;
/** Simulated days, starting on a Monday at midnight (time 0). */
export const DEFAULT_DAYS = 3;
/** Days 0 to n-1 of each week are school days; the rest are weekend. */
export const DEFAULT_SCHOOL_DAYS_PER_WEEK = 5;
/** Hour of the day (0-24) when the first lesson starts. */
export const DEFAULT_SCHOOL_START_HOUR = 8;
/** Hours from the first lesson to the end of school. */
export const DEFAULT_SCHOOL_DAY_HOURS = 5;
export const DEFAULT_LESSON_MINUTES = 45;
export const DEFAULT_BREAK_MINUTES = 15;
/** Children per working group in a lesson; a group's laptops are in contact all lesson. */
export const DEFAULT_LESSON_GROUP_SIZE = 4;
/** Children per play group in a break, drawn from the whole school. */
export const DEFAULT_BREAK_GROUP_SIZE = 6;
/** Minutes before the first lesson over which children arrive. */
export const DEFAULT_ARRIVAL_WINDOW_MINUTES = 20;
/** Minutes a child's laptop stays in range of the school server on arriving and on leaving. */
export const DEFAULT_SERVER_VISIT_MINUTES = 10;
/** Hour of the day (0-24) when laptops are back on at home. */
export const DEFAULT_EVENING_START_HOUR = 16;
/** Hour of the day (0-24) when laptops at home go to sleep for the night. */
export const DEFAULT_EVENING_END_HOUR = 20;
export const DEFAULT_MAX_CHILDREN_PER_HOME = 3;
export const DEFAULT_HOMES_PER_NEIGHBOURHOOD = 3;
/** Chance (0-1) that two homes of a neighbourhood visit each other on a given evening. */
export const DEFAULT_NEIGHBOUR_VISIT_PROBABILITY = 0.5;
export const DEFAULT_NEIGHBOUR_VISIT_MINUTES = 45;
export const MULE_KINDS = ['bus', 'motorbike'] as const;
export type MuleKind = typeof MULE_KINDS[number];
export const DEFAULT_MULE_KIND: MuleKind = 'bus';
/** 1: one trip through the villages a day; 2: out in the morning and back in the afternoon. */
export const DEFAULT_MULE_PASSES_PER_DAY = 2;
/** Hour of the day (0-24) when the morning trip leaves the first village. */
export const DEFAULT_MULE_DEPARTURE_HOUR = 7;
/** Hour of the day (0-24) when the afternoon trip leaves the last village. */
export const DEFAULT_MULE_RETURN_HOUR = 15;
/** Minutes the mule stays in range of a village's school server per pass. */
export const DEFAULT_MULE_STOP_MINUTES = 10;
/** Minutes of road between two neighbouring villages. */
export const DEFAULT_MULE_TRAVEL_MINUTES = 30;
/** Largest lateness or earliness (minutes) of a trip's departure. */
export const DEFAULT_MULE_JITTER_MINUTES = 10;
/** Mean messages a child writes per day (fractions allowed: 0.5 is one every other day on average). */
export const DEFAULT_MESSAGES_PER_CHILD_PER_DAY = 4;
/** Share (0-1) of messages to a classmate. */
export const DEFAULT_CLASSMATE_SHARE = 0.75;
/** Share (0-1) of messages to a cousin in another village; the rest go to schoolmates of other classrooms. */
export const DEFAULT_COUSIN_SHARE = 0.1;
export const DEFAULT_COUSINS_PER_CHILD = 2;
/** Message sizes in bytes, uniform between the bounds (both included). */
export const SIZE_PROFILES = {
  text: { minBytes: 40, maxBytes: 400 },
  drawing: { minBytes: 10_000, maxBytes: 60_000 },
} as const;
export type SizeProfile = keyof typeof SIZE_PROFILES;
export const DEFAULT_SIZE_PROFILE: SizeProfile = 'text';

/** Bounds that keep a mistyped parameter from asking for a run that never ends. */
export const MAX_HOSTS = 20_000;
export const MAX_DAYS = 366;
export const MAX_MESSAGES = 5_000_000;

export interface SchoolVillageParams {
  readonly seed: number;
  readonly villages: number;
  readonly classroomsPerVillage: number;
  readonly childrenPerClassroom: number;
  readonly days: number;
  readonly schoolDaysPerWeek: number;
  readonly schoolStartHour: number;
  readonly schoolDayHours: number;
  readonly lessonMinutes: number;
  readonly breakMinutes: number;
  readonly lessonGroupSize: number;
  readonly breakGroupSize: number;
  readonly arrivalWindowMinutes: number;
  readonly serverVisitMinutes: number;
  readonly eveningStartHour: number;
  readonly eveningEndHour: number;
  readonly maxChildrenPerHome: number;
  readonly homesPerNeighbourhood: number;
  readonly neighbourVisitProbability: number;
  readonly neighbourVisitMinutes: number;
  readonly muleKind: MuleKind;
  readonly mulePassesPerDay: number;
  readonly muleDepartureHour: number;
  readonly muleReturnHour: number;
  readonly muleStopMinutes: number;
  readonly muleTravelMinutes: number;
  readonly muleJitterMinutes: number;
  readonly messagesPerChildPerDay: number;
  readonly classmateShare: number;
  readonly cousinShare: number;
  readonly cousinsPerChild: number;
  readonly sizeProfile: SizeProfile;
}

export type SchoolVillageOptions = Partial<SchoolVillageParams>;

export const DEFAULT_SCHOOL_VILLAGE: SchoolVillageParams = Object.freeze({
  seed: DEFAULT_SEED,
  villages: DEFAULT_VILLAGES,
  classroomsPerVillage: DEFAULT_CLASSROOMS_PER_VILLAGE,
  childrenPerClassroom: DEFAULT_CHILDREN_PER_CLASSROOM,
  days: DEFAULT_DAYS,
  schoolDaysPerWeek: DEFAULT_SCHOOL_DAYS_PER_WEEK,
  schoolStartHour: DEFAULT_SCHOOL_START_HOUR,
  schoolDayHours: DEFAULT_SCHOOL_DAY_HOURS,
  lessonMinutes: DEFAULT_LESSON_MINUTES,
  breakMinutes: DEFAULT_BREAK_MINUTES,
  lessonGroupSize: DEFAULT_LESSON_GROUP_SIZE,
  breakGroupSize: DEFAULT_BREAK_GROUP_SIZE,
  arrivalWindowMinutes: DEFAULT_ARRIVAL_WINDOW_MINUTES,
  serverVisitMinutes: DEFAULT_SERVER_VISIT_MINUTES,
  eveningStartHour: DEFAULT_EVENING_START_HOUR,
  eveningEndHour: DEFAULT_EVENING_END_HOUR,
  maxChildrenPerHome: DEFAULT_MAX_CHILDREN_PER_HOME,
  homesPerNeighbourhood: DEFAULT_HOMES_PER_NEIGHBOURHOOD,
  neighbourVisitProbability: DEFAULT_NEIGHBOUR_VISIT_PROBABILITY,
  neighbourVisitMinutes: DEFAULT_NEIGHBOUR_VISIT_MINUTES,
  muleKind: DEFAULT_MULE_KIND,
  mulePassesPerDay: DEFAULT_MULE_PASSES_PER_DAY,
  muleDepartureHour: DEFAULT_MULE_DEPARTURE_HOUR,
  muleReturnHour: DEFAULT_MULE_RETURN_HOUR,
  muleStopMinutes: DEFAULT_MULE_STOP_MINUTES,
  muleTravelMinutes: DEFAULT_MULE_TRAVEL_MINUTES,
  muleJitterMinutes: DEFAULT_MULE_JITTER_MINUTES,
  messagesPerChildPerDay: DEFAULT_MESSAGES_PER_CHILD_PER_DAY,
  classmateShare: DEFAULT_CLASSMATE_SHARE,
  cousinShare: DEFAULT_COUSIN_SHARE,
  cousinsPerChild: DEFAULT_COUSINS_PER_CHILD,
  sizeProfile: DEFAULT_SIZE_PROFILE,
});

const WHAT = 'school-village scenario';
const int = (min: number, max: number) => ({ min, max, integer: true });
const real = (min: number, max: number) => ({ min, max });
const bad = (message: string) => SatchelError.invalidArgument(`${WHAT}: ${message}`);

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw bad(`option ${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

/** Fills in defaults and checks every parameter and how they fit together. */
export function resolveParams(options?: SchoolVillageOptions): SchoolVillageParams {
  const o = checkOptionKeys(options, Object.keys(DEFAULT_SCHOOL_VILLAGE), WHAT);
  const d = DEFAULT_SCHOOL_VILLAGE;
  const num = (key: keyof SchoolVillageParams, range: { min: number; max: number; integer?: boolean }): number =>
    numberOption(o[key], key, d[key] as number, range);
  const p: SchoolVillageParams = {
    seed: o['seed'] === undefined ? d.seed : checkSeed(o['seed']),
    villages: num('villages', int(1, 1000)),
    classroomsPerVillage: num('classroomsPerVillage', int(1, 100)),
    childrenPerClassroom: num('childrenPerClassroom', int(2, 500)),
    days: num('days', int(1, MAX_DAYS)),
    schoolDaysPerWeek: num('schoolDaysPerWeek', int(0, 7)),
    schoolStartHour: num('schoolStartHour', real(0, 24)),
    schoolDayHours: num('schoolDayHours', real(0.25, 24)),
    lessonMinutes: num('lessonMinutes', real(1, 24 * 60)),
    breakMinutes: num('breakMinutes', real(0, 24 * 60)),
    lessonGroupSize: num('lessonGroupSize', int(2, 500)),
    breakGroupSize: num('breakGroupSize', int(2, 5000)),
    arrivalWindowMinutes: num('arrivalWindowMinutes', real(0, 24 * 60)),
    serverVisitMinutes: num('serverVisitMinutes', real(0, 24 * 60)),
    eveningStartHour: num('eveningStartHour', real(0, 24)),
    eveningEndHour: num('eveningEndHour', real(0, 24)),
    maxChildrenPerHome: num('maxChildrenPerHome', int(1, 20)),
    homesPerNeighbourhood: num('homesPerNeighbourhood', int(1, 100)),
    neighbourVisitProbability: num('neighbourVisitProbability', real(0, 1)),
    neighbourVisitMinutes: num('neighbourVisitMinutes', real(1, 24 * 60)),
    muleKind: oneOf(o['muleKind'], 'muleKind', MULE_KINDS, d.muleKind),
    mulePassesPerDay: num('mulePassesPerDay', int(1, 2)),
    muleDepartureHour: num('muleDepartureHour', real(0, 24)),
    muleReturnHour: num('muleReturnHour', real(0, 24)),
    muleStopMinutes: num('muleStopMinutes', real(1, 24 * 60)),
    muleTravelMinutes: num('muleTravelMinutes', real(0, 24 * 60)),
    muleJitterMinutes: num('muleJitterMinutes', real(0, 24 * 60)),
    messagesPerChildPerDay: num('messagesPerChildPerDay', real(0, 1000)),
    classmateShare: num('classmateShare', real(0, 1)),
    cousinShare: num('cousinShare', real(0, 1)),
    cousinsPerChild: num('cousinsPerChild', int(0, 100)),
    sizeProfile: oneOf(o['sizeProfile'], 'sizeProfile', Object.keys(SIZE_PROFILES) as SizeProfile[], d.sizeProfile),
  };
  checkFit(p);
  return p;
}

/** Totals of the population, also used to check the bounds. */
export function childCount(p: SchoolVillageParams): number {
  return p.villages * p.classroomsPerVillage * p.childrenPerClassroom;
}

/** Minutes from the mule's first stop starting to its last stop ending on one trip. */
export function muleTripMinutes(p: SchoolVillageParams): number {
  return p.villages * p.muleStopMinutes + (p.villages - 1) * p.muleTravelMinutes;
}

function checkFit(p: SchoolVillageParams): void {
  const hosts = childCount(p) + 2 * p.villages + 1;
  if (hosts > MAX_HOSTS) throw bad(`${hosts} hosts is more than the ${MAX_HOSTS} allowed; fewer villages, classrooms or children`);
  const messages = childCount(p) * p.days * p.messagesPerChildPerDay;
  if (messages > MAX_MESSAGES) throw bad(`about ${Math.round(messages)} messages is more than the ${MAX_MESSAGES} allowed`);
  if (p.classmateShare + p.cousinShare > 1) throw bad('classmateShare + cousinShare must be at most 1');
  const schoolEndMin = (p.schoolStartHour + p.schoolDayHours) * 60;
  if (p.schoolStartHour * 60 < p.arrivalWindowMinutes) throw bad('children would arrive before midnight: arrivalWindowMinutes is longer than the time before schoolStartHour');
  if (schoolEndMin > 24 * 60) throw bad('school must end by midnight: schoolStartHour + schoolDayHours is past 24');
  if (p.eveningEndHour <= p.eveningStartHour) throw bad('eveningEndHour must be after eveningStartHour');
  if (p.eveningStartHour * 60 < schoolEndMin) throw bad('eveningStartHour must not be before school ends (schoolStartHour + schoolDayHours)');
  if (p.neighbourVisitMinutes > (p.eveningEndHour - p.eveningStartHour) * 60) throw bad('neighbourVisitMinutes must fit in the evening');
  const trip = muleTripMinutes(p);
  const jitter = p.muleJitterMinutes;
  const firstLeaves = p.muleDepartureHour * 60;
  if (firstLeaves < jitter) throw bad('the mule could leave before midnight: muleJitterMinutes is longer than the time before muleDepartureHour');
  const lastTripLeaves = p.mulePassesPerDay === 2 ? p.muleReturnHour * 60 : firstLeaves;
  if (p.mulePassesPerDay === 2 && firstLeaves + jitter + trip > lastTripLeaves - jitter) {
    throw bad(`the morning trip (${trip} min through ${p.villages} villages, ±${jitter} min) must end before the return trip leaves`);
  }
  if (lastTripLeaves + jitter + trip > 24 * 60) {
    throw bad(`the mule's trip (${trip} min through ${p.villages} villages, ±${jitter} min) must end by midnight`);
  }
}
