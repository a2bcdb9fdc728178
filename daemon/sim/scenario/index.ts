export { generateSchoolVillage, type SchoolVillageScenario } from './school-village.js';
export * from './params.js';
export { contactLines, messageLines, hostMapJson, relayPointMap } from './one-format.js';
export type { GeneratedContact } from './contact-book.js';
export type { GeneratedMessage } from './workload.js';
export type { HostInfo, HostRole, Population, Village } from './population.js';
export { timetable, isSchoolDay, SECONDS_PER_DAY, type Period } from './school.js';
