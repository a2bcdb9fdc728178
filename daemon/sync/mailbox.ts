/**
 * What sync needs from the layer that owns messages: who a peer is, which
 * ids this laptop holds, what routing lets a peer have, and where to put
 * what the peer hands over. The messenger implements it; sync never reads
 * the store itself.
 */
import type { DeliveryProof, Envelope, RouteInfo } from '../wire/messages.js';
import type { IdSet } from './reconcile/id-set.js';

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

/**
 * Transfer order when a meeting may be short: proofs and receipts first, then
 * text messages, then the pieces of the user's own files (so a long file does
 * not hold up a short message), carried mail last.
 */
export const PRIORITY = { proof: 0, receipt: 1, own: 2, forPeer: 3, ownPiece: 4, carried: 5 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

/** One thing to hand to a peer, prepared for this transfer (age, copies and hops already set). */
export interface Offer {
  /** 32 hex digits. */
  id: string;
  /** Recipient user id of an envelope; '' for a proof. */
  to: string;
  priority: Priority;
  bytes: number;
  envelope?: Envelope;
  proof?: DeliveryProof;
  /** Copies that go with this envelope (spray-and-wait); 0 when not counted. */
  copiesGiven: number;
  /** Within a priority, lower goes first: local ms it was written or taken, so a conversation arrives in order. */
  order: number;
}

export interface Ack {
  id: string;
  to: string;
  stored: boolean;
  copiesGiven: number;
}

export interface AcceptResult {
  /** Ids now durably stored here (including ones stored before): the peer may drop them or count them handed on. */
  stored: Uint8Array[];
  /** Ids this side will never take: the peer should stop offering them. */
  refused: Uint8Array[];
}

export interface Mailbox {
  peerUp(peer: LinkPeer): void;
  peerDown(peer: LinkPeer): void;
  /** The peer presented a newer card (a changed display name) on a live session. */
  peerChanged(peer: LinkPeer): void;
  /** The peer shared its routing state. */
  routed(peer: LinkPeer, info: RouteInfo): void;
  /** What this laptop's routing shares with this neighbour on meeting. */
  routeInfo(peer: LinkPeer): RouteInfo | undefined;
  /** Envelope and proof ids held here, for reconciliation. */
  heldIds(): IdSet;
  /** What routing lets this peer have among `ids` (hex), or among everything held; best first. */
  offersFor(peer: LinkPeer, ids?: Iterable<string>): Offer[];
  accept(peer: LinkPeer, envelopes: Envelope[], proofs: DeliveryProof[]): AcceptResult;
  acknowledged(peer: LinkPeer, acks: Ack[]): void;
  /**
   * Called with ids (hex) whenever something new is held that neighbours may
   * want; `fromNode` is the neighbour it came from, who need not be offered it back.
   */
  onHeld(fn: (ids: string[], fromNode?: string) => void): void;
}
