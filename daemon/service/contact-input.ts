/**
 * ImportContacts' argument, aa{sv}, turned into what the messenger takes.
 * Only user_key (ay) and display_name (s) are read: anything else another
 * laptop wrote (a 'verified' flag, a trust level) is ignored on purpose,
 * since an imported contact is pending here whatever it was there.
 */
import { SatchelError } from '../errors/satchel-error.js';
import type { ContactToImport } from '../messenger/api.js';

interface Variantish { signature?: unknown; value?: unknown }

function field(dict: Record<string, unknown>, key: string, signature: string, i: number): unknown {
  const v = dict[key] as Variantish | undefined;
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || v.signature !== signature) {
    throw SatchelError.invalidArgument(`contacts[${i}].${key} must be a variant of type ${signature}`);
  }
  return v.value;
}

export function contactsToImport(raw: unknown): ContactToImport[] {
  if (!Array.isArray(raw)) throw SatchelError.invalidArgument('contacts must be an array of dicts');
  return raw.map((d, i) => {
    if (typeof d !== 'object' || d === null) throw SatchelError.invalidArgument(`contacts[${i}] must be a dict`);
    const key = field(d as Record<string, unknown>, 'user_key', 'ay', i);
    if (!(key instanceof Uint8Array)) throw SatchelError.invalidArgument(`contacts[${i}] needs user_key (ay)`);
    const name = field(d as Record<string, unknown>, 'display_name', 's', i);
    return { userKey: new Uint8Array(key), displayName: typeof name === 'string' ? name : '' };
  });
}
