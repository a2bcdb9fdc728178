/**
 * What one session still has to send, best first, with a bound on bytes
 * waiting for acknowledgement: a short meeting moves proofs, receipts and the
 * user's own messages before carried mail, and a cut link loses at most one
 * window, which the next meeting offers again because nothing acked it.
 */
import { MAX_FRAME_BYTES, type DeliveryProof, type Envelope, type Frame } from '../wire/messages.js';
import { PRIORITY, type Offer } from './mailbox.js';

/** Best first; within a priority, oldest first. */
export function byPriority(a: Offer, b: Offer): number {
  return a.priority - b.priority || a.order - b.order;
}

/** Bytes of envelopes sent and not yet acknowledged, per session. */
export const SEND_WINDOW_BYTES = 512 * 1024;
/** Bytes of carried mail (for others) handed to one neighbour per meeting: meetings can be short and others wait. */
export const MEETING_CARRY_BUDGET_BYTES = 16 * 1024 * 1024;
/** Room left in a frame for field tags and ack lists, in bytes. */
const FRAME_HEADROOM_BYTES = 1024;
/** Per-item framing inside a Frame (tag and length), in bytes. */
const ITEM_OVERHEAD_BYTES = 6;

export interface SendQueue {
  add(offers: Offer[]): void;
  /** Frames to send now; marks their envelopes in flight. */
  take(): Frame[];
  /** The peer answered this id; returns the offer that was in flight. */
  settle(id: string): Offer | undefined;
  /** The peer refused this id: never offer it again in this session. */
  decline(id: string): void;
  readonly inFlightBytes: number;
  readonly waiting: number;
}

export function createSendQueue(budgetBytes = MEETING_CARRY_BUDGET_BYTES, windowBytes = SEND_WINDOW_BYTES): SendQueue {
  const waiting = new Map<string, Offer>();
  // Sorted once per batch of additions, not on every acknowledgement: a
  // meeting with 10,000 waiting offers calls take() after each ack.
  let order: Offer[] = [];
  let sorted = true;
  const inFlight = new Map<string, Offer>();
  const declined = new Set<string>();
  let inFlightBytes = 0;
  let carriedBytes = 0;

  return {
    add(offers) {
      for (const o of offers) {
        if (declined.has(o.id) || inFlight.has(o.id) || waiting.has(o.id)) continue;
        waiting.set(o.id, o);
        order.push(o);
        sorted = false;
      }
    },
    take() {
      const frames: Frame[] = [];
      if (waiting.size === 0) return frames;
      if (!sorted) {
        order = order.filter((o) => waiting.get(o.id) === o).sort(byPriority);
        sorted = true;
      }
      let next = 0;
      let envelopes: Envelope[] = [];
      let proofs: DeliveryProof[] = [];
      let size = 0;
      const flush = (): void => {
        if (envelopes.length + proofs.length === 0) return;
        const f: Frame = {};
        if (envelopes.length > 0) f.envelopes = envelopes;
        if (proofs.length > 0) f.proofs = proofs;
        frames.push(f);
        envelopes = [];
        proofs = [];
        size = 0;
      };
      for (; next < order.length; next++) {
        const o = order[next]!;
        if (waiting.get(o.id) !== o) continue;
        if (o.envelope !== undefined && inFlightBytes >= windowBytes) break;
        if (o.priority === PRIORITY.carried && carriedBytes + o.bytes > budgetBytes) {
          waiting.delete(o.id);
          continue;
        }
        const n = o.bytes + ITEM_OVERHEAD_BYTES;
        if (size > 0 && size + n > MAX_FRAME_BYTES - FRAME_HEADROOM_BYTES) flush();
        waiting.delete(o.id);
        size += n;
        if (o.proof !== undefined) {
          proofs.push(o.proof);
        } else if (o.envelope !== undefined) {
          envelopes.push(o.envelope);
          inFlight.set(o.id, o);
          inFlightBytes += o.bytes;
          if (o.priority === PRIORITY.carried) carriedBytes += o.bytes;
        }
      }
      flush();
      // What was taken (or dropped) leaves the front; declined ones are skipped lazily.
      order = order.slice(next);
      return frames;
    },
    settle(id) {
      const o = inFlight.get(id);
      if (o === undefined) return undefined;
      inFlight.delete(id);
      inFlightBytes -= o.bytes;
      return o;
    },
    decline(id) {
      declined.add(id);
      waiting.delete(id);
    },
    get inFlightBytes() { return inFlightBytes; },
    get waiting() { return waiting.size; },
  };
}
