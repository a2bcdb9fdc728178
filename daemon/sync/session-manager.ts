/**
 * Keeps one session per neighbouring laptop. Beacons say who is near; the
 * node with the lower id dials at once and the other only after a grace
 * period, so two laptops normally open one session, not two. A neighbour that
 * stops beaconing has its session closed: TCP alone would not notice a
 * laptop that walked out of radio range.
 */
import { keyIdHex, toHex } from '../crypto/keys.js';
import { createListener, type Listener } from '../transport/listener.js';
import { connectSession } from '../transport/connect.js';
import type { Session } from '../transport/session.js';
import type { NodeKeyPair } from '../transport/handshake.js';
import type { IdentityCard } from '../wire/messages.js';
import type { Clock } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { RandomBytes } from '../util/random.js';
import type { Mailbox } from './mailbox.js';
import { createPeerLink, peerFromSession, type PeerLink } from './peer-link.js';

/** How long the higher node id waits for the lower one to dial, in ms. */
export const DIAL_GRACE_MS = 3_000;
/** Least time between two dials to the same node, in ms. */
export const REDIAL_BACKOFF_MS = 4_000;
/** Longest wait between two retries of a failed dial, in ms. */
export const REDIAL_MAX_BACKOFF_MS = 64_000;
/** How often every open session gets an empty keepalive frame, in ms. */
export const KEEPALIVE_INTERVAL_MS = 5_000;
/**
 * A session silent this long is dead (a laptop left radio range), in ms:
 * two keepalives missed. Checked on the keepalive tick, so a dead session is
 * closed 11 to 16 s after its last frame, as soon as the beacon table would.
 */
export const LINK_SILENCE_MS = 2 * KEEPALIVE_INTERVAL_MS + 1_000;

export interface SessionManagerOptions {
  mailbox: Mailbox;
  nodeKey: NodeKeyPair;
  card: () => IdentityCard;
  host: string;
  port: number;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  counters: Counters;
}

export interface HeardNode {
  nodeId: Uint8Array;
  address: string;
  sessionPort: number;
  /** The discovery source that reported it; 'beacon' when not said. */
  source?: string;
}

export interface ProbeTarget {
  address: string;
  sessionPort: number;
  source: string;
}

export interface SessionManager {
  start(): Promise<{ port: number }>;
  /** A beacon was heard from this node. */
  heard(node: HeardNode): void;
  /** Discovery lost this node. */
  lost(nodeIdHex: string): void;
  /**
   * Dials an address whose node id is not known yet (a mesh peer's MAC
   * resolved to an address); the handshake tells who answered. Resolves to
   * that node id, or undefined when nobody satchel answered.
   */
  probe(target: ProbeTarget): Promise<string | undefined>;
  links(): PeerLink[];
  /** Our card changed (a new display name): tell every neighbour now. */
  cardChanged(): void;
  /**
   * Going to sleep: no session is dialled or accepted until refresh(); every
   * link stops offering, waits for answers to what it sent, then closes.
   */
  suspend(): Promise<void>;
  /** Back from sleep: sessions allowed again, and these nodes dialled now (no grace, no backoff). */
  refresh(nodes: Iterable<HeardNode>): void;
  close(): Promise<void>;
}

export function createSessionManager(opts: SessionManagerOptions): SessionManager {
  const log = opts.logger.child('sync');
  const myId = keyIdHex(opts.nodeKey.publicKey);
  const links = new Map<string, PeerLink>();
  const dialing = new Set<string>();
  const lastDial = new Map<string, number>();
  /** Where each node was last heard, for one redial when its session drops unasked. */
  const lastHeard = new Map<string, HeardNode>();
  /** Probes under way, by address and port: a source repeating itself does not dial twice. */
  const probing = new Map<string, Promise<string | undefined>>();
  /** Grace dials not yet made; a neighbour lost before its grace ran out is not dialled. */
  const graceDials = new Map<string, { cancel(): void }>();
  let listener: Listener | undefined;
  let closed = false;
  /** Between suspend() and refresh(): the laptop is going to sleep or asleep. */
  let suspended = false;

  const sessionOpts = () => ({
    nodeKey: opts.nodeKey, card: opts.card(), clock: opts.clock, random: opts.random,
    logger: opts.logger.child('transport'), counters: opts.counters,
  });

  function adopt(session: Session, via: string): void {
    if (closed || suspended) return session.destroy();
    let link: PeerLink;
    try {
      const peer = peerFromSession(session, via);
      const existing = links.get(peer.nodeId);
      if (existing && !existing.session.closed) {
        // Both sides dialled at once: keep the session the lower node id opened.
        // The same opener twice means the peer came back: the new one is live.
        const newOpener = session.initiator ? myId : peer.nodeId;
        const oldOpener = existing.session.initiator ? myId : peer.nodeId;
        const keepNew = newOpener === oldOpener || newOpener < oldOpener;
        if (!keepNew) {
          void session.close();
          return;
        }
        existing.session.removeAllListeners('close');
        void existing.session.close();
      }
      link = createPeerLink({
        session, peer, mailbox: opts.mailbox, counters: opts.counters, logger: log, random: opts.random,
        opener: myId < peer.nodeId, now: () => opts.clock.monotonic(),
      });
    } catch (err) {
      opts.counters.bump('sync.peer_rejected');
      log.warn('peer rejected', { address: session.remoteAddress, error: (err as Error).message });
      session.destroy(err as Error);
      return;
    }
    links.set(link.peer.nodeId, link);
    retryAt.delete(link.peer.nodeId);
    opts.counters.bump('sync.sessions');
    log.info('neighbour up', { node: link.peer.nodeId, user: link.peer.userId, address: link.peer.address });
    session.on('close', () => {
      if (links.get(link.peer.nodeId) !== link) return;
      links.delete(link.peer.nodeId);
      log.info('neighbour down', { node: link.peer.nodeId });
      opts.mailbox.peerDown(link.peer);
      if (myId < link.peer.nodeId) retryLater(link.peer.nodeId, 1);
    });
    opts.mailbox.peerUp(link.peer);
    link.start();
    scheduleSweep();
  }

  /**
   * One timer for all sessions, and none when there are none. TCP alone
   * keeps a session to a vanished laptop open for many minutes, and beacons
   * only cover peers whose beacons we hear, so liveness is checked here.
   */
  let sweepTimer: { cancel(): void } | undefined;
  function scheduleSweep(): void {
    if (sweepTimer || closed || links.size === 0) return;
    sweepTimer = opts.clock.setTimeout(() => {
      sweepTimer = undefined;
      const now = opts.clock.monotonic();
      for (const link of links.values()) {
        if (now - link.lastHeardMs > LINK_SILENCE_MS) {
          opts.counters.bump('sync.link_silent');
          log.info('neighbour silent; closing', { node: link.peer.nodeId });
          link.session.destroy();
        } else {
          link.send({});
        }
      }
      scheduleSweep();
    }, KEEPALIVE_INTERVAL_MS);
  }

  /**
   * Dials that failed, and sessions that dropped while discovery still knows
   * the node (a reset, a peer restart), are tried again with a doubling
   * backoff: in a quiet room the next beacon can be minutes away, and on a
   * busy laptop a handshake can time out. A laptop that walked off fails its
   * retries until discovery times it out (lost). One timer for all retries.
   */
  const retryAt = new Map<string, { at: number; attempt: number }>();
  let retryTimer: { cancel(): void } | undefined;
  let retryTimerAt = Infinity;

  function retryLater(id: string, attempt: number): void {
    if (closed || !lastHeard.has(id)) return;
    const delay = Math.min(REDIAL_BACKOFF_MS * 2 ** (attempt - 1), REDIAL_MAX_BACKOFF_MS);
    retryAt.set(id, { at: opts.clock.monotonic() + delay, attempt });
    armRetry();
  }

  function armRetry(): void {
    let next = Infinity;
    for (const r of retryAt.values()) next = Math.min(next, r.at);
    if (next === retryTimerAt) return;
    retryTimer?.cancel();
    retryTimer = undefined;
    retryTimerAt = next;
    if (next === Infinity || closed) return;
    retryTimer = opts.clock.setTimeout(runRetries, Math.max(0, next - opts.clock.monotonic()));
  }

  function runRetries(): void {
    retryTimer = undefined;
    retryTimerAt = Infinity;
    const now = opts.clock.monotonic();
    for (const [id, r] of [...retryAt]) {
      if (r.at > now) continue;
      retryAt.delete(id);
      const node = lastHeard.get(id);
      if (node === undefined || links.has(id)) continue;
      lastDial.delete(id);
      dial(node, r.attempt);
    }
    armRetry();
  }

  function dial(node: HeardNode, attempt = 0): void {
    const id = toHex(node.nodeId);
    if (closed || suspended || links.has(id) || dialing.has(id)) return;
    const now = opts.clock.monotonic();
    if (now - (lastDial.get(id) ?? -Infinity) < REDIAL_BACKOFF_MS) return;
    lastDial.set(id, now);
    dialing.add(id);
    connectSession({ ...sessionOpts(), host: node.address, port: node.sessionPort, expectedPeerNodeId: node.nodeId })
      .then((s) => adopt(s, node.source ?? 'beacon'), (err: Error) => {
        log.debug('dial failed', { node: id, error: err.message, attempt });
        retryLater(id, attempt + 1);
      })
      .finally(() => dialing.delete(id));
  }

  opts.mailbox.onHeld((ids, fromNode) => {
    for (const link of links.values()) if (link.peer.nodeId !== fromNode) link.push(ids);
  });

  return {
    async start() {
      const base = sessionOpts();
      listener = createListener({
        ...base,
        get card() { return opts.card(); },
        host: opts.host, port: opts.port, onSession: (s) => adopt(s, 'inbound'),
      });
      return listener.start();
    },
    heard(node) {
      const id = toHex(node.nodeId);
      if (id === myId) return;
      lastHeard.set(id, node);
      if (links.has(id)) return;
      if (myId < id) dial(node);
      else if (!graceDials.has(id)) {
        graceDials.set(id, opts.clock.setTimeout(() => { graceDials.delete(id); dial(node); }, DIAL_GRACE_MS));
      }
    },
    lost(nodeIdHex) {
      lastHeard.delete(nodeIdHex);
      retryAt.delete(nodeIdHex);
      graceDials.get(nodeIdHex)?.cancel();
      graceDials.delete(nodeIdHex);
      const link = links.get(nodeIdHex);
      if (link) link.session.destroy();
    },
    probe(target) {
      const where = `${target.address}#${target.sessionPort}`;
      if (closed) return Promise.resolve(undefined);
      let p = probing.get(where);
      if (p) return p;
      p = connectSession({ ...sessionOpts(), host: target.address, port: target.sessionPort })
        .then((s) => {
          const id = toHex(s.peerNodeId);
          if (id === myId) {
            void s.close();
            return undefined;
          }
          adopt(s, target.source);
          return id;
        }, (err: Error) => {
          log.debug('probe failed', { address: target.address, error: err.message });
          return undefined;
        })
        .finally(() => probing.delete(where));
      probing.set(where, p);
      return p;
    },
    links: () => [...links.values()],
    cardChanged() {
      const card = opts.card();
      for (const link of links.values()) link.send({ card });
    },
    async suspend() {
      suspended = true;
      for (const g of graceDials.values()) g.cancel();
      graceDials.clear();
      await Promise.all([...links.values()].map(async (link) => {
        const ended = new Promise<void>((resolve) => {
          if (link.session.closed) resolve();
          else link.session.once('close', () => resolve());
        });
        await Promise.race([link.quiesce(), ended]);
        await link.session.close();
      }));
    },
    refresh(nodes) {
      if (closed) return;
      suspended = false;
      for (const node of nodes) {
        const id = toHex(node.nodeId);
        lastDial.delete(id);
        // Dialled now: a retry still waiting from before the sleep is moot.
        retryAt.delete(id);
        if (id !== myId) lastHeard.set(id, node);
        dial(node);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      sweepTimer?.cancel();
      for (const g of graceDials.values()) g.cancel();
      graceDials.clear();
      retryTimer?.cancel();
      retryAt.clear();
      await listener?.close();
      await Promise.all([...links.values()].map((l) => l.session.close()));
      links.clear();
    },
  };
}
