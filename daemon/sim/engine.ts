/**
 * The simulator: many laptops in one process on one virtual clock, each
 * running the daemon's real store, messenger, routing and sync, meeting
 * when a contact trace says so over links with a bandwidth, and writing the
 * messages a workload says. See docs/simulation-report.md for the modelling
 * choices and what they mean for the figures.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SatchelError, isSatchelError } from '../errors/satchel-error.js';
import { MAX_TEXT_BYTES } from '../messenger/api.js';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '../messenger/attachment-rules.js';
import { outboxEntry, piecesOf } from '../messenger/outbox.js';
import { DEFAULT_CARRY_QUOTA_BYTES } from '../messenger/quotas.js';
import type { Mailbox } from '../sync/mailbox.js';
import { seededRandom } from '../util/random.js';
import { decodeEnvelope } from '../wire/messages.js';
import { createMetrics, envelopeKey, type SimMetrics, type Tracked, type TrackedMessage } from './metrics.js';
import type { OneEvents, MessageEvent } from './one-events.js';
import { createProofMemo } from './proof-memo.js';
import { createSimClock } from './sim-clock.js';
import { createSimLink, DEFAULT_BANDWIDTH_BYTES_PER_S, type SimLink } from './sim-link.js';
import { createSimNode, type SimNode } from './sim-node.js';

/** How often the progress callback is called, in wall-clock ms. */
export const DEFAULT_PROGRESS_INTERVAL_MS = 1000;
/** Where stores go when not told: a RAM disk when there is one, so LMDB commits cost no disk flush. */
export const SHM_DIR = '/dev/shm';

export interface SimOptions {
  events: OneEvents;
  /** A routing strategy name (daemon/routing). */
  strategy: string;
  routingOptions?: Record<string, unknown>;
  /** Carry quota of each laptop, in bytes (the ONE's buffer size); DEFAULT_CARRY_QUOTA_BYTES when absent. */
  bufferBytes?: number;
  /** Carry share one neighbour may fill, in bytes; the whole buffer when absent (the ONE has no such share). */
  sourceShareBytes?: number;
  /** Link bandwidth, bytes per second; DEFAULT_BANDWIDTH_BYTES_PER_S when absent. */
  bandwidthBytesPerS?: number;
  /** Seeds every laptop's randomness (keys, nonces, reconciliation). */
  seed?: number;
  /** Simulated seconds to run; up to the last event when absent. */
  endS?: number;
  /** Lifetime of new messages, in seconds; the daemon's default when absent. */
  lifetimeS?: number;
  /** Hosts that are relay points, with the place each serves ('' for none). */
  relayPoints?: Record<string, string>;
  /** Parent directory for the laptops' stores; /dev/shm or the system's temporary directory when absent. */
  workDir?: string;
  onProgress?: (p: SimProgress) => void;
  progressIntervalMs?: number;
}

export interface SimProgress {
  simS: number;
  endS: number;
  created: number;
  delivered: number;
  openLinks: number;
  events: number;
}

export interface SimResult {
  strategy: string;
  hosts: number;
  contacts: number;
  simulatedS: number;
  bufferBytes: number;
  bandwidthBytesPerS: number;
  seed: number;
  metrics: SimMetrics;
  /** Every workload message and what happened to it. */
  messages: TrackedMessage[];
  events: number;
  wallMs: number;
}

function checkPositive(v: number | undefined, name: string): void {
  if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) throw SatchelError.invalidArgument(`${name} must be a positive number`);
}

function workBase(given: string | undefined): string {
  if (given !== undefined) return given;
  try {
    if (statSync(SHM_DIR).isDirectory()) return SHM_DIR;
  } catch {
    // No RAM disk here: the system's temporary directory will do, more slowly.
  }
  return tmpdir();
}

/** A distinct, reproducible stream for each laptop. */
function nodeSeed(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

export async function runSimulation(o: SimOptions): Promise<SimResult> {
  if (typeof o !== 'object' || o === null || typeof o.events !== 'object' || o.events === null) {
    throw SatchelError.invalidArgument('runSimulation needs events');
  }
  checkPositive(o.bufferBytes, 'bufferBytes');
  checkPositive(o.sourceShareBytes, 'sourceShareBytes');
  checkPositive(o.bandwidthBytesPerS, 'bandwidthBytesPerS');
  checkPositive(o.lifetimeS, 'lifetimeS');
  if (o.endS !== undefined && !(Number.isFinite(o.endS) && o.endS >= 0)) throw SatchelError.invalidArgument('endS must be a number of seconds');
  const seed = o.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw SatchelError.invalidArgument('seed must be an integer from 0 to 2^32-1');
  const { events } = o;
  const bufferBytes = o.bufferBytes ?? DEFAULT_CARRY_QUOTA_BYTES;
  const bandwidth = o.bandwidthBytesPerS ?? DEFAULT_BANDWIDTH_BYTES_PER_S;
  const lastS = Math.max(0, ...events.contacts.map((c) => c.timeS), ...events.messages.map((m) => m.timeS));
  const endMs = (o.endS ?? lastS) * 1000;
  const largest = Math.max(0, ...events.messages.map((m) => m.sizeBytes));
  const attachmentMaxBytes = Math.max(DEFAULT_ATTACHMENT_MAX_BYTES, largest);

  const started = performance.now();
  const clock = createSimClock();
  const metrics = createMetrics();
  const base = workBase(o.workDir);
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'satchel-sim-'));
  const nodes = new Map<string, SimNode>();
  const checkProof = createProofMemo();
  const sample = (n: SimNode): void => metrics.sample(n.name, n.storeBytes());
  const held = (n: SimNode, id: string): boolean => n.store.carry.doesExist(id) || n.store.received.doesExist(id);

  /** The messenger as sync sees it, counting transfers of workload messages and watching store use. */
  const counting = (n: SimNode, m: Mailbox): Mailbox => ({
    peerUp: (p) => m.peerUp(p), peerDown: (p) => m.peerDown(p), peerChanged: (p) => m.peerChanged(p),
    routed: (p, info) => m.routed(p, info), routeInfo: (p) => m.routeInfo(p), heldIds: () => m.heldIds(),
    offersFor: (p, ids) => m.offersFor(p, ids), onHeld: (fn) => m.onHeld(fn),
    accept(peer, envelopes, proofs) {
      const watch: Tracked[] = [];
      for (const env of envelopes) {
        const key = envelopeKey(env);
        const t = key === undefined ? undefined : metrics.byKey.get(key);
        if (t?.header && !held(n, t.id)) watch.push(t);
      }
      const r = m.accept(peer, envelopes, proofs);
      for (const t of watch) if (held(n, t.id)) t.msg.relays++;
      sample(n);
      return r;
    },
    acknowledged(peer, acks) {
      m.acknowledged(peer, acks);
      sample(n);
    },
  });

  let index = 0;
  try {
    for (const host of events.hosts) {
      const place = o.relayPoints?.[host];
      const node = createSimNode({
        name: host, dir: join(dir, String(index)), clock, random: seededRandom(nodeSeed(seed, index)), routing: o.strategy,
        ...(o.routingOptions !== undefined ? { routingOptions: o.routingOptions } : {}),
        ...(place !== undefined ? { relayPoint: true, ...(place !== '' ? { place } : {}) } : {
          carryLimits: { quotaBytes: bufferBytes, sourceShareBytes: Math.min(bufferBytes, o.sourceShareBytes ?? bufferBytes) },
        }),
        ...(o.lifetimeS !== undefined ? { lifetimeS: o.lifetimeS } : {}),
        attachmentMaxBytes, checkProof,
        wrapMailbox: counting,
      });
      index++;
      nodes.set(host, node);
      node.messenger.on('messageReceived', (mi) => {
        const t = metrics.byId.get(mi.id);
        if (t !== undefined && t.header && t.msg.to === host && t.msg.deliveredMs === undefined) t.msg.deliveredMs = clock.monotonic();
      });
    }
    addWorkloadContacts(events, nodes, clock.now());

    const links = new Map<string, SimLink>();
    const pairKey = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
    for (const c of events.contacts) {
      clock.at(c.timeS * 1000, () => {
        const key = pairKey(c.a, c.b);
        const open = links.get(key);
        if (c.up) {
          if (open !== undefined && !open.closed) return;
          const a = nodes.get(c.a) as SimNode;
          const b = nodes.get(c.b) as SimNode;
          const link = createSimLink(clock, bandwidth, { frame: (_from, f, wire, fraction) => metrics.frame(f, wire, fraction) });
          links.set(key, link);
          a.attach(b, link.a);
          b.attach(a, link.b);
        } else if (open !== undefined) {
          open.cut();
          links.delete(key);
        }
      });
    }
    for (const m of events.messages) clock.at(m.timeS * 1000, () => { void create(m); });

    async function create(ev: MessageEvent): Promise<void> {
      const from = nodes.get(ev.from) as SimNode;
      const to = nodes.get(ev.to) as SimNode;
      const msg: TrackedMessage = { oneId: ev.id, from: ev.from, to: ev.to, sizeBytes: ev.sizeBytes, createdMs: clock.monotonic(), relays: 0 };
      const toId = to.peer.userId;
      let id: string;
      try {
        id = ev.sizeBytes <= MAX_TEXT_BYTES
          ? await from.messenger.send(toId, 'x'.repeat(ev.sizeBytes))
          : await from.messenger.sendWithAttachment(toId, '', { name: 'drawing.svg', mediaType: 'image/svg+xml', bytes: new Uint8Array(ev.sizeBytes) });
      } catch (err) {
        msg.refused = isSatchelError(err) ? err.code : (err as Error).message;
        metrics.track(msg, []);
        return;
      }
      const header = outboxEntry(from.store, id);
      const envelopes = [header, ...piecesOf(from.store, toId, id)].flatMap((r, i) => {
        const key = r === undefined ? undefined : envelopeKey(decodeEnvelope(r.envelope));
        return r === undefined || key === undefined ? [] : [{ id: r.id, key, header: i === 0 }];
      });
      metrics.track(msg, envelopes);
      sample(from);
    }

    const interval = o.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
    let lastReport = performance.now();
    let count = 0;
    const progress = (): SimProgress => ({
      simS: clock.monotonic() / 1000, endS: endMs / 1000, created: metrics.messages.length,
      delivered: metrics.messages.filter((m) => m.deliveredMs !== undefined).length, openLinks: links.size, events: count,
    });
    for (let t = clock.peek(); t !== undefined && t <= endMs; t = clock.peek()) {
      clock.step();
      count++;
      // What the event set going (a held-id push, a send's continuation) runs before the next event.
      await new Promise((r) => setImmediate(r));
      if (o.onProgress !== undefined && (count & 255) === 0 && performance.now() - lastReport >= interval) {
        lastReport = performance.now();
        o.onProgress(progress());
      }
    }
    o.onProgress?.(progress());

    const final = new Map([...nodes].map(([name, n]) => [name, n.storeBytes()]));
    for (const n of nodes.values()) sample(n);
    const result: SimResult = {
      strategy: o.strategy, hosts: nodes.size, contacts: events.contacts.filter((c) => c.up).length, simulatedS: endMs / 1000,
      bufferBytes, bandwidthBytesPerS: bandwidth, seed,
      metrics: metrics.finish(final, [...nodes.values()].map((n) => n.counters.snapshot())),
      messages: metrics.messages, events: count, wallMs: Math.round(performance.now() - started),
    };
    return result;
  } finally {
    for (const n of nodes.values()) await n.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everyone the workload has write to someone has that someone among their contacts, and back. */
function addWorkloadContacts(events: OneEvents, nodes: Map<string, SimNode>, nowMs: number): void {
  const pairs = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    const s = pairs.get(a) ?? new Set<string>();
    s.add(b);
    pairs.set(a, s);
  };
  for (const m of events.messages) { add(m.from, m.to); add(m.to, m.from); }
  for (const [host, others] of pairs) {
    const n = nodes.get(host) as SimNode;
    n.store.transact(() => {
      for (const other of others) {
        const p = (nodes.get(other) as SimNode).peer;
        n.store.contacts.put(p.userId, { id: p.userId, userKey: p.userKey, displayName: p.displayName, addedMs: nowMs });
      }
    });
  }
}
