/**
 * Keeps a certificate book in the store's `meta` table, under keys that no
 * other part uses ("school/cert/<id>", "school/revoke/<id>"), so that no new
 * table (and no store schema change) is needed. A few thousand entries of a
 * few hundred bytes: a prefix scan at start-up is cheap.
 */
import type { Store } from '../store/store.js';
import type { CachedEntry, CertificateCache } from './certificate-book.js';

const CERT_PREFIX = 'school/cert/';
const REVOKE_PREFIX = 'school/revoke/';

function scan(store: Store, prefix: string): CachedEntry[] {
  const out: CachedEntry[] = [];
  // '~' sorts after every hex digit, so the range is exactly this prefix's keys.
  for (const { key, value } of store.meta.getRange({ start: prefix, end: `${prefix}~` })) {
    if (value instanceof Uint8Array) out.push({ id: key.slice(prefix.length), encoded: value });
  }
  return out;
}

export function metaCertificateCache(store: Store): CertificateCache {
  return {
    load: () => ({ certificates: scan(store, CERT_PREFIX), revocations: scan(store, REVOKE_PREFIX) }),
    putCertificate: (id, encoded) => store.transact(() => store.meta.put(CERT_PREFIX + id, encoded)),
    deleteCertificate: (id) => store.transact(() => store.meta.remove(CERT_PREFIX + id)),
    putRevocation: (id, encoded) => store.transact(() => store.meta.put(REVOKE_PREFIX + id, encoded)),
  };
}
