/**
 * The data mule: a bus or motorbike that runs every day along the road
 * through the villages in order, stopping a few minutes at each, in range
 * of the school server there. With two passes a day it goes out in the
 * morning (village 0 first) and comes back in the afternoon (last village
 * first), so each village sees it twice; with one pass, once. Each trip
 * leaves a little early or late; the parameter checks make sure the trips
 * of one day never overlap and end by midnight.
 */
import type { ContactBook } from './contact-book.js';
import type { SchoolVillageParams } from './params.js';
import type { Population } from './population.js';
import type { Prng } from './prng.js';
import { SECONDS_PER_DAY } from './school.js';

export function addMuleDay(book: ContactBook, pop: Population, p: SchoolVillageParams, rng: Prng, day: number): void {
  const dayS = day * SECONDS_PER_DAY;
  const out = pop.villages.map((v) => v.relay);
  const trips: { leavesHour: number; relays: number[] }[] = [{ leavesHour: p.muleDepartureHour, relays: out }];
  if (p.mulePassesPerDay === 2) trips.push({ leavesHour: p.muleReturnHour, relays: out.slice().reverse() });
  const stopS = p.muleStopMinutes * 60;
  const legS = stopS + p.muleTravelMinutes * 60;
  for (const trip of trips) {
    const jitterS = (rng.next() * 2 - 1) * p.muleJitterMinutes * 60;
    const leavesS = dayS + trip.leavesHour * 3600 + jitterS;
    trip.relays.forEach((relay, i) => book.add(pop.mule, relay, leavesS + i * legS, leavesS + i * legS + stopS));
  }
}
