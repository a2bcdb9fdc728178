/**
 * A message's history, so a technician can answer "where did message X go?".
 * Written inside the same transaction as the change it records.
 */
import type { Store } from '../store/store.js';
import type { TraceEvent } from './api.js';

const SEQ_KEY = 'traceSeq';

export function addTrace(store: Store, id: string, event: string, detail: string, timeMs: number): void {
  const seq = ((store.meta.get(SEQ_KEY) as number | undefined) ?? 0) + 1;
  store.meta.put(SEQ_KEY, seq);
  store.trace.put([id, seq], { timeMs, event, detail });
}

export function readTrace(store: Store, id: string): TraceEvent[] {
  return [...store.trace.getRange({ start: [id, 0], end: [id, Number.MAX_SAFE_INTEGER] })].map(({ value }) => ({ ...value }));
}
