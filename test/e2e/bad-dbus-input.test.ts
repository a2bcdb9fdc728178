/**
 * Bad input from activities, against the real satcheld: every mistake gets
 * its documented named error (from dbus-python, which shows the name) and a
 * clear message (from busctl, which shows only the message), nothing is
 * stored, and the daemon carries on serving.
 */
import t from 'tap';
import { busctl, NAME, PATH } from '../service/fixtures/clients.js';
import { alive } from '../service/fixtures/harness.js';
import { CONTACTS, ERROR, IDENTITY, MESSAGES, type CallOptions } from './fixtures/activity.js';
import { e2eUnavailable } from './fixtures/laptop.js';
import { reachesState, startPair } from './fixtures/pair.js';

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

/** Well-formed, but nobody this laptop has ever met. */
const STRANGER_ID = '0123456789abcdef';
const UNKNOWN_MESSAGE_ID = 'f'.repeat(32);
const MAX_TEXT_BYTES = 4096;

interface Case {
  what: string;
  iface: string;
  method: string;
  args: unknown[];
  opts?: CallOptions;
  error: string;
  /** busctl's signature and arguments; omitted where busctl cannot say it. */
  busctl?: string[];
  /** What busctl must print. */
  says?: RegExp;
}

t.test('bad calls get named errors, store nothing, and the daemon carries on', async (t) => {
  const p = await startPair(t);
  const { A, B } = p;
  await A.app.addContact(B.me.id);
  const before = { conversations: await A.app.conversations(), messages: await A.app.messages(B.me.id, 0), counters: await A.app.counters() };
  t.same(before.conversations, [], 'nothing stored yet');
  const tooBig = 'x'.repeat(5000);
  // 2049 two-byte characters: under the limit in characters, over it in bytes.
  const tooBigUtf8 = 'é'.repeat(MAX_TEXT_BYTES / 2 + 1);

  const cases: Case[] = [
    { what: 'Send to a well-formed id that is not a contact', iface: MESSAGES, method: 'Send', args: [STRANGER_ID, 'hi'],
      error: 'UnknownContact', busctl: ['ss', STRANGER_ID, 'hi'], says: /no contact with id "0123456789abcdef"/ },
    { what: 'Send with empty text', iface: MESSAGES, method: 'Send', args: [B.me.id, ''],
      error: 'EmptyBody', busctl: ['ss', B.me.id, ''], says: /message body is empty/ },
    { what: 'Send with 5000 bytes of text', iface: MESSAGES, method: 'Send', args: [B.me.id, tooBig],
      error: 'BodyTooLarge', busctl: ['ss', B.me.id, tooBig], says: /message body is 5000 bytes; the limit is 4096/ },
    { what: 'Send with 2049 two-byte characters (4098 bytes)', iface: MESSAGES, method: 'Send', args: [B.me.id, tooBigUtf8],
      error: 'BodyTooLarge', busctl: ['ss', B.me.id, tooBigUtf8], says: /4098 bytes/ },
    { what: 'Send with two integers', iface: MESSAGES, method: 'Send', args: [1, 2], opts: { signature: 'ii' },
      error: 'InvalidArgument', busctl: ['ii', '1', '2'], says: /Send takes arguments \(ss\).*got \(ii\)/ },
    { what: 'Send with one argument', iface: MESSAGES, method: 'Send', args: [B.me.id], opts: { signature: 's' },
      error: 'InvalidArgument', busctl: ['s', B.me.id], says: /got \(s\)/ },
    { what: 'Send to a malformed id', iface: MESSAGES, method: 'Send', args: ['not-an-id', 'hi'],
      error: 'InvalidArgument', busctl: ['ss', 'not-an-id', 'hi'], says: /contact_id must be 16 hex digits/ },
    { what: 'Send to an id one digit short', iface: MESSAGES, method: 'Send', args: [B.me.id.slice(1), 'hi'],
      error: 'InvalidArgument', busctl: ['ss', B.me.id.slice(1), 'hi'], says: /16 hex digits/ },
    { what: 'ListMessages of a malformed id', iface: MESSAGES, method: 'ListMessages', args: ['zz', 0],
      error: 'InvalidArgument', busctl: ['su', 'zz', '0'], says: /16 hex digits/ },
    { what: 'ListMessages of a stranger', iface: MESSAGES, method: 'ListMessages', args: [STRANGER_ID, 0],
      error: 'UnknownContact', busctl: ['su', STRANGER_ID, '0'], says: /no contact/ },
    { what: 'MarkRead of an unknown message', iface: MESSAGES, method: 'MarkRead', args: [[UNKNOWN_MESSAGE_ID]],
      error: 'NotFound', busctl: ['as', '1', UNKNOWN_MESSAGE_ID], says: /not found/ },
    { what: 'MarkRead of a malformed id', iface: MESSAGES, method: 'MarkRead', args: [['abc']],
      error: 'InvalidArgument', busctl: ['as', '1', 'abc'], says: /32 hex digits/ },
    { what: 'MarkRead with a plain string', iface: MESSAGES, method: 'MarkRead', args: [UNKNOWN_MESSAGE_ID], opts: { signature: 's' },
      error: 'InvalidArgument', busctl: ['s', UNKNOWN_MESSAGE_ID], says: /MarkRead takes arguments \(as\)/ },
    { what: 'AddContact of a malformed id', iface: CONTACTS, method: 'AddContact', args: ['123'],
      error: 'InvalidArgument', busctl: ['s', '123'], says: /16 hex digits/ },
    { what: 'AddContact of someone never seen', iface: CONTACTS, method: 'AddContact', args: [STRANGER_ID],
      error: 'UnknownContact', busctl: ['s', STRANGER_ID], says: /0123456789abcdef/ },
    { what: 'SetDisplayName empty', iface: IDENTITY, method: 'SetDisplayName', args: [''],
      error: 'InvalidArgument', busctl: ['s', ''], says: /display name/ },
    { what: 'SetDisplayName of 65 bytes', iface: IDENTITY, method: 'SetDisplayName', args: ['n'.repeat(65)],
      error: 'InvalidArgument', busctl: ['s', 'n'.repeat(65)], says: /64 bytes/ },
    { what: 'SetDisplayName with a line break', iface: IDENTITY, method: 'SetDisplayName', args: ['Amira\nsatchel: fake log line'],
      error: 'InvalidArgument', busctl: ['s', 'Amira\nsatchel: fake log line'], says: /control characters/ },
  ];

  for (const c of cases) {
    const py = await A.app.call(c.iface, c.method, c.args, { introspect: c.opts?.signature === undefined, ...c.opts });
    t.equal(py.error, ERROR + c.error, `dbus-python: ${c.what} → ${c.error}`, { got: py });
    t.ok((py.message ?? '').length > 0 && !/\n\s+at /.test(py.message ?? ''), 'with a message and no stack trace', { text: py.message ?? '' });
    if (c.busctl && c.says) {
      const r = await busctl(p.a.address, 'call', NAME, PATH, c.iface, c.method, ...c.busctl);
      t.not(r.code, 0, `busctl: ${c.what} fails`);
      t.match(r.stderr, c.says, 'and says why', { stderr: r.stderr });
    }
  }
  // Meeting someone is not enough: B met A but never added A.
  const notAdded = await B.app.call(MESSAGES, 'Send', [A.me.id, 'hi']);
  t.equal(notAdded.error, ERROR + 'UnknownContact', 'Send to a neighbour who is not a contact → UnknownContact');
  t.same(await B.app.conversations(), [], 'and B stored nothing');
  // A proxy made without introspection guesses the types; the answer is the same.
  const guessed = await A.app.call(MESSAGES, 'Send', [B.me.id, ''], { introspect: false });
  t.equal(guessed.error, ERROR + 'EmptyBody', 'a non-introspecting proxy gets the same error');
  const unknown = await A.app.call(MESSAGES, 'Fly', [], { introspect: false });
  t.equal(unknown.error, 'org.freedesktop.DBus.Error.UnknownMethod', 'an unknown method is UnknownMethod');

  // Nothing was stored or sent, and the daemon is fine.
  t.ok(p.a.running && alive(p.a.pid!), 'the daemon is still running');
  t.same(await A.app.conversations(), before.conversations, 'no conversation appeared');
  t.same(await A.app.messages(B.me.id, 0), before.messages, 'no message was stored');
  t.equal((await A.app.identity()).display_name, A.me.display_name, 'the display name is unchanged');
  t.same((await A.app.contacts()).map((c) => c.id), [B.me.id], 'no contact was added');
  const after = await A.app.counters();
  t.equal(after['messages.sent'] ?? 0, before.counters['messages.sent'] ?? 0, 'no message was counted as sent');
  t.same(B.app.received(), [], 'B received nothing');
  t.match(await A.app.status(), { pid: p.a.pid }, 'GetStatus answers');

  // A good message still goes through: exactly the largest allowed, in two-byte characters.
  // B adds A now: a stranger's message would wait in B's requests.
  await B.app.addContact(A.me.id);
  const text = 'é'.repeat(MAX_TEXT_BYTES / 2);
  const id = await A.app.send(B.me.id, text);
  await reachesState(A, B.me.id, id, 'delivered', 15_000, p.a, p.b);
  const got = await B.app.messages(A.me.id, 0);
  t.equal(got.length, 1);
  t.equal(got[0]?.text, text, 'B gets the 4096-byte text intact');
  t.match(await A.app.conversations(), [{ contact_id: B.me.id, total: 1 }]);

  // An activity cannot mark its own outgoing message read, nor the same id twice in a bad list.
  const own = await A.app.call(MESSAGES, 'MarkRead', [[id]]);
  t.equal(own.error, ERROR + 'NotFound', 'MarkRead of an outgoing message is NotFound');
  const mixed = await B.app.call(MESSAGES, 'MarkRead', [[id, UNKNOWN_MESSAGE_ID]]);
  t.equal(mixed.error, ERROR + 'NotFound', 'MarkRead with one unknown id fails as a whole');
  t.match(await B.app.messages(A.me.id, 0), [{ id, state: 'delivered' }], 'and marks nothing read');
  t.same(A.app.stateChanges(id).map((c) => c.state), ['sent', 'delivered'], 'A is not told of a read that did not happen');

  // Upper-case ids are accepted, as documented.
  const upper = await A.app.call(MESSAGES, 'ListMessages', [B.me.id.toUpperCase(), 0]);
  t.equal((upper.ok as unknown[] | undefined)?.length, 1, 'ListMessages takes an upper-case id');
});
