/**
 * What other hosts publish is their word, not ours to trust: services of
 * our type with a missing or bad node id, our own node id, a huge TXT, a
 * different record version, port 0, a name that takes ours first, and
 * signals on our bus from someone who is not Avahi. Each is dropped and
 * counted (never thrown), and a good neighbour among them is still found.
 */
import t from 'tap';
import { DbusCaller } from '../../../daemon/discovery/sources/dbus-calls.js';
import { Message } from '../../../daemon/service/dbus.js';
import { systemClock } from '../../../daemon/util/clock.js';
import { avahiUnavailable } from './fixtures/avahi-daemon.js';
import { avahiPair, avahiSource, serviceNameOf } from './fixtures/avahi-pair.js';

const skip = avahiUnavailable();
const AVAHI = 'org.freedesktop.Avahi';
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Publishes one service by hand through an avahi-daemon, as any program on that host could. */
async function publish(caller: DbusCaller, name: string, port: number, txt: string[]): Promise<string> {
  const group = String((await caller.call({ destination: AVAHI, path: '/', iface: `${AVAHI}.Server`, member: 'EntryGroupNew' })).body[0]);
  const iface = `${AVAHI}.EntryGroup`;
  await caller.call({
    destination: AVAHI, path: group, iface, member: 'AddService', signature: 'iiussssqaay',
    body: [-1, -1, 0, name, '_satchel._tcp', '', '', port, txt.map((s) => Buffer.from(s))],
  });
  await caller.call({ destination: AVAHI, path: group, iface, member: 'Commit' });
  return group;
}

/** Resolves once Avahi has announced the group on the link (probing done, state ESTABLISHED). */
async function established(caller: DbusCaller, group: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await caller.call({ destination: AVAHI, path: group, iface: `${AVAHI}.EntryGroup`, member: 'GetState' });
    if (r.body[0] === 2) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${group} never established`);
}

t.test('bad services from the link are dropped and counted; a good one among them is found', { skip: skip ?? false }, async (t) => {
  const { a, b } = await avahiPair(t);
  await Promise.all([a.startAvahi(), b.startAvahi()]);
  const sa = await avahiSource(t, a);
  const other = Uint8Array.from(Buffer.from('0123456789abcdef', 'hex'));
  const onB = new DbusCaller(await b.connect(), systemClock);
  const bad: [string, number, string[], string][] = [
    ['no-id', 4000, ['txtvers=1', 'name=x'], 'node_id'],
    ['bad-hex', 4000, ['id=zz23456789abcdef'], 'node_id'],
    ['short-id', 4000, ['id=0102'], 'node_id'],
    ['our-id', 4000, [`id=${hex(sa.nodeId)}`], 'self'],
    ['two-ids', 4000, [`id=${hex(other)}`, `ID=${hex(other).replace('0', '1')}`], 'node_id'],
    // Over MAX_TXT_BYTES, yet small enough for Avahi to fit in one packet on the link.
    ['huge', 4000, [`id=${hex(other)}`, ...Array.from({ length: 6 }, (_, i) => `pad${i}=${'x'.repeat(210)}`)], 'txt_size'],
    ['future', 4000, ['txtvers=2', `id=${hex(other)}`], 'txtvers'],
    ['port-zero', 0, [`id=${hex(other)}`], 'port'],
  ];
  for (const [name, port, txt] of bad) await publish(onB, name, port, txt);
  // Someone on the link already holds the name A will ask for.
  const impostor = await publish(onB, serviceNameOf(sa.nodeId), 4000, ['id=nothex']);
  // Keys are compared without case; of other repeated keys the first counts (RFC 6763 §6.4).
  await publish(onB, 'friend', 4001, [`ID=${hex(other)}`, 'note=1', 'NOTE=2', 'flag']);

  // Announced before A asks for the name: A is the one that must give way.
  await established(onB, impostor);
  await sa.source.start();
  await sa.rec.until(() => sa.rec.current().has('friend'), 'the good neighbour is found');
  // Each bad service is resolved once per address family (IPv4 and IPv6), the impostor among them.
  const want: Record<string, number> = { 'avahi.dropped.node_id': 2 };
  for (const [, , , reason] of bad) want[`avahi.dropped.${reason}`] = (want[`avahi.dropped.${reason}`] ?? 0) + 2;
  await sa.rec.until(() => Object.entries(want).every(([r, n]) => (sa.drops()[r] ?? 0) >= n), 'every bad service dropped');
  t.same([...sa.rec.current().keys()], ['friend'], 'only the good neighbour is reported');
  const friend = sa.rec.current().get('friend');
  t.equal(friend && hex(friend.nodeId ?? new Uint8Array()), hex(other));
  t.equal(friend?.sessionPort, 4001);
  t.same(sa.drops(), want, 'each dropped once per address family, for its own reason and no other');
  t.equal(sa.logs.filter((l) => l.includes('reason=node_id')).length, 1, 'logged once per reason, however often it happens');

  await sa.rec.until(() => sa.source.published() !== undefined, 'A published');
  t.not(sa.source.published(), serviceNameOf(sa.nodeId), 'its name was taken on the link, so A took another');
  t.match(sa.source.published(), /^satchel-[0-9a-f]{16} #\d+$/, 'Avahi\'s alternative name');
  t.ok((sa.counters.snapshot()['avahi.renamed'] ?? 0) >= 1);
});

t.test('signals from someone other than Avahi are not believed', { skip: skip ?? false }, async (t) => {
  const { a } = await avahiPair(t);
  await a.startAvahi();
  const sa = await avahiSource(t, a);
  await sa.source.start();
  const mallory = await a.connect();
  const victim = await a.connect();
  // The source listens on its own connection; find its unique name by what it asked the bus for.
  const names = (await new DbusCaller(victim, systemClock).call({
    destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', iface: 'org.freedesktop.DBus', member: 'ListNames',
  })).body[0] as string[];
  const others = names.filter((n) => n.startsWith(':') && n !== mallory.name && n !== victim.name);
  t.ok(others.length >= 2, 'the source and avahi-daemon are on the bus');
  for (const dest of others) {
    for (const [iface, member, signature, body] of [
      ['ServiceBrowser', 'ItemNew', 'iisssu', [2, 0, 'fake', '_satchel._tcp', 'local', 0]],
      ['Server', 'StateChanged', 'is', [3, '']],
      ['EntryGroup', 'StateChanged', 'is', [3, '']],
    ] as const) {
      mallory.send(new Message({
        type: 4, destination: dest, path: '/Client0/ServiceBrowser1', interface: `${AVAHI}.${iface}`, member, signature, body: [...body],
      }));
    }
  }
  await sa.rec.until(() => (sa.drops()['avahi.dropped.sender'] ?? 0) >= 3, 'spoofed signals dropped');
  await sa.rec.until(() => sa.source.published() !== undefined, 'published all the same');
  t.same(sa.rec.current().size, 0, 'no fake neighbour');
  t.equal(sa.counters.snapshot()['avahi.renamed'], undefined, 'a fake collision renamed nothing');
});
