import t from 'tap';
import { EventEmitter } from 'node:events';
import { createDiscovery, type Dialer } from '../../daemon/discovery/discovery.js';
import { createNeighbourTable } from '../../daemon/discovery/neighbour-table.js';
import type { DiscoverySource, DiscoverySourceEvents, Sighting, SourceName, SourceState } from '../../daemon/discovery/sources/source.js';
import { createCounters } from '../../daemon/util/counters.js';
import { createLogger } from '../../daemon/util/log.js';
import { CountingClock } from './fixtures/counting-clock.js';

/** A source driven by the test: the contract in sources/source.ts, with the test as its service. */
class ScriptedSource extends EventEmitter<DiscoverySourceEvents> implements DiscoverySource {
  #state: SourceState = 'down';
  started = 0;
  closed = 0;
  constructor(readonly name: SourceName, readonly failStart = false) { super(); }
  state(): SourceState { return this.#state; }
  async start(): Promise<void> {
    this.started++;
    if (this.failStart) throw new Error('no such service');
    this.#state = 'up';
    this.emit('state', 'up');
  }
  async close(): Promise<void> { this.closed++; }
  see(s: Omit<Sighting, 'source'>): void { this.emit('seen', { ...s, source: this.name }); }
  lose(key: string): void { this.emit('lost', { source: this.name, key }); }
}

const NODE = (n: number): Uint8Array => new Uint8Array([0xbb, 0, 0, 0, 0, 0, 0, n]);
const hex = (n: number): string => Buffer.from(NODE(n)).toString('hex');

function setup(opts: { probeAnswer?: (address: string) => string | undefined } = {}) {
  const clock = new CountingClock();
  const table = createNeighbourTable({ clock });
  const calls: string[] = [];
  const dialer: Dialer = {
    heard: (n) => calls.push(`heard ${Buffer.from(n.nodeId).toString('hex')} ${n.address} ${n.source}`),
    lost: (id) => calls.push(`lost ${id}`),
    probe: async (p) => {
      calls.push(`probe ${p.address}:${p.sessionPort} ${p.source}`);
      return opts.probeAnswer?.(p.address);
    },
  };
  const wpa = new ScriptedSource('wpa_supplicant');
  const avahi = new ScriptedSource('avahi');
  const counters = createCounters();
  const d = createDiscovery({ table, dialer, sources: [wpa, avahi], logger: createLogger({ level: 'error' }), counters });
  return { clock, table, calls, wpa, avahi, d, counters };
}

t.test('a sighting with a node id becomes a neighbour held by its source, and is dialled', async (t) => {
  const { table, calls, avahi, d } = setup();
  await d.start();
  t.same(d.states(), { wpa_supplicant: 'up', avahi: 'up' });
  avahi.see({ key: 'satchel-bb07', nodeId: NODE(7), address: 'fe80::7%veth0', sessionPort: 47848 });
  t.same(calls, [`heard ${hex(7)} fe80::7%veth0 avahi`]);
  const n = table.get(hex(7));
  t.equal(n?.address, 'fe80::7%veth0');
  t.same(n?.sources.map((s) => s.source), ['avahi']);
  avahi.lose('satchel-bb07');
  t.equal(table.get(hex(7)), undefined, 'Avahi removing the service is the laptop leaving, when no beacon vouches for it');
  t.same(calls.at(-1), `lost ${hex(7)}`, 'its session is ended');
});

t.test('a held neighbour does not time out; once released it times out like any beacon neighbour', async (t) => {
  const { clock, table, avahi, d } = setup();
  await d.start();
  avahi.see({ key: 'svc', nodeId: NODE(3), address: '10.1.0.3', sessionPort: 4000 });
  table.seen({ nodeId: NODE(3), address: '10.9.0.3', sessionPort: 4001, epoch: 5, family: 4 });
  clock.advance(3_600_000);
  t.ok(table.get(hex(3)), 'an hour later it is still near: Avahi still lists it');
  const n = table.get(hex(3))!;
  t.equal(n.address, '10.9.0.3', 'the beacon\'s own source address wins over a looked-up one');
  t.equal(n.epoch, 5, 'only beacons say the epoch');
  t.same(n.sources.map((s) => s.source), ['avahi', 'beacon']);
  avahi.lose('svc');
  t.ok(table.get(hex(3)), 'the beacon still vouches for it');
  clock.advance(3_600_000);
  t.equal(table.get(hex(3)), undefined, 'and then it times out');
});

t.test('an address without a node id is probed; the answer binds the source key to that node', async (t) => {
  const { table, calls, wpa, d } = setup({ probeAnswer: (a) => (a === 'fe80::2%mesh0' ? hex(2) : undefined) });
  await d.start();
  wpa.see({ key: 'mesh0/02:00:00:00:00:02', address: 'fe80::2%mesh0', sessionPort: 47848 });
  wpa.see({ key: 'mesh0/02:00:00:00:00:09', address: 'fe80::9%mesh0', sessionPort: 47848 });
  await new Promise((r) => setImmediate(r));
  t.same(calls, ['probe fe80::2%mesh0:47848 wpa_supplicant', 'probe fe80::9%mesh0:47848 wpa_supplicant']);
  t.equal(table.get(hex(2))?.sources[0]?.source, 'wpa_supplicant');
  t.equal(table.list().length, 1, 'nobody answering satchel at an address is no neighbour');
  wpa.lose('mesh0/02:00:00:00:00:02');
  t.equal(table.get(hex(2)), undefined, 'MeshPeerDisconnected takes it away');
});

t.test('access points are networks, not neighbours: announced once per SSID, and lost', async (t) => {
  const { table, calls, wpa, d } = setup();
  const seen: string[] = [];
  d.on('accessPoint', (a) => seen.push(`+${a.ssid}`));
  d.on('accessPointLost', (a) => seen.push(`-${a.key}`));
  await d.start();
  wpa.see({ key: 'bss:aa', address: '', sessionPort: 47848, ssid: 'village-bus' });
  wpa.see({ key: 'bss:aa', address: '', sessionPort: 47848, ssid: 'village-bus' });
  wpa.see({ key: 'bss:bb', address: '', sessionPort: 47848 });
  t.same(d.accessPoints(), [{ source: 'wpa_supplicant', key: 'bss:aa', ssid: 'village-bus' }]);
  wpa.lose('bss:aa');
  t.same(seen, ['+village-bus', '-bss:aa']);
  t.same(calls, [], 'nothing is dialled');
  t.equal(table.list().length, 0);
});

t.test('a source that fails to start leaves the others working; close is idempotent and closes every source', async (t) => {
  const clock = new CountingClock();
  const table = createNeighbourTable({ clock });
  const broken = new ScriptedSource('networkmanager', true);
  const ok = new ScriptedSource('avahi');
  const calls: string[] = [];
  const d = createDiscovery({
    table, sources: [broken, ok], logger: createLogger({ level: 'error' }), counters: createCounters(),
    dialer: { heard: (n) => calls.push(n.source), lost: () => undefined, probe: async () => undefined },
  });
  await d.start();
  t.same(d.states(), { networkmanager: 'down', avahi: 'up' });
  ok.see({ key: 'k', nodeId: NODE(1), address: '10.0.0.1', sessionPort: 1 });
  t.same(calls, ['avahi']);
  await d.close();
  await d.close();
  t.equal(broken.closed + ok.closed, 2);
  ok.see({ key: 'k2', nodeId: NODE(2), address: '10.0.0.2', sessionPort: 1 });
  t.same(calls, ['avahi'], 'nothing is heard after close');
});

t.test('a beacon goes through the hub too: the table keeps its epoch and family, and the node is dialled', async (t) => {
  const { table, calls, d } = setup();
  await d.start();
  d.heardBeacon({ nodeId: NODE(4), address: 'fe80::4%wlan0', sessionPort: 47848, epoch: 9, family: 6 });
  t.same(calls, [`heard ${hex(4)} fe80::4%wlan0 beacon`]);
  t.match(table.get(hex(4)), { epoch: 9, family: 6, sources: [{ source: 'beacon' }] });
  await d.close();
  d.heardBeacon({ nodeId: NODE(5), address: '10.0.0.5', sessionPort: 47848, epoch: 1, family: 4 });
  t.equal(table.get(hex(5)), undefined, 'nothing after close');
});
