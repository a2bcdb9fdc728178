/**
 * Hex for keys and ids that people and scripts copy around (CLI, logs, the
 * D-Bus API). Parsing is strict so that a mistyped key is an error, not a
 * silently different key.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { SatchelError } from '../errors/satchel-error.js';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

export function toHex(b: Uint8Array): string {
  if (!(b instanceof Uint8Array)) throw SatchelError.invalidArgument('toHex needs bytes');
  return bytesToHex(b);
}

/** Accepts either case; `expectedBytes` guards fixed-size values such as keys. */
export function fromHex(s: string, expectedBytes?: number): Uint8Array {
  if (typeof s !== 'string' || !HEX.test(s)) {
    throw SatchelError.invalidArgument('not an even-length hex string');
  }
  if (expectedBytes !== undefined && s.length !== expectedBytes * 2) {
    throw SatchelError.invalidArgument(`expected ${expectedBytes} bytes of hex, got ${s.length / 2}`);
  }
  return hexToBytes(s);
}
