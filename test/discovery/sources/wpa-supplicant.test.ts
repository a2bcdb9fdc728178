/**
 * The wpa_supplicant source against a stand-in that speaks wpa_supplicant's
 * D-Bus API on a private system-style bus with wpa_supplicant's own policy.
 */
import t from 'tap';
import { createWpaSupplicantSource } from '../../../daemon/discovery/sources/wpa-supplicant.js';
import { WPA_MATCH_RULES } from '../../../daemon/discovery/sources/wpa-names.js';
import { systemClock } from '../../../daemon/util/clock.js';
import { createCounters } from '../../../daemon/util/counters.js';
import { silentLogger } from '../../../daemon/util/log.js';
import { linkLocal, SESSION_PORT, startHarness } from './fixtures/source-harness.js';
import { WpaStandin } from './fixtures/wpa-standin.js';

const PEER_A = '02:5a:00:00:00:0a';
const PEER_B = '02:5a:00:00:00:0b';
const P2P_C = '02:5a:00:00:00:0c';
const RELAY = '02:5a:00:00:00:0d';
const OTHER_AP = '02:5a:00:00:00:0e';

t.test('options are checked; start() after close() is refused', async (t) => {
  const base = { bus: {} as never, logger: silentLogger, counters: createCounters(), clock: systemClock, resolve: async () => undefined };
  t.throws(() => createWpaSupplicantSource({ ...base, sessionPort: 0 }), { code: 'INVALID_ARGUMENT' });
  const h = await startHarness(t);
  await h.source.close();
  await h.source.close();
  await t.rejects(h.source.start(), { code: 'CLOSED' });
});

t.test('absent at start: down, no error; up once wpa_supplicant owns its name', async (t) => {
  const h = await startHarness(t);
  await h.source.start();
  t.equal(h.source.state(), 'down');
  t.same(h.rec.said, [], 'nothing said while it is absent');
  const wpa = await WpaStandin.start(t, h.wbus.address);
  await h.rec.until(() => h.source.state() === 'up', 'state up');
  t.same(h.rec.states(), ['up']);
  const mesh = await wpa.addInterface({ ifname: 'mesh0', mesh: true });
  await h.interfacesRead(1);
  t.match(h.source.interfaces(), [{ path: mesh, ifname: 'mesh0', meshPeers: 0 }]);
});

t.test('mesh peers connecting and disconnecting are met and forgotten, with resolved addresses', async (t) => {
  const h = await startHarness(t);
  const wpa = await WpaStandin.start(t, h.wbus.address);
  const mesh = await wpa.addInterface({ ifname: 'mesh0', mesh: true });
  await h.source.start();
  await h.interfacesRead(1);
  await wpa.meshPeer(mesh, PEER_A, true);
  await h.rec.until(() => h.rec.seen(PEER_A).length === 1, 'peer A seen');
  t.same(h.rec.seen(PEER_A)[0], { source: 'wpa_supplicant', key: PEER_A, address: linkLocal(PEER_A, 'mesh0'), sessionPort: SESSION_PORT });
  t.match(h.rec.seen(PEER_A)[0]?.address, /^fe80::5a:ff:fe00:a%mesh0$/, 'EUI-64 of the MAC, scoped to the mesh interface');
  await wpa.meshPeer(mesh, PEER_B, true);
  await wpa.meshPeer(mesh, PEER_A, false);
  await h.rec.until(() => h.rec.lost(PEER_A) === 1 && h.rec.seen(PEER_B).length === 1, 'A lost, B seen');
  t.same([...h.rec.current().keys()], [PEER_B]);
  t.same(h.drops(), {}, 'nothing dropped');
});

t.test('what is already there at start: MeshPeers, BSSs and P2P peers are read', async (t) => {
  const h = await startHarness(t);
  await WpaStandin.start(t, h.wbus.address, {
    interfaces: [
      { ifname: 'mesh0', mesh: true, meshPeers: [PEER_A, PEER_B] },
      { ifname: 'wlan0', p2p: true, bss: [{ bssid: RELAY, ssid: 'satchel-relay' }], p2pPeers: [{ mac: P2P_C }] },
    ],
  });
  await h.source.start();
  await h.rec.until(() => h.rec.current().size === 4, 'four sightings');
  const now = h.rec.current();
  t.equal(now.get(PEER_A)?.address, linkLocal(PEER_A, 'mesh0'));
  t.equal(now.get(PEER_B)?.address, linkLocal(PEER_B, 'mesh0'));
  t.equal(now.get(P2P_C)?.address, linkLocal(P2P_C, 'wlan0'));
  t.same(now.get(`bss:${RELAY}`), { source: 'wpa_supplicant', key: `bss:${RELAY}`, address: '', sessionPort: SESSION_PORT, ssid: 'satchel-relay' });
  t.equal(h.rec.said.filter((e) => e.type === 'seen').length, 4, 'each seen once');
});

t.test('interfaces come and go; a removed interface takes its peers and BSSs with it', async (t) => {
  const h = await startHarness(t);
  const wpa = await WpaStandin.start(t, h.wbus.address);
  await h.source.start();
  const mesh = await wpa.addInterface({ ifname: 'mesh0', mesh: true });
  const wlan = await wpa.addInterface({ ifname: 'wlan0' });
  await h.interfacesRead(2);
  await wpa.meshPeer(mesh, PEER_A, true);
  await wpa.bssAdded(wlan, RELAY, 'satchel-relay');
  await h.rec.until(() => h.rec.current().size === 2, 'peer and BSS seen');
  await wpa.removeInterface(mesh);
  await h.rec.until(() => h.rec.lost(PEER_A) === 1, 'peer lost with its interface');
  t.same(h.source.interfaces().map((i) => i.ifname), ['wlan0']);
  t.ok(h.rec.current().has(`bss:${RELAY}`), 'the other interface is untouched');
  await wpa.removeInterface(wlan);
  await h.rec.until(() => h.rec.current().size === 0 && h.source.interfaces().length === 0, 'BSS lost, interface gone');
  t.equal(h.source.state(), 'up', 'no interfaces is still a running wpa_supplicant');
});

t.test('Wi-Fi P2P devices found and lost', async (t) => {
  const h = await startHarness(t);
  const wpa = await WpaStandin.start(t, h.wbus.address);
  await h.source.start();
  const wlan = await wpa.addInterface({ ifname: 'wlan0', p2p: true });
  await h.interfacesRead(1);
  const peer = await wpa.p2pFound(wlan, P2P_C);
  t.match(peer, /\/Interfaces\/\d+\/Peers\/025a0000000c$/, 'the real path scheme');
  await h.rec.until(() => h.rec.seen(P2P_C).length === 1, 'P2P device seen');
  t.equal(h.rec.seen(P2P_C)[0]?.address, linkLocal(P2P_C, 'wlan0'));
  await wpa.p2pLost(peer);
  await h.rec.until(() => h.rec.lost(P2P_C) === 1, 'P2P device lost');
});

t.test('BSSs added and removed carry their SSID; unnamed and unwanted networks are not reported', async (t) => {
  const h = await startHarness(t, { acceptSsid: (ssid) => ssid.startsWith('satchel-') });
  const wpa = await WpaStandin.start(t, h.wbus.address);
  await h.source.start();
  const wlan = await wpa.addInterface({ ifname: 'wlan0' });
  await h.interfacesRead(1);
  const other = await wpa.bssAdded(wlan, OTHER_AP, 'school-guest');
  const hidden = await wpa.bssAdded(wlan, '02:5a:00:00:00:0f', []);
  const relay = await wpa.bssAdded(wlan, RELAY, 'satchel-relay');
  await h.rec.until(() => h.rec.seen(`bss:${RELAY}`).length === 1, 'relay BSS seen');
  t.same(h.rec.seen(`bss:${RELAY}`)[0], { source: 'wpa_supplicant', key: `bss:${RELAY}`, address: '', sessionPort: SESSION_PORT, ssid: 'satchel-relay' });
  t.match(h.source.interfaces(), [{ bsss: 3 }], 'all three tracked');
  await wpa.bssRemoved(other);
  await wpa.bssRemoved(hidden);
  await wpa.bssRemoved(relay);
  await h.rec.until(() => h.rec.lost(`bss:${RELAY}`) === 1, 'relay BSS lost');
  t.equal(h.rec.said.filter((e) => e.type === 'seen').length, 1, 'only the relay was ever reported');
  t.same(h.drops(), {});
});

t.test('a peer that leaves while its address is being resolved is never reported', async (t) => {
  let release: (() => void) | undefined;
  const h = await startHarness(t, {
    resolve: (mac, ifname) => new Promise((resolve) => { release = () => resolve(linkLocal(mac, ifname)); }),
  });
  const wpa = await WpaStandin.start(t, h.wbus.address);
  const mesh = await wpa.addInterface({ ifname: 'mesh0', mesh: true });
  await h.source.start();
  await h.interfacesRead(1);
  await wpa.meshPeer(mesh, PEER_A, true);
  await h.rec.until(() => release !== undefined, 'resolution started');
  await wpa.meshPeer(mesh, PEER_A, false);
  await h.rec.until(() => h.source.interfaces()[0]?.meshPeers === 0, 'disconnect processed');
  release?.();
  await new Promise((r) => setImmediate(r));
  t.same(h.rec.said, [{ type: 'state', state: 'up' }], 'neither seen nor lost');
});

t.test('wpa_supplicant restarting mid-run is survived, with no new match rules', async (t) => {
  const h = await startHarness(t);
  const me = h.bus.name!;
  const baseline = await h.wbus.matchRules(me);
  let wpa = await WpaStandin.start(t, h.wbus.address, {
    interfaces: [
      { ifname: 'mesh0', mesh: true, meshPeers: [PEER_A, PEER_B] },
      { ifname: 'wlan0', p2p: true, bss: [{ bssid: RELAY, ssid: 'satchel-relay' }], p2pPeers: [{ mac: P2P_C }] },
    ],
  });
  await h.source.start();
  t.equal(await h.wbus.matchRules(me), baseline + WPA_MATCH_RULES.length, 'one AddMatch per kind of signal');
  const all = [PEER_A, PEER_B, P2P_C, `bss:${RELAY}`];
  await h.rec.until(() => h.rec.current().size === 4, 'all four seen');
  const rounds: [string, 'term' | 'kill', boolean][] = [
    ['SIGTERM, fresh object paths', 'term', false],
    ['crash, fresh object paths', 'kill', false],
    ['SIGTERM, paths reused as a real restart does', 'term', true],
    ['crash, paths reused', 'kill', true],
  ];
  for (const [i, [what, how, reusePaths]] of rounds.entries()) {
    const oldPaths = h.source.interfaces().map((x) => x.path).sort();
    wpa = await wpa.restart(how, { reusePaths });
    await h.rec.until(() => all.every((k) => h.rec.lost(k) === i + 1 && h.rec.seen(k).length === i + 2) && h.rec.current().size === 4,
      `${what}: lost for all, then seen again`);
    t.same(h.rec.states().slice(-2), ['down', 'up'], `${what}: down, then up`);
    const newPaths = h.source.interfaces().map((x) => x.path).sort();
    if (reusePaths) t.same(newPaths, [0, 1].map((n) => `/fi/w1/wpa_supplicant1/Interfaces/${n}`), `${what}: numbered from 0 again`);
    else t.notOk(newPaths.some((p) => oldPaths.includes(p)), `${what}: new object paths`);
  }
  t.equal(h.rec.current().get(PEER_A)?.address, linkLocal(PEER_A, 'mesh0'));
  t.equal(await h.wbus.matchRules(me), baseline + WPA_MATCH_RULES.length, 'restarts added no match rules');
  t.same(h.drops(), {}, 'nothing dropped');
  await h.source.close();
  t.equal(await h.wbus.matchRules(me), baseline, 'close() removed its rules');
});

t.test('the bus going away: everything lost, state down, no crash', async (t) => {
  const h = await startHarness(t);
  await WpaStandin.start(t, h.wbus.address, { interfaces: [{ ifname: 'mesh0', mesh: true, meshPeers: [PEER_A] }] });
  await h.source.start();
  await h.rec.until(() => h.rec.current().size === 1, 'peer seen');
  h.bus._connection?.stream?.destroy();
  await h.rec.until(() => h.source.state() === 'down' && h.rec.lost(PEER_A) === 1, 'down and lost');
  await h.source.close();
});

t.test('nothing is said after close()', async (t) => {
  const h = await startHarness(t);
  const wpa = await WpaStandin.start(t, h.wbus.address, { interfaces: [{ ifname: 'mesh0', mesh: true, meshPeers: [PEER_A] }] });
  await h.source.start();
  await h.rec.until(() => h.rec.current().size === 1, 'peer seen');
  const before = h.rec.said.length;
  await h.source.close();
  await wpa.stop('term');
  t.equal(h.rec.said.length, before);
  t.equal(h.source.state(), 'down');
});
