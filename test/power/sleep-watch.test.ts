import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { SLEEP_CHECKPOINT_BOUND_MS } from '../../daemon/power/sleep-watch.js';
import { INHIBIT_WHO, INHIBIT_WHY } from '../../daemon/power/logind-names.js';
import { LogindStandin } from './fixtures/logind-standin.js';
import { startWatchHarness, until } from './fixtures/watch-harness.js';

/** Room for two busy cores between a release and the stand-in noticing it, in ms. */
const SLACK_MS = 700;

t.test('a delay lock while awake; released as soon as the checkpoint is done; taken again on resume', async (t) => {
  const h = await startWatchHarness(t);
  await h.watch.start();
  const [lock] = await h.locks(1);
  t.match(lock, { what: 'sleep', mode: 'delay', who: INHIBIT_WHO, why: INHIBIT_WHY, uid: 0 }, 'a delay lock on sleep, named for satchel');
  // logind lists the lock as it sends the descriptor, a moment before the watch has it.
  await until('the watch to hold the lock', () => h.watch.status().lock === 'held', h);
  t.match(h.watch.status(), { logind: 'up', lock: 'held', phase: 'awake' });

  let done!: () => void;
  h.checkpoint = () => new Promise<void>((resolve) => { done = resolve; });
  t.same(await h.logind!.suspend(), [INHIBIT_WHO], 'logind sees our lock when it announces the sleep');
  await until('the checkpoint to start', () => h.calls.length === 1, h);
  await sleep(300);
  t.equal((await h.ourLocks()).length, 1, 'held while the checkpoint runs');
  done();
  const slept = await h.logind!.waitForSleep();
  t.notOk(slept.timedOut, 'logind did not have to time out');
  t.ok(slept.waitedMs >= 300 && slept.waitedMs < 300 + SLACK_MS, `released ${slept.waitedMs.toFixed(0)} ms after PrepareForSleep(true), right after the checkpoint`);
  t.same(await h.ourLocks(), []);
  t.match(h.watch.status(), { lock: 'none', phase: 'sleeping' });
  t.same(h.calls, ['checkpoint'], 'no resume before the wake');

  await h.logind!.resume();
  await h.locks(1);
  await until('resume', () => h.calls.length === 2, h);
  t.same(h.calls, ['checkpoint', 'resume']);
  await until('the watch to hold the lock again', () => h.watch.status().lock === 'held', h);
  t.match(h.watch.status(), { lock: 'held', phase: 'awake' });
  t.match(h.counters.snapshot(), { 'logind.sleep': 1, 'logind.wake': 1, 'logind.checkpoint.done': 1, 'logind.lock_taken': 2, 'logind.lock_released': 1 });
  t.same(h.warnings(), [], 'a normal sleep warns about nothing');

  // A second night goes the same way.
  await h.logind!.suspend();
  t.notOk((await h.logind!.waitForSleep()).timedOut);
  await h.logind!.resume();
  await h.locks(1);
  t.same(h.calls, ['checkpoint', 'resume', 'checkpoint', 'resume']);
});

t.test('a checkpoint that hangs or fails: the bound wins and the lock is released anyway', async (t) => {
  const boundMs = 400;
  const h = await startWatchHarness(t, { watch: { checkpointBoundMs: boundMs } });
  await h.watch.start();
  await h.locks(1);
  h.checkpoint = () => new Promise<void>(() => {});
  await h.logind!.suspend();
  const slept = await h.logind!.waitForSleep();
  t.notOk(slept.timedOut, 'released before logind\'s own delay ran out');
  t.ok(slept.waitedMs >= boundMs && slept.waitedMs < boundMs + SLACK_MS, `released after ${slept.waitedMs.toFixed(0)} ms (bound ${boundMs})`);
  t.equal(h.counters.snapshot()['logind.checkpoint.timeout'], 1);
  t.ok(h.signals[0]?.aborted, 'the checkpoint is told its time is up');
  t.match(h.warnings().join('\n'), /before the checkpoint finished.*outcome=timeout/);
  await h.logind!.resume();
  await h.locks(1);

  h.checkpoint = () => Promise.reject(new Error('disk on fire'));
  await h.logind!.suspend();
  const again = await h.logind!.waitForSleep();
  t.notOk(h.signals[1]?.aborted, 'a checkpoint that ended in time is not aborted');
  t.ok(again.waitedMs < SLACK_MS, 'a failed checkpoint releases at once');
  t.equal(h.counters.snapshot()['logind.checkpoint.failed'], 1);
  t.match(h.warnings().join('\n'), /outcome=failed.*disk on fire/);
  await h.logind!.resume();
  await h.locks(1);
  t.same(h.calls, ['checkpoint', 'resume', 'checkpoint', 'resume']);
});

t.test('the default bound is well inside logind\'s default delay, and shrinks with a shorter one', async (t) => {
  t.ok(SLEEP_CHECKPOINT_BOUND_MS <= 2_500, `${SLEEP_CHECKPOINT_BOUND_MS} ms against logind's 5 s`);
  const h = await startWatchHarness(t, { delayMaxUSec: 1_000_000 });
  await h.watch.start();
  await until('the bound to follow InhibitDelayMaxUSec', () => h.watch.status().checkpointBoundMs === 500, h);
  const slow = await startWatchHarness(t, { delayMaxUSec: 60_000_000 });
  await slow.watch.start();
  await slow.locks(1);
  await sleep(100);
  t.equal(slow.watch.status().checkpointBoundMs, SLEEP_CHECKPOINT_BOUND_MS, 'a longer logind delay does not lengthen ours');
});

t.test('logind restarting: followed again with exactly one fresh lock; a sleep it never ended is ended for it', async (t) => {
  const h = await startWatchHarness(t);
  await h.watch.start();
  await h.locks(1);
  for (const how of ['kill', 'term'] as const) {
    h.logind = await h.logind!.restart(how);
    await h.locks(1);
  }
  t.match(h.counters.snapshot(), { 'logind.appeared': 3, 'logind.vanished': 2, 'logind.lock_taken': 3 });
  t.same(h.calls, [], 'a restart is not a sleep');

  // Gone between PrepareForSleep(true) and (false): nothing will say we woke, so the watch says it.
  await h.logind!.suspend();
  await h.logind!.waitForSleep();
  await h.logind!.stop('kill');
  await until('resume after logind vanished mid-sleep', () => h.calls.length === 2, h);
  t.same(h.calls, ['checkpoint', 'resume']);
  t.match(h.watch.status(), { logind: 'down', lock: 'none', phase: 'awake' });
  h.logind = await LogindStandin.start(t, h.lbus.address, { runtimeDir: h.lbus.runtimeDir });
  await h.locks(1);
  await h.logind.suspend();
  t.notOk((await h.logind.waitForSleep()).timedOut, 'the new logind gets the lock back on time too');
  t.equal(await h.matchRules(), 2, 'still the same two match rules');
});

t.test('no logind: down, silent, two match rules; it is followed once it comes', async (t) => {
  const h = await startWatchHarness(t, { logind: false });
  await h.watch.start();
  t.match(h.watch.status(), { logind: 'down', lock: 'none', phase: 'awake' });
  await sleep(200);
  t.same(h.logs.filter((l) => !l.startsWith('debug ')), [], 'nothing above debug');
  t.equal(await h.matchRules(), 2);
  t.same(h.calls, []);
  h.logind = await LogindStandin.start(t, h.lbus.address, { runtimeDir: h.lbus.runtimeDir });
  await h.locks(1);
  t.equal(h.watch.status().logind, 'up');
});

t.test('close gives the lock back and removes the match rules; idempotent; no start after it', async (t) => {
  const h = await startWatchHarness(t);
  await h.watch.start();
  await h.locks(1);
  await Promise.all([h.watch.close(), h.watch.close()]);
  await h.locks(0);
  t.equal(await h.matchRules(), 0);
  await t.rejects(h.watch.start(), { code: 'CLOSED' });
  await h.logind!.suspend();
  await sleep(200);
  t.same(h.calls, [], 'a closed watch does nothing');
});
