/**
 * A classroom of 50 laptops, each a network namespace on one bridge with its
 * own dbus-daemon, store and real satcheld at its default beacon timing.
 * Every laptop's discovery must hear every other within a bounded time, the
 * settled room must stay quiet on the air (a packet capture on the bridge),
 * and a 51st laptop walking in must be heard by all and hear all within
 * seconds. How beacon bytes grow from 10 to 25 to 50 laptops is measured
 * with the same beacon code in test/discovery/room.test.ts and
 * scripts/bench/beacon-room.mjs, with time compressed; here the whole daemon
 * runs in real time.
 */
import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_BEACON_PORT } from '../../daemon/discovery/beacon.js';
import { DbusCaller } from '../../daemon/discovery/sources/dbus-calls.js';
import { openBus, closeBus } from '../../daemon/service/open-bus.js';
import type { MessageBus } from '../../daemon/service/dbus.js';
import { BUS_NAME, CONTACTS_INTERFACE, DAEMON_INTERFACE, OBJECT_PATH } from '../../daemon/service/names.js';
import { systemClock } from '../../daemon/util/clock.js';
import { BeaconCapture } from '../discovery/fixtures/beacon-capture.js';
import { createBridgeRoom } from '../discovery/fixtures/bridge-room.js';
import { roomForNeighbours } from '../discovery/fixtures/neighbour-tables.js';
import { e2eUnavailable, Laptop } from './fixtures/laptop.js';

const LAPTOPS = 50;
/** Laptops started at once: a two-core box, each start a Node process and a dbus-daemon. */
const START_BATCH = 10;
/**
 * After the last laptop is ready, every one has heard all others within
 * this, in ms. A room answers a newcomer within Imin (1 s); fifty daemons
 * making 1,225 handshakes on two shared cores delay that (13 s measured), so
 * the bound leaves room for a busy box while staying far below the 192 s
 * after which even a suppressed laptop would speak anyway.
 */
const DISCOVERY_BOUND_MS = 60_000;
/** A laptop walking into the settled room: heard by all and hearing all within this, in ms. */
const NEWCOMER_BOUND_MS = 10_000;
/** After discovery, Trickle intervals grow from Imin (1 s) to Imax (8 s) in three doublings. */
const SETTLE_MS = 20_000;
const WINDOW_MS = 30_000;
/**
 * The settled room sends at most this share of what one beacon per second
 * per laptop on both families would. Two beacons per 8 s interval plus one
 * per laptop per 192 s come to about 1%; a forced wave inside the window
 * makes it 4%.
 */
const QUIET_SHARE = 0.1;
const POLL_MS = 1_000;

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);
// Fifty laptops take minutes to set up and start on two cores: more than a test file's usual limit.
t.setTimeout(600_000);

t.test(`a classroom of ${LAPTOPS} satcheld laptops`, async (t) => {
  roomForNeighbours(t, LAPTOPS + 1);
  const room = createBridgeRoom(t);
  const capture = await BeaconCapture.start(t, room.ns, room.bridge, DEFAULT_BEACON_PORT);
  const laptops: Laptop[] = [];
  for (let i = 0; i <= LAPTOPS; i++) laptops.push(await Laptop.create(t, `L${i + 1}`, room.addLaptop()));
  const newcomer = laptops.pop()!;
  const buses: MessageBus[] = [];
  t.teardown(async () => { await Promise.all(buses.map((b) => closeBus(b))); });
  const callerOf = async (l: Laptop): Promise<DbusCaller> => {
    const bus = await openBus(l.address);
    buses.push(bus);
    return new DbusCaller(bus, systemClock, 10_000);
  };
  const call = (c: DbusCaller, iface: string, member: string) =>
    c.call({ destination: BUS_NAME, path: OBJECT_PATH, iface, member, signature: '', body: [] });
  /** Laptops this one's discovery has heard: what finding the room means. */
  const heard = async (c: DbusCaller): Promise<number> =>
    Number(((await call(c, DAEMON_INTERFACE, 'GetStatus')).body[0] as Record<string, { value: unknown }>)['neighbours_heard']?.value ?? 0);
  /** Laptops this one has a session with, as an activity's buddy list shows them. */
  const listed = async (c: DbusCaller): Promise<number> =>
    ((await call(c, CONTACTS_INTERFACE, 'ListNeighbours')).body[0] as unknown[]).length;
  /** Polls until every caller has heard `want` laptops; returns ms taken and the fewest heard. */
  const untilHeard = async (callers: DbusCaller[], want: number, boundMs: number) => {
    const from = Date.now();
    let fewest = 0;
    for (;;) {
      const counts = await Promise.all(callers.map(heard));
      fewest = Math.min(...counts);
      if (fewest >= want || Date.now() - from > boundMs) return { ms: Date.now() - from, fewest };
      await sleep(POLL_MS);
    }
  };

  const startAt = Date.now();
  for (let i = 0; i < LAPTOPS; i += START_BATCH) {
    // Info-level logs: fifty daemons at debug fill the pipes faster than the test reads them.
    await Promise.all(laptops.slice(i, i + START_BATCH).map((l) => l.start(['--log-level', 'info'])));
  }
  t.comment(`${LAPTOPS} laptops started in ${Math.round((Date.now() - startAt) / 1000)} s`);
  const callers = await Promise.all(laptops.map(callerOf));
  const found = await untilHeard(callers, LAPTOPS - 1, DISCOVERY_BOUND_MS);
  t.equal(found.fewest, LAPTOPS - 1,
    `every laptop has heard all ${LAPTOPS - 1} others within ${DISCOVERY_BOUND_MS / 1000} s of the last start (took ${Math.round(found.ms / 1000)} s)`);
  const sessions = await Promise.all(callers.map(listed));
  // Not asserted: on two shared cores handshakes time out and are retried; reported so a regression in meeting shows.
  t.comment(`buddy lists then hold ${Math.min(...sessions)} to ${Math.max(...sessions)} of ${LAPTOPS - 1}`);

  await sleep(SETTLE_MS);
  const before = await capture.read();
  await sleep(WINDOW_MS);
  const w = BeaconCapture.window(before, await capture.read());
  t.equal(w.drops, 0, 'the capture missed nothing');
  const frameBytes = w.frames > 0 ? w.bytes / w.frames : 0;
  const fixed = LAPTOPS * 2 * frameBytes;
  t.ok(w.frames > 0 && w.bytesPerSecond <= QUIET_SHARE * fixed,
    `the settled room sends ${w.bytesPerSecond.toFixed(0)} B/s of beacons, ${((100 * w.bytesPerSecond) / fixed).toFixed(1)}% of one per laptop per second on both families (${fixed.toFixed(0)} B/s)`);

  await newcomer.start(['--log-level', 'info']);
  const all = [...callers, await callerOf(newcomer)];
  const joined = await untilHeard(all, LAPTOPS, NEWCOMER_BOUND_MS);
  t.equal(joined.fewest, LAPTOPS,
    `a newcomer is heard by all ${LAPTOPS} and hears them all within ${NEWCOMER_BOUND_MS / 1000} s (took ${(joined.ms / 1000).toFixed(1)} s)`);
  // Stopped in parallel: fifty SIGTERMs one after another would take minutes.
  await Promise.all([...laptops, newcomer].map((l) => l.stop()));
});
