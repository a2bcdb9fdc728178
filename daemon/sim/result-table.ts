/**
 * A run's figures as people read them on a terminal: the ONE's
 * MessageStatsReport lines first (same names, so they can be laid side by
 * side), then what it cost the laptops.
 */
import type { SimResult } from './engine.js';

const kb = (n: number): string => (n >= 10 * 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
const num = (n: number | null, digits = 4): string => (n === null ? 'NaN' : Number(n.toFixed(digits)).toString());

export function resultRows(r: SimResult): [string, string][] {
  const m = r.metrics;
  return [
    ['strategy', r.strategy],
    ['hosts / contacts', `${r.hosts} / ${r.contacts}`],
    ['simulated', `${(r.simulatedS / 3600).toFixed(2)} h`],
    ['buffer (carry quota)', kb(r.bufferBytes)],
    ['bandwidth', `${kb(r.bandwidthBytesPerS)}/s`],
    ['seed', String(r.seed)],
    ['created', String(m.created)],
    ['delivered', String(m.delivered)],
    ['delivery_prob', num(m.deliveryProb)],
    ['relayed', String(m.relayed)],
    ['overhead_ratio', num(m.overheadRatio)],
    ['latency_med (s)', num(m.latencyMedianS, 1)],
    ['latency_avg (s)', num(m.latencyMeanS, 1)],
    ['refused at source', String(m.refusedAtSource)],
    ['bytes on air', kb(m.bytes.total)],
    ['  messages', kb(m.bytes.data)],
    ['  receipts', kb(m.bytes.receipts)],
    ['  delivery proofs', kb(m.bytes.proofs)],
    ['  sync and framing', kb(m.bytes.control)],
    ['peak store, worst laptop', kb(m.store.peakNodeBytes)],
    ['peak store, mean laptop', kb(m.store.meanPeakNodeBytes)],
    ['carried copies purged by proofs', String(m.store.copiesPurgedByProofs)],
    ['copies refused as delivered', String(m.store.copiesRefusedAsDelivered)],
    ['left at end: carried / proofs / outbox', `${kb(m.store.finalCarryBytes)} / ${kb(m.store.finalProofBytes)} / ${kb(m.store.finalOutboxBytes)}`],
    ['events / wall time', `${r.events} / ${(r.wallMs / 1000).toFixed(1)} s`],
  ];
}

export function formatResultTable(r: SimResult): string {
  const rows = resultRows(r);
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n');
}
