/**
 * The message workload: what the children write. Each child writes on
 * average `messagesPerChildPerDay` messages a day (the whole part every
 * day, the fraction as a coin toss), at uniformly random times while
 * laptops are awake (from the start of school to the end of the evening),
 * on school days and weekends alike. A message goes to a classmate with
 * probability `classmateShare`, to one of the child's cousins in another
 * village with probability `cousinShare`, and otherwise to a schoolmate in
 * another classroom of the same village. A share whose recipients do not
 * exist (one village: no cousins; one classroom: no other classrooms) falls
 * to schoolmates, then to classmates.
 *
 * Recipients and times come from one random stream and sizes from another,
 * so a text and a drawing workload with the same seed are the same
 * messages, only bigger.
 */
import type { SchoolVillageParams } from './params.js';
import { SIZE_PROFILES } from './params.js';
import type { Population } from './population.js';
import type { Prng } from './prng.js';
import { SECONDS_PER_DAY } from './school.js';

export interface GeneratedMessage {
  /** Seconds since the start of the scenario. */
  readonly timeS: number;
  /** "M1", "M2", ... in order of creation time. */
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly sizeBytes: number;
}

interface Draft { timeS: number; from: number; to: number; order: number }

export function generateMessages(pop: Population, p: SchoolVillageParams, pick: Prng, sizes: Prng): GeneratedMessage[] {
  const drafts: Draft[] = [];
  const whole = Math.floor(p.messagesPerChildPerDay);
  const fraction = p.messagesPerChildPerDay - whole;
  const awakeFromS = p.schoolStartHour * 3600;
  const awakeS = p.eveningEndHour * 3600 - awakeFromS;
  for (let day = 0; day < p.days; day++) {
    for (const village of pop.villages) {
      village.classrooms.forEach((room, c) => {
        const others = village.classrooms.filter((_, i) => i !== c).flat();
        for (const child of room) {
          const count = whole + (pick.chance(fraction) ? 1 : 0);
          for (let m = 0; m < count; m++) {
            const timeS = Math.round(day * SECONDS_PER_DAY + awakeFromS + pick.next() * awakeS);
            const to = chooseRecipient(child, room, others, pop.cousins.get(child) ?? [], p, pick);
            drafts.push({ timeS, from: child, to, order: drafts.length });
          }
        }
      });
    }
  }
  drafts.sort((x, y) => x.timeS - y.timeS || x.order - y.order);
  const { minBytes, maxBytes } = SIZE_PROFILES[p.sizeProfile];
  return drafts.map((d, i) => ({ timeS: d.timeS, id: `M${i + 1}`, from: d.from, to: d.to, sizeBytes: sizes.int(minBytes, maxBytes) }));
}

function chooseRecipient(
  child: number, room: readonly number[], others: readonly number[], cousins: readonly number[], p: SchoolVillageParams, rng: Prng,
): number {
  const r = rng.next();
  const classmates = room.filter((k) => k !== child);
  if (r < p.classmateShare) return rng.pick(classmates);
  if (r < p.classmateShare + p.cousinShare && cousins.length > 0) return rng.pick(cousins);
  return rng.pick(others.length > 0 ? others : classmates);
}
