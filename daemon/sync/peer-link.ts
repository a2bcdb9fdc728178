/**
 * One authenticated session seen from sync: checks the peer's card, then
 * hands over everything waiting for that person and answers every batch of
 * envelopes with which ids are stored and which are refused.
 */
import { verifyCard } from '../crypto/card.js';
import { keyIdHex, toHex } from '../crypto/keys.js';
import { envelopeId } from '../crypto/seal.js';
import { SatchelError } from '../errors/satchel-error.js';
import { MAX_FRAME_BYTES, encodeEnvelope, type Envelope, type Frame, type IdentityCard } from '../wire/messages.js';
import type { Session } from '../transport/session.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { LinkPeer, Mailbox } from './mailbox.js';

/** Room left in a frame for field tags and the ack lists, in bytes. */
const FRAME_HEADROOM_BYTES = 1024;

export function peerFromSession(session: Session, via: string): LinkPeer {
  const card = session.peerCard;
  const { userKey, displayName } = verifyCard(card, session.peerNodeKey);
  return {
    userId: keyIdHex(userKey), userKey, displayName, nodeId: keyIdHex(session.peerNodeKey), nodeKey: session.peerNodeKey,
    address: `${session.remoteAddress}:${session.remotePort}`, via,
  };
}

/** Splits envelopes into frames that stay under the frame limit. */
export function batches(envelopes: Envelope[]): Envelope[][] {
  const out: Envelope[][] = [];
  let cur: Envelope[] = [];
  let size = 0;
  for (const e of envelopes) {
    const n = encodeEnvelope(e).length + 4;
    if (cur.length > 0 && size + n > MAX_FRAME_BYTES - FRAME_HEADROOM_BYTES) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(e);
    size += n;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export interface PeerLink {
  readonly peer: LinkPeer;
  readonly session: Session;
  /** clock.monotonic() when the peer last sent anything on this session. */
  readonly lastHeardMs: number;
  /** Offers whatever waits for this peer and is not already in flight. */
  offer(): void;
  send(frame: Frame): void;
}

/** A newer card must be the same person on the same laptop; only the name may change. */
function updatedPeer(peer: LinkPeer, session: Session, card: IdentityCard): LinkPeer {
  const { userKey, displayName } = verifyCard(card, session.peerNodeKey);
  if (keyIdHex(userKey) !== peer.userId) throw SatchelError.badFrame('a card for another user on a live session');
  return { ...peer, displayName };
}

export function createPeerLink(session: Session, peer: LinkPeer, mailbox: Mailbox, counters: Counters, logger: Logger, now: () => number): PeerLink {
  const inFlight = new Set<string>();
  let lastHeardMs = now();

  const send = (frame: Frame): void => {
    if (!session.closed) session.send(frame);
  };

  session.on('frame', (frame) => {
    lastHeardMs = now();
    try {
      if (frame.card) {
        try {
          link.peer = updatedPeer(link.peer, session, frame.card);
          mailbox.peerChanged(link.peer);
        } catch (err) {
          counters.bump('sync.card_rejected');
          logger.warn('newer card refused', { peer: link.peer.nodeId, error: (err as Error).message });
        }
      }
      const envelopes = frame.envelopes ?? [];
      if (envelopes.length > 0) {
        const { stored, refused } = mailbox.accept(link.peer, envelopes);
        send({ stored, refused });
      }
      const stored = frame.stored ?? [];
      const refused = frame.refused ?? [];
      if (stored.length + refused.length > 0) {
        for (const id of [...stored, ...refused]) inFlight.delete(toHex(id));
        mailbox.acknowledged(link.peer, stored, refused);
      }
    } catch (err) {
      // A local failure (store full, a bug) must not take the daemon down; the
      // peer offers the same envelopes again at the next meeting.
      counters.bump('sync.frame_failed');
      logger.warn('could not process frame', { peer: link.peer.nodeId, error: (err as Error).message });
      if (!(err instanceof SatchelError)) session.destroy(err as Error);
    }
  });

  const link = {
    peer,
    session,
    get lastHeardMs() { return lastHeardMs; },
    send,
    offer() {
      const fresh = mailbox.pendingFor(link.peer.userId).filter((e) => {
        // One copy in flight per session; the ack names the same id.
        const key = toHex(envelopeId(e));
        if (inFlight.has(key)) return false;
        inFlight.add(key);
        return true;
      });
      for (const batch of batches(fresh)) send({ envelopes: batch });
      if (fresh.length > 0) counters.bump('sync.offered', fresh.length);
    },
  };
  return link;
}
