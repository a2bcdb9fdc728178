/**
 * Data-mule mode: when a relay point's access point is in range (a
 * configured SSID, from wpa_supplicant's or NetworkManager's access-point
 * reports, or a scan when neither runs), join its network, let sync meet
 * the relay point behind it until the link has nothing left to move or the
 * time budget runs out, and put the laptop back on the network it was on.
 *
 *   idle -> joining -> syncing -> leaving -> idle
 *
 * One cycle at a time; an SSID is not joined again within a cool-down,
 * whatever the radio says. Wi-Fi itself is behind WifiControl (a worker
 * process on a laptop).
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import { LinkActivity, type MuleLink } from './link-activity.js';
import type { WifiControl } from './wifi-client.js';
import { isSsid, type WifiNetwork } from './wifi-protocol.js';

/** mule.budget_s's default: longest stay on a relay point's network, in ms. */
export const DEFAULT_MULE_BUDGET_MS = 120_000;
/** An SSID is not joined again within this long after a cycle on it ended, in ms. */
export const MULE_COOLDOWN_MS = 30 * 60_000;
/** A link that moved no data for this long has finished its meeting, in ms. */
export const MULE_QUIET_MS = 3_000;
/** How often a cycle looks at its links while syncing (only then), in ms. */
export const MULE_CHECK_MS = 1_000;
/** How often to scan for relay points when no D-Bus source reports access points, in ms. */
export const MULE_SCAN_INTERVAL_MS = 5 * 60_000;

export type MuleState = 'idle' | 'joining' | 'syncing' | 'leaving';
export type CycleOutcome = 'synced' | 'budget' | 'join_failed' | 'closed';

export interface AccessPointSeen {
  source: string;
  key: string;
  ssid: string;
}

export interface DataMuleOptions {
  clock: Clock;
  logger: Logger;
  counters: Counters;
  wifi: WifiControl;
  /** Relay points' SSIDs (mule.ssids); empty means the mule never moves. */
  ssids: readonly string[];
  budgetMs?: number;
  cooldownMs?: number;
  quietMs?: number;
  checkMs?: number;
  scanIntervalMs?: number;
  /** Subscribes to access points as discovery reports them; returns the unsubscribe. */
  onAccessPoint: (fn: (ap: AccessPointSeen) => void) => () => void;
  /** The open sync links (the session manager's). */
  links: () => readonly MuleLink[];
  /** True while some D-Bus source reports access points: then no scans. */
  accessPointSourcesUp: () => boolean;
}

export interface MuleStatus {
  state: MuleState;
  /** The relay point's network during a cycle. */
  ssid: string | undefined;
  /** The network to return to; undefined when the laptop was on none. */
  previous: string | undefined;
  cycles: number;
  lastOutcome: CycleOutcome | undefined;
}

export interface DataMule {
  start(): void;
  state(): MuleState;
  status(): MuleStatus;
  /** Resolves when the current cycle (if any) has ended, for tests and shutdown. */
  settled(): Promise<void>;
  /** Idempotent; a cycle under way is cut short and the laptop returned to its network. */
  close(): Promise<void>;
}

function positive(name: string, v: number | undefined): void {
  if (v !== undefined && (!Number.isFinite(v) || v <= 0)) throw SatchelError.invalidArgument(`${name} must be a positive number of ms`);
}

export function createDataMule(o: DataMuleOptions): DataMule {
  if (!Array.isArray(o.ssids) || !o.ssids.every(isSsid)) throw SatchelError.invalidArgument('mule SSIDs must be 1..32 bytes of text each');
  for (const k of ['budgetMs', 'cooldownMs', 'quietMs', 'checkMs', 'scanIntervalMs'] as const) positive(k, o[k]);
  for (const k of ['onAccessPoint', 'links', 'accessPointSourcesUp'] as const) {
    if (typeof o[k] !== 'function') throw SatchelError.invalidArgument(`data mule needs ${k}`);
  }
  const log = o.logger.child('mule');
  const wanted = new Set(o.ssids);
  const budgetMs = o.budgetMs ?? DEFAULT_MULE_BUDGET_MS;
  const cooldownMs = o.cooldownMs ?? MULE_COOLDOWN_MS;
  const quietMs = o.quietMs ?? MULE_QUIET_MS;
  const checkMs = o.checkMs ?? MULE_CHECK_MS;
  const activity = new LinkActivity(() => o.clock.monotonic());
  /** SSID → monotonic ms its last cycle ended. */
  const lastCycle = new Map<string, number>();
  /** Relay points seen while a cycle was under way, tried after it. */
  const waiting = new Set<string>();
  const status: MuleStatus = { state: 'idle', ssid: undefined, previous: undefined, cycles: 0, lastOutcome: undefined };
  let cycle: Promise<void> = Promise.resolve();
  let wake: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;
  let scanTimer: TimerHandle | undefined;
  let closed = false;

  const cooling = (ssid: string): boolean => {
    const at = lastCycle.get(ssid);
    return at !== undefined && o.clock.monotonic() - at < cooldownMs;
  };

  function consider(ssid: string): void {
    if (closed || !wanted.has(ssid) || cooling(ssid)) return;
    if (status.state !== 'idle') {
      if (ssid !== status.ssid) waiting.add(ssid);
      return;
    }
    status.state = 'joining';
    status.ssid = ssid;
    cycle = run(ssid).catch((err: unknown) => log.error('data-mule cycle failed', { ssid, error: String(err) }));
  }

  async function run(ssid: string): Promise<void> {
    o.counters.bump('mule.cycles');
    log.info('relay point in range; joining its network', { ssid });
    const was: WifiNetwork | undefined = await o.wifi.current().catch((err: unknown) => {
      log.warn('cannot tell which network the laptop is on', { error: String(err) });
      return undefined;
    });
    status.previous = was?.ssid;
    // Already on the relay point's network (it is the school's own): meet it and stay.
    const stay = was?.ssid === ssid;
    let outcome: CycleOutcome;
    const joined = stay || (await o.wifi.connect(ssid).then(() => true, (err: unknown) => {
      o.counters.bump('mule.join_failed');
      log.warn('cannot join the relay point\'s network', { ssid, error: String(err) });
      return false;
    }));
    if (!joined) outcome = 'join_failed';
    else if (closed) outcome = 'closed';
    else outcome = await sync();
    if (!stay) {
      status.state = 'leaving';
      await goBack(was);
    }
    lastCycle.set(ssid, o.clock.monotonic());
    status.cycles++;
    status.lastOutcome = outcome;
    o.counters.bump(`mule.outcome.${outcome}`);
    log.info('data-mule cycle over', { ssid, outcome, returnedTo: was?.ssid ?? '(no network)' });
    status.state = 'idle';
    status.ssid = undefined;
    status.previous = undefined;
    const next = [...waiting].find((s) => !cooling(s));
    waiting.clear();
    if (next !== undefined) consider(next);
  }

  /** Until every link made since the join has been quiet for quietMs (and there is one), or the budget is spent. */
  function sync(): Promise<CycleOutcome> {
    status.state = 'syncing';
    const started = o.clock.monotonic();
    const before = new Set(o.links().map((l) => l.peer.nodeId));
    return new Promise((resolve) => {
      let timer: TimerHandle | undefined;
      const finish = (outcome: CycleOutcome): void => {
        timer?.cancel();
        wake = undefined;
        resolve(outcome);
      };
      wake = () => finish('closed');
      const check = (): void => {
        const fresh = o.links().filter((l) => !before.has(l.peer.nodeId) && !l.session.closed);
        for (const l of fresh) activity.watch(l);
        if (fresh.length > 0 && fresh.every((l) => activity.quietForMs(l) >= quietMs)) return finish('synced');
        if (o.clock.monotonic() - started >= budgetMs) return finish('budget');
        // Only while a cycle syncs, and never past the budget.
        timer = o.clock.setTimeout(check, Math.min(checkMs, budgetMs - (o.clock.monotonic() - started)));
      };
      check();
    });
  }

  async function goBack(was: WifiNetwork | undefined): Promise<void> {
    try {
      if (was === undefined) await o.wifi.disconnect();
      else await o.wifi.reconnect(was.ssid);
    } catch (err) {
      o.counters.bump('mule.return_failed');
      log.warn('cannot return to the previous network', { to: was?.ssid ?? '(none)', error: String(err) });
    }
  }

  function scheduleScan(): void {
    if (closed || wanted.size === 0) return;
    scanTimer = o.clock.setTimeout(() => {
      scanTimer = undefined;
      void scan().finally(scheduleScan);
    }, o.scanIntervalMs ?? MULE_SCAN_INTERVAL_MS);
  }

  async function scan(): Promise<void> {
    if (closed || status.state !== 'idle' || o.accessPointSourcesUp()) return;
    o.counters.bump('mule.scans');
    const found = await o.wifi.scan().catch((err: unknown) => {
      log.debug('scan failed', { error: String(err) });
      return [];
    });
    for (const n of found) consider(n.ssid);
  }

  return {
    start() {
      if (closed) throw SatchelError.closed('data mule');
      if (unsubscribe !== undefined || wanted.size === 0) return;
      unsubscribe = o.onAccessPoint((ap) => {
        if (typeof ap?.ssid === 'string') consider(ap.ssid);
      });
      scheduleScan();
    },
    state: () => status.state,
    status: () => ({ ...status }),
    settled: () => cycle,
    async close() {
      if (closed) return cycle;
      closed = true;
      unsubscribe?.();
      scanTimer?.cancel();
      wake?.();
      return cycle;
    },
  };
}
