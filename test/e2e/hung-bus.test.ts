/**
 * A bus that stops answering must not keep satcheld from stopping: systemd
 * (or a technician) sends SIGTERM, and the daemon gives up on the parts
 * that talk to the bus after a bound, closes its store cleanly and exits.
 * Nothing stored is lost on the way.
 */
import t from 'tap';
import { DAEMON_STOP_STEP_MS } from '../../daemon/satcheld.js';
import { e2eUnavailable } from './fixtures/laptop.js';
import { reachesState, startPair } from './fixtures/pair.js';

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

t.test('SIGTERM stops satcheld while its bus hangs, and the outbox survives', async (t) => {
  const p = await startPair(t);
  const { A, B } = p;
  await A.app.addContact(B.me.id);
  // B has A as a contact too: a stranger's message would wait in B's requests.
  await B.app.addContact(A.me.id);
  t.same(await p.b.stop(), { code: 0, signal: null }, 'B goes away cleanly');
  const id = await A.app.send(B.me.id, 'sent before the bus hung');

  // The bus process is stopped, not killed: its socket stays open and every call waits for ever.
  const busPid = p.a.bus.pid;
  process.kill(busPid, 'SIGSTOP');
  let resumed = false;
  t.teardown(() => { if (!resumed) process.kill(busPid, 'SIGCONT'); });
  const from = Date.now();
  const exit = await p.a.stop();
  const took = Date.now() - from;
  t.same(exit, { code: 0, signal: null }, 'satcheld exited on its own, with success');
  // The parts that wait on the bus each get one bound; the rest stop at once.
  t.ok(took < 4 * DAEMON_STOP_STEP_MS, `it took ${took} ms, within a few stop bounds of ${DAEMON_STOP_STEP_MS} ms`);
  t.match(p.a.logs.join('\n'), /did not stop in time/, 'the log says which part was given up on');

  process.kill(busPid, 'SIGCONT');
  resumed = true;
  await p.a.start();
  await p.b.start();
  await reachesState(A, B.me.id, id, 'delivered', 30_000, p.a, p.b);
  t.pass('the message kept through the hung stop reached B');
});
