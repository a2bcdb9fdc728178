/**
 * The Avahi source's contract where Avahi is absent (most test machines,
 * some laptop images): the factory checks its inputs, start() is cheap and
 * quiet, the source stays 'down', and close() takes back what start() asked
 * the bus for.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { createAvahiSource, type AvahiSourceOptions } from '../../../daemon/discovery/sources/avahi.js';
import { AVAHI_MATCH_RULES } from '../../../daemon/discovery/sources/avahi-names.js';
import { DbusCaller } from '../../../daemon/discovery/sources/dbus-calls.js';
import type { MessageBus } from '../../../daemon/service/dbus.js';
import { closeBus, openBus } from '../../../daemon/service/open-bus.js';
import { startPrivateBus } from '../../../daemon/service/private-bus.js';
import { systemClock } from '../../../daemon/util/clock.js';
import { createCounters } from '../../../daemon/util/counters.js';
import { createLogger } from '../../../daemon/util/log.js';
import { Recorder } from './fixtures/recorder.js';

/** A private bus with no Avahi on it, and a way to open connections to it. */
async function privateBus(t: Test): Promise<() => Promise<MessageBus>> {
  const dir = await mkdtemp(join(tmpdir(), 'satchel-avahi-'));
  const bus = await startPrivateBus(join(dir, 'bus'));
  t.teardown(async () => {
    await bus.stop();
    await rm(dir, { recursive: true, force: true });
  });
  return async () => {
    const conn = await openBus(bus.address);
    t.teardown(() => closeBus(conn));
    return conn;
  };
}

const ID = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);

t.test('the factory refuses bad options by name', async (t) => {
  const bus = await (await privateBus(t))();
  const base: AvahiSourceOptions = {
    bus, logger: createLogger({ level: 'error' }), counters: createCounters(), clock: systemClock, nodeId: ID, sessionPort: 4000,
  };
  const bad: [string, Partial<AvahiSourceOptions>][] = [
    ['port 0', { sessionPort: 0 }], ['port 65536', { sessionPort: 65_536 }], ['port 1.5', { sessionPort: 1.5 }],
    ['port NaN', { sessionPort: Number.NaN }], ['port as text', { sessionPort: '4000' as unknown as number }],
    ['short node id', { nodeId: new Uint8Array(4) }], ['node id as hex', { nodeId: '0102030405060708' as unknown as Uint8Array }],
    ['empty name', { serviceName: '' }], ['64-byte name', { serviceName: 'x'.repeat(64) }],
    ['name as number', { serviceName: 7 as unknown as string }],
  ];
  for (const [what, over] of bad) t.throws(() => createAvahiSource({ ...base, ...over }), { code: 'INVALID_ARGUMENT' }, what);
  t.equal(createAvahiSource({ ...base, serviceName: 'x'.repeat(63) }).name, 'avahi', 'a 63-byte name is one DNS label');
});

t.test('without Avahi: down and quiet, four match rules held for life, released on close', async (t) => {
  const connect = await privateBus(t);
  const bus = await connect();
  const probe = new DbusCaller(await connect(), systemClock);
  const rules = async (): Promise<number> => {
    const reply = await probe.call({
      destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', iface: 'org.freedesktop.DBus.Debug.Stats',
      member: 'GetConnectionStats', signature: 's', body: [bus.name],
    });
    return Number((reply.body[0] as Record<string, { value: number }>)['MatchRules']?.value);
  };
  const logs: string[] = [];
  const counters = createCounters();
  const source = createAvahiSource({
    bus, counters, clock: systemClock, nodeId: ID, sessionPort: 4000,
    logger: createLogger({ level: 'debug', component: 'test', sink: { out: (l) => void logs.push(l), err: (l) => void logs.push(l) } }),
  });
  const rec = new Recorder(source);
  const before = await rules();
  await Promise.all([source.start(), source.start()]);
  t.equal(source.state(), 'down');
  t.equal(source.published(), undefined);
  t.equal(await rules(), before + AVAHI_MATCH_RULES.length, 'one AddMatch per kind of signal, once');
  await new Promise((r) => setTimeout(r, 200));
  t.same(rec.said, [], 'no events');
  t.same(logs, ['info test: Avahi is not running; waiting for it service=org.freedesktop.Avahi'], 'one line saying why');
  t.same(counters.snapshot(), {}, 'nothing counted');
  await Promise.all([source.close(), source.close()]);
  t.equal(await rules(), before, 'close() removed its rules');
  await t.rejects(source.start(), { code: 'CLOSED' });
});
