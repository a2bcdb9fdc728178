#!/usr/bin/env node
/**
 * Start-up time: from launching satcheld until it owns its bus name
 * org.satchel.Satchel1, seen through a NameOwnerChanged subscription made
 * before launch, cross-checked with its `ready` line and with `busctl status`
 * (which must name the daemon's pid). The baseline is `node -e 0` launched
 * the same way in the same run; runs interleave so both see the same noise.
 *
 * - first start: a fresh state directory every run (keys are created);
 * - warm start: the state directory the first start just left behind.
 *
 *   node scripts/bench/startup.mjs [--quick] [--json]      (5 runs, 2 with --quick)
 */
import { join } from 'node:path';
import { ensureBuilt, median, report, runMain } from './lib/common.mjs';
import { busctlOwnerPid, DAEMON_MODULES, spawnBareNode, startBus, startDaemon, tempDir, watchName } from './lib/daemon.mjs';
import { createEmptyRoom, netnsUnavailable, NO_ROOM } from './lib/netns.mjs';

const RUNS = 5;
const QUICK_RUNS = 2;
/** The shipped default, so the `ready` line is printed as on a laptop. */
const LOG_LEVEL = 'info';

async function timedStart(ctx, stateDir) {
  const d = await startDaemon({ room: ctx.room, address: ctx.address, watcher: ctx.watcher, stateDir, logLevel: LOG_LEVEL });
  try {
    const ownerPid = await busctlOwnerPid(ctx.address);
    if (ownerPid !== d.pid) throw new Error(`busctl says pid ${ownerPid} owns the name, we started ${d.pid}`);
  } catch (err) {
    await d.stop();
    throw err;
  }
  const stopped = await d.stop();
  if (stopped.forced || stopped.code !== 0) {
    throw new Error(`satcheld did not stop cleanly on SIGTERM (${stopped.forced ? 'killed' : `exit ${stopped.code ?? stopped.signal}`}): ${d.stderr}`);
  }
  return { ownedMs: d.ownedMs, readyMs: d.readyMs, stopMs: stopped.ms };
}

async function main(opts, onCleanup) {
  ensureBuilt(DAEMON_MODULES);
  const runs = opts.quick ? QUICK_RUNS : RUNS;
  const whyNot = netnsUnavailable();
  if (whyNot) process.stderr.write(`startup: no network namespace (${whyNot}); running on the machine's network\n`);
  const room = whyNot ? NO_ROOM : await createEmptyRoom(onCleanup);
  const dir = await tempDir(onCleanup);
  const bus = await startBus(join(dir, 'bus'), onCleanup);
  const watcher = await watchName(bus.address, onCleanup);
  const ctx = { room, address: bus.address, watcher };

  const bare = [];
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    const b = spawnBareNode(room, '0');
    const e = await b.exited;
    if (e.code !== 0) throw new Error(`node -e 0 exited with ${e.code ?? e.signal}`);
    bare.push(e.atMs - b.t0);
    const stateDir = join(dir, `state-${i}`);
    cold.push(await timedStart(ctx, stateDir));
    warm.push(await timedStart(ctx, stateDir));
  }
  watcher.close();

  const bareMs = median(bare);
  const stats = (list) => {
    const owned = list.map((r) => r.ownedMs);
    const ready = list.map((r) => r.readyMs).filter((v) => v !== undefined);
    return {
      medianMs: median(owned), minMs: Math.min(...owned), maxMs: Math.max(...owned), runsMs: owned,
      ratio: median(owned) / bareMs,
      readyLine: { seen: ready.length, medianMs: ready.length > 0 ? median(ready) : null },
      stopMedianMs: median(list.map((r) => r.stopMs)),
    };
  };
  const c = stats(cold);
  const w = stats(warm);
  const figures = {
    benchmark: 'startup', quick: opts.quick, isolated: !whyNot, runs, logLevel: LOG_LEVEL,
    baseline: { command: 'node -e 0', medianMs: bareMs, runsMs: bare },
    firstStart: c,
    warmStart: w,
  };
  const ms = (v) => `${v.toFixed(0)} ms`;
  const row = (name, s) => `${name}: median ${ms(s.medianMs)} (min ${ms(s.minMs)}, max ${ms(s.maxMs)}) = ${s.ratio.toFixed(1)} x node -e 0; ready line ${s.readyLine.seen}/${runs}${s.readyLine.medianMs === null ? '' : ` at ${ms(s.readyLine.medianMs)}`}; SIGTERM to exit ${ms(s.stopMedianMs)}`;
  const lines = [
    `satcheld start-up until ${'org.satchel.Satchel1'} is owned (NameOwnerChanged; owner pid checked with busctl status), ${runs} runs, --log-level ${LOG_LEVEL}, ${figures.isolated ? 'in an empty network namespace' : 'on the host network'}`,
    `baseline node -e 0: median ${ms(bareMs)} (${bare.map((v) => v.toFixed(0)).join(', ')})`,
    row('first start (fresh state dir, creates keys)', c),
    row('warm start (existing state dir)', w),
  ];
  const headline = `startup median=${c.medianMs.toFixed(0)} ms ratio=${c.ratio.toFixed(1)} x node -e 0 (warm ${w.medianMs.toFixed(0)} ms = ${w.ratio.toFixed(1)} x)`;
  report(opts, { lines, headline, figures });
}

runMain(main);
