/**
 * Byte checks shared by the crypto modules. Everything here is internal: it
 * turns a wrong-sized or wrong-typed argument into a named SatchelError
 * instead of a TypeError from deep inside a primitive.
 */
import { SatchelError } from '../errors/satchel-error.js';

export function isBytes(value: unknown, length?: number): value is Uint8Array {
  return value instanceof Uint8Array && (length === undefined || value.length === length);
}

export function checkBytes(value: unknown, length: number, what: string): Uint8Array {
  if (!isBytes(value, length)) {
    const got = value instanceof Uint8Array ? `${value.length} bytes` : typeof value;
    throw SatchelError.invalidArgument(`${what} must be ${length} bytes, got ${got}`);
  }
  return value;
}

export function isUint32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

export function uint32LE(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, true);
  return out;
}

export function uint32BE(n: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}
