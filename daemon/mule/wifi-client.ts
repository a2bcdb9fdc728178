/**
 * The daemon's side of the Wi-Fi worker: requests over IPC with a time
 * limit each, one worker process forked when first needed, forked again if
 * it dies, and let go after a spell of disuse (a data mule joins a network
 * a few times a day; a Node process idling between costs memory for
 * nothing). Every failure is a SatchelError WIFI_FAILED naming what failed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SatchelError } from '../errors/satchel-error.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import { checkNetworks, isSsid, requestProblem, type WifiNetwork, type WifiRequest } from './wifi-protocol.js';

/** Longest wait for a look at the networks or a disconnect, in ms. */
export const WIFI_QUERY_TIMEOUT_MS = 15_000;
/** Longest wait for joining a network: nmcli waits up to 10 s, then addressing, in ms. */
export const WIFI_JOIN_TIMEOUT_MS = 30_000;
/** The worker is stopped after this long without a request, in ms. */
export const WIFI_WORKER_IDLE_MS = 60_000;
/** Longest line of the worker's stderr that is logged, in characters. */
const MAX_LOGGED_CHARS = 300;
/** The worker as built next to this file in dist/ (a .ts source has no runnable sibling; tests pass dist's). */
export const DEFAULT_WIFI_WORKER_PATH = fileURLToPath(new URL('./wifi-worker.js', import.meta.url));

/** What the data mule needs of Wi-Fi. */
export interface WifiControl {
  /** The Wi-Fi network the laptop is on now, if any. */
  current(): Promise<WifiNetwork | undefined>;
  scan(): Promise<WifiNetwork[]>;
  connect(ssid: string, password?: string): Promise<void>;
  /** Back onto a network the laptop has a saved profile for. */
  reconnect(ssid: string): Promise<void>;
  disconnect(): Promise<void>;
}

export interface WifiClient extends WifiControl {
  /** The worker's pid while one runs, for tests and `satchel doctor`. */
  readonly workerPid: number | undefined;
  close(): Promise<void>;
}

export interface WifiClientOptions {
  clock: Clock;
  logger: Logger;
  counters: Counters;
  workerPath?: string;
  /** The Wi-Fi interface to use; NetworkManager's choice when unset. */
  iface?: string;
  /** The worker's environment (PATH decides which nmcli it runs); the daemon's own by default. */
  env?: NodeJS.ProcessEnv;
  queryTimeoutMs?: number;
  joinTimeoutMs?: number;
  idleMs?: number;
}

interface Pending {
  op: string;
  /** The worker asked: one that dies fails only its own requests. */
  worker: ChildProcess;
  resolve: (networks: WifiNetwork[] | undefined) => void;
  reject: (err: SatchelError) => void;
  timer: TimerHandle;
}

const IFNAME = /^[A-Za-z0-9_.:-]{1,15}$/;

export function createWifiClient(o: WifiClientOptions): WifiClient {
  if (o.iface !== undefined && !IFNAME.test(o.iface)) throw SatchelError.invalidArgument(`not an interface name: ${JSON.stringify(o.iface)}`);
  for (const [k, v] of [['queryTimeoutMs', o.queryTimeoutMs], ['joinTimeoutMs', o.joinTimeoutMs], ['idleMs', o.idleMs]] as const) {
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw SatchelError.invalidArgument(`${k} must be a positive number of ms`);
  }
  const log = o.logger.child('wifi');
  const workerPath = o.workerPath ?? DEFAULT_WIFI_WORKER_PATH;
  const pending = new Map<number, Pending>();
  let child: ChildProcess | undefined;
  let idle: TimerHandle | undefined;
  let nextId = 1;
  let closed = false;

  function failAll(err: (op: string) => SatchelError, worker?: ChildProcess): void {
    for (const [id, p] of pending) {
      if (worker !== undefined && p.worker !== worker) continue;
      pending.delete(id);
      p.timer.cancel();
      p.reject(err(p.op));
    }
  }

  function start(): ChildProcess {
    const c = fork(workerPath, o.iface === undefined ? [] : [o.iface], {
      // Not the daemon's own node flags (an --inspect port, a loader): the worker is plain built JS.
      env: o.env ?? process.env, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json',
    });
    o.counters.bump('mule.worker_started');
    c.stderr?.setEncoding('utf8').on('data', (d: string) => log.warn('Wi-Fi worker wrote to stderr', { text: d.trim().slice(0, MAX_LOGGED_CHARS) }));
    c.on('message', (m: unknown) => answer(c, m));
    c.on('error', (err) => log.warn('Wi-Fi worker error', { error: err.message }));
    c.once('exit', (code, signal) => {
      if (child === c) child = undefined;
      if ([...pending.values()].some((p) => p.worker === c)) o.counters.bump('mule.worker_died');
      failAll((op) => SatchelError.wifiFailed(`${op}: the worker exited (${code ?? signal ?? '?'}) before answering`), c);
    });
    return c;
  }

  function answer(worker: ChildProcess, m: unknown): void {
    if (typeof m !== 'object' || m === null) return;
    const { id, ok, error, networks } = m as Record<string, unknown>;
    const p = typeof id === 'number' ? pending.get(id) : undefined;
    if (p === undefined || p.worker !== worker) return; // the ready note (id 0), or an answer after its time ran out
    pending.delete(id as number);
    p.timer.cancel();
    if (ok !== true) {
      p.reject(SatchelError.wifiFailed(`${p.op} failed: ${typeof error === 'string' ? error.slice(0, MAX_LOGGED_CHARS) : 'no reason given'}`));
    } else if (networks === undefined) {
      p.resolve(undefined);
    } else {
      const list = checkNetworks(networks);
      if (list === undefined) p.reject(SatchelError.wifiFailed(`${p.op}: the worker answered with a malformed network list`));
      else p.resolve(list);
    }
    if (pending.size === 0) idleSoon();
  }

  function idleSoon(): void {
    idle?.cancel();
    idle = o.clock.setTimeout(() => {
      idle = undefined;
      if (pending.size === 0) stop();
    }, o.idleMs ?? WIFI_WORKER_IDLE_MS);
  }

  function stop(): void {
    // Closing the channel is the worker's cue to exit; a stuck nmcli does not stop that.
    const c = child;
    child = undefined;
    if (c === undefined) return;
    if (c.connected) c.disconnect();
    c.kill('SIGKILL');
  }

  function request(req: WifiRequest, timeoutMs: number): Promise<WifiNetwork[] | undefined> {
    if (closed) return Promise.reject(SatchelError.closed('Wi-Fi client'));
    const problem = requestProblem(req);
    if (problem !== null) return Promise.reject(SatchelError.invalidArgument(`Wi-Fi ${req.op}: ${problem}`));
    idle?.cancel();
    child ??= start();
    const c = child;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = o.clock.setTimeout(() => {
        if (!pending.delete(id)) return;
        o.counters.bump('mule.worker_timeout');
        reject(SatchelError.wifiFailed(`${req.op}: no answer within ${timeoutMs} ms`));
        // It may be stuck in nmcli: a fresh worker serves the next request.
        if (child === c) stop();
      }, timeoutMs);
      pending.set(id, { op: req.op, worker: c, resolve, reject, timer });
      try {
        c.send({ id, req });
      } catch (err) {
        pending.delete(id);
        timer.cancel();
        reject(SatchelError.wifiFailed(`${req.op}: cannot reach the worker`, err));
      }
    });
  }

  const query = o.queryTimeoutMs ?? WIFI_QUERY_TIMEOUT_MS;
  const join = o.joinTimeoutMs ?? WIFI_JOIN_TIMEOUT_MS;
  const checkSsid = (ssid: unknown): void => {
    if (!isSsid(ssid)) throw SatchelError.invalidArgument(`not an SSID: ${JSON.stringify(ssid)}`);
  };
  return {
    get workerPid() { return child?.pid; },
    async current() {
      return (await request({ op: 'current' }, query))?.[0];
    },
    async scan() {
      return (await request({ op: 'scan' }, query)) ?? [];
    },
    async connect(ssid, password) {
      checkSsid(ssid);
      await request(password === undefined ? { op: 'connect', ssid } : { op: 'connect', ssid, password }, join);
    },
    async reconnect(ssid) {
      checkSsid(ssid);
      await request({ op: 'reconnect', ssid }, join);
    },
    async disconnect() {
      await request({ op: 'disconnect' }, query);
    },
    async close() {
      if (closed) return;
      closed = true;
      idle?.cancel();
      failAll(() => SatchelError.closed('Wi-Fi client'));
      const c = child;
      stop();
      if (c !== undefined && c.exitCode === null && c.signalCode === null) await new Promise((r) => c.once('exit', r));
    },
  };
}
