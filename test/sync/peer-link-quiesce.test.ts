import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectedPair, meet, nextEvent } from '../fixtures/core-node.js';
import { waitFor } from '../e2e/fixtures/wait.js';

t.test('quiesce: what was sent is answered, nothing new goes out, nothing is lost or doubled', async (t) => {
  const [a, b] = await connectedPair(t);
  const bId = b.messenger.identity().id;
  const aId = a.messenger.identity().id;
  await a.messenger.addContact(bId);
  // Each has the other as a contact: a stranger's message would wait in the requests area.
  await b.messenger.addContact(aId);
  const received = new Set<string>();
  let shownTwice = 0;
  b.messenger.on('messageReceived', (m) => {
    if (received.has(m.id)) shownTwice++;
    received.add(m.id);
  });
  const link = a.sessions.links()[0]!;

  // A burst, then quiet at once: no I/O turn in between, so what went out is still unanswered.
  const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => a.messenger.send(bId, `burst ${i} `.padEnd(4_000, '.'))));
  const unanswered = a.messenger.messages(bId, { limit: 1_000 }).filter((m) => m.state === 'waiting').length;
  await link.quiesce();
  t.ok(unanswered > 0, `${unanswered} of 200 were waiting for an answer when quiesce began`);

  const states = new Map(a.messenger.messages(bId, { limit: 1_000 }).map((m) => [m.id, m.state]));
  const handedOver = burst.filter((id) => states.get(id) !== 'waiting');
  t.ok(handedOver.length > 0 && handedOver.length < burst.length, `${handedOver.length} of 200 handed over before quiet (800 KB against a 512 KiB window)`);
  t.ok(burst.every((id) => ['waiting', 'sent', 'delivered'].includes(states.get(id) ?? '')), 'each one waiting or handed over');
  // B stores and acks in one step; after quiesce every ack has come back, so the two sides agree.
  await sleep(50);
  t.same([...received].sort(), [...handedOver].sort(), 'B has exactly what A counts as handed over');

  const late = await a.messenger.send(bId, 'after quiet');
  await sleep(300);
  t.notOk(received.has(late), 'nothing new is offered on a quiet link');
  t.equal(a.messenger.messages(bId, { limit: 1_000 }).find((m) => m.id === late)?.state, 'waiting');
  await link.quiesce();
  t.pass('quiesce again resolves at once');

  // B still sends, and A still stores and answers.
  const fromB = nextEvent(a.messenger, 'messageReceived');
  await b.messenger.send(aId, 'still listening?');
  t.equal((await fromB)[0].text, 'still listening?');

  // The next meeting carries the rest, once each.
  const gone = nextEvent(a.messenger, 'neighbourGone');
  await link.session.close();
  await gone;
  meet(a, b);
  await waitFor(() => received.size === 201, 'the rest to arrive', 20_000, () => `${received.size} of 201`);
  t.ok(burst.every((id) => received.has(id)) && received.has(late), 'all 201 arrived');
  t.equal(shownTwice, 0, 'none shown twice');
});
