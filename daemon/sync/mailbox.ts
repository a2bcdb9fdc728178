/**
 * What sync needs from the layer that owns messages: who a peer is, what is
 * waiting for them, and where to put what they hand over. The messenger
 * implements it; sync never reads the store itself.
 */
import type { Envelope } from '../wire/messages.js';

export interface LinkPeer {
  userId: string;
  userKey: Uint8Array;
  displayName: string;
  nodeId: string;
  nodeKey: Uint8Array;
  address: string;
  /** How this session came about: the discovery source that made us dial, or 'inbound' when the peer dialled us. */
  via: string;
}

export interface AcceptResult {
  /** Ids now durably stored here (including ones stored before): the peer may drop them. */
  stored: Uint8Array[];
  /** Ids this side will never take: the peer should stop offering them. */
  refused: Uint8Array[];
}

export interface Mailbox {
  peerUp(peer: LinkPeer): void;
  peerDown(peer: LinkPeer): void;
  /** The peer presented a newer card (a changed display name) on a live session. */
  peerChanged(peer: LinkPeer): void;
  /** Sealed envelopes waiting for this user, oldest first. */
  pendingFor(userId: string): Envelope[];
  accept(peer: LinkPeer, envelopes: Envelope[]): AcceptResult;
  acknowledged(peer: LinkPeer, stored: Uint8Array[], refused: Uint8Array[]): void;
  /** Called with the recipient id whenever something new waits for them. */
  onPending(fn: (userId: string) => void): void;
}
