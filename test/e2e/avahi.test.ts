/**
 * Neighbours from Avahi alone: two laptops (network namespaces on a veth
 * link), each with the real avahi-daemon in its own /run, on the laptop's
 * bus (which plays the system bus there), and the real satcheld with its
 * UDP beacon switched off. They must find each other through DNS-SD, say
 * so in ListNeighbours, and carry a message from one activity to the other.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { DEFAULT_BEACON_PORT } from '../../daemon/discovery/beacon.js';
import { closeBus, openBus } from '../../daemon/service/open-bus.js';
import { PRIVATE_BUS_SOCKET_FILE } from '../../daemon/service/private-bus.js';
import { AvahiDaemon, avahiUnavailable } from '../discovery/sources/fixtures/avahi-daemon.js';
import type { Neighbour } from './fixtures/activity.js';
import { e2eUnavailable, logsOf, twoLaptops, type Laptop, type TwoLaptops } from './fixtures/laptop.js';
import { MEET_WAIT_MS, reachesState, seen, type Side } from './fixtures/pair.js';
import { waitFor } from './fixtures/wait.js';

const skip = e2eUnavailable() ?? avahiUnavailable();
if (skip) t.plan(0, skip);

/** What ListNeighbours says beyond the core fields. */
type Listed = Neighbour & { source?: string; sources?: string[] };

async function startAvahi(t: Test, l: Laptop): Promise<AvahiDaemon> {
  const probe = await openBus(l.address);
  t.teardown(() => closeBus(probe));
  return AvahiDaemon.start(t, {
    ns: l.ns, ifname: l.iface, hostName: `satchel-e2e-${l.name.toLowerCase()}`,
    busSocket: join(l.dir, 'bus', PRIVATE_BUS_SOCKET_FILE), dir: l.dir, probe,
  });
}

/** Waits until `side` lists `id` with Avahi among the sources that reported it. */
function viaAvahi(side: Side, id: string, room: TwoLaptops): Promise<Listed> {
  return waitFor(async () => ((await side.app.neighbours()) as Listed[]).find((n) => n.id === id && (n.sources ?? []).includes('avahi')),
    `${side.laptop.name} to list ${id} as reported by Avahi`, MEET_WAIT_MS, () => logsOf(room.a, room.b));
}

/** UDP sockets on the beacon port in the laptop's namespace (none when the beacon is off). */
function beaconSockets(l: Laptop): string {
  return execFileSync('ip', ['netns', 'exec', l.ns, 'ss', '-Hluan', `sport = :${DEFAULT_BEACON_PORT}`], { encoding: 'utf8' }).trim();
}

t.test('with the beacon off, two laptops meet through Avahi and exchange a message', async (t) => {
  const room = await twoLaptops(t);
  await Promise.all([startAvahi(t, room.a), startAvahi(t, room.b)]);
  const [appA, appB] = await Promise.all([room.a.activity(t), room.b.activity(t)]);
  const t0 = Date.now();
  await Promise.all([room.a.start(['--no-beacon']), room.b.start(['--no-beacon'])]);
  const [meA, meB] = await Promise.all([appA.identity(), appB.identity()]);
  const A: Side = { laptop: room.a, app: appA, me: meA };
  const B: Side = { laptop: room.b, app: appB, me: meB };
  t.equal(beaconSockets(room.a), '', 'A has no beacon socket');
  t.equal(beaconSockets(room.b), '', 'B has no beacon socket');

  await Promise.all([seen(A, meB.id, room.a, room.b), seen(B, meA.id, room.a, room.b)]);
  t.comment(`the daemons listed each other ${Date.now() - t0} ms after they were started`);
  // The first to hear the other may dial before the other has heard it: that
  // side lists its peer as 'inbound' until Avahi reports the peer too.
  const [bAtA, aAtB] = await Promise.all([viaAvahi(A, meB.id, room), viaAvahi(B, meA.id, room)]);
  t.comment(`both listed each other as found by Avahi ${Date.now() - t0} ms after they were started`);
  for (const [who, n, peer] of [['A', bAtA, meB], ['B', aAtB, meA]] as const) {
    t.match(n, { node_id: peer.node_id, source: 'avahi' }, `${who} lists its neighbour as found by Avahi`);
    t.same(n.sources, ['avahi'], `${who}: Avahi and nothing else reported it`);
  }
  for (const l of [room.a, room.b]) t.ok(l.countLogs(/published through Avahi/) >= 1, `${l.name} published itself`);

  await Promise.all([appA.addContact(meB.id), appB.addContact(meA.id)]);
  const fromB = appB.signals.length;
  const id = await appA.send(meB.id, 'found you through Avahi');
  const got = await appB.waitSignal((s) => s.member === 'MessageReceived', 'B: MessageReceived', 15_000, fromB)
    .catch((e: Error) => { throw new Error(`${e.message}\n${logsOf(room.a, room.b)}`); });
  t.match(got.args[0], { id, contact_id: meA.id, direction: 'in', text: 'found you through Avahi' }, 'B got the message from A');
  await reachesState(A, meB.id, id, 'delivered', 15_000, room.b);
});
