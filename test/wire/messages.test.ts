import t from 'tap';
import { encodeEnvelope, decodeEnvelope, decodeBeacon, MAX_BEACON_BYTES } from '../../daemon/wire/messages.js';

t.test('envelope round-trips', async (t) => {
  const env = { to: new Uint8Array(8).fill(7), nonce: 0xdeadbeef, sealed: new Uint8Array([1, 2, 3]), lifetimeS: 3600 };
  const back = decodeEnvelope(encodeEnvelope(env));
  t.same(Array.from(back.to ?? []), Array.from(env.to));
  t.equal(back.nonce, 0xdeadbeef);
  t.equal(back.lifetimeS, 3600);
  t.equal(back.ageS, 0);
});

t.test('oversized and garbage input fail with named errors', async (t) => {
  t.throws(() => decodeBeacon(new Uint8Array(MAX_BEACON_BYTES + 1)), { code: 'FRAME_TOO_LARGE' });
  t.throws(() => decodeEnvelope(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f])), { code: 'BAD_FRAME' });
});
