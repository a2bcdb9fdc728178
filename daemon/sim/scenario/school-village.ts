/**
 * The built-in school-village scenario: several villages, each with a
 * school, joined by a data mule. It produces a contact trace and a message
 * workload for satchel's simulator (and for the ONE, in its external events
 * format), seeded and reproducible: the same parameters give byte-identical
 * files on any machine.
 *
 * The model, per village (parameter names in brackets; defaults and units
 * in params.ts):
 * - Hosts: one school server, the relay point [1 per village]; one
 *   teacher's laptop; [classroomsPerVillage] classrooms of
 *   [childrenPerClassroom] children. One mule [muleKind] serves all
 *   villages. See population.ts for the numbering.
 * - Days [days] start on a Monday at midnight; the first
 *   [schoolDaysPerWeek] of each week are school days.
 * - School (school.ts): children arrive over [arrivalWindowMinutes] before
 *   [schoolStartHour] and sync with the school server for
 *   [serverVisitMinutes], and again when they leave. Lessons
 *   [lessonMinutes] and breaks [breakMinutes] alternate for
 *   [schoolDayHours]. In a lesson each classroom works in groups of about
 *   [lessonGroupSize], reshuffled every lesson; group members are in
 *   contact for the whole lesson. In a break the school's children play in
 *   groups of about [breakGroupSize] across classrooms. The teacher's
 *   laptop spends each lesson in one classroom (in turn, so it meets every
 *   child each school day when there are as many lessons as classrooms),
 *   visiting the groups one after another; in breaks it is in range of the
 *   school server.
 * - Homes (homes.ts): children live in homes of 1 to [maxChildrenPerHome]
 *   siblings, from any classroom of the village. Siblings are in contact
 *   from [eveningStartHour] to [eveningEndHour] (all day on days without
 *   school); homes form neighbourhoods of [homesPerNeighbourhood], and each
 *   pair of neighbouring homes meets on a given day with probability
 *   [neighbourVisitProbability] for [neighbourVisitMinutes].
 * - Mule (mule.ts): every day it drives through the villages in order,
 *   stopping [muleStopMinutes] in range of each school server, with
 *   [muleTravelMinutes] between villages, leaving at [muleDepartureHour]
 *   and, with [mulePassesPerDay] = 2, coming back at [muleReturnHour];
 *   each trip leaves up to [muleJitterMinutes] early or late. Relay points
 *   meet each other only through the mule.
 * - Messages (workload.ts): [messagesPerChildPerDay] per child per day,
 *   mostly to classmates [classmateShare], some to cousins in other
 *   villages [cousinShare, cousinsPerChild], the rest to schoolmates; sizes
 *   by [sizeProfile]: text 40-400 B or drawing 10-60 kB.
 *
 * Not modelled: radio range and interference within a group (a contact is
 * all or nothing), laptops switched off or out of battery, teachers and
 * servers writing messages, holidays.
 */
import { ContactBook, type GeneratedContact } from './contact-book.js';
import { addHomeDay } from './homes.js';
import { addMuleDay } from './mule.js';
import { resolveParams, type SchoolVillageOptions, type SchoolVillageParams } from './params.js';
import { buildPopulation, type HostInfo, type Population } from './population.js';
import { substream } from './prng.js';
import { addSchoolDay, isSchoolDay } from './school.js';
import { generateMessages, type GeneratedMessage } from './workload.js';

/** Independent random streams, so one part's parameters never shift another part's draws. */
const STREAM = { population: 1, school: 2, homes: 3, mule: 4, messages: 5, sizes: 6 } as const;

export interface SchoolVillageScenario {
  readonly params: SchoolVillageParams;
  readonly hosts: readonly HostInfo[];
  readonly population: Population;
  /** Up and down events in time order; every up has its down. */
  readonly contacts: readonly GeneratedContact[];
  /** Messages in time order, ids M1, M2, ... */
  readonly messages: readonly GeneratedMessage[];
}

export function generateSchoolVillage(options?: SchoolVillageOptions): SchoolVillageScenario {
  const params = resolveParams(options);
  const population = buildPopulation(params, substream(params.seed, STREAM.population));
  const school = substream(params.seed, STREAM.school);
  const homes = substream(params.seed, STREAM.homes);
  const mule = substream(params.seed, STREAM.mule);
  const book = new ContactBook();
  for (let day = 0; day < params.days; day++) {
    if (isSchoolDay(params, day)) addSchoolDay(book, population, params, school, day);
    addHomeDay(book, population, params, homes, day);
    addMuleDay(book, population, params, mule, day);
  }
  const messages = generateMessages(population, params, substream(params.seed, STREAM.messages), substream(params.seed, STREAM.sizes));
  return { params, hosts: population.hosts, population, contacts: book.events(), messages };
}
