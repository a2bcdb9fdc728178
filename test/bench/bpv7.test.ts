/**
 * The small CBOR encoder and Bundle Protocol v7 writer that the wire-overhead
 * benchmark compares against: RFC 8949 Appendix A vectors, the CRC-16/X-25
 * check value, and one bundle written out by hand from RFC 9171 section 4.
 */
import t from 'tap';
import {
  BREAK, cborArray, cborBytes, cborHead, cborText, cborUint, crc16X25, DTN_EPOCH_UNIX_MS, DTN_NONE, encodeBundle,
  INDEFINITE_ARRAY,
} from '../../scripts/bench/lib/bpv7.mjs';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const ascii = (s: string): string => Buffer.from(s, 'ascii').toString('hex');

t.test('RFC 8949 Appendix A: unsigned integers in their shortest form', async (t) => {
  const vectors: [number | bigint, string][] = [
    [0, '00'], [1, '01'], [10, '0a'], [23, '17'], [24, '1818'], [25, '1819'], [100, '1864'], [1000, '1903e8'],
    [1_000_000, '1a000f4240'], [1_000_000_000_000, '1b000000e8d4a51000'],
    [18_446_744_073_709_551_615n, '1bffffffffffffffff'],
  ];
  for (const [n, want] of vectors) t.equal(hex(cborUint(n)), want, String(n));
  t.throws(() => cborUint(-1));
  t.throws(() => cborUint(2n ** 64n));
});

t.test('RFC 8949 Appendix A: strings and arrays', async (t) => {
  t.equal(hex(cborBytes(new Uint8Array())), '40');
  t.equal(hex(cborBytes(Uint8Array.of(1, 2, 3, 4))), '4401020304');
  t.equal(hex(cborText('')), '60');
  t.equal(hex(cborText('a')), '6161');
  t.equal(hex(cborText('IETF')), '6449455446');
  t.equal(hex(cborText('\u00fc')), '62c3bc', 'length counts UTF-8 bytes');
  t.equal(hex(cborArray([])), '80');
  t.equal(hex(cborArray([cborUint(1), cborUint(2), cborUint(3)])), '83010203');
  t.equal(hex(Uint8Array.of(INDEFINITE_ARRAY, BREAK)), '9fff', '[_ ]');
  t.equal(hex(cborHead(2, 300)), '59012c', 'two-byte length');
  t.equal(hex(DTN_NONE), '820100', 'dtn:none');
});

t.test('CRC-16/X-25 check value', async (t) => {
  t.equal(crc16X25(Buffer.from('123456789', 'ascii')), 0x906e);
});

t.test('a minimal bundle, byte for byte', async (t) => {
  const bundle = encodeBundle({
    srcNode: '0011223344556677', dstNode: '8899aabbccddeeff', payload: Buffer.from('hi'),
    creationUnixMs: DTN_EPOCH_UNIX_MS + 1000, sequence: 0, lifetimeMs: 3_600_000,
  });
  const want = [
    '9f', // bundle: indefinite-length array
    '88', '07', '00', '00', // primary block: 8 items, version 7, no flags, CRC type 0
    '8201', '73', ascii('//8899aabbccddeeff/'), // destination dtn://8899aabbccddeeff/
    '8201', '73', ascii('//0011223344556677/'), // source
    '820100', // report-to dtn:none
    '82', '1903e8', '00', // creation timestamp [1000 ms after the DTN epoch, sequence 0]
    '1a0036ee80', // lifetime 3,600,000 ms
    '85', '01', '01', '00', '00', '42', ascii('hi'), // payload block
    'ff',
  ].join('');
  t.equal(hex(bundle), want);
});

t.test('with a primary-block CRC-16 the block has 9 items and a checkable CRC', async (t) => {
  const args = {
    srcNode: '0011223344556677', dstNode: '8899aabbccddeeff', payload: Buffer.from('hi'),
    creationUnixMs: DTN_EPOCH_UNIX_MS + 1000, lifetimeMs: 3_600_000,
  };
  const plain = encodeBundle(args);
  const withCrc = encodeBundle({ ...args, crc16: true });
  t.equal(withCrc.length, plain.length + 3, 'CRC adds a 2-byte byte string');
  t.equal(withCrc[1], 0x89, '9 items');
  t.equal(withCrc[4], 0x01, 'CRC type 1 (CRC-16)');
  const payloadBlockBytes = 8; // 85 01 01 00 00 42 'h' 'i'
  const primary = withCrc.slice(1, withCrc.length - 1 - payloadBlockBytes);
  t.equal(withCrc[withCrc.length - 1 - payloadBlockBytes], 0x85, 'payload block follows the primary block');
  t.equal(primary.at(-3), 0x42, 'CRC is a 2-byte byte string');
  const stored = (primary.at(-2)! << 8) | primary.at(-1)!;
  const zeroed = Uint8Array.from(primary);
  zeroed.fill(0, zeroed.length - 2);
  t.equal(crc16X25(zeroed), stored, 'CRC over the block with its value bytes zeroed');
});
