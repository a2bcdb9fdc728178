/**
 * What a run measured, with the ONE simulator's definitions
 * (MessageStatsReport) so figures compare with published ONE studies:
 *
 *  - created: messages the workload wrote;
 *  - delivered: messages whose recipient got them (counted once);
 *  - relayed: completed transfers of a message to a laptop that did not
 *    hold it, the final one to the recipient included;
 *  - overhead ratio: (relayed - delivered) / delivered;
 *  - latency: creation to delivery, in seconds.
 *
 * A message with a file travels as a header envelope and pieces; it counts
 * as delivered when the whole file is there (as the activity is told) and
 * its transfers are those of its header, so one message is one unit as in
 * the ONE. Bytes count everything on the air, pieces, receipts, delivery
 * proofs and reconciliation included.
 */
import { toHex } from '../crypto/keys.js';
import type { Envelope, Frame } from '../wire/messages.js';
import type { StoreBytes } from './sim-node.js';

export interface TrackedMessage {
  oneId: string;
  from: string;
  to: string;
  sizeBytes: number;
  createdMs: number;
  deliveredMs?: number;
  relays: number;
  /** Why the sender's laptop would not take it (STORE_FULL...); absent when it did. */
  refused?: string;
}

export interface NodeUse {
  name: string;
  /** Highest outbox + carry + proof bytes seen. */
  peakBytes: number;
  peakCarryBytes: number;
  peakProofBytes: number;
  final: StoreBytes;
}

export interface SimMetrics {
  created: number;
  delivered: number;
  deliveryProb: number;
  relayed: number;
  /** null when nothing was delivered (the ONE prints NaN). */
  overheadRatio: number | null;
  latencyMedianS: number | null;
  latencyMeanS: number | null;
  refusedAtSource: number;
  bytes: { total: number; data: number; receipts: number; proofs: number; control: number };
  frames: number;
  store: {
    peakNodeBytes: number;
    meanPeakNodeBytes: number;
    finalCarryBytes: number;
    finalProofBytes: number;
    finalOutboxBytes: number;
    /** Carried copies dropped because a delivery proof arrived. */
    copiesPurgedByProofs: number;
    /** Copies refused because this laptop knew them delivered. */
    copiesRefusedAsDelivered: number;
    proofsAccepted: number;
  };
  nodes: NodeUse[];
}

/** A cheap, run-local name for an envelope: the start of its ciphertext (random-looking, 16 bytes). */
export function envelopeKey(env: Envelope): string | undefined {
  const s = env.sealed;
  return s instanceof Uint8Array && s.length >= 16 ? toHex(s.subarray(0, 16)) : undefined;
}

export interface Tracked {
  id: string;
  msg: TrackedMessage;
  header: boolean;
}

export interface MetricsCollector {
  readonly messages: TrackedMessage[];
  /** Envelopes of the workload by envelopeKey. */
  readonly byKey: Map<string, Tracked>;
  readonly byId: Map<string, Tracked>;
  track(msg: TrackedMessage, envelopes: { id: string; key: string; header: boolean }[]): void;
  frame(frame: Frame, wire: number, fraction: number): void;
  sample(name: string, use: StoreBytes): void;
  finish(final: Map<string, StoreBytes>, counters: Record<string, number>[]): SimMetrics;
}

export function createMetrics(): MetricsCollector {
  const messages: TrackedMessage[] = [];
  const byKey = new Map<string, Tracked>();
  const byId = new Map<string, Tracked>();
  const bytes = { total: 0, data: 0, receipts: 0, proofs: 0, control: 0 };
  let frames = 0;
  const peaks = new Map<string, { all: number; carry: number; proofs: number }>();

  return {
    messages, byKey, byId,
    track(msg, envelopes) {
      messages.push(msg);
      for (const e of envelopes) {
        const t = { id: e.id, msg, header: e.header };
        byKey.set(e.key, t);
        byId.set(e.id, t);
      }
    },
    frame(frame, wire, fraction) {
      frames += fraction === 1 ? 1 : 0;
      const spent = wire * fraction;
      bytes.total += spent;
      let data = 0;
      let receipts = 0;
      let proofs = 0;
      // Field sizes plus their tags; close enough to split the frame's bytes between kinds.
      for (const env of frame.envelopes ?? []) {
        const size = (env.sealed?.length ?? 0) + 24;
        const key = envelopeKey(env);
        if (key !== undefined && byKey.has(key)) data += size;
        else receipts += size;
      }
      for (const p of frame.proofs ?? []) proofs += 32 + 64 + 16 * (p.ids?.length ?? 0) + 12;
      const parts = data + receipts + proofs;
      const scale = parts > wire ? wire / parts : 1;
      bytes.data += data * scale * fraction;
      bytes.receipts += receipts * scale * fraction;
      bytes.proofs += proofs * scale * fraction;
      bytes.control += spent - (data + receipts + proofs) * scale * fraction;
    },
    sample(name, use) {
      const p = peaks.get(name) ?? { all: 0, carry: 0, proofs: 0 };
      p.all = Math.max(p.all, use.outbox + use.carry + use.proofs);
      p.carry = Math.max(p.carry, use.carry);
      p.proofs = Math.max(p.proofs, use.proofs);
      peaks.set(name, p);
    },
    finish(final, counters) {
      const created = messages.length;
      const done = messages.filter((m) => m.deliveredMs !== undefined);
      const delivered = done.length;
      const relayed = messages.reduce((s, m) => s + m.relays, 0);
      const lat = done.map((m) => ((m.deliveredMs as number) - m.createdMs) / 1000).sort((a, b) => a - b);
      const sum = (k: string): number => counters.reduce((s, c) => s + (c[k] ?? 0), 0);
      const nodes: NodeUse[] = [...final].map(([name, f]) => {
        const p = peaks.get(name) ?? { all: 0, carry: 0, proofs: 0 };
        return { name, peakBytes: p.all, peakCarryBytes: p.carry, peakProofBytes: p.proofs, final: f };
      });
      const peaksAll = nodes.map((n) => n.peakBytes);
      return {
        created, delivered, deliveryProb: created === 0 ? 0 : delivered / created, relayed,
        overheadRatio: delivered === 0 ? null : (relayed - delivered) / delivered,
        latencyMedianS: median(lat), latencyMeanS: lat.length === 0 ? null : lat.reduce((a, b) => a + b, 0) / lat.length,
        refusedAtSource: messages.filter((m) => m.refused !== undefined).length,
        bytes: roundAll(bytes), frames,
        store: {
          peakNodeBytes: Math.max(0, ...peaksAll),
          meanPeakNodeBytes: peaksAll.length === 0 ? 0 : Math.round(peaksAll.reduce((a, b) => a + b, 0) / peaksAll.length),
          finalCarryBytes: nodes.reduce((s, n) => s + n.final.carry, 0),
          finalProofBytes: nodes.reduce((s, n) => s + n.final.proofs, 0),
          finalOutboxBytes: nodes.reduce((s, n) => s + n.final.outbox, 0),
          copiesPurgedByProofs: sum('carry.dropped.delivered'),
          copiesRefusedAsDelivered: sum('carry.refused.delivered'),
          proofsAccepted: sum('inbound.proof.accepted'),
        },
        nodes,
      };
    },
  };
}

/** The ONE's median (Report.getMedian): element n/2 of the sorted list, the upper middle of an even count. */
export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

function roundAll<T extends Record<string, number>>(o: T): T {
  const out = { ...o };
  for (const k of Object.keys(out)) (out as Record<string, number>)[k] = Math.round(o[k] as number);
  return out;
}
