/**
 * Drafts on a real LMDB store with the real messenger behind them: saved,
 * listed, changed, discarded and sent; kept across a close and reopen; every
 * refusal with its code, and nothing stored when a call is refused.
 */
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, keyIdHex } from '../../daemon/crypto/keys.js';
import { MAX_TEXT_BYTES } from '../../daemon/messenger/api.js';
import { createDrafts, DEFAULT_MAX_DRAFTS, type DraftEvents, type DraftsApi } from '../../daemon/messenger/drafts.js';
import { createMessenger, type Messenger } from '../../daemon/messenger/messenger.js';
import { openStore, type Store } from '../../daemon/store/store.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { silentLogger } from '../../daemon/util/log.js';
import { seededRandom } from '../../daemon/util/random.js';

const T0 = Date.UTC(2026, 4, 4, 8, 0);
const NOBODY = '0123456789abcdef';
const NO_DRAFT = 'f'.repeat(32);

interface Node {
  dir: string;
  store: Store;
  messenger: Messenger;
  drafts: DraftsApi;
  clock: ManualClock;
  /** A contact with a real key, so that Send can seal to them. */
  friend: string;
  events: string[];
}

function open(dir: string, clock: ManualClock, opts: { maxDrafts?: number; outboxQuotaBytes?: number } = {}): Omit<Node, 'friend'> {
  const store = openStore({ path: dir });
  const random = seededRandom(Math.floor(clock.now() / 1000));
  const messenger = createMessenger({
    store, clock, random, logger: silentLogger, counters: createCounters(),
    ...(opts.outboxQuotaBytes !== undefined ? { outboxQuotaBytes: opts.outboxQuotaBytes } : {}),
  });
  const drafts = createDrafts({
    store, clock, random, send: (c, text) => messenger.send(c, text),
    ...(opts.maxDrafts !== undefined ? { maxDrafts: opts.maxDrafts } : {}),
  });
  const events: string[] = [];
  const changed: DraftEvents['draftChanged'] = (d) => events.push(`changed ${d.id} ${JSON.stringify(d.text)}`);
  const removed: DraftEvents['draftRemoved'] = (d) => events.push(`removed ${d.id} ${d.contactId} ${d.messageId || '-'}`);
  drafts.on('draftChanged', changed);
  drafts.on('draftRemoved', removed);
  return { dir, store, messenger, drafts, clock, events };
}

function addFriend(store: Store, seed: number, name: string): string {
  const key = generateKeyPair(seededRandom(seed)).publicKey;
  const id = keyIdHex(key);
  store.transact(() => store.contacts.put(id, { id, userKey: key, displayName: name, addedMs: T0 }));
  return id;
}

async function start(t: Test, opts: { maxDrafts?: number; outboxQuotaBytes?: number } = {}): Promise<Node> {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-drafts-'));
  const n = open(dir, new ManualClock(T0), opts);
  t.teardown(async () => {
    await n.store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ...n, friend: addFriend(n.store, 11, 'Bilal') };
}

t.test('save, list, update and discard', async (t) => {
  const n = await start(t);
  const other = addFriend(n.store, 12, 'Chiara');
  const a = await n.drafts.save(n.friend, 'first thoughts');
  t.match(a, /^[0-9a-f]{32}$/);
  n.clock.advance(1_000);
  const b = await n.drafts.save(other, '');
  n.clock.advance(1_000);
  const c = await n.drafts.save(n.friend.toUpperCase(), 'second 🎒');
  t.same(n.drafts.list().map((d) => d.id), [a, b, c], 'oldest first');
  t.same(n.drafts.list(n.friend).map((d) => d.id), [a, c], 'one contact only');
  t.same(n.drafts.list(other), [{ id: b, contactId: other, text: '', createdMs: T0 + 1_000, updatedMs: T0 + 1_000 }], 'an empty draft may exist');
  t.same(n.drafts.get(c.toUpperCase()), { id: c, contactId: n.friend, text: 'second 🎒', createdMs: T0 + 2_000, updatedMs: T0 + 2_000 });

  n.clock.advance(5_000);
  await n.drafts.update(a, 'better thoughts');
  t.same(n.drafts.get(a), { id: a, contactId: n.friend, text: 'better thoughts', createdMs: T0, updatedMs: T0 + 7_000 });
  t.same(n.drafts.list().map((d) => d.id), [a, b, c], 'an edit does not reorder');

  await n.drafts.discard(b);
  t.throws(() => n.drafts.get(b), { code: 'NOT_FOUND' });
  t.same(n.drafts.list(other), [], 'a contact with no drafts lists none');
  t.same(n.events, [
    `changed ${a} "first thoughts"`, `changed ${b} ""`, `changed ${c} "second 🎒"`,
    `changed ${a} "better thoughts"`, `removed ${b} ${other} -`,
  ]);
  t.same(n.messenger.outbox(), [], 'nothing was sent');
});

t.test('a sent draft becomes an ordinary waiting message and is gone', async (t) => {
  const n = await start(t);
  const id = await n.drafts.save(n.friend, 'see you at the well');
  const messageId = await n.drafts.sendDraft(id);
  t.match(messageId, /^[0-9a-f]{32}$/);
  t.not(messageId, id, 'the message has its own id');
  t.same(n.drafts.list(), []);
  t.throws(() => n.drafts.get(id), { code: 'NOT_FOUND' });
  t.match(n.messenger.messages(n.friend), [{ id: messageId, direction: 'out', text: 'see you at the well', state: 'waiting' }]);
  t.match(n.messenger.outbox(), [{ id: messageId, contactId: n.friend, kind: 'text', state: 'waiting' }]);
  t.same(n.messenger.trace(messageId).map((e) => e.event), ['queued']);
  t.same(n.events.at(-1), `removed ${id} ${n.friend} ${messageId}`);
  await t.rejects(n.drafts.sendDraft(id), { code: 'NOT_FOUND' }, 'it cannot be sent twice');
});

t.test('sending twice at once gives one message', async (t) => {
  let calls = 0;
  const n = await start(t);
  const slow = createDrafts({
    store: n.store, clock: n.clock, random: seededRandom(3),
    send: async (c, text) => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return n.messenger.send(c, text);
    },
  });
  const id = await slow.save(n.friend, 'click click');
  const [first, second] = await Promise.all([slow.sendDraft(id), slow.sendDraft(id)]);
  t.equal(first, second);
  t.equal(calls, 1);
  t.equal(n.messenger.outbox().length, 1);

  const edited = await slow.save(n.friend, 'old words');
  const sending = slow.sendDraft(edited);
  await t.rejects(slow.update(edited, 'new words'), { code: 'NOT_FOUND' }, 'an edit waits for the send, then finds the draft gone');
  const sent = await sending;
  t.match(n.messenger.messages(n.friend).find((m) => m.id === sent), { text: 'old words' });
});

t.test('when sending fails the draft stays as it was', async (t) => {
  const n = await start(t, { outboxQuotaBytes: 64 });
  const empty = await n.drafts.save(n.friend, '  \n');
  await t.rejects(n.drafts.sendDraft(empty), { code: 'EMPTY_BODY' });
  t.equal(n.drafts.get(empty).text, '  \n');
  const big = await n.drafts.save(n.friend, 'this will not fit in a 64-byte outbox');
  await t.rejects(n.drafts.sendDraft(big), { code: 'STORE_FULL' });
  t.same(n.drafts.list().map((d) => d.id), [empty, big], 'both drafts are kept');
  t.same(n.messenger.outbox(), []);
  t.notOk(n.events.some((e) => e.startsWith('removed')), 'no DraftRemoved for a failed send');

  // The contact went away (a store written by another version, say): Send's own error.
  n.store.transact(() => n.store.contacts.remove(n.friend));
  await t.rejects(n.drafts.sendDraft(big), { code: 'UNKNOWN_CONTACT' });
  t.equal(n.drafts.list(n.friend).length, 2, 'drafts of a former contact stay listable');
  await n.drafts.discard(big);
});

t.test('drafts survive closing and reopening the store', async (t) => {
  const n = await start(t);
  const kept = await n.drafts.save(n.friend, 'written before the battery ran out');
  n.clock.advance(60_000);
  const edited = await n.drafts.save(n.friend, 'v1');
  await n.drafts.update(edited, 'v2');
  const gone = await n.drafts.save(n.friend, 'thrown away');
  await n.drafts.discard(gone);
  const before = n.drafts.list();
  await n.store.close();

  const again = open(n.dir, new ManualClock(T0 + 3_600_000));
  t.teardown(() => again.store.close());
  t.same(again.drafts.list(), before, 'the same drafts, texts and times');
  t.same(before.map((d) => d.text), ['written before the battery ran out', 'v2']);
  const messageId = await again.drafts.sendDraft(kept);
  t.same(again.drafts.list().map((d) => d.id), [edited]);
  t.match(again.messenger.outbox(), [{ id: messageId }]);
});

t.test('the number of drafts is bounded', async (t) => {
  t.equal(DEFAULT_MAX_DRAFTS, 256);
  const n = await start(t, { maxDrafts: 3 });
  const ids = [await n.drafts.save(n.friend, '1'), await n.drafts.save(n.friend, '2'), await n.drafts.save(n.friend, '3')];
  await t.rejects(n.drafts.save(n.friend, '4'), { code: 'STORE_FULL', message: /3 drafts are saved/ });
  t.equal(n.drafts.list().length, 3);
  await n.drafts.discard(ids[0] as string);
  t.match(await n.drafts.save(n.friend, '4'), /^[0-9a-f]{32}$/, 'room again after a discard');
  await n.drafts.sendDraft(ids[1] as string);
  t.match(await n.drafts.save(n.friend, '5'), /^[0-9a-f]{32}$/, 'and after a send');
  t.throws(() => createDrafts({ store: n.store, clock: n.clock, random: seededRandom(1), send: n.messenger.send, maxDrafts: 0 }), { code: 'INVALID_ARGUMENT' });
  t.throws(() => createDrafts({ store: n.store, clock: n.clock, random: seededRandom(1), send: n.messenger.send, maxDrafts: 1.5 }), { code: 'INVALID_ARGUMENT' });
});

t.test('text limits: as for Send, except that empty is allowed', async (t) => {
  const n = await start(t);
  const full = await n.drafts.save(n.friend, 'x'.repeat(MAX_TEXT_BYTES));
  t.equal(n.drafts.get(full).text.length, MAX_TEXT_BYTES, 'exactly the limit fits');
  await t.rejects(n.drafts.save(n.friend, 'x'.repeat(MAX_TEXT_BYTES + 1)), { code: 'BODY_TOO_LARGE', message: /4097 bytes; the limit is 4096/ });
  await t.rejects(n.drafts.save(n.friend, 'é'.repeat(MAX_TEXT_BYTES / 2 + 1)), { code: 'BODY_TOO_LARGE', message: /4098 bytes/ }, 'bytes, not characters');
  await t.rejects(n.drafts.update(full, 'x'.repeat(MAX_TEXT_BYTES + 1)), { code: 'BODY_TOO_LARGE' });
  await t.rejects(n.drafts.save(n.friend, 'a\u0000b'), { code: 'INVALID_ARGUMENT', message: /NUL/ });
  await t.rejects(n.drafts.update(full, '\u0000'), { code: 'INVALID_ARGUMENT' });
  t.equal(n.drafts.get(full).text.length, MAX_TEXT_BYTES, 'a refused update changes nothing');
  t.equal(n.drafts.list().length, 1, 'refused saves store nothing');
});

t.test('hostile ids and values get named errors, never a TypeError', async (t) => {
  const n = await start(t);
  const id = await n.drafts.save(n.friend, 'keep me');
  const badIds: unknown[] = [undefined, null, 42, {}, [], '', 'xyz', id.slice(1), `${id}0`, 'g'.repeat(32), `${id.slice(0, 31)}\u0000`, 'x'.repeat(100_000)];
  for (const bad of badIds) {
    const label = JSON.stringify(bad)?.slice(0, 40) ?? String(bad);
    t.throws(() => n.drafts.get(bad as string), { code: 'INVALID_ARGUMENT' }, `get(${label})`);
    await t.rejects(n.drafts.update(bad as string, 'x'), { code: 'INVALID_ARGUMENT' }, `update(${label})`);
    await t.rejects(n.drafts.discard(bad as string), { code: 'INVALID_ARGUMENT' }, `discard(${label})`);
    await t.rejects(n.drafts.sendDraft(bad as string), { code: 'INVALID_ARGUMENT' }, `sendDraft(${label})`);
  }
  for (const bad of [null, 42, '', 'not-an-id', n.friend.slice(1), {}]) {
    await t.rejects(n.drafts.save(bad as string, 'x'), { code: 'INVALID_ARGUMENT' }, `save to ${JSON.stringify(bad)}`);
    t.throws(() => n.drafts.list(bad as string), { code: 'INVALID_ARGUMENT' }, `list(${JSON.stringify(bad)})`);
  }
  for (const bad of [undefined, null, 42, {}, ['x'], Buffer.from('hi')]) {
    await t.rejects(n.drafts.save(n.friend, bad as string), { code: 'INVALID_ARGUMENT', message: /must be a string/ });
    await t.rejects(n.drafts.update(id, bad as string), { code: 'INVALID_ARGUMENT' });
  }
  await t.rejects(n.drafts.save(NOBODY, 'hello'), { code: 'UNKNOWN_CONTACT' });
  t.throws(() => n.drafts.list(NOBODY), { code: 'UNKNOWN_CONTACT' });
  t.throws(() => n.drafts.get(NO_DRAFT), { code: 'NOT_FOUND', message: /draft f{32} not found/ });
  await t.rejects(n.drafts.update(NO_DRAFT, 'x'), { code: 'NOT_FOUND' });
  await t.rejects(n.drafts.discard(NO_DRAFT), { code: 'NOT_FOUND' });
  await t.rejects(n.drafts.sendDraft(NO_DRAFT), { code: 'NOT_FOUND' });
  t.same(n.drafts.list().map((d) => d.text), ['keep me'], 'nothing changed');
  t.same(n.events, [`changed ${id} "keep me"`], 'no events for refused calls');
});

t.test('a draft id is never one already stored', async (t) => {
  const n = await start(t);
  // The same seed twice gives the same first id; the second draft must get another.
  const a = createDrafts({ store: n.store, clock: n.clock, random: seededRandom(99), send: n.messenger.send });
  const b = createDrafts({ store: n.store, clock: n.clock, random: seededRandom(99), send: n.messenger.send });
  const first = await a.save(n.friend, 'one');
  const second = await b.save(n.friend, 'two');
  t.not(first, second);
  t.same(n.drafts.list().map((d) => d.text).sort(), ['one', 'two']);
});
