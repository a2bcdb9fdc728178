/**
 * Use case 2, "talk to a classmate later": B's laptop is off (or out of radio
 * range) when A writes, the message waits in A's outbox, and it is delivered
 * once when B comes back. B's activity stays subscribed on B's bus the whole
 * time, as an activity that was open before the daemon restarted would.
 */
import t from 'tap';
import { KEEPALIVE_INTERVAL_MS, LINK_SILENCE_MS } from '../../daemon/sync/session-manager.js';

/** A vanished neighbour is dropped when its session falls silent, checked on the keepalive tick (beacons may be minutes apart in a big room). */
const GONE_WITHIN_MS = LINK_SILENCE_MS + KEEPALIVE_INTERVAL_MS;
import { MESSAGES } from './fixtures/activity.js';
import { e2eUnavailable, logsOf } from './fixtures/laptop.js';
import { MEET_WAIT_MS, reachesState, seen, startPair } from './fixtures/pair.js';
import { Mallory } from './fixtures/mallory-process.js';
import { sleep, waitFor } from './fixtures/wait.js';

/** How long B stays away; longer than a beacon round, so "nobody is there" is really tested. */
const AWAY_MS = 6_000;

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

t.test('a message for an absent classmate waits, then arrives exactly once', async (t) => {
  const p = await startPair(t);
  const { A, B } = p;
  await A.app.addContact(B.me.id);
  // B has A as a contact too: a stranger's message would wait in B's requests.
  await B.app.addContact(A.me.id);

  // B's laptop goes away.
  const goneFrom = A.app.signals.length;
  t.same(await p.b.stop(), { code: 0, signal: null }, 'B stops cleanly on SIGTERM');
  const gone = await A.app.waitSignal((s) => s.member === 'NeighbourGone' && s.args[0] === B.me.id,
    'A: NeighbourGone for B', 15_000, goneFrom).catch((e: Error) => { throw new Error(`${e.message}\n${logsOf(p.a, p.b)}`); });
  t.same(gone.args, [B.me.id, B.me.node_id], 'A is told B left, by user and node id');
  t.same((await A.app.neighbours()).filter((n) => n.id === B.me.id), [], 'B is no longer listed as nearby');
  t.match(await A.app.contacts(), [{ id: B.me.id }], 'B is still a contact');

  const fromA = A.app.signals.length;
  const id = await A.app.send(B.me.id, 'see you tomorrow at the well');
  t.match(await A.app.messages(B.me.id, 0), [{ id, direction: 'out', state: 'waiting', reason: '' }], 'the message waits');
  await sleep(AWAY_MS);
  t.match(await A.app.messages(B.me.id, 0), [{ id, state: 'waiting' }], `still waiting after ${AWAY_MS} ms without B`);
  t.same(A.app.stateChanges(id), [], 'no state change while B is away');
  t.match(await A.app.conversations(), [{ contact_id: B.me.id, total: 1, last_text: 'see you tomorrow at the well' }]);
  const down = await B.app.call(MESSAGES, 'ListConversations');
  t.equal(down.error, 'org.freedesktop.DBus.Error.ServiceUnknown', 'B\'s activity gets ServiceUnknown while satcheld is down, as documented',
    { got: down });

  // B comes back with the same store; its activity never went away.
  t.equal(B.app.disconnected, false, 'B\'s bus stayed up while satcheld was down');
  const fromB = B.app.signals.length;
  await p.b.start();
  t.same(await B.app.identity(), B.me, 'B is the same user and laptop after the restart');
  const got = await B.app.waitSignal((s) => s.member === 'MessageReceived', 'B: MessageReceived after coming back', 20_000, fromB)
    .catch((e: Error) => { throw new Error(`${e.message}\n${logsOf(p.a, p.b)}`); });
  t.match(got.args[0], { id, contact_id: A.me.id, direction: 'in', text: 'see you tomorrow at the well', state: 'delivered' });
  await reachesState(A, B.me.id, id, 'delivered', 15_000, p.a, p.b);
  await A.app.waitSignal((s) => s.member === 'MessageStateChanged' && s.args[0] === id && s.args[2] === 'delivered',
    'A: MessageStateChanged delivered', 5_000, fromA);
  t.same(A.app.stateChanges(id).map((c) => c.state), ['sent', 'delivered'], 'A saw sent then delivered, once each');

  // Exactly once, also after the two meet yet again.
  t.same((await B.app.messages(A.me.id, 0)).map((m) => m.id), [id], 'B holds exactly one copy');
  t.same((await p.b.restart()), { code: 0, signal: null });
  await seen(A, B.me.id, p);
  await seen(B, A.me.id, p);
  await sleep(1_000);
  t.same((await B.app.messages(A.me.id, 0)).map((m) => m.id), [id], 'still one copy after meeting again');
  t.equal(B.app.received().length, 1, 'B\'s activity was told once, over two restarts');
  t.equal(B.app.received().filter((m) => m.id === id).length, 1);
  const counters = await A.app.counters();
  // Once the message, once the proof of B's receipt (A never offers B's own proof back to B): nothing again after the restart.
  t.notOk((counters['sync.offered'] ?? 0) > 2, `A offered the message once (sync.offered=${counters['sync.offered'] ?? 0})`);
  t.same(A.app.stateChanges(id).map((c) => c.state), ['sent', 'delivered'], 'no state went backwards on A');
  t.match(await B.app.conversations(), [{ contact_id: A.me.id, total: 1, unread: 1 }]);
});

t.test('classmates walk out of radio range without a goodbye, and come back', async (t) => {
  const p = await startPair(t);
  const { A, B } = p;
  await A.app.addContact(B.me.id);
  // B has A as a contact too: a stranger's message would wait in B's requests.
  await B.app.addContact(A.me.id);
  // Each has heard the other's beacons, so each knows the other is near.
  await waitFor(async () => ((await A.app.counters())['beacon.received'] ?? 0) > 0 && ((await B.app.counters())['beacon.received'] ?? 0) > 0,
    'both to hear a beacon', MEET_WAIT_MS);
  // A third laptop next to A found B and opened a session, but B never heard
  // its beacons (multicast is lossy on WLAN; this one sends none at all).
  const third = await Mallory.start(t, p.a.ns);
  const thirdId = (await third.must({ cmd: 'identity' })).userId as string;
  await third.must({ cmd: 'open', session: 's', host: p.b.ipv4, port: p.b.sessionPort(), card: 'own' });
  await seen(B, thirdId, p);

  // The radio link goes (no FIN, no RST: the other laptops are simply gone),
  // and A writes before it can know.
  const fromA = A.app.signals.length;
  const fromB = B.app.signals.length;
  p.link.cut();
  const cutAt = Date.now();
  const id = await A.app.send(B.me.id, 'are you still there?');
  await sleep(2_000);
  t.match(await A.app.messages(B.me.id, 0), [{ id, state: 'waiting' }],
    'a message handed to a laptop that is gone is not "sent": nobody said it was stored');

  const gone = await A.app.waitSignal((s) => s.member === 'NeighbourGone' && s.args[0] === B.me.id, 'A: NeighbourGone for B',
    GONE_WITHIN_MS + 10_000, fromA).catch((e: Error) => { throw new Error(`${e.message}\n${logsOf(p.a, p.b)}`); });
  const after = gone.at - cutAt;
  t.ok(after <= GONE_WITHIN_MS + 5_000, `A shows B gone ${after} ms after the link went (session silence ${LINK_SILENCE_MS} ms)`);
  await B.app.waitSignal((s) => s.member === 'NeighbourGone' && s.args[0] === A.me.id, 'B: NeighbourGone for A', 10_000, fromB);
  t.same((await A.app.neighbours()).filter((n) => n.id === B.me.id), [], 'B is not listed as nearby');
  t.match(await A.app.messages(B.me.id, 0), [{ id, state: 'waiting' }], 'still waiting');
  t.same(B.app.received(), [], 'B got nothing while out of range');
  const ghost = await waitFor(async () => !(await B.app.neighbours()).some((n) => n.id === thirdId), 'B to drop the third laptop',
    5_000).then(() => false, () => true);
  t.notOk(ghost, `the laptop whose beacons B never heard is not listed as nearby ${Date.now() - cutAt} ms after it left`,
    { neighboursOfB: await B.app.neighbours() });

  // Back in range.
  await p.link.mend();
  const got = await B.app.waitSignal((s) => s.member === 'MessageReceived', 'B: the message once back in range', MEET_WAIT_MS, fromB)
    .catch((e: Error) => { throw new Error(`${e.message}\n${logsOf(p.a, p.b)}`); });
  t.match(got.args[0], { id, contact_id: A.me.id, text: 'are you still there?' });
  await reachesState(A, B.me.id, id, 'delivered', 15_000, p.a, p.b);
  await sleep(1_000);
  t.same((await B.app.messages(A.me.id, 0)).map((m) => m.id), [id], 'B holds one copy');
  t.equal(B.app.received().length, 1, 'B was told once');
  t.same(A.app.stateChanges(id).map((c) => c.state), ['sent', 'delivered'], 'A saw sent then delivered, once each');
});
