/**
 * The scenario generator's own seeded random numbers. util/random.ts gives
 * bytes; the generator needs uniform floats, integers, picks and shuffles,
 * and needs them identical on every machine and Node version, which
 * Math.random cannot promise. The state is one 32-bit counter advanced by
 * the golden-ratio step and scrambled by a multiply-xorshift finaliser, so
 * any seed, including 0, gives a full-period stream.
 */
import { SatchelError } from '../../errors/satchel-error.js';

const GOLDEN_STEP = 0x9e3779b9;
const TWO_TO_32 = 0x1_0000_0000;

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher-Yates), the input left alone. */
  shuffled<T>(items: readonly T[]): T[];
}

export function checkSeed(seed: unknown): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= TWO_TO_32) {
    throw SatchelError.invalidArgument(`seed must be an integer from 0 to ${TWO_TO_32 - 1}, got ${String(seed)}`);
  }
  return seed;
}

export function createPrng(seed: number): Prng {
  let state = checkSeed(seed);
  const next = (): number => {
    state = (state + GOLDEN_STEP) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z = (z ^ (z >>> 15)) >>> 0;
    return z / TWO_TO_32;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw SatchelError.invalidArgument('cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    shuffled: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
  };
}

/**
 * An independent stream for one concern of the scenario (contacts, message
 * times, sizes), so that changing, say, the size profile leaves the contact
 * trace and the recipients exactly as they were: text and drawing runs then
 * compare on the same meetings.
 */
export function substream(seed: number, stream: number): Prng {
  const mixed = createPrng((checkSeed(seed) ^ Math.imul(stream + 1, 0x632be5ab)) >>> 0);
  return createPrng(Math.floor(mixed.next() * TWO_TO_32));
}
