/** Read-only views for technicians: the outbox with reasons, and store use. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import type { OutboxEntry, StoreUse } from './api.js';
import { outboxBytes } from './outbox.js';
import { carryBytes } from './carry-area.js';
import { proofBytes } from './proof-book.js';
import type { CarryLimits } from './quotas.js';
import { nameOf } from './views.js';

export function listOutbox(store: Store, isNear: (userId: string) => boolean): OutboxEntry[] {
  const out: OutboxEntry[] = [];
  for (const { value: r } of store.outbox.getRange({})) {
    const m = r.kind === 'text' ? store.messages.get(r.id) : r.kind === 'piece' ? store.messages.get(r.of ?? '') : undefined;
    const near = isNear(r.to);
    out.push({
      id: r.id, contactId: r.to, displayName: nameOf(store, r.to), kind: r.kind, bytes: r.envelope.length, createdMs: r.createdMs,
      state: m?.state ?? 'waiting',
      reason: near
        ? 'handed to the recipient; waiting for its acknowledgement'
        : (r.handedTo ?? []).length > 0
          ? `recipient not nearby; ${(r.handedTo ?? []).length} carrier(s) took a copy; kept until a receipt or expiry`
          : 'recipient not nearby; waits until the recipient or a carrier is met',
    });
  }
  return out.sort((a, b) => a.createdMs - b.createdMs);
}

export function storeUse(store: Store, quotaBytes: number, carry: CarryLimits): StoreUse {
  let fileBytes = 0;
  try {
    fileBytes = statSync(join(store.path, 'data.mdb')).size;
  } catch {
    // A store opened elsewhere (tests, inspection) may have another layout.
  }
  return {
    path: store.path, fileBytes, outboxBytes: outboxBytes(store), outboxQuotaBytes: quotaBytes,
    outboxEnvelopes: store.outbox.getCount(), messages: store.messages.getCount(), contacts: store.contacts.getCount(),
    carryBytes: carryBytes(store), carryQuotaBytes: carry.quotaBytes, carrySourceShareBytes: carry.sourceShareBytes,
    carryEnvelopes: store.carry.getCount(), carrySources: store.carrySources.getCount(),
    proofs: store.proofs.getCount(), proofBytes: proofBytes(store),
  };
}
