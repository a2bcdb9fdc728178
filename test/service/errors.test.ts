/**
 * Failures reach callers as org.satchel.Satchel1.Error.* with our message,
 * from clients nobody here wrote. busctl prints only the message, so the
 * error NAME is checked from dbus-python, dbus-send and gdbus.
 */
import t from 'tap';
import { MAX_TEXT_BYTES } from '../../daemon/messenger/api.js';
import { busctl, dbusSend, gdbusCall, NAME, PATH, pyCall } from './fixtures/clients.js';
import { ALICE, NEVER_SEEN } from './fixtures/fake-messenger.js';
import { startHarness } from './fixtures/harness.js';

const ID = 'org.satchel.Satchel1.Identity';
const CO = 'org.satchel.Satchel1.Contacts';
const MS = 'org.satchel.Satchel1.Messages';
const E = 'org.satchel.Satchel1.Error.';

t.test('messenger errors keep their name and message', async (t) => {
  const h = await startHarness(t);
  const cases: [string, string, unknown[], string, RegExp][] = [
    [MS, 'Send', [NEVER_SEEN, 'hi'], 'UnknownContact', new RegExp(NEVER_SEEN)],
    [CO, 'AddContact', [NEVER_SEEN], 'UnknownContact', /no contact/],
    [MS, 'ListMessages', [NEVER_SEEN, 0], 'UnknownContact', /no contact/],
    [MS, 'Send', [ALICE, ''], 'EmptyBody', /empty/],
    [MS, 'Send', [ALICE, 'x'.repeat(MAX_TEXT_BYTES + 1)], 'BodyTooLarge', /4097 bytes; the limit is 4096/],
    [MS, 'Send', [ALICE, 'é'.repeat(MAX_TEXT_BYTES / 2 + 1)], 'BodyTooLarge', /4098 bytes/],
    [MS, 'MarkRead', [['f'.repeat(32)]], 'NotFound', /not found/],
    [ID, 'SetDisplayName', [''], 'InvalidArgument', /display name/],
  ];
  for (const [iface, method, args, name, message] of cases) {
    const r = await pyCall(h.address, iface, method, args);
    t.equal(r.error, E + name, `${method} -> ${name}`);
    t.match(r.message, message);
  }
  const viaBusctl = await busctl(h.address, 'call', NAME, PATH, MS, 'Send', 'ss', ALICE, '');
  t.not(viaBusctl.code, 0);
  t.match(viaBusctl.stderr, /message body is empty/);
  const viaSend = await dbusSend(h.address, `${MS}.Send`, `string:${NEVER_SEEN}`, 'string:hi');
  t.match(viaSend.stderr, `Error ${E}UnknownContact: no contact with id "${NEVER_SEEN}"`);
});

t.test('wrong argument types get InvalidArgument, not UnknownMethod', async (t) => {
  const h = await startHarness(t);
  const before = h.messenger.calls.length;
  const explicit = await pyCall(h.address, MS, 'Send', [1, 2], '--signature', 'ii');
  t.equal(explicit.error, E + 'InvalidArgument', 'python with signature="ii"');
  t.equal(explicit.message, `${MS}.Send takes arguments (ss) [contact_id: s, text: s]; got (ii)`);
  const guessed = await pyCall(h.address, MS, 'ListMessages', [ALICE, 'ten'], '--no-introspect');
  t.equal(guessed.error, E + 'InvalidArgument', 'python without introspection guesses (ss) for (su)');
  const bc = await busctl(h.address, 'call', NAME, PATH, MS, 'Send', 'ii', '1', '2');
  t.not(bc.code, 0);
  t.match(bc.stderr, `${MS}.Send takes arguments (ss) [contact_id: s, text: s]; got (ii)`, 'busctl shows our message');
  const ds = await dbusSend(h.address, `${MS}.MarkRead`, 'string:' + 'f'.repeat(32));
  t.match(ds.stderr, `Error ${E}InvalidArgument: ${MS}.MarkRead takes arguments (as) [ids: as]; got (s)`);
  t.equal(h.messenger.calls.length, before, 'the messenger never saw a badly typed call');
});

t.test('wrong argument counts get InvalidArgument', async (t) => {
  const h = await startHarness(t);
  const tooFew = await pyCall(h.address, MS, 'Send', [ALICE], '--signature', 's');
  t.equal(tooFew.error, E + 'InvalidArgument');
  t.match(tooFew.message, /got \(s\)$/);
  const none = await busctl(h.address, 'call', NAME, PATH, MS, 'Send');
  t.match(none.stderr, /takes arguments \(ss\) .*; got \(\)/);
  const tooMany = await busctl(h.address, 'call', NAME, PATH, ID, 'GetIdentity', 's', 'x');
  t.match(tooMany.stderr, `${ID}.GetIdentity takes arguments () []; got (s)`);
  const ds = await dbusSend(h.address, `${MS}.Send`, `string:${ALICE}`);
  t.match(ds.stderr, `Error ${E}InvalidArgument`);
  const gd = await gdbusCall(h.address, `${MS}.Send`, ALICE);
  t.match(gd.stderr, `GDBus.Error:${E}InvalidArgument`);
});

t.test('malformed ids get InvalidArgument before the messenger sees them', async (t) => {
  const h = await startHarness(t);
  const before = h.messenger.calls.length;
  const cases: [string, string, unknown[], RegExp][] = [
    [MS, 'Send', ['not-an-id', 'hi'], /contact_id must be 16 hex digits; got "not-an-id"/],
    [MS, 'Send', [ALICE + '0', 'hi'], /contact_id must be 16 hex digits/],
    [CO, 'AddContact', ['123'], /^id must be 16 hex digits/],
    [MS, 'ListMessages', ['g'.repeat(16), 0], /contact_id/],
    [MS, 'MarkRead', [['f'.repeat(32), ALICE]], /ids\[1\] must be 32 hex digits/],
    [MS, 'Send', ['x'.repeat(5000), 'hi'], /got "x{40}\.\.\."$/],
  ];
  for (const [iface, method, args, message] of cases) {
    const r = await pyCall(h.address, iface, method, args);
    t.equal(r.error, E + 'InvalidArgument', method);
    t.match(r.message, message);
  }
  t.equal(h.messenger.calls.length, before);
});

t.test('anything else is Internal, with the details only in our log', async (t) => {
  const h = await startHarness(t);
  h.messenger.breakNext = new TypeError('secret detail at /var/lib/satchel/store');
  const r = await pyCall(h.address, MS, 'ListConversations', []);
  t.equal(r.error, E + 'Internal');
  t.equal(r.message, 'internal error in satcheld; the details are in its log');
  t.notMatch(r.message, /secret|at |\.ts/);
  t.ok(h.logs.some((l) => l.startsWith('error ') && l.includes('secret detail')), 'logged for the technician');

  // A record the wire cannot carry: a fractional timestamp fails while
  // converting, a negative counter only inside dbus-next's marshaller.
  h.messenger.contactList[0] = { ...h.messenger.contactList[0]!, addedMs: 1.5 };
  const bad = await pyCall(h.address, CO, 'ListContacts', []);
  t.equal(bad.error, E + 'Internal');
  h.messenger.counterValues = { 'went.negative': -1 };
  const neg = await pyCall(h.address, 'org.satchel.Satchel1.Daemon', 'GetCounters', []);
  t.equal(neg.error, E + 'Internal');
  t.equal(neg.message, 'internal error in satcheld; the details are in its log');
  const ok = await pyCall(h.address, ID, 'GetIdentity', []);
  t.ok(ok.ok, 'the service carries on');
});

t.test('unknown members on our interfaces stay the standard UnknownMethod', async (t) => {
  const h = await startHarness(t);
  const r = await pyCall(h.address, MS, 'Unsend', [], '--no-introspect');
  t.equal(r.error, 'org.freedesktop.DBus.Error.UnknownMethod');
});
