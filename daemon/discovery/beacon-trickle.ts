/**
 * The quiet beacon schedule: Trickle (RFC 6206, section 4.2) adapted to
 * presence. Intervals double from Imin to Imax; a transmission point is
 * drawn in the second half of each interval; at that point the beacon is
 * suppressed if beacons from k different laptops were heard in the interval.
 * So a settled room sends about k beacons per interval whatever its size,
 * instead of one per laptop: OLPC's mesh broke at 15 to 40 laptops per room
 * from exactly that per-laptop chatter.
 *
 * Where this differs from plain Trickle, and why:
 * - A beacon carries only its sender's identity, so one laptop's beacon does
 *   not make another's redundant the way one copy of shared data does. Two
 *   additions restore what presence needs:
 *   - answer(): a laptop we never heard learns of us only from our own
 *     beacon, so on hearing one we send ours soon, unsuppressed. A newcomer
 *     thus hears every laptop within about Imin, at the price of one beacon
 *     per laptop present per arrival (simulated, a room of 50 where one
 *     laptop leaves and one arrives every two minutes sends about 0.6
 *     beacons a second rather than 0.45). The room does not also reset its
 *     intervals: that would add about k·log2(Imax/Imin) beacons per arrival
 *     and tell the newcomer nothing it lacks.
 *   - a silence bound: however busy the room, a laptop sends at least once
 *     per maxSilenceMs, so a neighbour table that expires after a few such
 *     bounds never drops a laptop that is merely being polite. It is what
 *     makes the room's rate grow again, slowly, past about
 *     k·maxSilenceMs/Imax laptops (48 with the defaults).
 * - hurry() is Trickle's reset (to Imin, new interval) plus one early beacon,
 *   for inconsistencies of our own: our epoch or session port changed, our
 *   links changed, or we came back after hearing nobody for a while.
 * - refresh() is the same reset with the beacon sent at once, for a laptop
 *   waking from sleep: its neighbours should know it is back now.
 * - Early beacons (answers, hurries) are at least Imin apart, so a burst of
 *   arrivals costs each laptop at most one extra beacon per Imin.
 *
 * One timer for everything, aimed at the next of: the transmission point,
 * the interval's end, a pending early beacon. Nothing per peer.
 */
import type { Clock, TimerHandle } from '../util/clock.js';
import type { RandomBytes } from '../util/random.js';
import { unitInterval, type BeaconSchedule } from './beacon-schedule.js';

/** Shortest interval, in ms: how soon a change of ours is repeated, and the spread of answers. */
export const BEACON_IMIN_MS = 1_000;
/**
 * Longest interval, in ms (Imin doubled three times). Also sets how long a
 * laptop must hear nobody before it counts as back in a room (twice this),
 * which keeps that near the 11 to 16 s after which its sessions have died.
 */
export const BEACON_IMAX_MS = 8_000;
/** Trickle's k: laptops heard in an interval that make our beacon redundant. */
export const BEACON_REDUNDANCY = 2;
/**
 * Longest a laptop stays quiet however busy the room, in ms: 24 longest
 * intervals, 192 s. Room traffic stays nearly flat to about 50 laptops and
 * then grows by about one beacon per laptop per 192 s (about one a second
 * for 200 laptops). With sixteen, a simulated room of 50 sent 1.7 to 2
 * times what 10 did, too steep; 32 would be flatter still, but this is also
 * how far apart a laptop's beacons can be, which sets the neighbour timeout
 * and how long a dropped session waits for a beacon to redial on.
 */
export const BEACON_MAX_SILENCE_MS = 24 * BEACON_IMAX_MS;

export interface TrickleParams {
  iminMs: number;
  imaxMs: number;
  /** k; Infinity never suppresses. */
  redundancy: number;
  /** At least 2 × imaxMs. */
  maxSilenceMs: number;
}

export const DEFAULT_TRICKLE: Readonly<TrickleParams> = Object.freeze({
  iminMs: BEACON_IMIN_MS, imaxMs: BEACON_IMAX_MS, redundancy: BEACON_REDUNDANCY, maxSilenceMs: BEACON_MAX_SILENCE_MS,
});

export interface TrickleScheduleOptions {
  clock: Clock;
  random: RandomBytes;
  params: TrickleParams;
  send: () => void;
  /** Called at a transmission point where the beacon was suppressed. */
  quiet?: () => void;
  /**
   * Called at every wake-up that sent nothing (a suppressed point, an
   * interval's end): at least once per Imax, so the caller can look at its
   * links without a timer of its own.
   */
  wake?: () => void;
}

export function createTrickleSchedule(opts: TrickleScheduleOptions): BeaconSchedule {
  const { clock, random, send } = opts;
  const { iminMs, imaxMs, redundancy, maxSilenceMs } = opts.params;
  let running = false;
  let size = iminMs;
  let ends = 0;
  let pointAt = 0;
  let decided = true;
  /** Laptops heard in this interval, up to k: Trickle's c is its length. */
  let speakers: string[] = [];
  let sentInInterval = false;
  let lastSentAt = -Infinity;
  let earlyAt = Infinity;
  let timer: TimerHandle | undefined;
  let timerAt = Infinity;

  const begin = (now: number): void => {
    ends = now + size;
    pointAt = now + size / 2 + (size / 2) * unitInterval(random);
    decided = false;
    speakers = [];
    sentInInterval = false;
  };

  const arm = (): void => {
    const next = Math.min(decided ? Infinity : pointAt, ends, earlyAt);
    if (next === timerAt && timer !== undefined) return;
    timer?.cancel();
    timerAt = next;
    timer = clock.setTimeout(fire, Math.max(0, next - clock.monotonic()));
  };

  /**
   * Were we to keep quiet now, the next point could come this late: too
   * late? (Drawing this deadline at random, to keep laptops that all
   * answered one newcomer from being forced to speak together a bound
   * later, was tried: it only added forced beacons.)
   */
  const silenceDue = (): boolean => ends + Math.min(2 * size, imaxMs) - lastSentAt > maxSilenceMs;

  function fire(): void {
    timer = undefined;
    timerAt = Infinity;
    if (!running) return;
    const now = clock.monotonic();
    let sending = false;
    let suppressed = false;
    if (earlyAt <= now) {
      earlyAt = Infinity;
      sending = true;
    }
    if (!decided && pointAt <= now) {
      decided = true;
      // An early beacon in this interval already told the room we are here.
      if (!sending && !sentInInterval) {
        if (speakers.length < redundancy || silenceDue()) sending = true;
        else suppressed = true;
      }
    }
    if (sending) {
      lastSentAt = now;
      sentInInterval = true;
      // Whatever made us send, a pending early beacon has been given.
      earlyAt = Infinity;
    }
    if (ends <= now) {
      size = Math.min(2 * size, imaxMs);
      begin(now);
    }
    // Armed before the callbacks, which may call hurry() or answer() back.
    arm();
    if (sending) {
      send();
      return;
    }
    if (suppressed) opts.quiet?.();
    opts.wake?.();
  }

  const early = (spread: boolean): void => {
    if (!running || earlyAt !== Infinity) return;
    const now = clock.monotonic();
    earlyAt = Math.max(spread ? now + iminMs * unitInterval(random) : now, lastSentAt + iminMs);
    arm();
  };

  return {
    start() {
      if (running) return;
      running = true;
      const now = clock.monotonic();
      // RFC 6206 rule 1: the first interval anywhere in [Imin, Imax]. Laptops
      // switched on together would otherwise keep their intervals in step for
      // as long as they run. The first beacon goes out at once all the same,
      // and a newcomer repeats itself soon by answering the room.
      size = iminMs + (imaxMs - iminMs) * unitInterval(random);
      begin(now);
      lastSentAt = now;
      sentInInterval = true;
      arm();
      send();
    },
    heard(from) {
      if (running && speakers.length < redundancy && !speakers.includes(from)) speakers.push(from);
    },
    // Spread over Imin: every laptop in the room answers the same newcomer.
    answer: () => early(true),
    hurry() {
      if (!running) return;
      // RFC 6206 rule 6: a reset while at Imin does not restart the interval.
      if (size > iminMs) {
        size = iminMs;
        begin(clock.monotonic());
      }
      early(true);
    },
    refresh() {
      if (!running) return;
      // Not hurry(): that waits at least Imin after our last beacon, and the
      // monotonic clock stood still while we slept, so "last" may look recent.
      const now = clock.monotonic();
      size = iminMs;
      begin(now);
      lastSentAt = now;
      sentInInterval = true;
      earlyAt = Infinity;
      arm();
      send();
    },
    close() {
      running = false;
      timer?.cancel();
      timer = undefined;
      timerAt = Infinity;
      earlyAt = Infinity;
    },
  };
}
