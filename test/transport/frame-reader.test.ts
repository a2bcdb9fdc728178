import t from 'tap';
import { encodeLengthPrefixed, FrameReader, MAX_LENGTH_VARINT_BYTES } from '../../daemon/transport/frame-reader.js';
import { MAX_FRAME_BYTES } from '../../daemon/wire/messages.js';

const bytes = (n: number, seed = 1): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const feedAll = (r: FrameReader, chunk: Uint8Array): Uint8Array[] => [...r.feed(chunk)];

t.test('length prefix is a minimal protobuf varint', async (t) => {
  t.equal(hex(encodeLengthPrefixed(new Uint8Array(0))), '00');
  t.equal(hex(encodeLengthPrefixed(bytes(127)).subarray(0, 1)), '7f');
  t.equal(hex(encodeLengthPrefixed(bytes(128)).subarray(0, 2)), '8001');
  t.equal(hex(encodeLengthPrefixed(bytes(300)).subarray(0, 2)), 'ac02');
  t.equal(encodeLengthPrefixed(bytes(MAX_FRAME_BYTES)).length, MAX_FRAME_BYTES + 3);
  t.throws(() => encodeLengthPrefixed(bytes(11), 10), { code: 'FRAME_TOO_LARGE' });
});

t.test('frames split at every byte boundary come out whole', async (t) => {
  const frames = [bytes(0), bytes(1), bytes(127, 2), bytes(128, 3), bytes(300, 4)];
  const stream = Buffer.concat(frames.map((f) => encodeLengthPrefixed(f)));
  const badCuts: number[] = [];
  for (let cut = 0; cut <= stream.length; cut++) {
    const r = new FrameReader(1000);
    const out = [...feedAll(r, stream.subarray(0, cut)), ...feedAll(r, stream.subarray(cut))];
    if (out.map(hex).join('|') !== frames.map(hex).join('|') || r.bufferedBytes !== 0) badCuts.push(cut);
  }
  t.same(badCuts, [], `all ${stream.length + 1} two-chunk splits`);
  const r = new FrameReader(1000);
  const out = [...stream].flatMap((b) => feedAll(r, Uint8Array.of(b)));
  t.same(out.map(hex), frames.map(hex), 'one byte at a time');
});

t.test('many frames in one chunk', async (t) => {
  const frames = Array.from({ length: 1000 }, (_, i) => bytes(i % 200, i));
  const r = new FrameReader(1000);
  const out = feedAll(r, Buffer.concat(frames.map((f) => encodeLengthPrefixed(f))));
  t.equal(out.length, 1000);
  t.same(out.map(hex), frames.map(hex));
});

t.test('exactly the maximum passes, one more is refused from the prefix alone', async (t) => {
  const max = 4096;
  const ok = new FrameReader(max);
  t.equal(feedAll(ok, encodeLengthPrefixed(bytes(max), max))[0]?.length, max);

  const r = new FrameReader(max);
  const prefixOnly = encodeLengthPrefixed(bytes(max + 1), max + 1).subarray(0, 2);
  t.throws(() => feedAll(r, prefixOnly), { code: 'FRAME_TOO_LARGE' }, 'refused before any payload byte');
  t.equal(r.bufferedBytes, 0, 'nothing buffered');
  t.throws(() => feedAll(r, bytes(10)), { code: 'FRAME_TOO_LARGE' }, 'stays failed');
});

t.test('a huge declared length is refused before its payload', async (t) => {
  const r = new FrameReader();
  // 0xffffffff as a varint: a peer announcing 4 GiB.
  t.throws(() => feedAll(r, Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f)), { code: 'FRAME_TOO_LARGE' });
});

t.test('varints longer than 5 bytes and non-minimal ones are bad frames', async (t) => {
  t.equal(MAX_LENGTH_VARINT_BYTES, 5);
  const six = Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x80, 0x00);
  const r = new FrameReader();
  t.throws(() => feedAll(r, six.subarray(0, 5)), { code: 'BAD_FRAME' }, 'refused at the 5th continuation byte');
  t.throws(() => feedAll(new FrameReader(), Uint8Array.of(0x85, 0x00, 1, 2, 3, 4, 5)), { code: 'BAD_FRAME' });
});

t.test('frames yielded before an error in the same chunk are still delivered', async (t) => {
  const r = new FrameReader(10);
  const chunk = Buffer.concat([encodeLengthPrefixed(bytes(3)), Uint8Array.of(50)]);
  const got: Uint8Array[] = [];
  t.throws(() => { for (const f of r.feed(chunk)) got.push(f); }, { code: 'FRAME_TOO_LARGE' });
  t.equal(got.length, 1);
});

t.test('memory stays bounded by what the peer actually sent of one frame', async (t) => {
  const max = 64 * 1024;
  const r = new FrameReader(max);
  // Announce a maximum frame, then trickle it: held bytes track what arrived, no preallocation.
  const wire = encodeLengthPrefixed(bytes(max), max);
  const prefixLen = wire.length - max;
  t.same(feedAll(r, wire.subarray(0, prefixLen + 10)), []);
  t.equal(r.bufferedBytes, 10);
  let peak = 0;
  let out: Uint8Array[] = [];
  for (let off = prefixLen + 10; off < wire.length; off += 1000) {
    out = feedAll(r, wire.subarray(off, off + 1000));
    peak = Math.max(peak, r.bufferedBytes);
  }
  t.equal(out[0]?.length, max);
  t.ok(peak <= max, `peak ${peak} <= ${max}`);
  t.equal(r.bufferedBytes, 0);

  // A long stream of frames split mid-frame leaves nothing behind between them.
  const frame = encodeLengthPrefixed(bytes(5000), max);
  let count = 0;
  let maxHeld = 0;
  for (let i = 0; i < 20_000; i++) {
    count += feedAll(r, frame.subarray(0, 2500)).length;
    maxHeld = Math.max(maxHeld, r.bufferedBytes);
    count += feedAll(r, frame.subarray(2500)).length;
  }
  t.equal(count, 20_000);
  t.equal(maxHeld, 2500 - (frame.length - 5000), 'never more than the unfinished payload of one frame');
  t.equal(r.bufferedBytes, 0);
});
