/**
 * D-Bus address strings (`unix:path=/x/bus.sock,guid=...`). The spec lets
 * values carry %XX escapes; busctl, GDBus and libdbus decode them, dbus-next
 * 0.10.2 does not (it splits on ',' and '=' and uses the raw text), so an
 * address has to be decoded before dbus-next sees it.
 */
import { SatchelError } from '../errors/satchel-error.js';

/** Bytes the spec allows unescaped in an address value. */
const OPTIONALLY_ESCAPED = /^[-0-9A-Za-z_/.\\*]$/;

export function escapeAddressValue(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += OPTIONALLY_ESCAPED.test(ch) ? ch : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

export function unixPathAddress(path: string): string {
  return `unix:path=${escapeAddressValue(path)}`;
}

/**
 * Rewrites an address so that dbus-next reads the same values libdbus
 * would. Refuses values dbus-next cannot carry even unescaped.
 */
export function addressForDbusNext(address: string): string {
  return address
    .split(';')
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const colon = entry.indexOf(':');
      if (colon <= 0) throw SatchelError.config('bus address', `${JSON.stringify(address)} has no transport`);
      const pairs = entry.slice(colon + 1).split(',').map((pair) => {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw SatchelError.config('bus address', `${JSON.stringify(address)} has a malformed key=value`);
        const value = decodeValue(pair.slice(eq + 1), address);
        if (/[,;=:]/.test(value)) {
          throw SatchelError.config('bus address', `${JSON.stringify(address)}: dbus-next cannot use a value containing , ; = or :`);
        }
        return `${pair.slice(0, eq)}=${value}`;
      });
      return `${entry.slice(0, colon)}:${pairs.join(',')}`;
    })
    .join(';');
}

function decodeValue(raw: string, address: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw SatchelError.config('bus address', `${JSON.stringify(address)} has a bad %-escape`);
  }
}
