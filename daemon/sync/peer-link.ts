/**
 * One authenticated session seen from sync. On meeting, both sides share
 * their routing state and the lower node id opens a reconciliation; what
 * each lacks is then sent best first through a send window, and every
 * batch of envelopes is answered with which ids are stored and which are
 * refused. Anything new while the link is up is offered as it comes.
 */
import { verifyCard } from '../crypto/card.js';
import { keyIdHex, toHex } from '../crypto/keys.js';
import { SatchelError } from '../errors/satchel-error.js';
import type { Frame, IdentityCard, Reconcile } from '../wire/messages.js';
import type { Session } from '../transport/session.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { RandomBytes } from '../util/random.js';
import { createReconciler, type Reconciler } from './reconcile/reconciler.js';
import type { Ack, LinkPeer, Mailbox } from './mailbox.js';
import { createSendQueue } from './send-queue.js';

export function peerFromSession(session: Session, via: string): LinkPeer {
  const card = session.peerCard;
  const { userKey, displayName } = verifyCard(card, session.peerNodeKey);
  return {
    userId: keyIdHex(userKey), userKey, displayName, nodeId: keyIdHex(session.peerNodeKey), nodeKey: session.peerNodeKey,
    address: `${session.remoteAddress}:${session.remotePort}`, via,
  };
}

/**
 * What a peer link needs of its session. The daemon's is a TCP Session; the
 * simulator (daemon/sim) runs the same link over a simulated radio link.
 */
export interface LinkSession {
  readonly closed: boolean;
  send(frame: Frame): void;
  on(event: 'frame', fn: (frame: Frame) => void): unknown;
  destroy(err?: Error): void;
}

export interface PeerLink<S extends LinkSession = Session> {
  readonly peer: LinkPeer;
  readonly session: S;
  /** clock.monotonic() when the peer last sent anything on this session. */
  readonly lastHeardMs: number;
  /** Shares routing state and, on the opening side, starts reconciliation. */
  start(): void;
  /** Offers these ids (hex) if routing lets the peer have them. */
  push(ids: string[]): void;
  send(frame: Frame): void;
  /**
   * Going to sleep: nothing more is offered or sent from the queue, while
   * what the peer hands over is still stored and acknowledged. Resolves once
   * every envelope already sent has been answered; a session that dies first
   * never answers, so callers race this with the session's end.
   */
  quiesce(): Promise<void>;
}

export interface PeerLinkOptions<S extends LinkSession = Session> {
  session: S;
  peer: LinkPeer;
  mailbox: Mailbox;
  counters: Counters;
  logger: Logger;
  random: RandomBytes;
  /** This side opens reconciliation (the lower node id). */
  opener: boolean;
  now: () => number;
}

/** A newer card must be the same person on the same laptop; only the name may change. */
function updatedPeer(peer: LinkPeer, card: IdentityCard): LinkPeer {
  const { userKey, displayName } = verifyCard(card, peer.nodeKey);
  if (keyIdHex(userKey) !== peer.userId) throw SatchelError.badFrame('a card for another user on a live session');
  return { ...peer, displayName };
}

export function createPeerLink<S extends LinkSession = Session>(o: PeerLinkOptions<S>): PeerLink<S> {
  const { session, mailbox, counters, logger } = o;
  const queue = createSendQueue();
  let lastHeardMs = o.now();
  let reconciler: Reconciler | undefined;
  /** Set by quiesce(): the queue stays as it is; the next meeting offers it again. */
  let quiet = false;
  let answered: (() => void)[] = [];
  const settleQuiet = (): void => {
    if (!quiet || queue.inFlightBytes > 0) return;
    for (const fn of answered) fn();
    answered = [];
  };

  const send = (frame: Frame): void => {
    if (!session.closed) session.send(frame);
  };
  const drain = (): void => {
    if (quiet) return;
    for (const f of queue.take()) send(f);
  };
  const offer = (ids?: string[]): void => {
    if (quiet) return;
    const offers = mailbox.offersFor(link.peer, ids);
    if (offers.length === 0) return;
    counters.bump('sync.offered', offers.length);
    queue.add(offers);
    drain();
  };

  function onReconcile(msg: Reconcile): void {
    if (reconciler === undefined) reconciler = createReconciler({ set: mailbox.heldIds(), role: 'answerer', random: o.random });
    let step;
    try {
      step = reconciler.receive(msg);
    } catch (err) {
      counters.bump('sync.reconcile_failed');
      logger.warn('reconciliation failed; offering everything', { peer: link.peer.nodeId, error: (err as Error).message });
      reconciler = undefined;
      offer();
      return;
    }
    for (const reply of step.replies) send({ reconcile: reply });
    if (step.result === undefined) return;
    counters.bump(step.result.inSync ? 'sync.reconcile.in_sync' : 'sync.reconcile.differ');
    if (step.result.theyLack.length > 0) offer(step.result.theyLack.map(toHex));
  }

  function onAcks(stored: Uint8Array[], refused: Uint8Array[]): void {
    const acks: Ack[] = [];
    for (const [list, ok] of [[stored, true], [refused, false]] as const) {
      for (const raw of list) {
        const id = toHex(raw);
        const sent = queue.settle(id);
        if (sent === undefined) continue;
        if (!ok) queue.decline(id);
        acks.push({ id, to: sent.to, stored: ok, copiesGiven: sent.copiesGiven });
      }
    }
    if (acks.length > 0) mailbox.acknowledged(link.peer, acks);
    drain();
    settleQuiet();
  }

  session.on('frame', (frame: Frame) => {
    lastHeardMs = o.now();
    try {
      if (frame.card) {
        try {
          link.peer = updatedPeer(link.peer, frame.card);
          mailbox.peerChanged(link.peer);
        } catch (err) {
          counters.bump('sync.card_rejected');
          logger.warn('newer card refused', { peer: link.peer.nodeId, error: (err as Error).message });
        }
      }
      if (frame.route) mailbox.routed(link.peer, frame.route);
      const envelopes = frame.envelopes ?? [];
      const proofs = frame.proofs ?? [];
      if (envelopes.length + proofs.length > 0) {
        const { stored, refused } = mailbox.accept(link.peer, envelopes, proofs);
        if (stored.length + refused.length > 0) send({ stored, refused });
      }
      const stored = frame.stored ?? [];
      const refused = frame.refused ?? [];
      if (stored.length + refused.length > 0) onAcks(stored, refused);
      if (frame.reconcile) onReconcile(frame.reconcile);
    } catch (err) {
      // A local failure (store full, a bug) must not take the daemon down; the
      // peer offers the same envelopes again at the next meeting.
      counters.bump('sync.frame_failed');
      logger.warn('could not process frame', { peer: link.peer.nodeId, error: (err as Error).message });
      if (!(err instanceof SatchelError)) session.destroy(err as Error);
    }
  });

  const link = {
    peer: o.peer,
    session,
    get lastHeardMs() { return lastHeardMs; },
    send,
    start() {
      // Always sent, even empty (2 bytes): receiving it is how routing learns of the meeting, once.
      const first: Frame = { route: mailbox.routeInfo(link.peer) ?? {} };
      if (o.opener) {
        reconciler = createReconciler({ set: mailbox.heldIds(), role: 'opener', random: o.random });
        const open = reconciler.start();
        if (open !== undefined) first.reconcile = open;
      }
      send(first);
    },
    push: (ids: string[]) => offer(ids),
    quiesce: () => new Promise<void>((resolve) => {
      quiet = true;
      answered.push(resolve);
      settleQuiet();
    }),
  };
  return link;
}
