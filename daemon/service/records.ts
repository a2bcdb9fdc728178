/**
 * Messenger records as D-Bus a{sv} dicts. Keys are snake_case because the
 * callers are Python; times are int64 milliseconds ('x') since the epoch by
 * this laptop's clock. Adding keys is compatible, so records grow here
 * rather than by new methods.
 */
import type {
  BlockedInfo,
  ContactInfo,
  ConversationInfo,
  IdentityInfo,
  MessageInfo,
  NeighbourInfo,
  OutboxEntry,
  RequestInfo,
  StoreUse,
  TraceEvent,
} from '../messenger/api.js';
import type { DraftInfo } from '../messenger/drafts.js';
import { Variant, type VariantValue } from './dbus.js';
import type { DaemonInfo, DaemonStatus, NeighbourSeen } from './member-spec.js';

export type Dict = Record<string, VariantValue>;

const str = (v: string): VariantValue => new Variant('s', v);
const bool = (v: boolean): VariantValue => new Variant('b', v);
const u32 = (v: number): VariantValue => new Variant('u', v);
/** BigInt() throws on NaN and fractions, so a bad number fails loudly as Internal. */
const ms = (v: number): VariantValue => new Variant('x', BigInt(v));

export function identityDict(i: IdentityInfo): Dict {
  return { id: str(i.id), fingerprint: str(i.fingerprint), display_name: str(i.displayName), node_id: str(i.nodeId) };
}

/**
 * `source` is the discovery source that led to the session ('inbound' only
 * when nothing but the peer's own dial told us of it); `sources` lists every
 * source that reported the laptop and `last_seen_ms` when one last did.
 */
export function neighbourDict(n: NeighbourInfo, seen?: NeighbourSeen): Dict {
  const sources = seen?.sources ?? [];
  const source = n.source === 'inbound' && sources[0] !== undefined ? sources[0] : n.source;
  return {
    id: str(n.id),
    display_name: str(n.displayName),
    fingerprint: str(n.fingerprint),
    node_id: str(n.nodeId),
    address: str(n.address),
    since_ms: ms(n.sinceMs),
    is_contact: bool(n.isContact),
    trust: str(n.trust),
    source: str(source),
    sources: new Variant('as', sources.length > 0 ? sources : [source]),
    last_seen_ms: ms(seen?.lastSeenMs ?? n.sinceMs),
  };
}

/** `trust` is 'pending', 'added' or 'verified'; `verified` stays for activities written before it. */
export function contactDict(c: ContactInfo): Dict {
  return {
    id: str(c.id),
    display_name: str(c.displayName),
    fingerprint: str(c.fingerprint),
    trust: str(c.trust),
    verified: bool(c.verified),
    added_ms: ms(c.addedMs),
    verified_ms: ms(c.verifiedMs),
    failed_checks: u32(c.failedChecks),
    origin: str(c.origin),
  };
}

/** Someone who is not a contact and wrote: `trust` is 'nearby' or 'pending', never verified. */
export function requestDict(r: RequestInfo): Dict {
  return {
    id: str(r.id),
    display_name: str(r.displayName),
    fingerprint: str(r.fingerprint),
    trust: str(r.trust),
    first_ms: ms(r.firstMs),
    last_ms: ms(r.lastMs),
    messages: u32(r.messages),
    last_text: str(r.lastText),
  };
}

export function blockedDict(b: BlockedInfo): Dict {
  return { id: str(b.id), display_name: str(b.displayName), fingerprint: str(b.fingerprint), blocked_ms: ms(b.blockedMs) };
}

export function messageDict(m: MessageInfo): Dict {
  return {
    id: str(m.id),
    contact_id: str(m.contactId),
    direction: str(m.direction),
    text: str(m.text),
    state: str(m.state),
    reason: str(m.reason),
    time_ms: ms(m.timeMs),
    copies: u32(m.copies),
    // Only for messages with a file, so activities can test for the key.
    ...(m.attachment ? {
      attachment_name: str(m.attachment.name),
      attachment_size: u32(m.attachment.size),
      attachment_type: str(m.attachment.mediaType),
      attachment_path: str(m.attachment.path),
    } : {}),
    // Only on messages held in the requests area: from someone who is not a contact, unverified.
    ...(m.request === true ? { request: bool(true) } : {}),
  };
}

export function conversationDict(c: ConversationInfo): Dict {
  return {
    contact_id: str(c.contactId),
    display_name: str(c.displayName),
    last_time_ms: ms(c.lastTimeMs),
    last_text: str(c.lastText),
    unread: u32(c.unread),
    total: u32(c.total),
  };
}

const bytes = (v: number): VariantValue => new Variant('t', BigInt(v));

export function statusDict(s: DaemonStatus, info?: DaemonInfo, use?: StoreUse): Dict {
  const d: Dict = {
    version: str(s.version),
    started_ms: ms(s.startedMs),
    uptime_ms: ms(s.uptimeMs),
    bus_kind: str(s.busKind),
    unique_name: str(s.uniqueName),
    pid: u32(s.pid),
  };
  if (info) {
    d['sources'] = new Variant('a{ss}', info.sources);
    if (info.neighboursHeard !== undefined) d['neighbours_heard'] = u32(info.neighboursHeard);
    d['config_path'] = str(info.configPath);
  }
  if (use) {
    d['store_path'] = str(use.path);
    d['store_file_bytes'] = bytes(use.fileBytes);
    d['outbox_bytes'] = bytes(use.outboxBytes);
    d['outbox_quota_bytes'] = bytes(use.outboxQuotaBytes);
    d['outbox_envelopes'] = u32(use.outboxEnvelopes);
    d['messages'] = u32(use.messages);
    d['contacts'] = u32(use.contacts);
    d['carry_bytes'] = bytes(use.carryBytes);
    d['carry_quota_bytes'] = bytes(use.carryQuotaBytes);
    d['carry_source_share_bytes'] = bytes(use.carrySourceShareBytes);
    d['carry_envelopes'] = u32(use.carryEnvelopes);
    d['carry_sources'] = u32(use.carrySources);
    d['proofs'] = u32(use.proofs);
    d['proof_bytes'] = bytes(use.proofBytes);
  }
  return d;
}

export function outboxDict(o: OutboxEntry): Dict {
  return {
    id: str(o.id), contact_id: str(o.contactId), display_name: str(o.displayName), kind: str(o.kind),
    bytes: u32(o.bytes), created_ms: ms(o.createdMs), state: str(o.state), reason: str(o.reason),
  };
}

export function draftDict(d: DraftInfo): Dict {
  return { id: str(d.id), contact_id: str(d.contactId), text: str(d.text), created_ms: ms(d.createdMs), updated_ms: ms(d.updatedMs) };
}

export function traceDict(e: TraceEvent): Dict {
  return { time_ms: ms(e.timeMs), event: str(e.event), detail: str(e.detail) };
}

/** Configuration values keep their type: strings, whole numbers as x, flags as b. */
export function configDict(config: Record<string, string | number | boolean>): Dict {
  const d: Dict = {};
  for (const [k, v] of Object.entries(config)) {
    d[k] = typeof v === 'boolean' ? bool(v) : typeof v === 'number' ? new Variant('x', BigInt(v)) : str(v);
  }
  return d;
}

/** a{st}: counters only count up; anything else is a bug we refuse to show. */
export function countersDict(counters: Record<string, number>): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const [name, value] of Object.entries(counters)) out[name] = BigInt(value);
  return out;
}
