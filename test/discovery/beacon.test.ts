import t from 'tap';
import { createSocket, type Socket } from 'node:dgram';
import { createBeacon, DEFAULT_BEACON_PORT, type BeaconOptions } from '../../daemon/discovery/beacon.js';
import { buildBeacon, parseBeacon } from '../../daemon/discovery/beacon-packet.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { silentLogger } from '../../daemon/util/log.js';
import { seededRandom } from '../../daemon/util/random.js';
import { encodeBeacon, MAX_BEACON_BYTES, WIRE_VERSION } from '../../daemon/wire/messages.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { BeaconProcess, WAIT_MS } from './fixtures/beacon-process.js';
import { createLinkedPair, netnsUnavailable } from './fixtures/netns.js';

/**
 * Fast beacons so that discovery takes well under a second, in ms. The
 * default k: two laptops never hear enough of each other to keep quiet for
 * long, and the silence bound caps it when they do.
 */
const FAST = { iminMs: 100, imaxMs: 200, maxSilenceMs: 400 };
const A_ID = 'aa00000000000001';
const B_ID = 'bb00000000000002';
const LINK_LOCAL_ON = (iface: string): RegExp => new RegExp(`^fe80:[0-9a-f:]+%${iface}$`);

function options(over: Partial<BeaconOptions> = {}): BeaconOptions {
  return { sessionPort: 4000, nodeId: new Uint8Array(8).fill(1), clock: new ManualClock(),
    random: seededRandom(1), logger: silentLogger, counters: createCounters(), ...over };
}

t.test('bad options are refused before anything is bound', async (t) => {
  t.equal(DEFAULT_BEACON_PORT, 47847);
  t.throws(() => createBeacon(options({ nodeId: new Uint8Array(7) })), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createBeacon(options({ sessionPort: 0 })), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createBeacon(options({ port: 65_536 })), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createBeacon(options({ fixedIntervalMs: 0 })), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createBeacon(options({ fixedIntervalMs: Number.POSITIVE_INFINITY })), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createBeacon(options({ fixedIntervalMs: 1_000, trickle: {} })), { code: 'INVALID_ARGUMENT' }, 'one schedule, not two');
  const badTrickle = [
    { iminMs: 0 }, { iminMs: Number.NaN }, { iminMs: -1 }, { iminMs: '100' as unknown as number },
    { iminMs: 2_000, imaxMs: 1_000 }, { imaxMs: Number.POSITIVE_INFINITY },
    { redundancy: 0 }, { redundancy: 1.5 }, { redundancy: -2 }, { redundancy: Number.NaN },
    { imaxMs: 1_000, maxSilenceMs: 1_999 }, { maxSilenceMs: Number.POSITIVE_INFINITY },
  ];
  for (const trickle of badTrickle) {
    t.throws(() => createBeacon(options({ trickle })), { code: 'INVALID_ARGUMENT' }, JSON.stringify(trickle));
  }
  t.doesNotThrow(() => createBeacon(options({ trickle: { redundancy: Number.POSITIVE_INFINITY } })), 'k = Infinity never suppresses');
  t.doesNotThrow(() => createBeacon(options({ trickle: { iminMs: 10, imaxMs: 10, maxSilenceMs: 20 } })));
  const b = createBeacon(options());
  t.throws(() => b.setSessionPort(-1), { code: 'INVALID_ARGUMENT' });
  b.setSessionPort(4001);
  t.equal(b.sessionPort, 4001);
  const e = b.epoch;
  b.bumpEpoch();
  t.equal(b.epoch, (e + 1) >>> 0);
});

t.test('start() after close() is refused; close() before start() is fine', async (t) => {
  const b = createBeacon(options());
  await b.close();
  await b.close();
  await t.rejects(b.start(), { code: 'CLOSED' });
});

t.test('a port nobody can share is a configuration error', async (t) => {
  const bindExclusive = (type: 'udp4' | 'udp6', port: number): Promise<Socket> => new Promise((resolve, reject) => {
    const s = createSocket({ type, reuseAddr: false, ipv6Only: type === 'udp6' });
    s.once('error', reject);
    s.bind(port, () => resolve(s));
  });
  const s4 = await bindExclusive('udp4', 0);
  const port = s4.address().port;
  const s6 = await bindExclusive('udp6', port).catch(() => undefined);
  t.teardown(() => { s4.close(); s6?.close(); });
  const b = createBeacon(options({ port, ipv6: s6 !== undefined }));
  await t.rejects(b.start(), { code: 'CONFIG' });
  await b.close();
});

const skip = netnsUnavailable();

t.test('two laptops on one link', { skip: skip ?? false }, async (t) => {
  t.test('discover each other over IPv4 and IPv6 link-local, and can dial back', async (t) => {
    const { a, b } = await createLinkedPair(t);
    // A names its interface; B leaves it to "every non-loopback interface".
    const [A, B] = await Promise.all([
      BeaconProcess.start(t, a.ns, { nodeIdHex: A_ID, iface: a.iface, trickle: FAST }),
      BeaconProcess.start(t, b.ns, { nodeIdHex: B_ID, trickle: FAST }),
    ]);
    const [aHears4, aHears6, bHears4, bHears6] = await Promise.all([
      A.heardFrom(B_ID, 4), A.heardFrom(B_ID, 6), B.heardFrom(A_ID, 4), B.heardFrom(A_ID, 6),
    ]);
    t.match(aHears4, { address: b.ipv4, sessionPort: B.sessionPort });
    t.match(bHears4, { address: a.ipv4, sessionPort: A.sessionPort });
    t.match(aHears6.address, LINK_LOCAL_ON(a.iface), 'scoped to the receiving interface');
    t.match(bHears6.address, LINK_LOCAL_ON(b.iface));
    for (const [who, heard, peer] of [[A, aHears4, B_ID], [A, aHears6, B_ID], [B, bHears4, A_ID], [B, bHears6, A_ID]] as const) {
      const r = await who.request({ cmd: 'connect', host: heard.address, port: heard.sessionPort });
      t.equal(r.data, peer, `TCP to ${heard.address} port ${heard.sessionPort} reaches ${peer}`);
    }
    t.notOk(A.heard.some((h) => h.nodeIdHex === A_ID) || B.heard.some((h) => h.nodeIdHex === B_ID), 'nobody hears itself');
    const [ca, cb] = await Promise.all([A.counters(), B.counters()]);
    t.equal(ca['beacon.dropped.self'], undefined, 'loopback is off: own beacons never arrive');
    t.ok((ca['beacon.sent'] ?? 0) >= 2 && (cb['beacon.received'] ?? 0) >= 2);
  });

  t.test('a family can be switched off', async (t) => {
    const { a, b } = await createLinkedPair(t);
    const [A, B] = await Promise.all([
      BeaconProcess.start(t, a.ns, { nodeIdHex: A_ID, iface: a.iface, ipv4: false, trickle: FAST }),
      BeaconProcess.start(t, b.ns, { nodeIdHex: B_ID, iface: b.iface, trickle: FAST }),
    ]);
    await B.heardFrom(A_ID, 6);
    await A.heardFrom(B_ID, 6);
    const start = Date.now();
    await B.until(() => B.heard.filter((h) => h.nodeIdHex === A_ID).length >= 5, 'five beacons from A');
    t.notOk(B.heard.some((h) => h.family === 4), 'no IPv4 beacon from an IPv6-only node');
    t.notOk(A.heard.some((h) => h.family === 4), 'and an IPv6-only node does not listen on IPv4');
    // However polite A is, it speaks at least once per silence bound.
  t.ok(Date.now() - start < 5 * FAST.maxSilenceMs + 500);
  });

  t.test('garbage is dropped, counted, logged once per reason; the beacon keeps working', async (t) => {
    const { a, b } = await createLinkedPair(t);
    const [A, B] = await Promise.all([
      BeaconProcess.start(t, a.ns, { nodeIdHex: A_ID, iface: a.iface, trickle: FAST }),
      BeaconProcess.start(t, b.ns, { nodeIdHex: B_ID, iface: b.iface, trickle: FAST }),
    ]);
    await A.heardFrom(B_ID, 4);
    const other = Buffer.from(B_ID, 'hex');
    const garbage: [reason: string, bytes: Uint8Array][] = [
      ['undecodable', new Uint8Array(40).fill(0xff)],
      ['oversize', new Uint8Array(MAX_BEACON_BYTES + 1).fill(0x08)],
      ['oversize', new Uint8Array(1400).fill(0)],
      ['version', encodeBeacon({ version: WIRE_VERSION + 1, nodeId: other, port: 4000 })],
      ['node_id', encodeBeacon({ version: WIRE_VERSION, nodeId: new Uint8Array(7), port: 4000 })],
      ['port', encodeBeacon({ version: WIRE_VERSION, nodeId: other, port: 0 })],
      ['self', buildBeacon(Buffer.from(A_ID, 'hex'), 4000, 1)],
    ];
    // And some random bytes, whose reason the pure parser tells us in advance.
    const random = seededRandom(99);
    for (let i = 0; i < 6; i++) {
      const bytes = random(1 + ((random(1)[0] ?? 0) % 64));
      const r = parseBeacon(bytes, Buffer.from(A_ID, 'hex'));
      if (!r.ok) garbage.push([r.reason, bytes]);
    }
    const want: Record<string, number> = {};
    for (const family of [4, 6] as const) {
      for (const [reason, bytes] of garbage) {
        await B.request({ cmd: 'sendRaw', family, iface: b.iface, hex: Buffer.from(bytes).toString('hex') });
        want[`beacon.dropped.${reason}`] = (want[`beacon.dropped.${reason}`] ?? 0) + 1;
      }
    }
    // Datagrams are in flight after sendRaw returns: ask until all are counted.
    const deadline = Date.now() + WAIT_MS;
    let got = await A.counters();
    while (Object.entries(want).some(([k, n]) => (got[k] ?? 0) < n) && Date.now() < deadline) {
      await sleep(50);
      got = await A.counters();
    }
    t.match(got, want, 'every bad datagram counted under its reason');
    for (const reason of new Set(garbage.map(([r]) => r))) {
      const lines = A.stderr.split('\n').filter((l) => l.includes('dropping beacon') && l.includes(`reason=${reason}`));
      t.equal(lines.length, 1, `${reason} logged once`);
    }
    t.notOk(A.heard.some((h) => h.nodeIdHex === A_ID), 'a beacon carrying our own id is not reported');
    // Still working: B's next epoch reaches A, early (hurry) rather than at the next interval.
    const { epoch } = await B.request({ cmd: 'bump' });
    await A.until(() => A.heard.some((h) => h.nodeIdHex === B_ID && h.epoch === epoch), 'the bumped epoch');
    t.ok(A.alive);
  });

  t.test('close() is idempotent and releases the port; starting again on it works', async (t) => {
    const { a, b } = await createLinkedPair(t);
    const [A, B] = await Promise.all([
      BeaconProcess.start(t, a.ns, { nodeIdHex: A_ID, iface: a.iface, trickle: FAST }),
      BeaconProcess.start(t, b.ns, { nodeIdHex: B_ID, iface: b.iface, trickle: FAST }),
    ]);
    await B.heardFrom(A_ID, 6);
    // The child closes twice (concurrently and again), binds the port without
    // SO_REUSEADDR on both families to prove it is free, then starts anew.
    const { epoch } = await A.request({ cmd: 'restart' });
    await B.until(() => B.heard.some((h) => h.nodeIdHex === A_ID && h.epoch === epoch && h.family === 4), 'A again on IPv4');
    await B.until(() => B.heard.some((h) => h.nodeIdHex === A_ID && h.epoch === epoch && h.family === 6), 'A again on IPv6');
    const since = Date.now();
    await A.heardFrom(B_ID, 6, since);
    t.pass('restarted beacon sends and hears');
  });

  t.test('an interface that vanishes does not crash the beacon, and is rejoined when it returns', async (t) => {
    const link = await createLinkedPair(t);
    const { a, b } = link;
    const [A, B] = await Promise.all([
      BeaconProcess.start(t, a.ns, { nodeIdHex: A_ID, iface: a.iface, trickle: FAST }),
      BeaconProcess.start(t, b.ns, { nodeIdHex: B_ID, trickle: FAST }),
    ]);
    await A.heardFrom(B_ID, 6);
    link.cut();
    await sleep(4 * FAST.imaxMs);
    t.ok(A.alive && B.alive, 'both still running');
    await A.counters();
    const since = Date.now();
    await link.mend();
    await Promise.all([A.heardFrom(B_ID, 4, since), A.heardFrom(B_ID, 6, since),
      B.heardFrom(A_ID, 4, since), B.heardFrom(A_ID, 6, since)]);
    t.pass('heard each other again on both families');
  });
});
