#!/usr/bin/env node
/**
 * Idle cost: what a running satcheld with nothing to do costs the laptop.
 *
 * - resident memory (VmRSS) as a ratio to a bare `node` process that does
 *   nothing (`setInterval(() => {}, 1 << 30)`), started at the same time, in
 *   the same way, and measured at the same moments; target <= 1.3;
 * - CPU time (utime + stime from /proc/<pid>/stat, all threads) over 60 idle
 *   seconds with no neighbours, as a share of one core; target < 0.1 %.
 *
 * The daemon runs on a private dbus-daemon and, when we are root, in a
 * fresh network namespace whose only link leads to an empty namespace:
 * beacons go out on a real interface and nobody ever answers. The pid
 * measured is the daemon's node process itself, not a wrapper.
 *
 *   node scripts/bench/idle-cost.mjs [--quick] [--json]
 */
import { join } from 'node:path';
import { ensureBuilt, report, round, runMain } from './lib/common.mjs';
import { busctlOwnerPid, DAEMON_MODULES, spawnBareNode, startBus, startDaemon, tempDir, watchName } from './lib/daemon.mjs';
import { createEmptyRoom, netnsUnavailable, NO_ROOM } from './lib/netns.mjs';
import { basename } from 'node:path';
import { clockTicksPerSecond, cmdline, rssByMapping, sample } from './lib/proc.mjs';

const TARGET_RSS_RATIO = 1.3;
const TARGET_CPU_PERCENT = 0.1;
const IDLE_S = 60;
const QUICK_IDLE_S = 5;
/** After the name is owned, let start-up work (JIT, GC, store open) finish before the idle window. */
const SETTLE_MS = 5_000;
const QUICK_SETTLE_MS = 1_000;
const BARE_NODE_SCRIPT = 'setInterval(() => {}, 1 << 30)';

/** How many mappings to list where the daemon's resident memory differs most from the baseline's. */
const TOP_MAPPINGS = 6;

/** Mappings sorted by how much more the daemon keeps resident than the bare node. */
function compareMappings(daemon, baseline, dir) {
  const name = (path) => (path.startsWith(dir) ? path.slice(dir.length + 1) : path.startsWith('/') ? basename(path) : path);
  const merged = new Map();
  for (const [who, maps] of [['daemonKb', daemon], ['baselineKb', baseline]]) {
    for (const [path, kb] of Object.entries(maps)) {
      const key = name(path);
      const m = merged.get(key) ?? { mapping: key, daemonKb: 0, baselineKb: 0 };
      m[who] += kb;
      merged.set(key, m);
    }
  }
  return [...merged.values()].sort((a, b) => (b.daemonKb - b.baselineKb) - (a.daemonKb - a.baselineKb)).slice(0, TOP_MAPPINGS);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main(opts, onCleanup) {
  ensureBuilt(DAEMON_MODULES);
  const idleS = opts.quick ? QUICK_IDLE_S : IDLE_S;
  const settleMs = opts.quick ? QUICK_SETTLE_MS : SETTLE_MS;

  const whyNot = netnsUnavailable();
  if (whyNot) process.stderr.write(`idle-cost: no network namespace (${whyNot}); running on the machine's network, neighbours may be heard\n`);
  const room = whyNot ? NO_ROOM : await createEmptyRoom(onCleanup);
  const dir = await tempDir(onCleanup);
  const bus = await startBus(join(dir, 'bus'), onCleanup);
  const watcher = await watchName(bus.address, onCleanup);

  // Baseline and daemon start together and are sampled together.
  const bare = spawnBareNode(room, BARE_NODE_SCRIPT);
  onCleanup(() => { bare.child.kill('SIGKILL'); return bare.exited; });
  const daemon = await startDaemon({ room, address: bus.address, watcher, stateDir: join(dir, 'state'), logLevel: 'warn' });
  onCleanup(() => daemon.stop());
  const ownerPid = await busctlOwnerPid(bus.address);
  if (ownerPid !== daemon.pid) throw new Error(`busctl says ${ownerPid} owns the name, we started ${daemon.pid}`);
  if (!cmdline(bare.pid).includes(BARE_NODE_SCRIPT)) throw new Error(`pid ${bare.pid} is not the bare node baseline`);
  watcher.close();

  const startD = sample(daemon.pid);
  const startB = sample(bare.pid);
  await sleep(settleMs);
  const d0 = sample(daemon.pid);
  const b0 = sample(bare.pid);
  await sleep(idleS * 1000);
  const d1 = sample(daemon.pid);
  const b1 = sample(bare.pid);
  const byMapping = compareMappings(rssByMapping(daemon.pid), rssByMapping(bare.pid), dir);
  if (daemon.child.exitCode !== null || daemon.child.signalCode !== null) throw new Error(`satcheld died while idle: ${daemon.stderr}`);
  const stopped = await daemon.stop();

  const hz = clockTicksPerSecond();
  const wallS = (d1.atMs - d0.atMs) / 1000;
  const pct = (ticks) => (ticks / hz / wallS) * 100;
  const dTicks = d1.cpu.total - d0.cpu.total;
  const bTicks = b1.cpu.total - b0.cpu.total;
  const dNs = d1.cpuNs - d0.cpuNs;
  const bNs = b1.cpuNs - b0.cpuNs;
  const nsPct = (ns) => (ns / 1e9 / wallS) * 100;
  const dWake = d1.ctx.total - d0.ctx.total;
  const bWake = b1.ctx.total - b0.ctx.total;
  const rssRatio = d1.mem.rss / b1.mem.rss;
  const cpuPercent = pct(dTicks);
  const rssPass = rssRatio <= TARGET_RSS_RATIO;
  const cpuPass = cpuPercent < TARGET_CPU_PERCENT;
  const figures = {
    benchmark: 'idle-cost',
    quick: opts.quick,
    isolated: !whyNot,
    idleSeconds: round(wallS, 2),
    rss: {
      daemonKb: d1.mem.rss, baselineKb: b1.mem.rss, ratio: rssRatio,
      daemonAnonKb: d1.mem.anon, baselineAnonKb: b1.mem.anon,
      afterStartup: { daemonKb: startD.mem.rss, baselineKb: startB.mem.rss, ratio: startD.mem.rss / startB.mem.rss },
      byMapping,
      target: TARGET_RSS_RATIO, pass: rssPass,
    },
    cpu: {
      clockTicksPerSecond: hz, daemonTicks: dTicks, baselineTicks: bTicks,
      daemonPercentOfCore: cpuPercent, baselinePercentOfCore: pct(bTicks),
      ratio: bTicks > 0 ? dTicks / bTicks : null,
      resolutionPercent: pct(1),
      // The same from schedstat (ns, live threads): a ratio even when the baseline stays under one tick.
      schedstat: Number.isFinite(dNs) && Number.isFinite(bNs) ? {
        daemonMs: dNs / 1e6, baselineMs: bNs / 1e6, daemonPercentOfCore: nsPct(dNs), baselinePercentOfCore: nsPct(bNs),
        ratio: bNs > 0 ? dNs / bNs : null,
      } : null,
      startupTicks: { daemon: startD.cpu.total, baseline: startB.cpu.total },
      target: TARGET_CPU_PERCENT, pass: cpuPass,
    },
    wakeups: {
      daemonPerSecond: dWake / wallS, baselinePerSecond: bWake / wallS,
      ratio: bWake > 0 ? dWake / bWake : null,
    },
    threads: { daemon: d1.mem.threads, baseline: b1.mem.threads },
    daemon: { ownedMs: daemon.ownedMs, stopMs: stopped.ms, stopForced: stopped.forced, exitCode: stopped.code },
  };

  const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
  const lines = [
    `idle satcheld vs a bare node process, same start, same ${figures.isolated ? 'empty network namespace' : 'host network (not isolated)'}; idle window ${wallS.toFixed(1)} s after ${settleMs / 1000} s settling`,
    `rss after startup: daemon ${mb(startD.mem.rss)}, bare node ${mb(startB.mem.rss)}, ratio ${figures.rss.afterStartup.ratio.toFixed(2)}`,
    `rss idle:          daemon ${mb(d1.mem.rss)} (anon ${mb(d1.mem.anon)}), bare node ${mb(b1.mem.rss)} (anon ${mb(b1.mem.anon)}), ratio ${rssRatio.toFixed(2)} (target <= ${TARGET_RSS_RATIO}: ${rssPass ? 'PASS' : 'FAIL'})`,
    `  largest differences by mapping (daemon vs bare node): ${byMapping.map((m) => `${m.mapping} ${mb(m.daemonKb)} vs ${mb(m.baselineKb)}`).join('; ')}`,
    `cpu idle:          daemon ${dTicks} ticks = ${cpuPercent.toFixed(3)}% of a core, bare node ${bTicks} ticks = ${pct(bTicks).toFixed(3)}%, ratio ${figures.cpu.ratio === null ? 'n/a (baseline used no ticks)' : figures.cpu.ratio.toFixed(1)} (1 tick = ${pct(1).toFixed(3)}%; target < ${TARGET_CPU_PERCENT}%: ${cpuPass ? 'PASS' : 'FAIL'})`,
    ...(figures.cpu.schedstat ? [`cpu idle (schedstat, ns): daemon ${figures.cpu.schedstat.daemonMs.toFixed(1)} ms = ${figures.cpu.schedstat.daemonPercentOfCore.toFixed(4)}%, bare node ${figures.cpu.schedstat.baselineMs.toFixed(2)} ms = ${figures.cpu.schedstat.baselinePercentOfCore.toFixed(4)}%, ratio ${figures.cpu.schedstat.ratio === null ? 'n/a' : figures.cpu.schedstat.ratio.toFixed(0)}`] : []),
    `wake-ups (context switches, all threads): daemon ${figures.wakeups.daemonPerSecond.toFixed(2)}/s, bare node ${figures.wakeups.baselinePerSecond.toFixed(2)}/s`,
    `threads: daemon ${d1.mem.threads}, bare node ${b1.mem.threads}; bus name owned ${daemon.ownedMs.toFixed(0)} ms after launch; SIGTERM to exit ${stopped.ms.toFixed(0)} ms${stopped.forced ? ' (KILLED: did not stop in time)' : ''}`,
  ];
  const headline = `idle rss ratio=${rssRatio.toFixed(2)} cpu=${cpuPercent.toFixed(3)}% of a core over ${Math.round(wallS)} s (targets <= ${TARGET_RSS_RATIO}, < ${TARGET_CPU_PERCENT}%: ${rssPass ? 'PASS' : 'FAIL'}, ${cpuPass ? 'PASS' : 'FAIL'})`;
  report(opts, { lines, headline, figures });
}

runMain(main);
