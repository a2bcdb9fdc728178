/**
 * Use case 8, "know who you are talking to", end to end: real satcheld
 * laptops in network namespaces, a dbus-python activity on each.
 *  - Two children side by side see the same verification code and each
 *    side's contact becomes verified once that child confirms.
 *  - A laptop in the middle (A - M - B, A and B out of range of each other)
 *    can only show each child its own key under the other child's name
 *    (cards are signed by the user and bound to the laptop, so it cannot
 *    show B's key as its own): the two codes differ, the children say so,
 *    and nothing becomes verified.
 *  - A message from someone who is not a contact lands in requests, not the
 *    inbox; ignore, block and accept do what they say.
 *  - A contact planted from elsewhere (an import claiming "verified") is
 *    pending and out of the buddy list until its owner confirms it.
 */
import t from 'tap';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../daemon/store/store.js';
import { keyPairFromSecret, toHex } from '../../daemon/crypto/keys.js';
import { VERIFICATION_CODE_PATTERN } from '../../daemon/messenger/verification-code.js';
import { CONTACTS, type Activity, type Signal } from './fixtures/activity.js';
import { e2eUnavailable, logsOf, twoLaptops, type Laptop } from './fixtures/laptop.js';
import { createLine } from './fixtures/line.js';
import { reachesState, seen, startPair, MEET_WAIT_MS } from './fixtures/pair.js';
import { waitFor } from './fixtures/wait.js';
import { PYTHON } from '../service/fixtures/clients.js';

const IMPORT_SCRIPT = fileURLToPath(new URL('./fixtures/import_contacts.py', import.meta.url));
const run = promisify(execFile);

interface Contact { id: string; display_name: string; trust: string; verified: boolean; failed_checks: number; origin: string }
interface Request { id: string; trust: string; messages: number; last_text: string }

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

const code = (app: Activity, id: string): Promise<string> => app.ok(CONTACTS, 'GetVerificationCode', id);
const confirm = (app: Activity, id: string, matches: boolean): Promise<Contact> => app.ok(CONTACTS, 'ConfirmVerification', id, matches);
const requests = (app: Activity): Promise<Request[]> => app.ok(CONTACTS, 'ListRequests');
const members = (app: Activity, from: number): string[] => app.signals.slice(from).map((s) => s.member);
const argOf = <T>(s: Signal): T => s.args[0] as T;

t.test('side by side: both screens show the same code and each side becomes verified', async (t) => {
  const p = await startPair(t);
  const { A, B } = p;
  await A.app.addContact(B.me.id);
  await B.app.addContact(A.me.id);
  const [codeA, codeB] = await Promise.all([code(A.app, B.me.id), code(B.app, A.me.id)]);
  t.match(codeA, VERIFICATION_CODE_PATTERN, `A shows ${codeA}`);
  t.equal(codeB, codeA, 'B shows the same digits');

  const fromA = A.app.signals.length;
  const onA = await confirm(A.app, B.me.id, true);
  t.match(onA, { id: B.me.id, trust: 'verified', verified: true });
  t.match(await B.app.contacts(), [{ id: A.me.id, trust: 'added' }], 'verification is per side: B has not confirmed yet');
  const onB = await confirm(B.app, A.me.id, true);
  t.match(onB, { id: A.me.id, trust: 'verified' });
  t.match(await A.app.contacts(), [{ id: B.me.id, trust: 'verified', verified: true }]);
  t.match(await B.app.contacts(), [{ id: A.me.id, trust: 'verified', verified: true }]);
  t.match((await A.app.neighbours()).find((n) => n.id === B.me.id), { trust: 'verified', is_contact: true }, 'the neighbour list says so too');
  const changed = await A.app.waitSignal((s) => s.member === 'ContactChanged' && argOf<Contact>(s).trust === 'verified', 'A: ContactChanged verified', 5_000, fromA);
  t.match(argOf<Contact>(changed), { id: B.me.id });
});

t.test('a laptop in the middle makes the codes differ; the mismatch is reported and nothing is verified', async (t) => {
  const line = await createLine(t, ['A', 'M', 'B']);
  const [a, m, b] = line.laptops as [Laptop, Laptop, Laptop];
  const [appA, appM, appB] = await Promise.all([a.activity(t), m.activity(t), b.activity(t)]);
  await Promise.all([line.up(0), line.up(1)]);
  await Promise.all([a.start(), m.start(), b.start()]);
  const [meA, meM, meB] = await Promise.all([appA.identity(), appM.identity(), appB.identity()]);
  const logs = (): string => logsOf(a, m, b);
  await appA.setDisplayName('Amira');
  await appB.setDisplayName('Bongani');
  // M poses as Bongani to Amira, then as Amira to Bongani.
  await appM.setDisplayName('Bongani');
  const fake = await waitFor(async () => (await appA.neighbours()).find((n) => n.display_name === 'Bongani'),
    'A to see "Bongani" (M)', MEET_WAIT_MS, logs);
  t.equal(fake.id, meM.id, 'the "Bongani" next to A is M\'s own key: its card cannot carry B\'s key');
  t.notOk((await appA.neighbours()).some((n) => n.id === meB.id), 'the real B is out of A\'s range');
  await appA.addContact(fake.id);
  await appM.setDisplayName('Amira');
  const fake2 = await waitFor(async () => (await appB.neighbours()).find((n) => n.display_name === 'Amira'),
    'B to see "Amira" (M)', MEET_WAIT_MS, logs);
  t.equal(fake2.id, meM.id);
  await appB.addContact(fake2.id);

  const [codeA, codeB] = await Promise.all([code(appA, meM.id), code(appB, meM.id)]);
  t.match(codeA, VERIFICATION_CODE_PATTERN);
  t.match(codeB, VERIFICATION_CODE_PATTERN);
  t.not(codeA, codeB, `Amira sees ${codeA}, Bongani sees ${codeB}: they differ`);

  // Side by side, the children say "they differ", each on their own laptop.
  const [fromA, fromB] = [appA.signals.length, appB.signals.length];
  const [onA, onB] = await Promise.all([confirm(appA, meM.id, false), confirm(appB, meM.id, false)]);
  t.match(onA, { id: meM.id, trust: 'added', verified: false, failed_checks: 1 });
  t.match(onB, { id: meM.id, trust: 'added', verified: false, failed_checks: 1 });
  for (const [app, from, me] of [[appA, fromA, meA], [appB, fromB, meB]] as const) {
    const s = await app.waitSignal((x) => x.member === 'VerificationFailed', `${app.label}: VerificationFailed`, 5_000, from);
    t.match(argOf<Contact>(s), { id: meM.id, trust: 'added' }, `${me.display_name}'s activity is told`);
    t.notOk(((await app.contacts()) as unknown as Contact[]).some((c) => c.trust === 'verified'), 'nothing verified');
    t.equal((await app.counters())['contacts.verification_failed'], 1);
  }
  t.ok(a.countLogs(/verification codes differed/) >= 1, 'logged for a technician');
});

t.test('a message from a non-contact is a request; ignore, block and accept', async (t) => {
  const p = await startPair(t);
  const { A, B } = p;
  await A.app.addContact(B.me.id);
  const from0 = B.app.signals.length;
  const first = await A.app.send(B.me.id, 'hi, can we be friends?');
  const req = await B.app.waitSignal((s) => s.member === 'RequestReceived', 'B: RequestReceived', 20_000, from0)
    .catch((e: Error) => { throw new Error(`${e.message}\n${logsOf(p.a, p.b)}`); });
  t.match(argOf<Request>(req), { id: A.me.id, trust: 'nearby', messages: 1, last_text: 'hi, can we be friends?' });
  t.notOk(members(B.app, from0).includes('MessageReceived'), 'not shown as a received message');
  t.same(await B.app.conversations(), [], 'the inbox stays empty');
  t.match(await B.app.ok(CONTACTS, 'ListRequestMessages', A.me.id), [{ id: first, text: 'hi, can we be friends?', request: true }]);
  await reachesState(A, B.me.id, first, 'delivered', 20_000, p.a, p.b);

  // Ignore: gone, with its message.
  await B.app.ok(CONTACTS, 'IgnoreRequest', A.me.id);
  t.same(await requests(B.app), []);
  t.ok(B.app.signals.some((s) => s.member === 'RequestRemoved' && s.args[0] === A.me.id && s.args[1] === 'ignored'));

  // A new message makes a new request; Block drops it and everything after.
  const from1 = B.app.signals.length;
  await A.app.send(B.me.id, 'please?');
  await B.app.waitSignal((s) => s.member === 'RequestReceived', 'B: second RequestReceived', 20_000, from1);
  await B.app.ok(CONTACTS, 'Block', A.me.id);
  t.match(await B.app.ok(CONTACTS, 'ListBlocked'), [{ id: A.me.id }]);
  t.same(await requests(B.app), []);
  const from2 = B.app.signals.length;
  const blockedMsg = await A.app.send(B.me.id, 'you cannot block me');
  await waitFor(async () => ((await B.app.counters())['inbound.blocked'] ?? 0) >= 1, 'B to drop the blocked message', 20_000, () => logsOf(p.a, p.b));
  t.same(members(B.app, from2).filter((m) => m === 'MessageReceived' || m === 'RequestReceived'), [], 'the activity is told nothing');
  t.same(await requests(B.app), []);
  t.same(await B.app.conversations(), []);
  t.ok(B.app.signals.every((s) => JSON.stringify(s.args).indexOf('you cannot block me') < 0), 'the text never crossed the bus');
  // The network is told it arrived (so carriers drop it); A is not told it was blocked.
  t.not((await A.app.messages(B.me.id)).find((m) => m.id === blockedMsg)?.state, 'failed');

  // Unblock, then accept: the sender becomes a contact and the message moves to the inbox.
  await B.app.ok(CONTACTS, 'Unblock', A.me.id);
  const from3 = B.app.signals.length;
  await A.app.send(B.me.id, 'sorry, hello again');
  await B.app.waitSignal((s) => s.member === 'RequestReceived', 'B: RequestReceived after unblock', 20_000, from3);
  const accepted = await B.app.ok<Contact>(CONTACTS, 'AcceptRequest', A.me.id);
  t.match(accepted, { id: A.me.id, trust: 'added' });
  t.same(await requests(B.app), []);
  t.match(await B.app.conversations(), [{ contact_id: A.me.id, last_text: 'sorry, hello again', total: 1 }]);
  t.notOk(JSON.stringify(await B.app.messages(A.me.id)).includes('"request"'), 'no longer marked as a request');
  const from4 = B.app.signals.length;
  await A.app.send(B.me.id, 'friends now');
  const got = await B.app.waitSignal((s) => s.member === 'MessageReceived', 'B: MessageReceived from a contact', 20_000, from4);
  t.match(got.args[0], { contact_id: A.me.id, text: 'friends now' });
});

t.test('a contact planted from elsewhere is pending, out of the buddy list, until confirmed', async (t) => {
  const room = await twoLaptops(t);
  // B's key, as another laptop or a backup would hold it.
  await room.b.start();
  await room.b.stop();
  const store = openStore({ path: room.b.stateDir, readOnly: true });
  const bKey = keyPairFromSecret(new Uint8Array(store.meta.get('userSecret') as Uint8Array)).publicKey;
  await store.close();
  const [appA, appB] = await Promise.all([room.a.activity(t), room.b.activity(t)]);
  await Promise.all([room.a.start(), room.b.start()]);
  const [meA, meB] = await Promise.all([appA.identity(), appB.identity()]);

  const { stdout } = await run(PYTHON, [IMPORT_SCRIPT, room.a.address, 'usb stick', `${toHex(bKey)}:Bongani`]);
  t.same(JSON.parse(stdout), { pending: [meB.id], known: [] });
  t.same(await appA.contacts(), [], 'not in the buddy list');
  t.match(await appA.ok(CONTACTS, 'ListPending'), [{ id: meB.id, trust: 'pending', verified: false, origin: 'usb stick' }],
    'the claimed "verified" from elsewhere counts for nothing');
  const sideA = { laptop: room.a, app: appA, me: meA };
  const sideB = { laptop: room.b, app: appB, me: meB };
  t.match(await seen(sideA, meB.id, room.a, room.b), { trust: 'pending', is_contact: false });
  t.match(await appA.call('org.satchel.Satchel1.Messages', 'Send', [meB.id, 'hi']), { error: 'org.satchel.Satchel1.Error.UnknownContact' });

  // B writes: it is held as a request marked pending, not shown as a message from a contact.
  await seen(sideB, meA.id, room.a, room.b);
  await appB.addContact(meA.id);
  const from = appA.signals.length;
  await appB.send(meA.id, 'it is really me');
  const r = await appA.waitSignal((s) => s.member === 'RequestReceived', 'A: RequestReceived', 20_000, from);
  t.match(argOf<Request>(r), { id: meB.id, trust: 'pending' });
  t.same(await appA.conversations(), []);

  const c = await appA.ok<Contact>(CONTACTS, 'ConfirmPending', meB.id);
  t.match(c, { id: meB.id, trust: 'added', origin: '' });
  t.match(await appA.contacts(), [{ id: meB.id, trust: 'added' }]);
  t.same(await appA.ok(CONTACTS, 'ListPending'), []);
  t.match(await appA.conversations(), [{ contact_id: meB.id, last_text: 'it is really me' }], 'its message moved to the inbox');
  const bad = await run(PYTHON, [IMPORT_SCRIPT, room.a.address, 'usb stick', `${'00'.repeat(31)}01:x`]);
  t.match(JSON.parse(bad.stdout), { error: 'org.satchel.Satchel1.Error.InvalidArgument' }, 'a bad key is refused with a named error');
  t.same(await appA.ok(CONTACTS, 'ListPending'), [], 'and nothing was imported');
});
