import t from 'tap';
import { part } from '../fixtures/core-node.js';
import type { CoreNode } from '../fixtures/core-node.js';
import { friends, nodes, reconciled, together, until } from '../fixtures/meetings.js';

/** A meeting long enough for both sides to have exchanged routing state and reconciled. */
async function meeting(a: CoreNode, b: CoreNode): Promise<void> {
  const [ra, rb] = [reconciled(a), reconciled(b)];
  await together(a, b);
  await until('reconciled', () => reconciled(a) > ra && reconciled(b) > rb);
  await part(a, b);
}

t.test('a message for another village moves toward the relay point that serves it', async (t) => {
  // Relay points route by place only (their own strategy is direct); the sender's laptop is epidemic.
  const [s, u, north, south, other] = await nodes(t, 5, (i) => [
    { routing: 'epidemic' as const },
    { routing: 'direct' as const },
    { routing: 'direct' as const, relayPoint: true, place: 'north' },
    { routing: 'direct' as const, relayPoint: true, place: 'south' },
    { routing: 'direct' as const },
  ][i]!);
  const [S, U, N, So, L] = [s!, u!, north!, south!, other!];
  await friends(S, U);
  // U lives in the south: the south relay point meets U there.
  await meeting(U, So);
  // The two relay points meet (a teacher's laptop, a bus): each learns where the other's users are.
  await meeting(N, So);

  const id = await S.messenger.send(U.messenger.identity().id, 'greetings from the north');
  await together(S, N);
  await until('the north relay point carries it', () => N.store.carry.doesExist(id));
  await part(S, N);

  await together(N, L);
  await new Promise((r) => setTimeout(r, 300));
  t.notOk(L.store.carry.doesExist(id), 'an ordinary laptop in the north is not given it');
  await part(N, L);

  await together(N, So);
  await until('the south relay point takes it: it serves the recipient', () => So.store.carry.doesExist(id));
  await part(N, So);

  await together(So, U);
  await until('U has it', () => U.messenger.conversations().length === 1);
  t.equal(U.messenger.messages(S.messenger.identity().id)[0]?.text, 'greetings from the north');
});
