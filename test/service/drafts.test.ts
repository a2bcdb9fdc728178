/**
 * org.satchel.Satchel1.Drafts from clients nobody here wrote (dbus-python,
 * busctl, dbus-send): methods with their wire types, signals, named errors,
 * and, with the real messenger and store behind the service, a sent draft
 * as an ordinary message in the outbox and drafts kept across a restart.
 */
import t, { type Test } from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKeyPair, keyIdHex } from '../../daemon/crypto/keys.js';
import { MAX_TEXT_BYTES } from '../../daemon/messenger/api.js';
import { createDrafts, DEFAULT_MAX_DRAFTS, type DraftsApi } from '../../daemon/messenger/drafts.js';
import { createMessenger } from '../../daemon/messenger/messenger.js';
import { connectBus } from '../../daemon/service/bus.js';
import { startPrivateBus } from '../../daemon/service/private-bus.js';
import { createService } from '../../daemon/service/service.js';
import { openStore } from '../../daemon/store/store.js';
import { ManualClock } from '../../daemon/util/clock.js';
import { createCounters } from '../../daemon/util/counters.js';
import { seededRandom } from '../../daemon/util/random.js';
import { busctl, busctlCall, dbusSend, NAME, PATH, pyCall, pyListen, PYTHON, run } from './fixtures/clients.js';
import { ALICE, BOB, CAROL, NEVER_SEEN } from './fixtures/fake-messenger.js';
import { captureLogger, startHarness, tempDir, VERSION } from './fixtures/harness.js';

const DR = 'org.satchel.Satchel1.Drafts';
const MS = 'org.satchel.Satchel1.Messages';
const E = 'org.satchel.Satchel1.Error.';
const NO_DRAFT = 'f'.repeat(32);
const HEX32 = /^[0-9a-f]{32}$/;

t.test('SaveDraft, ListDrafts, UpdateDraft, DiscardDraft and SendDraft from python', async (t) => {
  const h = await startHarness(t);
  const t0 = h.clock.now();
  const a = await pyCall(h.address, DR, 'SaveDraft', [ALICE.toUpperCase(), 'ñandú 🦤']);
  t.match(a.ok, HEX32);
  t.equal(a.types, 'String');
  h.clock.advance(1_000);
  const b = await pyCall(h.address, DR, 'SaveDraft', [BOB, '']);
  t.match(b.ok, HEX32, 'an empty draft may be saved');

  const all = await pyCall(h.address, DR, 'ListDrafts', ['']);
  t.same(all.ok, [
    { id: a.ok, contact_id: ALICE, text: 'ñandú 🦤', created_ms: t0, updated_ms: t0 },
    { id: b.ok, contact_id: BOB, text: '', created_ms: t0 + 1_000, updated_ms: t0 + 1_000 },
  ], '"" lists everyone\'s, oldest first');
  t.same((all.types as unknown[])[0], { id: 'String', contact_id: 'String', text: 'String', created_ms: 'Int64', updated_ms: 'Int64' });
  t.same((await pyCall(h.address, DR, 'ListDrafts', [BOB])).ok, [(all.ok as unknown[])[1]], 'one contact\'s');
  t.same((await pyCall(h.address, DR, 'ListDrafts', [ALICE])).ok, [(all.ok as unknown[])[0]]);

  h.clock.advance(2_000);
  const upd = await pyCall(h.address, DR, 'UpdateDraft', [b.ok, 'now with words']);
  t.equal(upd.ok, null, 'no return value');
  t.same(h.drafts.get(b.ok as string), { id: b.ok, contactId: BOB, text: 'now with words', createdMs: t0 + 1_000, updatedMs: t0 + 3_000 });

  const sent = await pyCall(h.address, DR, 'SendDraft', [(b.ok as string).toUpperCase()]);
  t.match(sent.ok, HEX32);
  t.same(h.messenger.calls.filter((c) => c.method === 'send'), [{ method: 'send', args: [BOB, 'now with words'] }], 'sent through the messenger\'s Send');
  t.match(h.messenger.messageList.at(-1), { id: sent.ok, contactId: BOB, text: 'now with words', state: 'waiting' });

  const gone = await pyCall(h.address, DR, 'DiscardDraft', [a.ok]);
  t.equal(gone.ok, null);
  t.same((await pyCall(h.address, DR, 'ListDrafts', [''])).ok, [], 'nothing left');
});

t.test('busctl sees the exact wire types', async (t) => {
  const h = await startHarness(t);
  const saved = await busctlCall(h.address, DR, 'SaveDraft', 'ss', ALICE, 'from busctl');
  t.equal(saved.json?.type, 's');
  const list = await busctlCall(h.address, DR, 'ListDrafts', 's', '');
  t.equal(list.json?.type, 'aa{sv}');
  t.match((list.json?.data[0] as unknown[])[0], {
    id: { type: 's', data: saved.json?.data[0] }, contact_id: { type: 's', data: ALICE }, text: { type: 's', data: 'from busctl' },
    created_ms: { type: 'x', data: h.clock.now() }, updated_ms: { type: 'x', data: h.clock.now() },
  });
  const upd = await busctlCall(h.address, DR, 'UpdateDraft', 'ss', saved.json?.data[0] as string, 'changed');
  t.equal(upd.run.code, 0, upd.run.stderr);
  const sent = await busctlCall(h.address, DR, 'SendDraft', 's', saved.json?.data[0] as string);
  t.equal(sent.json?.type, 's');
  t.match(sent.json?.data[0], HEX32);
});

t.test('DraftChanged and DraftRemoved reach python', async (t) => {
  const h = await startHarness(t);
  const listener = await pyListen(h.address, 5);
  const a = (await pyCall(h.address, DR, 'SaveDraft', [ALICE, 'v1'])).ok as string;
  h.clock.advance(500);
  await pyCall(h.address, DR, 'UpdateDraft', [a, 'v2 🎒']);
  const sent = (await pyCall(h.address, DR, 'SendDraft', [a])).ok as string;
  const b = await h.drafts.save(BOB, 'not this one');
  await h.drafts.discard(b);
  const got = await listener.signals;
  t.same(got.map((s) => `${s.interface}.${s.member}`), [
    `${DR}.DraftChanged`, `${DR}.DraftChanged`, `${DR}.DraftRemoved`, `${DR}.DraftChanged`, `${DR}.DraftRemoved`,
  ]);
  const t0 = h.clock.now() - 500;
  t.same(got[0]?.args, [{ id: a, contact_id: ALICE, text: 'v1', created_ms: t0, updated_ms: t0 }]);
  t.match(got[0]?.types, [{ created_ms: 'Int64', text: 'String' }]);
  t.same(got[1]?.args, [{ id: a, contact_id: ALICE, text: 'v2 🎒', created_ms: t0, updated_ms: t0 + 500 }]);
  t.same(got[2]?.args, [a, ALICE, sent], 'the message the draft became');
  t.same(got[2]?.types, ['String', 'String', 'String']);
  t.match(got[3]?.args, [{ id: b, contact_id: BOB, text: 'not this one' }]);
  t.same(got[4]?.args, [b, BOB, ''], 'a discard names no message');
});

t.test('refusals arrive as named errors and change nothing', async (t) => {
  const h = await startHarness(t);
  const empty = await h.drafts.save(ALICE, '');
  const cases: [string, unknown[], string, RegExp][] = [
    ['SaveDraft', [NEVER_SEEN, 'hi'], 'UnknownContact', new RegExp(NEVER_SEEN)],
    ['SaveDraft', [CAROL, 'hi'], 'UnknownContact', /no contact/],
    ['SaveDraft', [ALICE, 'x'.repeat(MAX_TEXT_BYTES + 1)], 'BodyTooLarge', /4097 bytes; the limit is 4096/],
    ['SaveDraft', [ALICE, 'é'.repeat(MAX_TEXT_BYTES / 2 + 1)], 'BodyTooLarge', /4098 bytes/],
    ['ListDrafts', [NEVER_SEEN], 'UnknownContact', /no contact/],
    ['UpdateDraft', [NO_DRAFT, 'x'], 'NotFound', /draft f{32} not found/],
    ['UpdateDraft', [empty, 'x'.repeat(MAX_TEXT_BYTES + 1)], 'BodyTooLarge', /4097 bytes/],
    ['DiscardDraft', [NO_DRAFT], 'NotFound', /not found/],
    ['SendDraft', [NO_DRAFT], 'NotFound', /not found/],
    ['SendDraft', [empty], 'EmptyBody', /empty/],
    ['SaveDraft', ['not-an-id', 'hi'], 'InvalidArgument', /^contact_id must be 16 hex digits; got "not-an-id"$/],
    ['ListDrafts', ['g'.repeat(16)], 'InvalidArgument', /^contact_id must be 16 hex digits/],
    ['UpdateDraft', [ALICE, 'x'], 'InvalidArgument', /^draft_id must be 32 hex digits/],
    ['DiscardDraft', ['x'.repeat(5000)], 'InvalidArgument', /^draft_id must be 32 hex digits; got "x{40}\.\.\."$/],
    ['SendDraft', [''], 'InvalidArgument', /^draft_id must be 32 hex digits; got ""$/],
  ];
  for (const [method, args, name, message] of cases) {
    const r = await pyCall(h.address, DR, method, args);
    t.equal(r.error, E + name, `${method}(${JSON.stringify(args).slice(0, 60)}) -> ${name}`);
    t.match(r.message, message);
  }
  t.same(h.drafts.list(), [{ ...h.drafts.get(empty) }], 'only the one draft, unchanged');
  t.equal(h.drafts.get(empty).text, '');
  const viaSend = await dbusSend(h.address, `${DR}.SendDraft`, `string:${NO_DRAFT}`);
  t.match(viaSend.stderr, `Error ${E}NotFound: draft ${NO_DRAFT} not found`);
});

t.test('StoreFull once the most drafts are kept', async (t) => {
  const h = await startHarness(t);
  for (let i = 0; i < DEFAULT_MAX_DRAFTS; i++) await h.drafts.save(ALICE, `draft ${i}`);
  const r = await pyCall(h.address, DR, 'SaveDraft', [ALICE, 'one too many']);
  t.equal(r.error, `${E}StoreFull`);
  t.match(r.message, `${DEFAULT_MAX_DRAFTS} drafts are saved`);
  t.equal(h.drafts.list().length, DEFAULT_MAX_DRAFTS);
});

t.test('wrong argument types and counts get InvalidArgument, not UnknownMethod', async (t) => {
  const h = await startHarness(t);
  const explicit = await pyCall(h.address, DR, 'SaveDraft', [1, 2], '--signature', 'ii');
  t.equal(explicit.error, E + 'InvalidArgument');
  t.equal(explicit.message, `${DR}.SaveDraft takes arguments (ss) [contact_id: s, text: s]; got (ii)`);
  const list = await pyCall(h.address, DR, 'ListDrafts', [], '--signature', '');
  t.equal(list.error, E + 'InvalidArgument', 'ListDrafts needs its contact_id, even if ""');
  t.equal(list.message, `${DR}.ListDrafts takes arguments (s) [contact_id: s]; got ()`);
  const bc = await busctl(h.address, 'call', NAME, PATH, DR, 'SendDraft', 'u', '7');
  t.not(bc.code, 0);
  t.match(bc.stderr, `${DR}.SendDraft takes arguments (s) [draft_id: s]; got (u)`);
  const ds = await dbusSend(h.address, `${DR}.UpdateDraft`, `string:${NO_DRAFT}`);
  t.match(ds.stderr, `Error ${E}InvalidArgument: ${DR}.UpdateDraft takes arguments (ss) [draft_id: s, text: s]; got (s)`);
  const many = await busctl(h.address, 'call', NAME, PATH, DR, 'DiscardDraft', 'ss', NO_DRAFT, 'x');
  t.match(many.stderr, `${DR}.DiscardDraft takes arguments (s) [draft_id: s]; got (ss)`);
  t.same(h.drafts.list(), [], 'nothing was saved');
});

t.test('close() stops forwarding draft events', async (t) => {
  const h = await startHarness(t);
  const subscribed = new Set<unknown>();
  const counting: DraftsApi = {
    ...h.drafts,
    on: (e, fn) => { subscribed.add(fn); h.drafts.on(e, fn); },
    off: (e, fn) => { subscribed.delete(fn); h.drafts.off(e, fn); },
  };
  const conn = await connectBus(h.address, { logger: h.logger, stateDir: h.dir });
  t.teardown(() => conn.close());
  await h.service.close();
  const service = createService({ bus: conn, messenger: h.messenger, drafts: counting, logger: h.logger, version: VERSION, startedMs: 0 });
  await service.start();
  t.equal(subscribed.size, 2, 'one listener per draft event');
  await service.close();
  t.equal(subscribed.size, 0);
});

/** The real messenger and drafts on a real store behind the service, as in satcheld. */
async function startReal(t: Test, dir: string, address: string, clock: ManualClock) {
  const { logger } = captureLogger();
  const store = openStore({ path: join(dir, 'state') });
  const random = seededRandom(clock.now() % 100_000);
  const messenger = createMessenger({ store, clock, random, logger, counters: createCounters() });
  const drafts = createDrafts({ store, clock, random, send: (c, text) => messenger.send(c, text) });
  const conn = await connectBus(address, { logger, stateDir: dir });
  const service = createService({ bus: conn, messenger, drafts, logger, version: VERSION, startedMs: clock.now(), clock });
  await service.start();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await service.close();
    await conn.close();
    await store.close();
  };
  t.teardown(stop);
  return { store, messenger, stop };
}

t.test('with the real messenger: a sent draft is a waiting message; drafts outlive a restart', async (t) => {
  const dir = await tempDir(t);
  const { logger } = captureLogger();
  const priv = await startPrivateBus(join(dir, 'bus'), { logger });
  t.teardown(() => priv.stop());
  const clock = new ManualClock();
  const first = await startReal(t, dir, priv.address, clock);
  const key = generateKeyPair(seededRandom(5)).publicKey;
  const friend = keyIdHex(key);
  first.store.transact(() => first.store.contacts.put(friend, { id: friend, userKey: key, displayName: 'Bilal', addedMs: clock.now() }));

  const kept = (await pyCall(priv.address, DR, 'SaveDraft', [friend, 'for after the restart'])).ok as string;
  clock.advance(1_000);
  const toSend = (await pyCall(priv.address, DR, 'SaveDraft', [friend, 'see you at the well'])).ok as string;
  const messageId = (await pyCall(priv.address, DR, 'SendDraft', [toSend])).ok as string;
  t.match(messageId, HEX32);
  const outbox = await pyCall(priv.address, MS, 'ListOutbox', []);
  t.match(outbox.ok, [{ id: messageId, contact_id: friend, display_name: 'Bilal', kind: 'text', state: 'waiting' }]);
  const msgs = await pyCall(priv.address, MS, 'ListMessages', [friend, 0]);
  t.match(msgs.ok, [{ id: messageId, direction: 'out', text: 'see you at the well', state: 'waiting' }]);
  const trace = await pyCall(priv.address, MS, 'Trace', [messageId]);
  t.match(trace.ok, [{ time_ms: clock.now(), event: 'queued', detail: `sealed for ${friend}` }]);
  t.equal((trace.ok as unknown[]).length, 1);
  const left = await pyCall(priv.address, DR, 'ListDrafts', ['']);
  t.match(left.ok, [{ id: kept, text: 'for after the restart' }]);
  t.equal((left.ok as unknown[]).length, 1);

  await first.stop();
  clock.advance(3_600_000);
  await startReal(t, dir, priv.address, clock);
  const after = await pyCall(priv.address, DR, 'ListDrafts', [friend]);
  t.same(after.ok, left.ok, 'the same draft after a restart');
  const later = (await pyCall(priv.address, DR, 'SendDraft', [kept])).ok as string;
  const outboxAfter = await pyCall(priv.address, MS, 'ListOutbox', []);
  t.same((outboxAfter.ok as { id: string }[]).map((o) => o.id).sort(), [messageId, later].sort(), 'both waiting');
});

t.test('the drafts example in docs/dbus-api.md runs as written', async (t) => {
  const guide = readFileSync(fileURLToPath(new URL('../../docs/dbus-api.md', import.meta.url)), 'utf8');
  const code = /<!-- example: python-drafts -->\n```python\n([\s\S]*?)```/.exec(guide)?.[1];
  if (code === undefined) throw new Error('no python-drafts example in the guide');
  const h = await startHarness(t);
  const script = join(h.dir, 'drafts_example.py');
  writeFileSync(script, code);
  const env = { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: h.address };

  const fresh = await run(PYTHON, [script, ALICE], env);
  t.equal(fresh.code, 0, fresh.stderr);
  t.match(fresh.stdout, /^new draft [0-9a-f]{32}\nsent as message [0-9a-f]{32}\n$/);
  t.match(h.messenger.messageList.at(-1), { contactId: ALICE, text: 'the well is dry, bring water', state: 'waiting' });

  const left = await h.drafts.save(ALICE, 'half a thought');
  const resumed = await run(PYTHON, [script, ALICE], env);
  t.equal(resumed.code, 0, resumed.stderr);
  t.match(resumed.stdout, `found draft ${left}: 'half a thought'\n`);
  t.same(h.drafts.list(), [], 'the draft it picked up was sent');
});
