#!/usr/bin/env node
/**
 * Beacon room: what discovery costs a classroom. Rooms of 10, 25 and 50
 * laptops side by side, each a bridge of network namespaces with a
 * beacon-only process per laptop (the compiled daemon's beacon, nothing
 * else), and a packet capture on each bridge counting beacon frames and
 * bytes as they cross it.
 *
 * Figures, per room: beacon bytes per second with the daemon's quiet
 * (Trickle) beacon once settled, beside the fixed scheme of one beacon per
 * second per laptop measured on the same rooms in the same run; how long a
 * newcomer takes to be heard by everyone and to hear everyone, under both;
 * the longest any laptop went unheard. OLPC's mesh presence broke down at
 * 15 to 40 laptops per room from per-laptop multicast chatter: the quiet
 * beacon's bytes should stay nearly flat from 10 to 50 where the fixed
 * scheme's grow fivefold.
 *
 * The quiet beacon needs minutes of a room's time to settle (its silence
 * bound is 192 s), so its parameters are all divided by SCALE and its
 * figures multiplied back: bytes per laptop-second, times in
 * laptop-seconds. The fixed scheme is steady from its first second and runs
 * at its real period. Needs root (network namespaces); without it, says so
 * and exits 0.
 *
 *   node scripts/bench/beacon-room.mjs [--quick] [--json]
 */
import { ensureBuilt, importDist, report, round, runMain } from './lib/common.mjs';
import { netnsUnavailable } from './lib/netns.mjs';
import { createBridgeRoom } from './lib/bridge-room.mjs';

const SIZES = [10, 25, 50];
const QUICK_SIZES = [3, 6];
/** Laptop-seconds per real second for the quiet beacon. */
const SCALE = 8;
const QUICK_SCALE = 64;
/** The yardstick: one beacon per second per laptop, in ms. */
const FIXED_INTERVAL_MS = 1_000;
const FIXED_SETTLE_MS = 2_000;
const FIXED_WINDOW_MS = 8_000;
const QUICK_FIXED_SETTLE_MS = 1_000;
const QUICK_FIXED_WINDOW_MS = 2_000;
/** Laptops started at once: the machines are small and shared. */
const START_BATCH = 10;

const NEEDED = ['daemon/discovery/beacon.js', 'daemon/util/clock.js', 'daemon/util/counters.js', 'daemon/util/log.js', 'daemon/util/random.js'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const idOf = (room, i) => ((room + 1) * 0x1_0000 + i).toString(16).padStart(16, '0');

function knowsAll(laptop, ids) {
  const heard = new Set(laptop.heard().map((h) => `${h.nodeIdHex}/${h.family}`));
  return ids.every((id) => id === laptop.nodeIdHex || (heard.has(`${id}/4`) && heard.has(`${id}/6`)));
}

function windowOf(a, b) {
  const seconds = b.t - a.t;
  const frames = b.v4.frames + b.v6.frames - a.v4.frames - a.v6.frames;
  const bytes = b.v4.bytes + b.v6.bytes - a.v4.bytes - a.v6.bytes;
  return { seconds, frames, bytes, drops: b.drops - a.drops };
}

/** Adds a laptop to a settled room; ms until all hear it, and until it hears all. */
async function newcomer(room, config) {
  const olds = [...room.laptops];
  const n = await room.net.addLaptop(config);
  const self = config.nodeIdHex;
  await Promise.all([
    n.until(() => knowsAll(n, room.ids), 'the newcomer to hear everyone'),
    ...olds.map((p) => p.until(() => p.heard().some((h) => h.nodeIdHex === self), 'everyone to hear the newcomer')),
  ]);
  const found = Math.max(...olds.map((p) => p.heard().find((h) => h.nodeIdHex === self).at)) - n.readyAt;
  const findsAll = Math.max(...n.heard().map((h) => h.at)) - n.readyAt;
  n.kill();
  return { found, findsAll };
}

async function main(opts, onCleanup) {
  const whyNot = netnsUnavailable();
  if (whyNot) {
    const reason = `needs root and network namespaces (${whyNot})`;
    process.stderr.write(`beacon-room: skipped: ${reason}\n`);
    report(opts, { lines: [], headline: `beacon-room skipped: ${reason}`, figures: { benchmark: 'beacon-room', skipped: reason } });
    return;
  }
  ensureBuilt(NEEDED);
  const { DEFAULT_TRICKLE, DEFAULT_BEACON_PORT } = await importDist('daemon/discovery/beacon.js');
  const sizes = opts.quick ? QUICK_SIZES : SIZES;
  const scale = opts.quick ? QUICK_SCALE : SCALE;
  const trickle = {
    iminMs: DEFAULT_TRICKLE.iminMs / scale, imaxMs: DEFAULT_TRICKLE.imaxMs / scale,
    redundancy: DEFAULT_TRICKLE.redundancy, maxSilenceMs: DEFAULT_TRICKLE.maxSilenceMs / scale,
  };
  // Each join refreshes every laptop's silence deadline at once, so forced
  // beacons come in waves a bound apart: settle one bound, measure two, and
  // the window takes in whole waves and none of the join.
  const settleMs = trickle.maxSilenceMs;
  const windowMs = (opts.quick ? 1 : 2) * trickle.maxSilenceMs;
  const fixedWindowMs = opts.quick ? QUICK_FIXED_WINDOW_MS : FIXED_WINDOW_MS;
  const fixedSettleMs = opts.quick ? QUICK_FIXED_SETTLE_MS : FIXED_SETTLE_MS;

  const rooms = [];
  for (const [r, n] of sizes.entries()) {
    const room = { n, r, net: await createBridgeRoom(onCleanup, DEFAULT_BEACON_PORT), laptops: [], ids: [], extra: n };
    rooms.push(room);
    for (let i = 0; i < n; i += START_BATCH) {
      const batch = await Promise.all(Array.from({ length: Math.min(START_BATCH, n - i) }, (_, j) =>
        room.net.addLaptop({ nodeIdHex: idOf(r, i + j), trickle })));
      room.laptops.push(...batch);
      room.ids.push(...batch.map((l) => l.nodeIdHex));
    }
    const lastReady = Math.max(...room.laptops.map((l) => l.readyAt));
    await Promise.all(room.laptops.map((l) => l.until(() => knowsAll(l, room.ids), `room of ${n}: everyone`)));
    room.allKnewMs = Math.max(...room.laptops.flatMap((l) => l.heard().map((h) => h.at))) - lastReady;
    process.stderr.write(`beacon-room: room of ${n} up; all knew all ${room.allKnewMs} ms after the last started\n`);
  }

  process.stderr.write(`beacon-room: settling ${settleMs / 1000} s, then measuring ${windowMs / 1000} s (x${scale} time)\n`);
  await sleep(settleMs);
  // Summed over a room's laptops: datagrams sent, points suppressed, answers to strangers, returns.
  const COUNTED = ['beacon.sent', 'beacon.suppressed', 'beacon.new_node', 'beacon.back'];
  const sentBy = async (room) => {
    const all = await Promise.all(room.laptops.map((l) => l.counters()));
    return Object.fromEntries(COUNTED.map((k) => [k, all.reduce((s, c) => s + (c[k] ?? 0), 0)]));
  };
  const q0 = await Promise.all(rooms.map(async (room) => ({ cap: await room.net.capture(), sent: await sentBy(room) })));
  await sleep(windowMs);
  const q1 = await Promise.all(rooms.map(async (room) => ({ cap: await room.net.capture(), sent: await sentBy(room) })));
  for (const [i, room] of rooms.entries()) {
    room.quiet = windowOf(q0[i].cap, q1[i].cap);
    room.quiet.counted = Object.fromEntries(COUNTED.map((k) => [k, q1[i].sent[k] - q0[i].sent[k]]));
    room.quiet.sentCounted = room.quiet.counted['beacon.sent'];
    // Bytes per laptop-second: the window lasted `scale` times longer in the room's time.
    room.quiet.bytesPerSecond = room.quiet.bytes / room.quiet.seconds / scale;
    room.quiet.framesPerSecond = room.quiet.frames / room.quiet.seconds / scale;
  }

  for (const room of rooms) {
    const t = await newcomer(room, { nodeIdHex: idOf(room.r, room.extra++), trickle });
    room.quietNewcomer = { foundS: (t.found * scale) / 1000, findsAllS: (t.findsAll * scale) / 1000 };
  }

  // The yardstick, on the same rooms: every laptop switched to one beacon a second.
  await Promise.all(rooms.flatMap((room) => room.laptops.map((l) => l.reconfigure({ fixedIntervalMs: FIXED_INTERVAL_MS }))));
  await sleep(fixedSettleMs);
  const f0 = await Promise.all(rooms.map((room) => room.net.capture()));
  await sleep(fixedWindowMs);
  const f1 = await Promise.all(rooms.map((room) => room.net.capture()));
  for (const [i, room] of rooms.entries()) {
    room.fixed = windowOf(f0[i], f1[i]);
    room.fixed.bytesPerSecond = room.fixed.bytes / room.fixed.seconds;
    room.fixed.framesPerSecond = room.fixed.frames / room.fixed.seconds;
  }
  for (const room of rooms) {
    const t = await newcomer(room, { nodeIdHex: idOf(room.r, room.extra++), fixedIntervalMs: FIXED_INTERVAL_MS });
    room.fixedNewcomer = { foundS: t.found / 1000, findsAllS: t.findsAll / 1000 };
  }

  const first = rooms[0];
  const last = rooms.at(-1);
  const flat = last.quiet.bytesPerSecond / first.quiet.bytesPerSecond;
  const fixedGrowth = last.fixed.bytesPerSecond / first.fixed.bytesPerSecond;
  const drops = rooms.reduce((s, r) => s + r.quiet.drops + r.fixed.drops, 0);
  const figures = {
    benchmark: 'beacon-room',
    quick: opts.quick,
    scale,
    trickle: { ...trickle, laptopTime: { ...DEFAULT_TRICKLE } },
    fixedIntervalMs: FIXED_INTERVAL_MS,
    captureDrops: drops,
    rooms: Object.fromEntries(rooms.map((r) => [r.n, {
      allKnewAllMs: r.allKnewMs,
      quiet: {
        bytesPerSecond: round(r.quiet.bytesPerSecond, 2), framesPerSecond: round(r.quiet.framesPerSecond, 3),
        framesCaptured: r.quiet.frames, datagramsCounted: r.quiet.sentCounted,
        suppressed: r.quiet.counted['beacon.suppressed'], answeredStrangers: r.quiet.counted['beacon.new_node'],
        backAfterQuiet: r.quiet.counted['beacon.back'],
        newcomerFoundS: round(r.quietNewcomer.foundS, 2), newcomerFindsAllS: round(r.quietNewcomer.findsAllS, 2),
      },
      fixed: {
        bytesPerSecond: round(r.fixed.bytesPerSecond, 1), framesPerSecond: round(r.fixed.framesPerSecond, 1),
        newcomerFoundS: round(r.fixedNewcomer.foundS, 2), newcomerFindsAllS: round(r.fixedNewcomer.findsAllS, 2),
      },
      ratioToFixed: r.quiet.bytesPerSecond / r.fixed.bytesPerSecond,
    }])),
    flatness: { quiet: flat, fixed: fixedGrowth, sizes: [first.n, last.n] },
  };
  const pad = (s, n) => String(s).padStart(n);
  const lines = [
    `beacon-room: quiet beacon (Trickle: Imin ${DEFAULT_TRICKLE.iminMs / 1000} s, Imax ${DEFAULT_TRICKLE.imaxMs / 1000} s, k ${DEFAULT_TRICKLE.redundancy}, `
      + `silent at most ${DEFAULT_TRICKLE.maxSilenceMs / 1000} s; run ${scale}x fast) vs fixed 1 beacon/s/laptop, same rooms, same run`,
    `${pad('laptops', 7)} ${pad('quiet B/s', 10)} ${pad('fixed B/s', 10)} ${pad('quiet/fixed', 11)} ${pad('newcomer heard/hears (quiet)', 29)} ${pad('(fixed)', 14)}`,
    ...rooms.map((r) => `${pad(r.n, 7)} ${pad(r.quiet.bytesPerSecond.toFixed(1), 10)} ${pad(r.fixed.bytesPerSecond.toFixed(0), 10)} `
      + `${pad(`${(100 * r.quiet.bytesPerSecond / r.fixed.bytesPerSecond).toFixed(2)}%`, 11)} `
      + `${pad(`${r.quietNewcomer.foundS.toFixed(2)} s / ${r.quietNewcomer.findsAllS.toFixed(2)} s`, 29)} `
      + `${pad(`${r.fixedNewcomer.foundS.toFixed(2)} / ${r.fixedNewcomer.findsAllS.toFixed(2)} s`, 14)}`),
    `(B/s: beacon bytes per second crossing the room's bridge, Ethernet frames, IPv4 and IPv6; quiet in laptop-seconds)`,
    `capture vs laptops' own counts (quiet): ${rooms.map((r) => `${r.quiet.frames}/${r.quiet.sentCounted}`).join(', ')} frames; drops ${drops}; `
      + `in the window, suppressed/strangers/back: ${rooms.map((r) => COUNTED.slice(1).map((k) => r.quiet.counted[k]).join('/')).join(', ')}`,
  ];
  const headline = `beacon-room ${last.n} laptops: quiet ${last.quiet.bytesPerSecond.toFixed(1)} B/s vs fixed ${last.fixed.bytesPerSecond.toFixed(0)} B/s `
    + `(${(100 * last.quiet.bytesPerSecond / last.fixed.bytesPerSecond).toFixed(2)}%); ${first.n}->${last.n} laptops: quiet ${flat.toFixed(2)}x, `
    + `fixed ${fixedGrowth.toFixed(2)}x; newcomer heard in ${last.quietNewcomer.foundS.toFixed(1)} s, hears all in ${last.quietNewcomer.findsAllS.toFixed(1)} s`;
  report(opts, { lines, headline, figures });
}

runMain(main);
