import t from 'tap';
import { nextEvent, part, type CoreNode } from '../fixtures/core-node.js';
import { carried, friends, nodes, together, until } from '../fixtures/meetings.js';

t.test('a carrier takes a message it cannot read, hands it on, and drops it once delivered', async (t) => {
  const [a, b, c] = await nodes(t, 3) as [CoreNode, CoreNode, CoreNode];
  await friends(a, c);
  const cId = c.messenger.identity().id;
  const id = await a.messenger.send(cId, 'see you tomorrow');

  await together(a, b);
  await until('B carries the message', () => carried(b) === 1);
  await until('A sees a copy out', () => a.messenger.messages(cId).at(-1)?.state === 'carried');
  t.equal(a.messenger.messages(cId).at(-1)?.copies, 1, 'one carrier has a copy');
  t.equal(b.messenger.conversations().length, 0, 'the carrier shows nothing: it cannot read the message');
  await part(a, b);

  const arrived = nextEvent(c.messenger, 'messageReceived');
  await together(b, c);
  const [m] = await arrived;
  t.equal(m.id, id);
  t.equal(m.text, 'see you tomorrow');
  t.equal(m.contactId, a.messenger.identity().id, 'the sender is proven by the seal, not by the carrier');
  await until('B drops its copy once C has it', () => !b.store.carry.doesExist(id));
  t.equal(carried(b), 1, "B now carries C's receipt back towards A");
  t.ok(b.store.proofs.getCount() >= 1, "B keeps C's delivery proof to pass on");
  await part(b, c);

  const delivered = nextEvent(a.messenger, 'messageStateChanged', (s) => s.id === id && s.state === 'delivered');
  await together(a, b);
  await delivered;
  t.equal(a.store.outbox.getCount(), 0, "nothing of A's waits any more");
  await until('no copy of anything anywhere', () => carried(a) + carried(b) + carried(c) === 0);
});

// The next two need every neighbour of A to take a copy, so they name epidemic
// routing: the default (encounter-spray) gives copies only to laptops that
// meet at least as many others as the holder, and B and D have met nobody.
t.test('a carrier that learns of delivery from a proof drops its copy and refuses it again', async (t) => {
  const [a, b, c, d] = await nodes(t, 4, { routing: 'epidemic' }) as [CoreNode, CoreNode, CoreNode, CoreNode];
  await friends(a, c);
  const cId = c.messenger.identity().id;
  const id = await a.messenger.send(cId, 'two carriers');
  await together(a, b);
  await together(a, d);
  await until('B and D both carry it', () => carried(b) === 1 && carried(d) === 1);
  await part(a, b);
  await part(a, d);
  // B delivers; D never meets C, only B afterwards.
  await together(b, c);
  await until('C has it', () => c.messenger.conversations().length === 1);
  await until("B has C's proof", () => b.store.proofs.getCount() >= 1);
  await part(b, c);
  await together(b, d);
  await until('D drops its copy on seeing the proof', () => !d.store.carry.doesExist(id));
  t.ok(d.store.delivered.doesExist(id), 'D remembers it as delivered');
  t.ok((d.counters.snapshot()['inbound.proof.accepted'] ?? 0) >= 1);
  await part(b, d);
  // A has not heard yet and offers the message again: D refuses it and tells A.
  const delivered = nextEvent(a.messenger, 'messageStateChanged', (s) => s.id === id && s.state === 'delivered');
  await together(a, d);
  await delivered;
  t.notOk(d.store.carry.doesExist(id), 'D did not take it again');
});

t.test('the same message reaching the recipient by two paths is shown once', async (t) => {
  const [a, b, d, c] = await nodes(t, 4, { routing: 'epidemic' }) as [CoreNode, CoreNode, CoreNode, CoreNode];
  await friends(a, c);
  const cId = c.messenger.identity().id;
  const id = await a.messenger.send(cId, 'only once please');
  await together(a, b);
  await together(a, d);
  await until('two carriers', () => carried(b) === 1 && carried(d) === 1);
  await part(a, b);
  await part(a, d);
  let shown = 0;
  c.messenger.on('messageReceived', () => { shown++; });
  await together(b, c);
  await together(d, c);
  await until('both carriers dropped the message', () => !b.store.carry.doesExist(id) && !d.store.carry.doesExist(id));
  t.equal(shown, 1, 'one MessageReceived');
  t.equal(c.messenger.messages(a.messenger.identity().id).length, 1, 'one message in the conversation');
});

t.test('direct routing never hands a message to a carrier', async (t) => {
  const [a, b, c] = await nodes(t, 3, { routing: 'direct' }) as [CoreNode, CoreNode, CoreNode];
  await friends(a, c);
  await a.messenger.send(c.messenger.identity().id, 'wait for me');
  await together(a, b);
  // Let reconciliation finish: B learns A's set and the difference, and still gets nothing.
  await until('reconciled', () => (a.counters.snapshot()['sync.reconcile.differ'] ?? 0) + (b.counters.snapshot()['sync.reconcile.differ'] ?? 0) >= 2);
  await new Promise((r) => setTimeout(r, 200));
  t.equal(carried(b), 0);
  t.equal(a.messenger.messages(c.messenger.identity().id)[0]?.state, 'waiting');
});
