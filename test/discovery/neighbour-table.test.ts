import t from 'tap';
import { createNeighbourTable, NEIGHBOUR_TIMEOUT_MS, neighbourTimeoutMs, type Neighbour } from '../../daemon/discovery/neighbour-table.js';
import { BEACON_IMAX_MS, BEACON_MAX_SILENCE_MS, type HeardBeacon } from '../../daemon/discovery/beacon.js';

/** A laptop in a small room, never suppressed, beacons about once per longest interval. */
const BEACON_INTERVAL_MS = BEACON_IMAX_MS;
import { CountingClock } from './fixtures/counting-clock.js';

const id = (n: number): Uint8Array => new Uint8Array([0xaa, 0, 0, 0, 0, 0, n >> 8, n & 0xff]);
const hb = (n: number, over: Partial<HeardBeacon> = {}): HeardBeacon => ({
  nodeId: id(n), address: `10.0.0.${n}`, sessionPort: 4000, epoch: 1, family: 4, ...over,
});

function setup(timeoutMs?: number) {
  const clock = new CountingClock();
  const table = createNeighbourTable(timeoutMs === undefined ? { clock } : { clock, timeoutMs });
  const events: { kind: 'up' | 'down' | 'change'; n: Neighbour; at: number }[] = [];
  for (const kind of ['up', 'down', 'change'] as const) {
    table.on(kind, (n) => events.push({ kind, n, at: clock.monotonic() }));
  }
  const kinds = (): string[] => events.map((e) => `${e.kind}:${e.n.nodeIdHex.slice(-2)}`);
  return { clock, table, events, kinds };
}

t.test('default timeout outlasts two silence bounds, so suppression never looks like leaving', async (t) => {
  t.equal(NEIGHBOUR_TIMEOUT_MS, 2 * BEACON_MAX_SILENCE_MS + BEACON_IMAX_MS);
  t.equal(neighbourTimeoutMs({ maxSilenceMs: 1_000, imaxMs: 100 }), 2_100);
});

t.test('a neighbour that only speaks when its silence bound forces it stays up, even missing one', async (t) => {
  const { clock, table, kinds } = setup();
  table.seen(hb(1));
  // Ten forced beacons at the bound, every third one lost on the air.
  for (let i = 1; i <= 10; i++) {
    clock.advance(BEACON_MAX_SILENCE_MS);
    if (i % 3 !== 0) table.seen(hb(1));
  }
  t.same(kinds(), ['up:01'], 'no down while it keeps to its bound');
  // Two bounds missed in a row, and the slack: gone.
  clock.advance(2 * BEACON_MAX_SILENCE_MS);
  t.same(kinds(), ['up:01']);
  clock.advance(BEACON_IMAX_MS);
  t.same(kinds(), ['up:01', 'down:01']);
});

t.test('a neighbour that keeps beaconing stays up; one that stops goes down once, on time', async (t) => {
  const { clock, table, events, kinds } = setup();
  table.seen(hb(1));
  table.seen(hb(2));
  t.same(kinds(), ['up:01', 'up:02']);
  t.equal(table.list().length, 2);
  // 1 keeps beaconing past the timeout; 2 goes quiet at t=0.
  const rounds = Math.ceil(NEIGHBOUR_TIMEOUT_MS / BEACON_INTERVAL_MS) + 2;
  for (let i = 0; i < rounds; i++) {
    clock.advance(BEACON_INTERVAL_MS);
    table.seen(hb(1));
  }
  t.same(kinds(), ['up:01', 'up:02', 'down:02']);
  t.equal(events[2]?.at, NEIGHBOUR_TIMEOUT_MS, 'down exactly at the timeout');
  t.ok(table.get('aa00000000000001'), 'the beaconing one is still there');
  t.equal(table.get('aa00000000000002'), undefined);
  clock.advance(NEIGHBOUR_TIMEOUT_MS - 1);
  t.same(kinds(), ['up:01', 'up:02', 'down:02'], 'not a moment early');
  clock.advance(1);
  t.same(kinds(), ['up:01', 'up:02', 'down:02', 'down:01']);
  t.equal(events[3]?.at, rounds * BEACON_INTERVAL_MS + NEIGHBOUR_TIMEOUT_MS);
  clock.advance(10 * NEIGHBOUR_TIMEOUT_MS);
  t.equal(events.length, 4, 'each down exactly once');
  t.equal(clock.live, 0, 'no timer left when the table is empty');
});

t.test('a neighbour that comes back after going down is up again', async (t) => {
  const { clock, table, kinds } = setup(1_000);
  table.seen(hb(1));
  clock.advance(1_000);
  table.seen(hb(1));
  t.same(kinds(), ['up:01', 'down:01', 'up:01']);
});

t.test('address, port and epoch changes update in place without down/up', async (t) => {
  const { clock, table, events, kinds } = setup();
  table.seen(hb(1));
  clock.advance(1_000);
  table.seen(hb(1));
  t.same(kinds(), ['up:01'], 'an identical beacon is only a refresh');
  table.seen(hb(1, { address: '10.0.0.99' }));
  table.seen(hb(1, { address: '10.0.0.99', sessionPort: 5000 }));
  table.seen(hb(1, { address: '10.0.0.99', sessionPort: 5000, epoch: 2 }));
  t.same(kinds(), ['up:01', 'change:01', 'change:01', 'change:01']);
  t.match(events[3]?.n, { address: '10.0.0.99', sessionPort: 5000, epoch: 2, firstSeen: 0, lastSeen: 1_000 });
  t.match(table.get('AA00000000000001'), { address: '10.0.0.99' }, 'lookup ignores hex case');
});

t.test('a dual-stack neighbour keeps its IPv6 address and does not flap', async (t) => {
  const { clock, table, events, kinds } = setup();
  const v6 = { family: 6 as const, address: 'fe80::1%veth0' };
  table.seen(hb(1)); // IPv4 heard first
  table.seen(hb(1, v6));
  t.same(kinds(), ['up:01', 'change:01'], 'upgrades to IPv6 once');
  for (let i = 0; i < 10; i++) {
    clock.advance(BEACON_INTERVAL_MS);
    table.seen(hb(1));
    table.seen(hb(1, v6));
  }
  t.equal(events.length, 2, 'alternating families cause no changes');
  t.match(table.get('aa00000000000001'), v6);
  // One IPv6 copy lost on the air, with either family arriving first.
  for (const order of [[4, 6], [6, 4]]) {
    for (let i = 0; i < 3; i++) {
      for (const f of order) if (!(i === 1 && f === 6)) table.seen(f === 6 ? hb(1, v6) : hb(1));
    }
  }
  t.equal(events.length, 2, 'a lost IPv6 copy is not a switch to IPv4');
  // IPv6 stops (disabled on that laptop); IPv4 keeps it up and takes over.
  for (let i = 0; i < 4; i++) {
    clock.advance(BEACON_INTERVAL_MS);
    table.seen(hb(1));
  }
  t.same(kinds(), ['up:01', 'change:01', 'change:01']);
  t.match(table.get('aa00000000000001'), { family: 4, address: '10.0.0.1' });
});

t.test('one timer for the whole table, however many neighbours', async (t) => {
  const { clock, table, events } = setup();
  for (let round = 0; round < 20; round++) {
    for (let n = 0; n < 200; n++) table.seen(hb(n));
    clock.advance(BEACON_INTERVAL_MS);
  }
  t.equal(clock.maxLive, 1, 'never more than one live timer');
  t.ok(clock.created <= 20, `few wake-ups (${clock.created} timers over 100 s)`);
  t.equal(events.filter((e) => e.kind === 'down').length, 0);
  clock.advance(NEIGHBOUR_TIMEOUT_MS);
  t.equal(events.filter((e) => e.kind === 'down').length, 200);
});

t.test('remove() emits down once and the timer survives it', async (t) => {
  const { clock, table, kinds } = setup(1_000);
  table.seen(hb(1));
  table.seen(hb(2));
  t.equal(table.remove('aa00000000000001'), true);
  t.equal(table.remove('aa00000000000001'), false);
  t.equal(table.remove('ffff'), false);
  clock.advance(1_000);
  t.same(kinds(), ['up:01', 'up:02', 'down:01', 'down:02']);
});

t.test('returned entries are copies', async (t) => {
  const { table } = setup();
  table.seen(hb(1));
  const n = table.get('aa00000000000001');
  if (n) n.address = 'mangled';
  t.equal(table.list()[0]?.address, '10.0.0.1');
});

t.test('a listener may touch the table while downs are emitted', async (t) => {
  const { clock, table, kinds } = setup(1_000);
  table.seen(hb(1));
  table.on('down', (n) => { if (n.nodeIdHex.endsWith('01')) table.seen(hb(3)); });
  clock.advance(1_000);
  clock.advance(1_000);
  t.same(kinds(), ['up:01', 'down:01', 'up:03', 'down:03']);
});

t.test('close() is idempotent, silent, and stops the timer', async (t) => {
  const { clock, table, events } = setup();
  table.seen(hb(1));
  table.close();
  table.close();
  t.equal(clock.live, 0);
  table.seen(hb(2));
  clock.advance(10 * NEIGHBOUR_TIMEOUT_MS);
  t.equal(events.length, 1, 'only the first up');
  t.same(table.list(), []);
});

t.test('a nonsense timeout is refused', async (t) => {
  const clock = new CountingClock();
  t.throws(() => createNeighbourTable({ clock, timeoutMs: 0 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createNeighbourTable({ clock, timeoutMs: Number.NaN }), { code: 'INVALID_ARGUMENT' });
});
