import t from 'tap';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildBeacon, parseBeacon } from '../../daemon/discovery/beacon-packet.js';
import { encodeBeacon, MAX_BEACON_BYTES, WIRE_VERSION } from '../../daemon/wire/messages.js';
import { seededRandom } from '../../daemon/util/random.js';

const own = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
const other = new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]);

t.test('our beacon round-trips and is small', async (t) => {
  const bytes = buildBeacon(other, 47_000, 0xffff_ffff);
  t.ok(bytes.length <= 22, `worst case ${bytes.length} bytes`);
  t.ok(bytes.length <= MAX_BEACON_BYTES);
  t.equal(buildBeacon(other, 4000, 7).length, 17, 'typical small epoch and port');
  const r = parseBeacon(bytes, own);
  t.ok(r.ok);
  if (r.ok) t.same(r.beacon, { nodeId: other, sessionPort: 47_000, epoch: 0xffff_ffff });
});

t.test('the node id is copied out of the datagram buffer', async (t) => {
  const bytes = buildBeacon(other, 4000, 1);
  const r = parseBeacon(bytes, own);
  bytes.fill(0);
  t.ok(r.ok && r.beacon.nodeId[0] === 9);
});

t.test('each kind of bad datagram has its reason', async (t) => {
  const cases: [string, Uint8Array][] = [
    ['oversize', new Uint8Array(MAX_BEACON_BYTES + 1)],
    ['undecodable', new Uint8Array([0x12, 0x08, 1, 2])], // node_id cut short
    ['version', encodeBeacon({ version: WIRE_VERSION + 1, nodeId: other, port: 4000 })],
    ['version', encodeBeacon({ nodeId: other, port: 4000 })],
    ['node_id', encodeBeacon({ version: WIRE_VERSION, nodeId: new Uint8Array(7), port: 4000 })],
    ['node_id', encodeBeacon({ version: WIRE_VERSION, port: 4000 })],
    ['port', encodeBeacon({ version: WIRE_VERSION, nodeId: other, port: 0 })],
    ['port', encodeBeacon({ version: WIRE_VERSION, nodeId: other, port: 70_000 })],
    ['self', buildBeacon(own, 4000, 1)],
  ];
  for (const [reason, bytes] of cases) t.match(parseBeacon(bytes, own), { ok: false, reason }, reason);
});

t.test('unknown fields from a newer sender are tolerated', async (t) => {
  const extra = Uint8Array.from([...buildBeacon(other, 4000, 1), 0x80, 0x01, 0x05]); // field 16, varint 5
  t.match(parseBeacon(extra, own), { ok: true });
});

t.test('random bytes never throw', async (t) => {
  const random = seededRandom(42);
  for (let i = 0; i < 5_000; i++) {
    const len = (random(1)[0] ?? 0) % (MAX_BEACON_BYTES + 8);
    parseBeacon(random(len), own);
  }
  t.pass('5000 random datagrams judged without throwing');
});

const protoDir = fileURLToPath(new URL('../../proto', import.meta.url));
const protoc = (() => {
  try { execFileSync('protoc', ['--version']); return true; } catch { return false; }
})();

t.test('stock protoc --decode reads our beacon', { skip: protoc ? false : 'protoc not installed' }, async (t) => {
  const text = execFileSync('protoc', ['--decode', 'satchel.v1.Beacon', '-I', protoDir, 'satchel/v1/satchel.proto'],
    { input: buildBeacon(other, 47_000, 5), encoding: 'utf8' });
  t.equal(text, 'version: 1\nnode_id: "\\t\\t\\t\\t\\t\\t\\t\\t"\nport: 47000\nepoch: 5\n');
});
