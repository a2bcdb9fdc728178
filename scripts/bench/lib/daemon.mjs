/**
 * Running the real satcheld for a benchmark: a private bus, a watcher that
 * sees the bus name change hands (NameOwnerChanged, subscribed before the
 * daemon starts), and the daemon process itself, measured directly (its
 * pid is the node process, not a wrapper).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import dbus from 'dbus-next';
import { DAEMON_BIN, importDist } from './common.mjs';
import { cmdline } from './proc.mjs';

export const BUS_NAME = 'org.satchel.Satchel1';
export const BUSCTL = '/usr/bin/busctl';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STDERR_KEEP = 4_096;

export const DAEMON_MODULES = ['daemon/bin/satcheld.js', 'daemon/service/private-bus.js'];

/** A temp dir short enough for unix socket paths; removed by `onCleanup`. */
export async function tempDir(onCleanup, prefix = 'satchel-bench-') {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function startBus(dir, onCleanup) {
  const { startPrivateBus } = await importDist('daemon/service/private-bus.js');
  const bus = await startPrivateBus(dir);
  onCleanup(() => bus.stop());
  return bus;
}

/**
 * Watches `BUS_NAME` on the bus. `nextOwner()` resolves with
 * { atMs, owner } the next time the name gets an owner; the match rule is
 * in place when start() resolves, so no change can slip past.
 */
export async function watchName(address, onCleanup) {
  const bus = dbus.sessionBus({ busAddress: address });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    bus.disconnect();
  };
  onCleanup(close);
  bus.on('error', () => {});
  const waiting = [];
  bus.on('message', (msg) => {
    if (msg.type !== dbus.MessageType.SIGNAL || msg.member !== 'NameOwnerChanged' || msg.interface !== 'org.freedesktop.DBus') return;
    const atMs = performance.now();
    const [name, , owner] = msg.body;
    if (name !== BUS_NAME) return;
    for (const w of waiting.splice(0)) (owner ? w.owned : w.released)({ atMs, owner });
  });
  const rule = `type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='${BUS_NAME}'`;
  await bus.call(new dbus.Message({
    destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus',
    member: 'AddMatch', signature: 's', body: [rule],
  }));
  return {
    /** Call before starting the daemon; resolves when the name is owned. */
    nextOwner() {
      return new Promise((resolve, reject) => {
        waiting.push({ owned: resolve, released: () => reject(new Error(`${BUS_NAME} released before it was owned`)) });
      });
    },
    close,
  };
}

/** The owner's pid as `busctl status` reports it: an independent check on who holds the name. */
export function busctlOwnerPid(address) {
  return new Promise((resolve, reject) => {
    execFile(BUSCTL, [`--address=${address}`, 'status', BUS_NAME], { encoding: 'utf8', timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`busctl status ${BUS_NAME} failed: ${stderr.trim() || err.message}`));
      const m = /^PID=(\d+)$/m.exec(stdout);
      if (!m) return reject(new Error(`busctl status printed no PID:\n${stdout}`));
      resolve(Number(m[1]));
    });
  });
}

/**
 * Spawns satcheld in `room` and waits until it owns the bus name. Returns
 * timings relative to just before spawn(): `ownedMs` (NameOwnerChanged
 * seen), `readyMs` (its `ready` line on stdout, if it printed one by then).
 */
export async function startDaemon({ room, address, watcher, stateDir, logLevel = 'warn', extraArgs = [] }) {
  const args = [
    DAEMON_BIN, '--bus', address, '--state-dir', stateDir, '--port', '0', '--log-level', logLevel,
    ...(room.iface ? ['--interface', room.iface] : []), ...extraArgs,
  ];
  const [cmd, argv] = room.wrap(process.execPath, args);
  const owned = watcher.nextOwner();
  owned.catch(() => {}); // raced below; a late rejection must not crash the benchmark
  const t0 = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let readyAt;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => { stderr = (stderr + s).slice(-STDERR_KEEP); });
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (readyAt === undefined && /\bready\b/.test(line)) readyAt = performance.now();
  });
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, atMs: performance.now() }));
    child.once('error', (err) => resolve({ code: null, signal: null, error: err, atMs: performance.now() }));
  });
  const handle = {
    child, pid: child.pid, exited, t0,
    get readyMs() { return readyAt === undefined ? undefined : readyAt - t0; },
    get stderr() { return stderr; },
    stop: () => stopDaemon(handle),
  };
  let timer;
  const outcome = await Promise.race([
    owned.then((o) => ({ owned: o })),
    exited.then((e) => ({ exited: e })),
    new Promise((resolve) => { timer = setTimeout(() => resolve({ timeout: true }), START_TIMEOUT_MS); }),
  ]);
  clearTimeout(timer);
  if (!outcome.owned) {
    await handle.stop();
    const why = outcome.timeout ? `did not own ${BUS_NAME} within ${START_TIMEOUT_MS} ms`
      : `exited (${outcome.exited.code ?? outcome.exited.signal ?? outcome.exited.error?.message}) before owning ${BUS_NAME}`;
    throw new Error(`satcheld ${why}; stderr:\n${stderr.trim()}`);
  }
  handle.ownedMs = outcome.owned.atMs - t0;
  handle.owner = outcome.owned.owner;
  const argvSeen = cmdline(child.pid);
  if (!argvSeen.some((a) => a.endsWith('satcheld.js'))) {
    await handle.stop();
    throw new Error(`pid ${child.pid} is not satcheld (${argvSeen.join(' ')}): measuring a wrapper would be wrong`);
  }
  return handle;
}

/** SIGTERM, then SIGKILL if it does not stop in time. Resolves with how it went. */
export async function stopDaemon(handle) {
  const { child } = handle;
  if (child.exitCode !== null || child.signalCode !== null) return { ms: 0, forced: false, ...(await handle.exited) };
  const t = performance.now();
  child.kill('SIGTERM');
  let timer;
  const forced = await Promise.race([
    handle.exited.then(() => false),
    new Promise((resolve) => { timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS); }),
  ]);
  clearTimeout(timer);
  if (forced) child.kill('SIGKILL');
  const e = await handle.exited;
  return { ms: e.atMs - t, forced, code: e.code, signal: e.signal };
}

/**
 * A bare node process run the same way (same wrapper, same namespace):
 * `node -e <script>`. Resolves with { child, pid, t0, exited }.
 */
export function spawnBareNode(room, script) {
  const [cmd, argv] = room.wrap(process.execPath, ['-e', script]);
  const t0 = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, atMs: performance.now() }));
    child.once('error', (err) => resolve({ code: null, signal: null, error: err, atMs: performance.now() }));
  });
  return { child, pid: child.pid, t0, exited };
}
