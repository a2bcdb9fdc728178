import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectedPair, nextEvent } from '../fixtures/core-node.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { KEEPALIVE_INTERVAL_MS, LINK_SILENCE_MS } from '../../daemon/sync/session-manager.js';

t.test('a new display name reaches a neighbour already connected', async (t) => {
  const [a, b] = await connectedPair(t);
  await b.messenger.addContact(a.messenger.identity().id);
  const renamed = nextEvent(b.messenger, 'neighbourAppeared', (n) => n.displayName === 'Amira');
  await a.messenger.setDisplayName('Amira');
  const [n] = await renamed;
  t.equal(n.id, a.messenger.identity().id);
  t.equal(b.messenger.neighbours()[0]?.displayName, 'Amira');
  t.equal(b.messenger.contacts()[0]?.displayName, 'Amira', 'the contact list follows');
  t.equal(b.messenger.neighbours().length, 1, 'still one neighbour, not two');
});

t.test('a session that falls silent is closed; a quiet but live one stays', async (t) => {
  const clock = new ManualClock();
  const [a] = await connectedPair(t, { clock });
  await sleep(100);
  // Live: time passes in keepalive steps and the frames get through.
  for (let i = 0; i < 6; i++) {
    clock.advance(KEEPALIVE_INTERVAL_MS);
    await sleep(50);
  }
  t.equal(a.messenger.neighbours().length, 1, 'keepalives keep a quiet session open');
  t.notOk(a.counters.snapshot()['sync.link_silent']);
  // Silent: nothing can arrive while the clock jumps past the limit.
  const gone = nextEvent(a.messenger, 'neighbourGone');
  clock.advance(LINK_SILENCE_MS + KEEPALIVE_INTERVAL_MS);
  await gone;
  t.equal(a.counters.snapshot()['sync.link_silent'], 1);
  t.same(a.messenger.neighbours(), []);
});
