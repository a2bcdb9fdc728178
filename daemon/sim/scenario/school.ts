/**
 * A school day in each village: arriving, lessons, breaks and leaving.
 * Children meet in small groups, not everyone with everyone: in a lesson a
 * classroom works in groups (new groups each lesson), in a break the whole
 * school plays in groups. The teacher's laptop spends each lesson in one
 * classroom and visits its groups in turn; in breaks it sits in the staff
 * room in range of the school server. Children's laptops sync with the
 * school server for a few minutes when they arrive and when they leave.
 */
import type { ContactBook } from './contact-book.js';
import type { SchoolVillageParams } from './params.js';
import type { Population, Village } from './population.js';
import type { Prng } from './prng.js';

export const SECONDS_PER_DAY = 86_400;
const MIN = 60;

export interface Period {
  readonly kind: 'lesson' | 'break';
  /** Minutes since midnight. */
  readonly startMin: number;
  readonly endMin: number;
}

/** Lessons and breaks in turn from the start of school to its end; the last period is cut short to fit. */
export function timetable(p: SchoolVillageParams): Period[] {
  const periods: Period[] = [];
  const end = (p.schoolStartHour + p.schoolDayHours) * 60;
  let t = p.schoolStartHour * 60;
  let kind: Period['kind'] = 'lesson';
  while (t < end) {
    const length = kind === 'lesson' ? p.lessonMinutes : p.breakMinutes;
    if (length > 0) {
      periods.push({ kind, startMin: t, endMin: Math.min(end, t + length) });
      t += length;
    }
    kind = kind === 'lesson' ? 'break' : 'lesson';
  }
  return periods;
}

/** Day 0 is a Monday; the first `schoolDaysPerWeek` days of each week are school days. */
export function isSchoolDay(p: SchoolVillageParams, day: number): boolean {
  return day % 7 < p.schoolDaysPerWeek;
}

/**
 * Deals children into ceil(n / size) groups round-robin, so groups differ by
 * at most one child and nobody is left alone in a group of one.
 */
export function dealGroups(children: readonly number[], size: number): number[][] {
  const count = Math.max(1, Math.ceil(children.length / size));
  const groups: number[][] = Array.from({ length: count }, () => []);
  children.forEach((child, i) => groups[i % count]?.push(child));
  return groups;
}

/** Every pair of a group in range from `startS` to `endS`. */
export function meetAll(book: ContactBook, group: readonly number[], startS: number, endS: number): void {
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) book.add(group[i] as number, group[j] as number, startS, endS);
  }
}

export function addSchoolDay(book: ContactBook, pop: Population, p: SchoolVillageParams, rng: Prng, day: number): void {
  const dayS = day * SECONDS_PER_DAY;
  const periods = timetable(p);
  for (const village of pop.villages) {
    addComingAndGoing(book, village, p, rng, dayS);
    let lesson = 0;
    for (const period of periods) {
      const startS = dayS + period.startMin * MIN;
      const endS = dayS + period.endMin * MIN;
      if (period.kind === 'lesson') {
        addLesson(book, village, rng, startS, endS, (lesson + day) % village.classrooms.length, p.lessonGroupSize);
        lesson++;
      } else {
        for (const group of dealGroups(rng.shuffled(village.children), p.breakGroupSize)) meetAll(book, group, startS, endS);
        book.add(village.teacher, village.relay, startS, endS);
      }
    }
  }
}

function addComingAndGoing(book: ContactBook, village: Village, p: SchoolVillageParams, rng: Prng, dayS: number): void {
  const visitS = p.serverVisitMinutes * MIN;
  const windowS = p.arrivalWindowMinutes * MIN;
  const startS = dayS + p.schoolStartHour * 3600;
  const endS = dayS + (p.schoolStartHour + p.schoolDayHours) * 3600;
  for (const child of village.children) {
    const arrives = startS - rng.next() * windowS;
    book.add(child, village.relay, arrives, arrives + visitS);
    const leaves = endS + rng.next() * windowS;
    book.add(child, village.relay, leaves, leaves + visitS);
  }
}

function addLesson(
  book: ContactBook, village: Village, rng: Prng, startS: number, endS: number, teacherRoom: number, groupSize: number,
): void {
  village.classrooms.forEach((room, c) => {
    const groups = dealGroups(rng.shuffled(room), groupSize);
    for (const group of groups) meetAll(book, group, startS, endS);
    if (c !== teacherRoom) return;
    const visitS = (endS - startS) / groups.length;
    groups.forEach((group, g) => {
      for (const child of group) book.add(village.teacher, child, startS + g * visitS, startS + (g + 1) * visitS);
    });
  });
}
