/**
 * The messenger's side of a meeting: taking envelopes and proofs, answering
 * acknowledgements, choosing what to offer, and expiring what is old. Every
 * change to what is held is mirrored in the held-id set that reconciliation
 * reads, and announced to sync after it has been committed.
 */
import { signProof } from '../crypto/proof.js';
import { checkProof } from '../crypto/proof.js';
import type { KeyPair } from '../crypto/keys.js';
import type { PairKeys } from '../crypto/seal.js';
import type { RoutingStrategy } from '../routing/strategy.js';
import { encodeDeliveryProof } from '../wire/messages.js';
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import type { Counters } from '../util/counters.js';
import type { Logger } from '../util/log.js';
import type { Mailbox } from '../sync/mailbox.js';
import { applyAcks } from './acks.js';
import { nextExpiryMs } from './expiry.js';
import type { HeldIdSet } from './held-ids.js';
import { acceptEnvelopes } from './inbound.js';
import type { ProofChecker } from './proofs-in.js';
import { offersFor } from './offers.js';
import { keepProof } from './proof-book.js';
import type { CarryLimits } from './quotas.js';
import { MAX_SWEEP_DELAY_MS, sweep } from './sweeper.js';

/** Where routing state is kept between runs. */
const ROUTING_KEY = 'routing';

export interface ExchangeDeps {
  store: Store;
  clock: Clock;
  counters: Counters;
  log: Logger;
  me: KeyPair;
  myId: string;
  keys: PairKeys;
  routing: RoutingStrategy;
  limits: CarryLimits;
  /** Largest file taken with a message, in bytes. */
  attachmentMaxBytes: number;
  held: HeldIdSet;
  /** Checks proofs from the network; checkProof when absent. */
  checkProof?: ProofChecker;
  /** Seals a delivery receipt to a sender inside the current transaction; returns its id. */
  queueReceipt(to: string, ids: Uint8Array[]): string | undefined;
  received(m: MessageRecord): void;
  stateChanged(m: MessageRecord): void;
}

export type Exchange = Pick<Mailbox, 'accept' | 'acknowledged' | 'offersFor' | 'onHeld' | 'routed' | 'routeInfo' | 'heldIds'> & {
  /** Something new is held (own message or receipt): tell sync, and watch its lifetime. */
  newlyHeld(ids: string[]): void;
  saveRouting(): void;
  close(): void;
};

export function createExchange(d: ExchangeDeps): Exchange {
  const { store, clock, counters } = d;
  const heldListeners: ((ids: string[], fromNode?: string) => void)[] = [];
  let timer: TimerHandle | undefined;
  let armedFor = Infinity;
  let closed = false;

  function armSweep(): void {
    if (closed) return;
    let next: number | undefined;
    try {
      next = nextExpiryMs(store);
    } catch (err) {
      // The store was closed under us (its owner stops it before telling us): nothing to sweep.
      d.log.debug('no expiry sweep', { error: (err as Error).message });
      return;
    }
    if (next === undefined || next >= armedFor) return;
    timer?.cancel();
    armedFor = next;
    timer = clock.setTimeout(runSweep, Math.min(MAX_SWEEP_DELAY_MS, Math.max(0, next - clock.now())));
  }

  function runSweep(): void {
    timer = undefined;
    armedFor = Infinity;
    if (closed) return;
    try {
      const out = sweep(store, counters, clock.now());
      for (const id of out.dropped) d.held.delete(id);
      for (const m of out.expired) {
        d.log.info('message expired', { id: m.id, to: m.contactId });
        d.stateChanged(m);
      }
      if (out.more) {
        timer = clock.setTimeout(runSweep, 0);
        armedFor = clock.now();
        return;
      }
    } catch (err) {
      d.log.warn('expiry sweep failed', { error: (err as Error).message });
    }
    armSweep();
  }

  function announce(ids: string[], fromNode?: string): void {
    if (ids.length === 0) return;
    for (const id of ids) d.held.add(id);
    armSweep();
    // After the caller has acknowledged the batch at hand, so a sender learns "sent" before "delivered".
    queueMicrotask(() => { for (const fn of heldListeners) fn(ids, fromNode); });
  }

  function prove(ids: Uint8Array[], lifetimeS: number): string[] {
    const kept: string[] = [];
    for (let i = 0; i < ids.length; i += 1024) {
      const proof = signProof(d.me, ids.slice(i, i + 1024), lifetimeS);
      const checked = checkProof(proof);
      if (typeof checked === 'string') throw new Error(`own proof does not check: ${checked}`);
      if (keepProof(store, checked, encodeDeliveryProof(proof), clock.now(), d.limits.proofQuotaBytes)) kept.push(checked.id);
    }
    return kept;
  }

  armSweep();

  return {
    heldIds: () => d.held.set,
    routeInfo: (peer) => d.routing.routeInfo(clock.now(), { nodeId: peer.nodeId, userId: peer.userId }),
    routed(peer, info) {
      d.routing.met({ nodeId: peer.nodeId, userId: peer.userId }, info, clock.now());
    },
    saveRouting() {
      const snap = d.routing.snapshot();
      if (snap !== null && snap !== undefined) store.transact(() => store.meta.put(ROUTING_KEY, snap));
    },
    onHeld: (fn) => { heldListeners.push(fn); },
    newlyHeld: announce,
    offersFor: (peer, ids) => offersFor({ store, routing: d.routing, nowMs: clock.now() }, peer, ids),

    accept(peer, envelopes, proofs) {
      const receiptIds: string[] = [];
      const out = acceptEnvelopes({
        store, me: d.me, myId: d.myId, keys: d.keys, clock, counters, limits: d.limits, attachmentMaxBytes: d.attachmentMaxBytes, prove,
        ...(d.checkProof !== undefined ? { checkProof: d.checkProof } : {}),
        queueReceipts: (owed) => {
          for (const [sender, ids] of owed) {
            const id = d.queueReceipt(sender, ids);
            if (id !== undefined) receiptIds.push(id);
          }
        },
      }, peer, envelopes, proofs);
      for (const id of out.dropped) d.held.delete(id);
      for (const m of out.received) d.received(m);
      for (const m of out.changed) d.stateChanged(m);
      // Our own receipts and proofs go to everyone, the peer included; what it handed us goes to the others.
      announce([...receiptIds, ...out.ownProofs]);
      announce(out.held, peer.nodeId);
      return { stored: out.stored, refused: out.refused };
    },

    acknowledged(peer, acks) {
      const out = store.transact(() => applyAcks(store, peer, acks, clock.now()));
      for (const id of out.dropped) d.held.delete(id);
      for (const m of out.changed) d.stateChanged(m);
    },

    close() {
      closed = true;
      timer?.cancel();
      timer = undefined;
    },
  };
}

export function loadRoutingSnapshot(store: Store): unknown {
  return store.meta.get(ROUTING_KEY);
}
