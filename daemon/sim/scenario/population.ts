/**
 * Who lives in the scenario: the hosts, numbered from 0 the way the ONE
 * numbers them, what role each plays, and the relationships that decide
 * who meets whom (classrooms, homes, neighbourhoods) and who writes to whom
 * (cousins in other villages).
 *
 * Hosts are numbered village by village: the school server (relay point),
 * the teacher's laptop, then the children classroom by classroom; the mule
 * comes last. Numbering never depends on the seed, so a host id means the
 * same role in every run with the same sizes.
 */
import type { Prng } from './prng.js';
import type { MuleKind, SchoolVillageParams } from './params.js';

export type HostRole = 'relay' | 'teacher' | 'child' | 'mule';

export interface HostInfo {
  readonly host: number;
  readonly role: HostRole;
  /** Readable name for reports, e.g. "v1-c0-k07" for child 7 of classroom 0 in village 1. */
  readonly label: string;
  readonly village?: number;
  readonly classroom?: number;
  /** Home (numbered across all villages) of a child. */
  readonly home?: number;
  readonly muleKind?: MuleKind;
}

export interface Village {
  readonly index: number;
  readonly relay: number;
  readonly teacher: number;
  /** Children of each classroom, by host id. */
  readonly classrooms: readonly (readonly number[])[];
  readonly children: readonly number[];
  /** Children of each home, by host id. */
  readonly homes: readonly (readonly number[])[];
  /** Homes of each neighbourhood, as indices into `homes`. */
  readonly neighbourhoods: readonly (readonly number[])[];
}

export interface Population {
  readonly hosts: readonly HostInfo[];
  readonly villages: readonly Village[];
  readonly mule: number;
  /** For each child, the children in other villages it writes to as cousins. */
  readonly cousins: ReadonlyMap<number, readonly number[]>;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function buildPopulation(p: SchoolVillageParams, rng: Prng): Population {
  const hosts: HostInfo[] = [];
  const villages: Village[] = [];
  let next = 0;
  let homeBase = 0;
  for (let v = 0; v < p.villages; v++) {
    const relay = next++;
    hosts.push({ host: relay, role: 'relay', label: `v${v}-server`, village: v });
    const teacher = next++;
    hosts.push({ host: teacher, role: 'teacher', label: `v${v}-teacher`, village: v });
    const classrooms: number[][] = [];
    for (let c = 0; c < p.classroomsPerVillage; c++) {
      const room: number[] = [];
      for (let k = 0; k < p.childrenPerClassroom; k++) room.push(next++);
      classrooms.push(room);
    }
    const children = classrooms.flat();
    const homes = splitIntoHomes(children, p.maxChildrenPerHome, rng);
    const homeOf = new Map<number, number>();
    homes.forEach((home, h) => { for (const child of home) homeOf.set(child, homeBase + h); });
    classrooms.forEach((room, c) => room.forEach((child, k) => {
      hosts.push({ host: child, role: 'child', label: `v${v}-c${c}-k${pad(k)}`, village: v, classroom: c, home: homeOf.get(child) ?? -1 });
    }));
    const neighbourhoods: number[][] = [];
    for (let h = 0; h < homes.length; h += p.homesPerNeighbourhood) {
      neighbourhoods.push(homes.slice(h, h + p.homesPerNeighbourhood).map((_, i) => h + i));
    }
    homeBase += homes.length;
    villages.push({ index: v, relay, teacher, classrooms, children, homes, neighbourhoods });
  }
  const mule = next;
  hosts.push({ host: mule, role: 'mule', label: p.muleKind, muleKind: p.muleKind });
  return { hosts, villages, mule, cousins: chooseCousins(villages, p.cousinsPerChild, rng) };
}

/**
 * Homes of one to `maxPerHome` children, drawn from the whole village after
 * a shuffle, so that siblings are usually in different classrooms and carry
 * messages between them in the evening.
 */
function splitIntoHomes(children: readonly number[], maxPerHome: number, rng: Prng): number[][] {
  const order = rng.shuffled(children);
  const homes: number[][] = [];
  for (let i = 0; i < order.length;) {
    const size = rng.int(1, maxPerHome);
    homes.push(order.slice(i, i + size).sort((a, b) => a - b));
    i += size;
  }
  return homes;
}

/** Each child's cousins: distinct children of other villages; none when there is one village. */
function chooseCousins(villages: readonly Village[], perChild: number, rng: Prng): Map<number, number[]> {
  const cousins = new Map<number, number[]>();
  for (const village of villages) {
    const elsewhere = villages.filter((v) => v.index !== village.index).flatMap((v) => v.children);
    for (const child of village.children) {
      const chosen = new Set<number>();
      const want = Math.min(perChild, elsewhere.length);
      while (chosen.size < want) chosen.add(rng.pick(elsewhere));
      cousins.set(child, [...chosen].sort((a, b) => a - b));
    }
  }
  return cousins;
}
