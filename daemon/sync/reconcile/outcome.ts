/**
 * What a reconciliation leaves each side with, and the shape both roles
 * share. Kept apart from the roles so that neither imports the other.
 */
import type { RandomBytes } from '../../util/random.js';
import type { Reconcile } from '../../wire/messages.js';
import type { IdSet } from './id-set.js';
import type { ReconcileLimits } from './limits.js';

export interface ReconcileResult {
  /** Full 16-byte ids we hold that the peer lacks: what to offer it. */
  theyLack: Uint8Array[];
  /**
   * 8-byte prefixes of ids the peer holds that we lack. The opener learns
   * these (it works out the difference); the answerer learns what it lacks
   * as the opener offers it, so its list is empty.
   */
  weLack: Uint8Array[];
  /** Both sets were equal (count and digest matched). */
  inSync: boolean;
}

export interface Step {
  /** Messages to send, in order, each fitting one Frame. */
  replies: Reconcile[];
  /** Set once, on the step that ends this side's part. */
  result?: ReconcileResult;
}

export interface Reconciler {
  /** The opener's first message; undefined for the answerer, which waits. */
  start(): Reconcile | undefined;
  /** Handles one message from the peer; throws SatchelError BAD_FRAME on anything out of protocol. */
  receive(msg: Reconcile): Step;
  readonly finished: boolean;
}

export const inSyncResult = (): ReconcileResult => ({ theyLack: [], weLack: [], inSync: true });

/** What each role is built from. */
export interface RoleOptions {
  set: IdSet;
  random: RandomBytes;
  limits: ReconcileLimits;
}
