/**
 * Just enough CBOR (RFC 8949) to write a Bundle Protocol v7 bundle (RFC 9171)
 * and so know what the same message would cost in the DTN standard. Only the
 * major types a bundle needs: unsigned integers (0), byte strings (2), text
 * strings (3), arrays (4, definite and indefinite) and the "break" stop code.
 * Everything is encoded in its shortest form, as RFC 9171 asks.
 */

const MT_UINT = 0;
const MT_BYTES = 2;
const MT_TEXT = 3;
const MT_ARRAY = 4;
export const INDEFINITE_ARRAY = 0x9f;
export const BREAK = 0xff;

/** Head of a data item: major type and argument (a length or the integer itself). */
export function cborHead(majorType, value) {
  const n = BigInt(value);
  if (n < 0n || n > 0xffff_ffff_ffff_ffffn) throw new RangeError(`CBOR argument out of range: ${value}`);
  const mt = majorType << 5;
  if (n < 24n) return Uint8Array.of(mt | Number(n));
  if (n <= 0xffn) return Uint8Array.of(mt | 24, Number(n));
  if (n <= 0xffffn) return Uint8Array.of(mt | 25, Number(n >> 8n), Number(n & 0xffn));
  const size = n <= 0xffff_ffffn ? 4 : 8;
  const out = new Uint8Array(1 + size);
  out[0] = mt | (size === 4 ? 26 : 27);
  for (let i = 0; i < size; i++) out[size - i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

const concat = (parts) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
};

export const cborUint = (n) => cborHead(MT_UINT, n);
export const cborBytes = (b) => concat([cborHead(MT_BYTES, b.length), b]);
export const cborText = (s) => {
  const b = new TextEncoder().encode(s);
  return concat([cborHead(MT_TEXT, b.length), b]);
};
/** A definite-length array of already encoded items. */
export const cborArray = (items) => concat([cborHead(MT_ARRAY, items.length), ...items]);

/**
 * CRC-16/X-25, the 16-bit CRC of RFC 9171 section 4.2.1 (CRC type 1):
 * reflected polynomial 0x1021, initial value and final XOR 0xFFFF.
 */
export function crc16X25(bytes) {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return (crc ^ 0xffff) & 0xffff;
}

/** Milliseconds from the Unix epoch to the DTN epoch, 2000-01-01T00:00:00Z. */
export const DTN_EPOCH_UNIX_MS = 946_684_800_000;
export const DTN_SCHEME = 1;

/** A dtn-scheme endpoint `dtn://<node>/`, encoded as RFC 9171 section 4.2.5.1.1 says. */
export const dtnEid = (node) => cborArray([cborUint(DTN_SCHEME), cborText(`//${node}/`)]);
/** dtn:none: scheme 1 with the integer 0 as its scheme-specific part. */
export const DTN_NONE = cborArray([cborUint(DTN_SCHEME), cborUint(0)]);

/**
 * One bundle carrying `payload` from `srcNode` to `dstNode`, no extension
 * blocks, not fragmented: an indefinite-length array holding the primary
 * block [version 7, bundle flags, CRC type, destination, source, report-to,
 * creation timestamp [DTN time ms, sequence], lifetime ms (, CRC)] and the
 * payload block [type 1, block number 1, block flags 0, CRC type 0, payload].
 *
 * `crc16: false` (CRC type 0) gives the smallest encoding; RFC 9171 4.3.1
 * requires a CRC on the primary block unless a BPSec BIB covers it, so
 * `crc16: true` is the smallest conformant bundle without BPSec.
 */
export function encodeBundle({ srcNode, dstNode, payload, creationUnixMs, sequence = 0, lifetimeMs, bundleFlags = 0, crc16 = false }) {
  const dtnTimeMs = BigInt(creationUnixMs) - BigInt(DTN_EPOCH_UNIX_MS);
  const fields = [
    cborUint(7),
    cborUint(bundleFlags),
    cborUint(crc16 ? 1 : 0),
    dtnEid(dstNode),
    dtnEid(srcNode),
    DTN_NONE,
    cborArray([cborUint(dtnTimeMs), cborUint(sequence)]),
    cborUint(lifetimeMs),
  ];
  let primary;
  if (crc16) {
    // The CRC covers the whole block with the CRC value bytes zeroed.
    primary = cborArray([...fields, cborBytes(new Uint8Array(2))]);
    const crc = crc16X25(primary);
    primary[primary.length - 2] = crc >> 8;
    primary[primary.length - 1] = crc & 0xff;
  } else {
    primary = cborArray(fields);
  }
  const payloadBlock = cborArray([cborUint(1), cborUint(1), cborUint(0), cborUint(0), cborBytes(payload)]);
  return concat([Uint8Array.of(INDEFINITE_ARRAY), primary, payloadBlock, Uint8Array.of(BREAK)]);
}
