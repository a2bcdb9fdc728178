import t from 'tap';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSleepWatch } from '../../daemon/power/sleep-watch.js';
import { LOGIND_MANAGER_IFACE, LOGIND_PATH, PREPARE_FOR_SLEEP } from '../../daemon/power/logind-names.js';
import { Message, type MessageBus } from '../../daemon/service/dbus.js';
import { addressForDbusNext } from '../../daemon/service/address.js';
import { closeBus } from '../../daemon/service/open-bus.js';
import { DbusCaller } from '../../daemon/discovery/sources/dbus-calls.js';
import { systemClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { silentLogger } from '../../daemon/util/log.js';
import { startWatchHarness, until } from './fixtures/watch-harness.js';

t.test('PrepareForSleep with the wrong arguments or from the wrong place is ignored, counted, logged once', async (t) => {
  const h = await startWatchHarness(t);
  await h.watch.start();
  await h.locks(1);
  // The watch's own match rules name logind's path and name, so the bus
  // drops the rest; another part of the daemon sharing the connection may
  // ask for more, and then the watch must tell them apart itself.
  await new DbusCaller(h.bus, systemClock).addMatch(`type='signal',interface='${LOGIND_MANAGER_IFACE}'`);
  const logind = h.logind!;
  // From logind itself (the name's owner), so only the arguments are wrong.
  await logind.signal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 's', ['true']);
  await logind.signal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 's', ['false']);
  await logind.signal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 'bb', [true, true]);
  await logind.signal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, '', []);
  await logind.signal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 'i', [1]);
  await logind.signal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 'ab', [[true]]);
  await logind.signal('/org/freedesktop/login1/session/self', LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 'b', [true]);
  // From anyone else on the bus: the system bus lets any client send signals.
  const mallory = await h.lbus.connect();
  for (const start of [true, false]) {
    mallory.send(Message.newSignal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 'b', [start]));
  }
  await until('the drops to be counted', () => {
    const c = h.counters.snapshot();
    return c['logind.dropped.signature'] === 6 && c['logind.dropped.path'] === 1 && c['logind.dropped.sender'] === 2;
  }, h);
  await sleep(200);
  t.same(h.calls, [], 'no checkpoint, no resume');
  t.equal(h.watch.status().phase, 'awake');
  t.equal((await h.ourLocks()).length, 1, 'the lock is still held');
  t.equal(h.warnings().length, 3, `one warning per reason:\n${h.warnings().join('\n')}`);

  // The real thing still works afterwards.
  await logind.suspend();
  t.notOk((await logind.waitForSleep()).timedOut);
  await logind.resume();
  await h.locks(1);
  t.same(h.calls, ['checkpoint', 'resume']);
});

t.test('PrepareForSleep(true) twice, and (false) while the checkpoint runs: one checkpoint, then one resume', async (t) => {
  const h = await startWatchHarness(t);
  await h.watch.start();
  await h.locks(1);
  let done!: () => void;
  h.checkpoint = () => new Promise<void>((resolve) => { done = resolve; });
  const say = (start: boolean): Promise<void> => h.logind!.signal(LOGIND_PATH, LOGIND_MANAGER_IFACE, PREPARE_FOR_SLEEP, 'b', [start]);
  await say(true);
  await say(true);
  await say(false);
  await until('the checkpoint', () => h.calls.length === 1, h);
  await sleep(200);
  t.same(h.calls, ['checkpoint'], 'resume waits for the checkpoint');
  done();
  await until('resume', () => h.calls.length === 2, h);
  await h.locks(1);
  t.match(h.counters.snapshot(), { 'logind.sleep': 1, 'logind.sleep_repeated': 1, 'logind.wake': 1 });
  // A wake with no sleep before it (the daemon started mid-sleep) only makes sure of the lock.
  await say(false);
  await until('the stray wake counted', () => h.counters.snapshot()['logind.wake_unexpected'] === 1, h);
  t.same(h.calls, ['checkpoint', 'resume']);
  t.equal((await h.ourLocks()).length, 1, 'still exactly one lock');
});

/** A connection that never negotiates descriptor passing, as one without usocket would be. */
async function busWithoutFds(address: string): Promise<MessageBus> {
  const dbusNext = createRequire(import.meta.url)('dbus-next') as {
    sessionBus(o: { busAddress: string; negotiateUnixFd: boolean }): MessageBus;
  };
  const bus = dbusNext.sessionBus({ busAddress: addressForDbusNext(address), negotiateUnixFd: false });
  bus.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    bus.once('connect', () => resolve());
    bus.once('error', reject);
  });
  return bus;
}

t.test('a connection without descriptor passing: no lock, said once, and sleep and wake are still followed', async (t) => {
  const h = await startWatchHarness(t, {
    bus: async (lbus) => {
      const b = await busWithoutFds(lbus.address);
      t.teardown(() => closeBus(b));
      return b;
    },
  });
  await h.watch.start();
  await until('logind followed', () => h.watch.status().logind === 'up', h);
  t.match(h.watch.status(), { lock: 'unsupported' });
  t.same(await h.ourLocks(), [], 'no lock was asked for');
  t.equal(h.counters.snapshot()['logind.no_fd_passing'], 1);
  t.match(h.warnings().join('\n'), /cannot carry file descriptors/);
  await h.logind!.suspend();
  await until('the checkpoint', () => h.calls.length === 1, h);
  await h.logind!.resume();
  await until('resume', () => h.calls.length === 2, h);
  h.logind = await h.logind!.restart('kill');
  await until('logind followed again', () => h.counters.snapshot()['logind.appeared'] === 2, h);
  t.equal(h.warnings().filter((l) => /file descriptors/.test(l)).length, 1, 'said once, not at every logind start');
});

t.test('createSleepWatch refuses what it cannot work with', async (t) => {
  const base = {
    bus: {} as MessageBus, logger: silentLogger, counters: createCounters(), clock: systemClock,
    checkpoint: async () => {}, resume: () => {},
  };
  for (const bound of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
    t.throws(() => createSleepWatch({ ...base, checkpointBoundMs: bound }), { code: 'INVALID_ARGUMENT' }, `bound ${bound}`);
  }
  t.throws(() => createSleepWatch({ ...base, checkpoint: undefined as unknown as () => Promise<void> }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createSleepWatch({ ...base, resume: 'soon' as unknown as () => void }), { code: 'INVALID_ARGUMENT' });
});
