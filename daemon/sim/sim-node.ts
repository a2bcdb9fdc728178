/**
 * One simulated laptop: the daemon's real store (LMDB in its own directory)
 * and messenger, and the real peer links of sync, on the simulator's clock.
 * What the session manager does on a laptop (one link per neighbour, new
 * envelopes pushed to every other neighbour) is done here for links that
 * the simulator opens and cuts; dialling, keepalives and the handshake have
 * no part in a contact trace, which says when two laptops are in touch.
 */
import { verifyCard } from '../crypto/card.js';
import { keyIdHex } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import { createMessenger, type Messenger } from '../messenger/messenger.js';
import type { CarryLimits } from '../messenger/quotas.js';
import type { ProofChecker } from '../messenger/proofs-in.js';
import { carryBytes } from '../messenger/carry-area.js';
import { outboxBytes } from '../messenger/outbox.js';
import { proofBytes } from '../messenger/proof-book.js';
import { isStrategyName, ROUTING_STRATEGY_NAMES } from '../routing/index.js';
import { openStore, type Store } from '../store/store.js';
import { createPeerLink, type PeerLink } from '../sync/peer-link.js';
import type { LinkPeer, Mailbox } from '../sync/mailbox.js';
import { createCounters, type Counters } from '../util/counters.js';
import { silentLogger } from '../util/log.js';
import type { RandomBytes } from '../util/random.js';
import type { SimClock } from './sim-clock.js';
import type { SimSession } from './sim-link.js';

export interface SimNodeOptions {
  name: string;
  /** An empty directory for this laptop's store. */
  dir: string;
  clock: SimClock;
  random: RandomBytes;
  routing: string;
  routingOptions?: Record<string, unknown>;
  relayPoint?: boolean;
  place?: string;
  carryLimits?: Partial<CarryLimits>;
  outboxQuotaBytes?: number;
  lifetimeS?: number;
  /** Largest file a message may carry, in bytes. */
  attachmentMaxBytes?: number;
  /** Checks delivery proofs (one memo shared by a run's laptops); checkProof when absent. */
  checkProof?: ProofChecker;
  /** Wraps the messenger where sync calls it, for counting; identity when absent. */
  wrapMailbox?: (node: SimNode, m: Mailbox) => Mailbox;
}

/** Bytes a laptop holds for delivery: its outbox, carried envelopes and delivery proofs. */
export interface StoreBytes {
  outbox: number;
  carry: number;
  proofs: number;
}

export interface SimNode {
  readonly name: string;
  readonly store: Store;
  readonly messenger: Messenger;
  readonly counters: Counters;
  /** How neighbours see this laptop on a link. */
  readonly peer: LinkPeer;
  readonly links: Map<string, PeerLink<SimSession>>;
  /** Opens the real peer link over one side of a simulated link to `other`. */
  attach(other: SimNode, session: SimSession): void;
  storeBytes(): StoreBytes;
  close(): Promise<void>;
}

export function createSimNode(o: SimNodeOptions): SimNode {
  if (typeof o !== 'object' || o === null || typeof o.name !== 'string' || o.name === '') {
    throw SatchelError.invalidArgument('a simulated node needs a name');
  }
  const store = openStore({ path: o.dir });
  const counters = createCounters();
  if (!isStrategyName(o.routing)) {
    throw SatchelError.config('routing', `unknown strategy ${JSON.stringify(String(o.routing).slice(0, 40))}; known: ${ROUTING_STRATEGY_NAMES.join(', ')}`);
  }
  let messenger: Messenger;
  try {
    messenger = createMessenger({
      store, clock: o.clock, random: o.random, logger: silentLogger, counters, routing: o.routing,
      ...(o.routingOptions !== undefined ? { routingOptions: o.routingOptions } : {}),
      ...(o.relayPoint !== undefined ? { relayPoint: o.relayPoint } : {}),
      ...(o.place !== undefined ? { place: o.place } : {}),
      ...(o.carryLimits !== undefined ? { carryLimits: o.carryLimits } : {}),
      ...(o.outboxQuotaBytes !== undefined ? { outboxQuotaBytes: o.outboxQuotaBytes } : {}),
      ...(o.lifetimeS !== undefined ? { lifetimeS: o.lifetimeS } : {}),
      ...(o.attachmentMaxBytes !== undefined ? { attachmentMaxBytes: o.attachmentMaxBytes } : {}),
      ...(o.checkProof !== undefined ? { checkProof: o.checkProof } : {}),
    });
    // Synchronous underneath; the name shows in traces and cards.
    void messenger.setDisplayName(o.name);
  } catch (err) {
    void store.close();
    throw err;
  }
  const nodeKey = messenger.nodeKey().publicKey;
  // Checked once here rather than at every meeting: the card never changes in a run.
  const { userKey, displayName } = verifyCard(messenger.card(), nodeKey);
  const peer: LinkPeer = {
    userId: keyIdHex(userKey), userKey, displayName, nodeId: keyIdHex(nodeKey), nodeKey, address: `sim:${o.name}`, via: 'sim',
  };
  const links = new Map<string, PeerLink<SimSession>>();

  const node: SimNode = {
    name: o.name, store, messenger, counters, peer, links,
    attach(other, session) {
      const mailbox = o.wrapMailbox ? o.wrapMailbox(node, messenger) : messenger;
      const link = createPeerLink({
        session, peer: other.peer, mailbox, counters, logger: silentLogger, random: o.random,
        opener: peer.nodeId < other.peer.nodeId, now: () => o.clock.monotonic(),
      });
      links.set(other.peer.nodeId, link);
      session.on('close', () => {
        if (links.get(other.peer.nodeId) !== link) return;
        links.delete(other.peer.nodeId);
        messenger.peerDown(other.peer);
      });
      messenger.peerUp(other.peer);
      link.start();
    },
    storeBytes: () => ({ outbox: outboxBytes(store), carry: carryBytes(store), proofs: proofBytes(store) }),
    async close() {
      messenger.close();
      await store.close();
    },
  };
  messenger.onHeld((ids, fromNode) => {
    for (const link of links.values()) if (link.peer.nodeId !== fromNode) link.push(ids);
  });
  return node;
}
