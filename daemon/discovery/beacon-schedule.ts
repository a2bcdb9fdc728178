/**
 * When to send a beacon, kept apart from the sockets. The daemon uses the
 * Trickle schedule (beacon-trickle.ts). This file holds the interface and
 * the plain periodic schedule: one beacon per laptop per interval, with
 * jitter, deaf to the room. It is the yardstick the quiet schedule is
 * measured against (scripts/bench/beacon-room.mjs) and a fallback to
 * compare with if suppression ever misbehaves on some link.
 *
 * Either way: one timer for the whole beacon; nothing per peer.
 */
import type { Clock, TimerHandle } from '../util/clock.js';
import type { RandomBytes } from '../util/random.js';

/**
 * Each interval is stretched or shrunk by up to this fraction, so laptops
 * switched on together (a class starting) do not stay in lockstep and
 * collide on the air every round.
 */
export const BEACON_JITTER_FRACTION = 0.2;
/**
 * Minimum time between two beacons when `hurry()` asks for an early one, in
 * milliseconds; a burst of epoch bumps (many messages arriving) becomes at
 * most one extra beacon per this gap.
 */
export const BEACON_MIN_GAP_MS = 1_000;

export interface BeaconSchedule {
  /** Sends at once, then keeps sending on schedule. */
  start(): void;
  /**
   * A beacon from laptop `from` was heard. Trickle counts distinct laptops
   * per interval, so the two copies of one beacon (IPv4 and IPv6), however
   * far apart they arrive, count once.
   */
  heard(from: string): void;
  /** A laptop we did not know was heard: it should hear us soon. Coalesced. */
  answer(): void;
  /** Something of ours changed, or we came back: tell the room soon. Coalesced. */
  hurry(): void;
  /**
   * Back from sleep: send now, and start over as if just started at the
   * shortest interval. Neighbours may have forgotten us, and we them.
   */
  refresh(): void;
  close(): void;
}

export interface PeriodicScheduleOptions {
  clock: Clock;
  random: RandomBytes;
  intervalMs: number;
  send: () => void;
}

/** Uniform in [0, 1) from four random bytes. */
export function unitInterval(random: RandomBytes): number {
  const b = random(4);
  const u32 = (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
  return u32 / 2 ** 32;
}

export function createPeriodicSchedule(opts: PeriodicScheduleOptions): BeaconSchedule {
  const { clock, random, intervalMs, send } = opts;
  const minGapMs = Math.min(BEACON_MIN_GAP_MS, intervalMs);
  let timer: TimerHandle | undefined;
  let dueAt = Infinity;
  let lastSentAt = -Infinity;
  let running = false;

  const arm = (delayMs: number): void => {
    timer?.cancel();
    dueAt = clock.monotonic() + delayMs;
    timer = clock.setTimeout(fire, delayMs);
  };

  const jittered = (): number =>
    Math.round(intervalMs * (1 + BEACON_JITTER_FRACTION * (2 * unitInterval(random) - 1)));

  function fire(): void {
    if (!running) return;
    lastSentAt = clock.monotonic();
    // Re-armed before sending so a throwing sender cannot stop the beacon.
    arm(jittered());
    send();
  }

  return {
    start() {
      if (running) return;
      running = true;
      fire();
    },
    // Deaf to the room by design: a fixed scheme sends what it sends.
    heard() {},
    answer() {},
    hurry() {
      if (!running) return;
      const now = clock.monotonic();
      const at = Math.max(now, lastSentAt + minGapMs);
      if (at < dueAt) arm(at - now);
    },
    refresh() {
      if (running) fire();
    },
    close() {
      running = false;
      timer?.cancel();
      timer = undefined;
      dueAt = Infinity;
    },
  };
}
