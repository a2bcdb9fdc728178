import t from 'tap';
import { generateKeyPair, keyIdHex, type KeyPair } from '../../daemon/crypto/keys.js';
import { PairKeys, sealEnvelope } from '../../daemon/crypto/seal.js';
import { encodeContent, encodeEnvelope, type Envelope } from '../../daemon/wire/messages.js';
import { seededRandom } from '../../daemon/util/random.js';
import type { LinkPeer } from '../../daemon/sync/mailbox.js';
import type { CoreNode } from '../fixtures/core-node.js';
import { nodes, together, until } from '../fixtures/meetings.js';

const random = seededRandom(7);
const FRAME_BATCH = 2000;
const keys = new PairKeys(64);

function peerOf(n: CoreNode): LinkPeer {
  const card = n.messenger.card();
  return {
    userId: n.messenger.identity().id, userKey: card.userKey as Uint8Array, displayName: card.displayName ?? '',
    nodeId: n.messenger.identity().nodeId, nodeKey: n.messenger.nodeKey().publicKey, address: '127.0.0.1:1', via: 'beacon',
  };
}

const strangers = Array.from({ length: 50 }, () => generateKeyPair(random).publicKey);

/** Envelopes sealed by `from` to strangers the carrier has never heard of. */
function flood(from: KeyPair, count: number): Envelope[] {
  const out: Envelope[] = [];
  for (let i = 0; i < count; i++) {
    const to = strangers[i % strangers.length]!;
    out.push(sealEnvelope({ sender: from, recipient: to, content: encodeContent({ text: `spam ${i}` }), lifetimeS: 0, random, keys }).envelope);
  }
  return out;
}

const SHARE = 64 * 1024;

t.test("a sender flooding a carrier fills only its own share; everyone else's carried messages survive", async (t) => {
  const [carrier, flooder, honest, late] = await nodes(t, 4, (i) => (i === 0 ? { carryLimits: { quotaBytes: 4 * SHARE, sourceShareBytes: SHARE } } : {}));
  const spam = flood(generateKeyPair(random), 10_000);
  const [kept] = flood(generateKeyPair(random), 1);
  // The honest neighbour's message is taken first, then the flood arrives in frame-sized batches.
  t.same(carrier!.messenger.accept(peerOf(honest!), [kept!], []).stored.length, 1);
  let stored = 0;
  let refused = 0;
  for (let i = 0; i < spam.length; i += FRAME_BATCH) {
    const r = carrier!.messenger.accept(peerOf(flooder!), spam.slice(i, i + FRAME_BATCH), []);
    stored += r.stored.length;
    refused += r.refused.length;
  }
  const fromFlooder = carrier!.store.carrySources.get(peerOf(flooder!).nodeId) ?? 0;
  t.ok(fromFlooder <= SHARE, `the flooder holds ${fromFlooder} bytes, within its share of ${SHARE}`);
  t.ok(stored > 100 && stored < 2000, `${stored} of 10,000 taken`);
  t.equal(stored + refused, 10_000, 'every envelope got an answer, so the flooder stops offering the rest');
  t.equal(carrier!.counters.snapshot()['carry.refused.source_share'], refused);
  t.equal(carrier!.store.carry.getCount(), stored + 1, "the honest neighbour's message is still there");
  // Another neighbour's message still finds room.
  const [later] = flood(generateKeyPair(random), 1);
  t.same(carrier!.messenger.accept(peerOf(late!), [later!], []).stored.length, 1);
  t.equal(carrier!.messenger.storeUse().carryEnvelopes, stored + 2);
});

t.test('a full carry area evicts from the source using the most, the most spread copy first, never the user\'s own', async (t) => {
  const [carrier, big, small, newcomer] = await nodes(t, 4, (i) => (i === 0 ? { carryLimits: { quotaBytes: 2000, sourceShareBytes: 1800 } } : {}));
  const bigOnes = flood(generateKeyPair(random), 30);
  const smallOnes = flood(generateKeyPair(random), 5);
  carrier!.messenger.accept(peerOf(big!), bigOnes, []);
  carrier!.messenger.accept(peerOf(small!), smallOnes, []);
  const bytes = (e: Envelope): number => encodeEnvelope(e).length;
  t.ok(carrier!.messenger.storeUse().carryBytes <= 2000);
  const before = carrier!.store.carrySources.get(peerOf(small!).nodeId);
  const bigBefore = carrier!.store.carrySources.get(peerOf(big!).nodeId) ?? 0;
  t.ok(bigBefore > (before ?? 0), 'the big source uses the most');
  const fresh = flood(generateKeyPair(random), 3);
  const r = carrier!.messenger.accept(peerOf(newcomer!), fresh, []);
  t.equal(r.stored.length, 3, 'the newcomer gets room');
  t.ok(carrier!.messenger.storeUse().carryBytes <= 2000, 'the quota holds');
  t.equal(carrier!.store.carrySources.get(peerOf(small!).nodeId), before, 'the smaller source lost nothing');
  const bigAfter = carrier!.store.carrySources.get(peerOf(big!).nodeId) ?? 0;
  t.ok(bigAfter <= bigBefore - fresh.reduce((n, e) => n + bytes(e), 0) + 200, 'the biggest source gave way for the newcomer');
});

t.test("a full outbox makes Send fail with StoreFull and the user's own messages are never evicted", async (t) => {
  const [a, b] = await nodes(t, 2, { outboxQuotaBytes: 64 * 1024, carryLimits: { quotaBytes: 64 * 1024, sourceShareBytes: 64 * 1024 } });
  await together(a!, b!);
  await a!.messenger.addContact(b!.messenger.identity().id);
  const bId = b!.messenger.identity().id;
  // B leaves; A writes until the outbox is full.
  b!.sessions.lost(a!.messenger.identity().nodeId);
  a!.sessions.lost(b!.messenger.identity().nodeId);
  await until('apart', () => a!.messenger.neighbours().length === 0);
  const ids: string[] = [];
  await t.rejects(async () => { for (;;) ids.push(await a!.messenger.send(bId, 'x'.repeat(1000))); }, { code: 'STORE_FULL' });
  // A flood of carried mail cannot push them out: it is a separate area.
  a!.messenger.accept(peerOf(b!), flood(generateKeyPair(random), 200), []);
  t.equal(a!.store.outbox.getCount(), ids.length, 'every message the user wrote still waits');
  t.ok(ids.every((id) => a!.messenger.messages(bId).some((m) => m.id === id && m.state === 'waiting')));
  t.equal(keyIdHex(a!.messenger.card().userKey as Uint8Array), a!.messenger.identity().id);
});
