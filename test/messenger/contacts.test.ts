/**
 * Trust levels, in-person verification and pending contacts, on real
 * messengers with real LMDB stores.
 */
import t from 'tap';
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateKeyPair, keyIdHex } from '../../daemon/crypto/keys.js';
import { systemRandom } from '../../daemon/util/random.js';
import { contactInfo, isVerified, MAX_PENDING_CONTACTS, trustOf } from '../../daemon/messenger/contact-book.js';
import type { ContactInfo, ContactToImport } from '../../daemon/messenger/api.js';
import type { ContactRecord } from '../../daemon/store/records.js';
import { startCoreNode } from '../fixtures/core-node.js';
import { idOf, keyOf, linkPeer, nodes, write } from './fixtures/trio.js';

const someone = (name = 'Someone'): ContactToImport => ({ userKey: generateKeyPair(systemRandom).publicKey, displayName: name });

t.test('nearby, added and verified are told apart everywhere', async (t) => {
  const [a, b] = await nodes(t, 2);
  a.messenger.peerUp(linkPeer(b));
  t.match(a.messenger.neighbours(), [{ id: idOf(b), trust: 'nearby', isContact: false }]);
  const changed: ContactInfo[] = [];
  a.messenger.on('contactChanged', (c) => changed.push(c));
  const added = await a.messenger.addContact(idOf(b));
  t.match(added, { trust: 'added', verified: false, verifiedMs: 0, failedChecks: 0, origin: '' });
  t.match(a.messenger.neighbours(), [{ trust: 'added', isContact: true }]);
  const code = await a.messenger.verificationCode(idOf(b));
  b.messenger.peerUp(linkPeer(a));
  await b.messenger.addContact(idOf(a));
  t.equal(code, await b.messenger.verificationCode(idOf(a)), 'both sides compute the same code');
  const v = await a.messenger.confirmVerification(idOf(b), true);
  t.match(v, { trust: 'verified', verified: true });
  t.ok(v.verifiedMs > 0);
  t.match(a.messenger.contacts(), [{ id: idOf(b), trust: 'verified' }]);
  t.match(a.messenger.neighbours(), [{ trust: 'verified' }]);
  t.same(changed.map((c) => c.trust), ['added', 'verified'], 'each change is announced once');
  // B has not confirmed anything: verification is per side.
  t.match(b.messenger.contacts(), [{ id: idOf(a), trust: 'added' }]);
});

t.test('codes that differ are recorded, announced and never verify', async (t) => {
  const [a, b] = await nodes(t, 2);
  a.messenger.peerUp(linkPeer(b));
  await a.messenger.addContact(idOf(b));
  await a.messenger.confirmVerification(idOf(b), true);
  const failed: ContactInfo[] = [];
  a.messenger.on('verificationFailed', (c) => failed.push(c));
  const after = await a.messenger.confirmVerification(idOf(b), false);
  t.match(after, { trust: 'added', verified: false, failedChecks: 1 }, 'a mismatch also undoes an earlier verification');
  t.equal(failed.length, 1);
  t.equal(a.messenger.counters()['contacts.verification_failed'], 1);
  const again = await a.messenger.confirmVerification(idOf(b), false);
  t.equal(again.failedChecks, 2);
});

t.test('a verification counts only for the keys that were compared', async (t) => {
  const me = generateKeyPair(systemRandom).publicKey;
  const them = generateKeyPair(systemRandom).publicKey;
  const other = generateKeyPair(systemRandom).publicKey;
  const rec: ContactRecord = { id: keyIdHex(them), userKey: them, displayName: 'B', addedMs: 1, verified: { mine: me, theirs: them, atMs: 5 } };
  t.equal(trustOf(rec, me), 'verified');
  t.equal(trustOf({ ...rec, userKey: other }, me), 'added', 'their key changed: no longer verified');
  t.equal(trustOf(rec, other), 'added', 'my key changed (another identity restored here): no longer verified');
  t.equal(trustOf({ ...rec, pending: true }, me), 'pending', 'pending wins until confirmed');
  t.notOk(isVerified({ ...rec, verified: undefined } as unknown as ContactRecord, me));
  t.match(contactInfo({ ...rec, userKey: other }, me), { trust: 'added', verified: false, verifiedMs: 0 });
});

t.test('verification needs a contact; bad input is refused and changes nothing', async (t) => {
  const [a, b] = await nodes(t, 2);
  a.messenger.peerUp(linkPeer(b));
  await t.rejects(a.messenger.verificationCode(idOf(b)), { code: 'UNKNOWN_CONTACT' }, 'a neighbour is added first');
  await t.rejects(a.messenger.confirmVerification(idOf(b), true), { code: 'UNKNOWN_CONTACT' });
  await a.messenger.addContact(idOf(b));
  for (const bad of ['', 'xyz', 'g'.repeat(16), 42, null, undefined, 'ab'.repeat(9)]) {
    await t.rejects(a.messenger.verificationCode(bad as string), { code: 'INVALID_ARGUMENT' }, `id ${String(bad)}`);
    await t.rejects(a.messenger.confirmVerification(bad as string, true), { code: 'INVALID_ARGUMENT' });
  }
  for (const bad of ['yes', 1, null, undefined]) {
    await t.rejects(a.messenger.confirmVerification(idOf(b), bad as unknown as boolean), { code: 'INVALID_ARGUMENT' });
  }
  t.match(a.messenger.contacts(), [{ trust: 'added', failedChecks: 0 }], 'nothing changed');
});

t.test('contacts made elsewhere are pending until their owner confirms them here', async (t) => {
  const [a, b] = await nodes(t, 2);
  const changed: ContactInfo[] = [];
  a.messenger.on('contactChanged', (c) => changed.push(c));
  const friend = someone('Friend');
  // Whatever the other laptop claimed, only the key and name are taken.
  const claimed = { ...friend, verified: true, trust: 'verified' } as ContactToImport;
  const r = await a.messenger.importContacts([claimed, { userKey: keyOf(b), displayName: 'Bongani' }], 'backup');
  t.same(r.known, []);
  t.equal(r.pending.length, 2);
  t.same(a.messenger.contacts(), [], 'nothing pending is in the buddy list');
  t.match(a.messenger.pendingContacts().map((c) => c.trust), ['pending', 'pending']);
  t.match(a.messenger.pendingContacts().find((c) => c.id === idOf(b)), { trust: 'pending', origin: 'backup', verified: false });
  await t.rejects(a.messenger.send(idOf(b), 'hi'), { code: 'UNKNOWN_CONTACT' }, 'a pending contact cannot be written to');
  // Neighbour lists say pending, not contact.
  a.messenger.peerUp(linkPeer(b));
  t.match(a.messenger.neighbours(), [{ id: idOf(b), trust: 'pending', isContact: false }]);
  const confirmed = await a.messenger.confirmPending(idOf(b));
  t.match(confirmed, { trust: 'added', origin: '' });
  t.same(a.messenger.contacts().map((c) => c.id), [idOf(b)]);
  t.equal(a.messenger.pendingContacts().length, 1);
  await t.rejects(a.messenger.confirmPending(idOf(b)), { code: 'NOT_FOUND' }, 'only pending contacts are confirmed');
  t.same(changed.map((c) => c.trust), ['pending', 'pending', 'added']);
  // Importing a known contact again leaves it as it is.
  const again = await a.messenger.importContacts([{ userKey: keyOf(b), displayName: 'Someone else' }], 'another laptop');
  t.same(again, { pending: [], known: [idOf(b)] });
  t.match(a.messenger.contacts(), [{ id: idOf(b), trust: 'added' }]);
  // Verifying a pending contact in person also confirms it.
  const fid = keyIdHex(friend.userKey);
  const v = await a.messenger.confirmVerification(fid, true);
  t.match(v, { trust: 'verified' });
  t.same(a.messenger.pendingContacts(), []);
});

t.test('an import with a bad entry is refused whole', async (t) => {
  const [a] = await nodes(t, 1);
  const good = someone();
  const smallOrder = Uint8Array.from(Buffer.from('0100000000000000000000000000000000000000000000000000000000000000', 'hex'));
  const notOnCurve = new Uint8Array(32).fill(0xff);
  const cases: [string, unknown, unknown][] = [
    ['not a list', 'contacts', 'x'],
    ['null entry', [good, null], 'x'],
    ['short key', [good, { userKey: new Uint8Array(31), displayName: 'x' }], 'x'],
    ['key as text', [{ userKey: 'k'.repeat(32), displayName: 'x' }], 'x'],
    ['small-order key', [{ userKey: smallOrder, displayName: 'x' }], 'x'],
    ['not a point', [{ userKey: notOnCurve, displayName: 'x' }], 'x'],
    ['own key', [{ userKey: keyOf(a), displayName: 'me' }], 'x'],
    ['name with a newline', [{ ...good, displayName: 'a\nb' }], 'x'],
    ['name too long', [{ ...good, displayName: 'x'.repeat(65) }], 'x'],
    ['origin not text', [good], 7],
    ['origin too long', [good], 'o'.repeat(65)],
    ['origin with control characters', [good], 'usb\u0000stick'],
    ['too many', Array.from({ length: MAX_PENDING_CONTACTS + 1 }, () => good), 'x'],
  ];
  for (const [what, list, origin] of cases) {
    await t.rejects(a.messenger.importContacts(list as ContactToImport[], origin as string), { code: 'INVALID_ARGUMENT' }, what);
  }
  t.same(a.messenger.pendingContacts(), [], 'nothing was imported');
  t.ok(ed25519.Point.fromBytes(smallOrder).isSmallOrder(), 'the small-order key really is one');
});

t.test('pending contacts are bounded', async (t) => {
  const [a] = await nodes(t, 1);
  const batch = (): ContactToImport[] => Array.from({ length: MAX_PENDING_CONTACTS / 2 }, () => someone());
  await a.messenger.importContacts(batch(), 'one');
  await a.messenger.importContacts(batch(), 'two');
  await t.rejects(a.messenger.importContacts([someone()], 'three'), { code: 'STORE_FULL' });
  t.equal(a.messenger.pendingContacts().length, MAX_PENDING_CONTACTS);
});

t.test('trust, pending contacts and failed checks survive a restart', async (t) => {
  const [b] = await nodes(t, 1);
  const a = await startCoreNode();
  t.teardown(async () => { await a.stop().catch(() => undefined); });
  await write(a, b, 'hello');
  await a.messenger.confirmVerification(idOf(b), true);
  const f = someone('Faraway');
  await a.messenger.importContacts([f], 'backup');
  await a.stop();
  const again = await startCoreNode(a.dir);
  t.teardown(async () => { await again.stop(); });
  t.match(again.messenger.contacts(), [{ id: idOf(b), trust: 'verified' }]);
  t.match(again.messenger.pendingContacts(), [{ id: keyIdHex(f.userKey), trust: 'pending', origin: 'backup' }]);
});
