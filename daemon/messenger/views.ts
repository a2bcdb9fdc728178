/** Store records turned into what activities see. */
import type { Store } from '../store/store.js';
import type { MessageRecord } from '../store/records.js';
import type { ConversationInfo, MessageInfo } from './api.js';

export { contactInfo } from './contact-book.js';

export function messageInfo(m: MessageRecord): MessageInfo {
  return {
    id: m.id, contactId: m.contactId, direction: m.direction, text: m.text, state: m.state, reason: m.reason, timeMs: m.timeMs,
    copies: m.copiesOut ?? 0,
    ...(m.attachment ? { attachment: { ...m.attachment } } : {}),
    ...(m.request === true ? { request: true } : {}),
  };
}

/** The name to show for someone: contact name, else the name on their card. */
export function nameOf(store: Store, id: string): string {
  return store.contacts.get(id)?.displayName ?? store.requests.get(id)?.displayName ?? store.peers.get(id)?.displayName ?? '';
}

export function conversationMessages(store: Store, contactId: string): MessageRecord[] {
  const out: MessageRecord[] = [];
  for (const { key } of store.conversations.getRange({ start: [contactId], end: [contactId, Number.MAX_SAFE_INTEGER] })) {
    const m = store.messages.get(key[2]);
    if (m !== undefined) out.push(m);
  }
  return out;
}

export function listConversations(store: Store): ConversationInfo[] {
  const byContact = new Map<string, ConversationInfo>();
  for (const { key } of store.conversations.getRange({})) {
    const [contactId, , id] = key;
    const m = store.messages.get(id);
    if (m === undefined) continue;
    let c = byContact.get(contactId);
    if (c === undefined) {
      c = { contactId, displayName: nameOf(store, contactId), lastTimeMs: 0, lastText: '', unread: 0, total: 0 };
      byContact.set(contactId, c);
    }
    c.total++;
    if (m.direction === 'in' && m.state !== 'read') c.unread++;
    if (m.timeMs >= c.lastTimeMs) {
      c.lastTimeMs = m.timeMs;
      c.lastText = m.text;
    }
  }
  return [...byContact.values()].sort((a, b) => b.lastTimeMs - a.lastTimeMs);
}
