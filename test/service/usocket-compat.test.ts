/**
 * How many descriptors a D-Bus message declares, read from messages
 * dbus-next itself marshals, and never a throw on bytes that are not one.
 */
import t from 'tap';
import { createRequire } from 'node:module';
import { declaredFds } from '../../daemon/service/usocket-compat.js';
import { topLevelTypes } from '../../daemon/service/dispatch.js';

const { marshallMessage } = createRequire(import.meta.url)('dbus-next/lib/marshall-compat.js') as {
  marshallMessage(msg: Record<string, unknown>): [Buffer, number[]];
};

function wire(signature: string, body: unknown[]): { fixed: Buffer; rest: Buffer } {
  const [bytes] = marshallMessage({
    type: 1, serial: 7, destination: 'org.satchel.Satchel1', path: '/org/satchel/Satchel1',
    interface: 'org.satchel.Satchel1.Messages', member: 'SendWithAttachmentFd', signature, body,
  });
  return { fixed: bytes.subarray(0, 16), rest: bytes.subarray(16) };
}

t.test('the UNIX_FDS field of real messages', async (t) => {
  const one = wire('sssh', ['a', 'b', 'c', 5]);
  t.equal(declaredFds(one.fixed, one.rest), 1);
  const three = wire('hhh', [3, 4, 5]);
  t.equal(declaredFds(three.fixed, three.rest), 3);
  const none = wire('ss', ['a', 'b']);
  t.equal(declaredFds(none.fixed, none.rest), 0, 'a message without descriptors declares none');
});

t.test('bytes that are not a message never throw', async (t) => {
  const m = wire('sssh', ['a', 'b', 'c', 5]);
  t.equal(declaredFds(m.fixed.subarray(0, 15), m.rest), undefined, 'short fixed header');
  t.equal(declaredFds(m.fixed, m.rest.subarray(0, 20)), undefined, 'fields cut short');
  const garbage = Buffer.from(m.rest);
  garbage.fill(0xff, 0, 8);
  t.doesNotThrow(() => declaredFds(m.fixed, garbage));
  t.equal(declaredFds(Buffer.alloc(16), Buffer.alloc(0)), 0, 'no fields at all');
});

t.test('signatures split into single complete types', async (t) => {
  t.same(topLevelTypes('sssh'), ['s', 's', 's', 'h']);
  t.same(topLevelTypes('sa{sv}h(ih)aah'), ['s', 'a{sv}', 'h', '(ih)', 'aah']);
  t.same(topLevelTypes(''), []);
  t.same(topLevelTypes('(('), ['(('], 'an unclosed struct is one (bad) type, not a hang');
});
