/**
 * Two laptops on an 802.11s mesh, found through wpa_supplicant rather than
 * beacons: each has the stand-in wpa_supplicant on its own bus reporting the
 * other's MAC as a mesh peer, the beacon is off, and the real satcheld must
 * turn that MAC into an address, meet, carry a message, forget the peer when
 * it disconnects, and find it again after wpa_supplicant restarts.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { WpaStandin } from '../discovery/sources/fixtures/wpa-standin.js';
import type { Neighbour } from './fixtures/activity.js';
import { e2eUnavailable, logsOf, twoLaptops, type Laptop } from './fixtures/laptop.js';
import { reachesState } from './fixtures/pair.js';
import { waitFor } from './fixtures/wait.js';

/** Both laptops must agree: a MAC says nothing of ports, so peers are dialled on the configured one. */
const MESH_PORT = '47990';
const WAIT_MS = 20_000;

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

function macOf(l: Laptop): string {
  const out = execFileSync('ip', ['-n', l.ns, '-o', 'link', 'show', l.iface], { encoding: 'utf8' });
  const m = /link\/ether ([0-9a-f:]{17})/.exec(out);
  if (!m?.[1]) throw new Error(`no MAC for ${l.name}: ${out}`);
  return m[1];
}

t.test('mesh peers from wpa_supplicant: meet, message, forget, and survive a wpa_supplicant restart', async (t) => {
  const { a, b } = await twoLaptops(t);
  let wpaA = await WpaStandin.start(t, a.address);
  const wpaB = await WpaStandin.start(t, b.address);
  const meshA = await wpaA.addInterface({ ifname: a.iface, mesh: true });
  const meshB = await wpaB.addInterface({ ifname: b.iface, mesh: true });
  const [appA, appB] = await Promise.all([a.activity(t), b.activity(t)]);
  const flags = ['--no-beacon', '--port', MESH_PORT];
  await Promise.all([a.start(flags), b.start(flags)]);
  const [meA, meB] = await Promise.all([appA.identity(), appB.identity()]);
  const logs = (): string => logsOf(a, b);
  const listed = (app: typeof appA, id: string): Promise<Neighbour | undefined> =>
    app.neighbours().then((ns) => ns.find((n) => n.id === id));

  await t.test('nobody is near until wpa_supplicant says so', async (t) => {
    t.same(await appA.neighbours(), []);
    t.match((await appA.status())['sources'], { beacon: 'disabled', wpa_supplicant: 'up' });
  });

  await t.test('MeshPeerConnected on both sides: they meet and a message goes through', async (t) => {
    await wpaA.meshPeer(meshA, macOf(b), true);
    await wpaB.meshPeer(meshB, macOf(a), true);
    const seenB = await waitFor(() => listed(appA, meB.id), 'A to meet B through its mesh peer', WAIT_MS, logs);
    t.match(seenB, { node_id: meB.node_id, source: 'wpa_supplicant', sources: ['wpa_supplicant'] });
    t.match(seenB.address, /^\[?fe80:/, 'the MAC became B\'s IPv6 link-local address');
    await waitFor(() => listed(appB, meA.id), 'B to meet A', WAIT_MS, logs);
    await Promise.all([appA.addContact(meB.id), appB.addContact(meA.id)]);
    const id = await appA.send(meB.id, 'found you on the mesh');
    await reachesState({ laptop: a, app: appA, me: meA }, meB.id, id, 'delivered', WAIT_MS, b);
  });

  await t.test('MeshPeerDisconnected: the laptop is gone at once, not after a timeout', async (t) => {
    await wpaA.meshPeer(meshA, macOf(b), false);
    await waitFor(async () => (await listed(appA, meB.id)) === undefined, 'A to forget B', 5_000, logs);
    t.pass('A no longer lists B');
  });

  await t.test('wpa_supplicant killed and restarted with B already a peer: A finds B from MeshPeers', async (t) => {
    await wpaA.stop('kill');
    await waitFor(async () => {
      const s = (await appA.status())['sources'] as Record<string, string>;
      return s['wpa_supplicant'] === 'down';
    }, 'A to see wpa_supplicant go', 5_000, logs);
    wpaA = await WpaStandin.start(t, a.address, { interfaces: [{ ifname: a.iface, mesh: true, meshPeers: [macOf(b)] }] });
    const again = await waitFor(() => listed(appA, meB.id), 'A to find B again', WAIT_MS, logs);
    t.equal(again.node_id, meB.node_id);
    const id = await appB.send(meA.id, 'still here');
    await reachesState({ laptop: b, app: appB, me: meB }, meA.id, id, 'delivered', WAIT_MS, a);
  });
});
