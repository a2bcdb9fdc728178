/**
 * Life at home. Siblings' laptops are in range all evening, and on days
 * without school all day. Homes of a neighbourhood visit each other now and
 * then: on a given day each pair of neighbouring homes meets with some
 * probability, for a while at a random time, all their children together.
 */
import type { ContactBook } from './contact-book.js';
import type { SchoolVillageParams } from './params.js';
import type { Population } from './population.js';
import type { Prng } from './prng.js';
import { SECONDS_PER_DAY, isSchoolDay, meetAll } from './school.js';

export function addHomeDay(book: ContactBook, pop: Population, p: SchoolVillageParams, rng: Prng, day: number): void {
  const dayS = day * SECONDS_PER_DAY;
  const fromS = dayS + (isSchoolDay(p, day) ? p.eveningStartHour : p.schoolStartHour) * 3600;
  const toS = dayS + p.eveningEndHour * 3600;
  const visitS = p.neighbourVisitMinutes * 60;
  for (const village of pop.villages) {
    for (const home of village.homes) meetAll(book, home, fromS, toS);
    for (const hood of village.neighbourhoods) {
      for (let i = 0; i < hood.length; i++) {
        for (let j = i + 1; j < hood.length; j++) {
          if (!rng.chance(p.neighbourVisitProbability)) continue;
          const startS = fromS + rng.next() * (toS - fromS - visitS);
          const together = [...(village.homes[hood[i] as number] ?? []), ...(village.homes[hood[j] as number] ?? [])];
          meetAll(book, together, startS, startS + visitS);
        }
      }
    }
  }
}
