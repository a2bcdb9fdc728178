/**
 * The one interface every routing strategy implements. Routing is pure
 * logic: sync tells it whom we met and what they shared, asks what to share
 * back, and asks message by message whether to hand a copy over. It never
 * touches the network, the store or a timer; time comes in as `nowMs`.
 *
 * Messages are sealed, so a strategy sees only what the envelope shows in
 * the clear plus what the holder knows about it (HeldMessage).
 */
import type { RouteInfo } from '../wire/messages.js';

export type { RouteInfo };

/** A neighbour met over a link session. */
export interface RoutePeer {
  /** Key id of the laptop's node key: 16 lowercase hex digits. */
  readonly nodeId: string;
  /** Key id of the user on that laptop now: 16 lowercase hex digits. */
  readonly userId: string;
}

/** What routing may know about a sealed message this node holds. */
export interface HeldMessage {
  /** Recipient user id (the envelope's `to`): 16 lowercase hex digits. */
  readonly to: string;
  /** The message is this user's own (in the outbox), not one carried for others. */
  readonly own: boolean;
  /** Spray-and-wait copies this node holds; 0 = not counted. */
  readonly copies: number;
  /** Carriers the envelope has passed through so far (0 at its sender). */
  readonly hops: number;
  /** Size of the envelope in bytes. */
  readonly sizeBytes: number;
  /** Seconds spent in transit so far (the envelope's age_s plus our holding time). */
  readonly ageS: number;
}

/**
 * Whether to hand a message to a neighbour. When the strategy counts copies,
 * `copiesGiven` is what the neighbour's copy carries and `copiesKept` what
 * this node keeps (a handover to the recipient itself gives 0 and keeps all:
 * the recipient does not carry). Strategies that do not count give 0 and 0.
 */
export interface Decision {
  readonly give: boolean;
  readonly copiesGiven: number;
  readonly copiesKept: number;
}

export interface RoutingStrategy {
  /** Name as configured, e.g. 'spray-and-wait'; wrapped strategies add a suffix. */
  readonly name: string;
  /** Copies a new own message starts with; 0 = this strategy does not count copies. */
  initialCopies(): number;
  /**
   * A neighbour was met (once per meeting, when its RouteInfo arrived or it
   * had none). `info` comes from the network: anything malformed in it is
   * ignored, never thrown, and only a bounded part of it is read.
   */
  met(peer: RoutePeer, info: RouteInfo | undefined, nowMs: number): void;
  /** What to tell a neighbour on meeting; `peer` lets a strategy tailor it. undefined = nothing. */
  routeInfo(nowMs: number, peer?: RoutePeer): RouteInfo | undefined;
  /** Whether to hand `msg` (which `peer` lacks) to `peer`, and with how many copies. */
  decide(msg: HeldMessage, peer: RoutePeer, nowMs: number): Decision;
  /**
   * Plain JSON-able state for the caller to keep in its store; a factory
   * takes it back as its `snapshot` option. Stateless strategies return null.
   */
  snapshot(): unknown;
}

/** Options every factory takes: the state a previous run saved. */
export interface SnapshotOption {
  /** From snapshot(); anything unusable is ignored and the strategy starts fresh. */
  snapshot?: unknown;
}

/** Not handing over: a counting strategy keeps what it holds. */
export function keep(msg: HeldMessage, counts: boolean): Decision {
  return { give: false, copiesGiven: 0, copiesKept: counts ? msg.copies : 0 };
}

/**
 * Handing over to the recipient itself: it does not carry, so no copies go
 * with it and the holder keeps its copy until the receipt comes back.
 */
export function deliver(msg: HeldMessage, counts: boolean): Decision {
  return { give: true, copiesGiven: 0, copiesKept: counts ? msg.copies : 0 };
}

/** Replication for strategies that do not count copies. */
export const REPLICATE: Decision = Object.freeze({ give: true, copiesGiven: 0, copiesKept: 0 });
