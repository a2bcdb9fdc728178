/**
 * What `satchel inspect` reports from a store opened read-only: who the
 * user is (ids derived from the keys, never the keys), how much is kept,
 * what waits, and one line per conversation. Message text only on request.
 */
import { fingerprint } from '../crypto/fingerprint.js';
import { keyIdHex, keyPairFromSecret } from '../crypto/keys.js';
import { listOutbox } from '../messenger/inspect.js';
import { outboxBytes } from '../messenger/outbox.js';
import { listConversations } from '../messenger/views.js';
import type { Store } from '../store/store.js';
import type { OutboxEntryView } from './commands/outbox.js';
import type { IdentityView } from './commands/status.js';

export interface ConversationSummary {
  contact_id: string; display_name: string; total: number; unread: number; last_time_ms: number;
  /** Present only with --show-text. */
  last_text?: string;
}

export interface StoreSummary {
  identity: IdentityView | null;
  counts: {
    messages: number; contacts: number; peers: number; outbox_envelopes: number;
    outbox_bytes: number; received: number; trace_events: number;
  };
  outbox: OutboxEntryView[];
  conversations: ConversationSummary[];
}

/** Public ids only: the secret is read to derive them and goes no further. */
function identityOf(store: Store): IdentityView | null {
  const user = store.meta.get('userSecret');
  const node = store.meta.get('nodeSecret');
  if (!(user instanceof Uint8Array) || !(node instanceof Uint8Array)) return null;
  const userKey = keyPairFromSecret(new Uint8Array(user)).publicKey;
  const name = store.meta.get('displayName');
  return {
    id: keyIdHex(userKey), fingerprint: fingerprint(userKey), display_name: typeof name === 'string' ? name : '',
    node_id: keyIdHex(keyPairFromSecret(new Uint8Array(node)).publicKey),
  };
}

export function summariseStore(store: Store, showText: boolean): StoreSummary {
  // The daemon is not running (or we are not it): nobody is near as far as this view knows.
  const outbox = listOutbox(store, () => false).map((e) => ({
    id: e.id, contact_id: e.contactId, display_name: e.displayName, kind: e.kind, bytes: e.bytes,
    created_ms: e.createdMs, state: e.state, reason: e.reason,
  }));
  const conversations = listConversations(store).map((c) => {
    const s: ConversationSummary = {
      contact_id: c.contactId, display_name: c.displayName, total: c.total, unread: c.unread, last_time_ms: c.lastTimeMs,
    };
    if (showText) s.last_text = c.lastText;
    return s;
  });
  return {
    identity: identityOf(store),
    counts: {
      messages: store.messages.getCount(), contacts: store.contacts.getCount(), peers: store.peers.getCount(),
      outbox_envelopes: store.outbox.getCount(), outbox_bytes: outboxBytes(store), received: store.received.getCount(),
      trace_events: store.trace.getCount(),
    },
    outbox,
    conversations,
  };
}
