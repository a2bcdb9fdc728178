/**
 * What the beacon remembers of the room, to tell the schedule how to take
 * each beacon heard: from a laptop it knew ('known'), from one it did not
 * ('new': answer it), or the first one after hearing nobody for a while
 * ('back': we were out of range or the WLAN dropped, so the room may have
 * forgotten us). Every kind counts towards suppression.
 *
 * A map of last-heard times and no timers: stale entries are swept while
 * hearing, at most once per quarter of `forgetAfterMs`.
 */
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { BeaconSchedule } from './beacon-schedule.js';

/** Most laptops remembered, far beyond any classroom; past it strangers are not stored. */
export const BEACON_ROOM_MAX_NODES = 4_096;

export type Heard = 'known' | 'new' | 'back';

export interface BeaconRoomOptions {
  clock: Clock;
  /** A laptop unheard this long, in ms, is forgotten: hearing it again is 'new'. */
  forgetAfterMs: number;
  /** Hearing nobody for this long, in ms, makes the next beacon 'back'. */
  quietSpellMs: number;
  maxNodes?: number;
}

export interface BeaconRoom {
  hear(nodeIdHex: string): Heard;
  readonly size: number;
}

export function createBeaconRoom(opts: BeaconRoomOptions): BeaconRoom {
  const { clock, forgetAfterMs, quietSpellMs } = opts;
  const maxNodes = opts.maxNodes ?? BEACON_ROOM_MAX_NODES;
  const lastHeard = new Map<string, number>();
  let lastAny = -Infinity;
  let lastSweep = -Infinity;

  const sweep = (now: number): void => {
    lastSweep = now;
    for (const [id, at] of lastHeard) if (now - at >= forgetAfterMs) lastHeard.delete(id);
  };

  return {
    hear(id) {
      const now = clock.monotonic();
      const wasQuiet = lastHeard.size > 0 && now - lastAny >= quietSpellMs;
      lastAny = now;
      if (now - lastSweep >= forgetAfterMs / 4 || lastHeard.size >= maxNodes) sweep(now);
      if (!lastHeard.has(id)) {
        if (lastHeard.size < maxNodes) lastHeard.set(id, now);
        return wasQuiet ? 'back' : 'new';
      }
      lastHeard.set(id, now);
      return wasQuiet ? 'back' : 'known';
    },
    get size() { return lastHeard.size; },
  };
}

/** What the schedule is told of a beacon from `from`; counted under `beacon.<kind>` where it matters. */
export function steer(schedule: BeaconSchedule, from: string, heard: Heard, counters?: Counters): void {
  schedule.heard(from);
  if (heard === 'new') {
    counters?.bump('beacon.new_node');
    schedule.answer();
  } else if (heard === 'back') {
    counters?.bump('beacon.back');
    schedule.hurry();
  }
}
