import t from 'tap';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectedPair, nextEvent } from '../fixtures/core-node.js';
import { DIAL_GRACE_MS, REDIAL_BACKOFF_MS } from '../../daemon/sync/session-manager.js';

t.test('suspend closes every session and opens none; refresh dials at once, whoever has the lower id', async (t) => {
  const [a, b] = await connectedPair(t);
  const bAt = { nodeId: b.nodeId, address: '127.0.0.1', sessionPort: b.port };
  const aAt = { nodeId: a.nodeId, address: '127.0.0.1', sessionPort: a.port };
  const goneA = nextEvent(a.messenger, 'neighbourGone');
  const goneB = nextEvent(b.messenger, 'neighbourGone');
  await a.sessions.suspend();
  await Promise.all([goneA, goneB]);
  t.same(a.sessions.links(), [], 'no links while asleep');

  // Neither side's dial makes a session while A sleeps.
  a.sessions.heard(bAt);
  b.sessions.heard(aAt);
  await sleep(DIAL_GRACE_MS + 500);
  t.same(a.messenger.neighbours(), [], 'A met nobody');
  t.same(a.sessions.links(), []);

  const t0 = Date.now();
  const back = nextEvent(a.messenger, 'neighbourAppeared');
  a.sessions.refresh([bAt]);
  await back;
  const took = Date.now() - t0;
  t.ok(took < Math.min(DIAL_GRACE_MS, REDIAL_BACKOFF_MS), `met again ${took} ms after refresh, with no grace or backoff`);
  t.equal(a.sessions.links().length, 1);
  await a.sessions.suspend();
  await a.sessions.suspend();
  t.pass('suspend twice is harmless');
  a.sessions.refresh([]);
  a.sessions.refresh([bAt]);
  await nextEvent(a.messenger, 'neighbourAppeared');
  t.equal(a.sessions.links().length, 1, 'one session again');
});
