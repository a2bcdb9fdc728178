/**
 * The Avahi source against the real avahi-daemon: two laptops (network
 * namespaces on a veth pair), each with its own /run, system bus and
 * avahi-daemon, find each other by DNS-SD alone, and survive Avahi going
 * away and coming back.
 */
import t, { type Test } from 'tap';
import { DbusCaller } from '../../../daemon/discovery/sources/dbus-calls.js';
import { systemClock } from '../../../daemon/util/clock.js';
import { ip } from '../fixtures/netns.js';
import { avahiUnavailable } from './fixtures/avahi-daemon.js';
import { avahiPair, avahiSource, serviceNameOf, type AvahiSourceRun } from './fixtures/avahi-pair.js';
import type { Side } from '../fixtures/netns.js';

const skip = avahiUnavailable();

/** The addresses `from` may be told to dial `to` at: its IPv4, or its link-local IPv6 scoped to `from`'s end. */
function addressesOf(to: Side, from: Side): string[] {
  const out = ip('-n', to.ns, '-6', 'addr', 'show', 'dev', to.iface, 'scope', 'link');
  const ll = /inet6 (fe80::[0-9a-f:]+)\//.exec(out)?.[1];
  return [to.ipv4, `${ll ?? '?'}%${from.iface}`];
}

function seesPeer(t: Test, me: AvahiSourceRun, peer: AvahiSourceRun, allowed: string[]): void {
  const s = me.rec.current().get(serviceNameOf(peer.nodeId));
  t.ok(s, 'the peer is seen under its service name');
  if (!s) return;
  t.equal(s.source, 'avahi');
  t.same(s.nodeId && Buffer.from(s.nodeId).toString('hex'), Buffer.from(peer.nodeId).toString('hex'), 'node id from TXT');
  t.equal(s.sessionPort, peer.sessionPort, 'session port from SRV');
  t.ok(allowed.includes(s.address), `a dialable address (${s.address} in ${allowed.join(', ')})`);
}

t.test('two laptops publish and find each other through their own avahi-daemons', { skip: skip ?? false }, async (t) => {
  const { a, b } = await avahiPair(t);
  await Promise.all([a.startAvahi(), b.startAvahi()]);
  const [sa, sb] = await Promise.all([avahiSource(t, a), avahiSource(t, b)]);
  const t0 = Date.now();
  await Promise.all([sa.source.start(), sb.source.start()]);
  t.equal(sa.source.state(), 'up');
  await Promise.all([
    sa.rec.until(() => sa.rec.current().has(serviceNameOf(sb.nodeId)), 'A sees B'),
    sb.rec.until(() => sb.rec.current().has(serviceNameOf(sa.nodeId)), 'B sees A'),
  ]);
  t.comment(`found each other ${Date.now() - t0} ms after start`);
  seesPeer(t, sa, sb, addressesOf(b.side, a.side));
  seesPeer(t, sb, sa, addressesOf(a.side, b.side));
  await sa.rec.until(() => sa.source.published() !== undefined, 'A established');
  t.equal(sa.source.published(), serviceNameOf(sa.nodeId), 'published under satchel-<node id>');
  t.same(sa.rec.current().size, 1, 'only the peer: our own service is not a neighbour');
  t.ok((sa.counters.snapshot()['avahi.own_service'] ?? 0) >= 1, 'our own service was seen and set aside');
  t.same(sa.drops(), {}, 'nothing avahi said was mistaken for bad input');
  t.same(sb.drops(), {});
  // Both address families resolve to the same peer: one key, one `seen`.
  t.equal(sa.rec.seen(serviceNameOf(sb.nodeId)).length, 1, 'one seen for the peer, not one per protocol');

  // A new host name (a technician, or Avahi settling a host name clash) withdraws every service for a while.
  const before = sa.counters.snapshot()['avahi.published'] ?? 0;
  const probe = new DbusCaller(await a.connect(), systemClock);
  await probe.call({ destination: 'org.freedesktop.Avahi', path: '/', iface: 'org.freedesktop.Avahi.Server', member: 'SetHostName', signature: 's', body: ['satchel-renamed'] });
  await sa.rec.until(() => (sa.counters.snapshot()['avahi.published'] ?? 0) > before, 'A published again under the new host name');
  t.equal(sa.source.published(), serviceNameOf(sa.nodeId), 'under the same service name');
  const keyA = serviceNameOf(sa.nodeId);
  await sb.rec.until(() => sb.rec.lost(keyA) === 1 && sb.rec.current().has(keyA), 'B saw A withdrawn and back');
  t.same({ ...sa.drops(), ...sb.drops() }, {});
});

t.test('avahi-daemon stopping and restarting: lost and down, then up, published and found again', { skip: skip ?? false }, async (t) => {
  const { a, b } = await avahiPair(t);
  const [sa, sb] = await Promise.all([avahiSource(t, a), avahiSource(t, b)]);
  // Avahi absent at start: quiet and down, not an error.
  await Promise.all([sa.source.start(), sb.source.start()]);
  t.equal(sa.source.state(), 'down');
  t.same(sa.rec.said, []);
  const rulesB = await b.matchRules(sb.bus.name!);
  const [, avahiB] = await Promise.all([a.startAvahi(), b.startAvahi()]);
  const keyA = serviceNameOf(sa.nodeId);
  const keyB = serviceNameOf(sb.nodeId);
  await sa.rec.until(() => sa.rec.current().has(keyB), 'A sees B');
  await sb.rec.until(() => sb.rec.current().has(keyA), 'B sees A');

  await avahiB.stop();
  await sb.rec.until(() => sb.source.state() === 'down', 'B down');
  t.equal(sb.rec.lost(keyA), 1, 'B forgets A when its own avahi goes');
  const t0 = Date.now();
  await sa.rec.until(() => sa.rec.lost(keyB) === 1, 'A loses B (goodbye packets)');
  t.comment(`A lost B ${Date.now() - t0} ms after B's avahi-daemon stopped`);

  const t1 = Date.now();
  await avahiB.start();
  await sb.rec.until(() => sb.source.state() === 'up' && sb.source.published() !== undefined, 'B up and published again');
  await sa.rec.until(() => sa.rec.current().has(keyB), 'A sees B again');
  await sb.rec.until(() => sb.rec.current().has(keyA), 'B sees A again');
  t.comment(`found each other again ${Date.now() - t1} ms after B's avahi-daemon restarted`);
  t.same(sb.rec.states(), ['up', 'down', 'up']);
  t.same(sa.rec.states(), ['up'], 'A never noticed anything but its peer going');
  seesPeer(t, sa, sb, addressesOf(b.side, a.side));

  // A crash says no goodbye on the link; B's own source still sees its Avahi go.
  await avahiB.kill();
  await sb.rec.until(() => sb.source.state() === 'down' && sb.rec.lost(keyA) === 2, 'B down, A forgotten, after a crash');
  await avahiB.start();
  await sb.rec.until(() => sb.source.published() !== undefined && sb.rec.current().has(keyA), 'B published and sees A after the crash');
  await sa.rec.until(() => sa.rec.current().has(keyB), 'A sees B after the crash');
  t.same(sb.rec.states(), ['up', 'down', 'up', 'down', 'up']);
  t.equal(await b.matchRules(sb.bus.name!), rulesB, 'two restarts added no match rules');
  t.same({ ...sa.drops(), ...sb.drops() }, {});
});
