/**
 * SendWithAttachment and SendWithAttachmentFd as an activity calls them:
 * dbus-python on a private dbus-daemon, against the real messenger of a
 * laptop that then hands the file to its neighbour.
 */
import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextEvent } from '../fixtures/core-node.js';
import { servedPair, type ServedPair } from '../fixtures/served-pair.js';
import { PYTHON, pyCall, run } from './fixtures/clients.js';

const SEND_FILE = fileURLToPath(new URL('./py/send_file.py', import.meta.url));
const MESSAGES = 'org.satchel.Satchel1.Messages';
const ERR = 'org.satchel.Satchel1.Error.';

interface Reply { ok?: string; error?: string; message?: string }

async function sendFile(address: string, ...args: string[]): Promise<Reply> {
  const r = await run(PYTHON, [SEND_FILE, address, ...args]);
  if (r.code !== 0) throw new Error(`send_file.py failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Reply;
}

const openFds = (): number => readdirSync('/proc/self/fd').length;

/** Laptop A with its D-Bus service on a private bus, and B, a contact of A's nearby. */
const setup = (t: Test): Promise<ServedPair> => servedPair(t, { dirPrefix: 'satchel-att-', attachmentMaxBytes: 64 * 1024 });

t.test('an activity sends a file by descriptor and by path; the neighbour gets it byte for byte', async (t) => {
  const { a, b, address, dir } = await setup(t);
  const bId = b.messenger.identity().id;
  const drawing = join(dir, 'sun.svg');
  const bytes = randomBytes(40_000);
  writeFileSync(drawing, bytes);
  const fdsBefore = openFds();

  const arrived = nextEvent(b.messenger, 'messageReceived');
  const byFd = await sendFile(address, 'fd', bId, 'a sun', 'sun.svg', drawing);
  t.match(byFd.ok, /^[0-9a-f]{32}$/, JSON.stringify(byFd));
  const [m] = await arrived;
  t.equal(m.id, byFd.ok);
  t.same({ name: m.attachment?.name, size: m.attachment?.size, type: m.attachment?.mediaType }, { name: 'sun.svg', size: 40_000, type: 'image/svg+xml' });
  t.ok(readFileSync(m.attachment?.path ?? '').equals(bytes), 'byte-identical');
  t.equal(openFds(), fdsBefore, 'the daemon closed the descriptor it was given');

  const second = nextEvent(b.messenger, 'messageReceived');
  const byPath = await sendFile(address, 'path', bId, '', drawing);
  t.match(byPath.ok, /^[0-9a-f]{32}$/, JSON.stringify(byPath));
  const [m2] = await second;
  t.equal(m2.text, '', 'a file alone is a message');
  t.ok(readFileSync(m2.attachment?.path ?? '').equals(bytes));

  const listed = await pyCall(address, MESSAGES, 'ListMessages', [bId, 0]);
  const dicts = listed.ok as Record<string, unknown>[];
  const rec = dicts.find((d) => d['id'] === byFd.ok);
  t.same({ n: rec?.['attachment_name'], s: rec?.['attachment_size'], ty: rec?.['attachment_type'], p: rec?.['attachment_path'] },
    { n: 'sun.svg', s: 40_000, ty: 'image/svg+xml', p: '' }, "the sender's record names the file; the path is the receiver's");
  const types = (listed.types as Record<string, string>[]).find((d) => 'attachment_size' in d);
  t.equal(types?.['attachment_size'], 'UInt32');
  t.ok(a.messenger.messages(bId).every((x) => x.attachment !== undefined));
});

t.test('bad files get named errors, and no descriptor is left open', async (t) => {
  const { b, address, dir, a } = await setup(t);
  const bId = b.messenger.identity().id;
  const small = join(dir, 'ok.png');
  writeFileSync(small, randomBytes(100));
  const big = join(dir, 'big.png');
  writeFileSync(big, randomBytes(64 * 1024 + 1));
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'mine');
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  const intoStore = join(dir, 'innocent.png');
  symlinkSync(join(a.dir, 'data.mdb'), intoStore);
  const fdsBefore = openFds();

  const cases: [string, Promise<Reply>, string, RegExp][] = [
    ['a missing file', sendFile(address, 'path', bId, 'x', join(dir, 'nope.png')), 'NotFound', /nope\.png not found/],
    ['a relative path', sendFile(address, 'path', bId, 'x', 'ok.png'), 'InvalidArgument', /must be absolute/],
    ['a directory', sendFile(address, 'path', bId, 'x', dir), 'InvalidArgument', /not a regular file/],
    ['a FIFO', sendFile(address, 'path', bId, 'x', fifo), 'InvalidArgument', /not a regular file/],
    ['a link into the store', sendFile(address, 'path', bId, 'x', intoStore), 'InvalidArgument', /inside satcheld's store/],
    ['the store itself', sendFile(address, 'path', bId, 'x', join(a.dir, 'data.mdb')), 'InvalidArgument', /inside satcheld's store/],
    ['a file over the limit by path', sendFile(address, 'path', bId, 'x', big), 'BodyTooLarge', /65537 bytes; the limit is 65536/],
    ['a file over the limit by fd', sendFile(address, 'fd', bId, 'x', 'big.png', big), 'BodyTooLarge', /65537 bytes/],
    ['a descriptor open only for writing', sendFile(address, 'fd', bId, 'x', 'ok.png', small, 'wronly'), 'InvalidArgument', /not open for reading/],
    ['a pipe', sendFile(address, 'fd', bId, 'x', 'ok.png', small, 'pipe'), 'InvalidArgument', /not a regular file/],
    ['a name with a slash', sendFile(address, 'fd', bId, 'x', '../ok.png', small), 'InvalidArgument', /must not contain "\/"/],
    ['a dot-dot name', sendFile(address, 'fd', bId, 'x', '..', small), 'InvalidArgument', /must not be/],
    ['an unknown contact', sendFile(address, 'fd', 'ffffffffffffffff', 'x', 'ok.png', small), 'UnknownContact', /ffffffffffffffff/],
    ['a bad contact id', sendFile(address, 'path', 'nope', 'x', small), 'InvalidArgument', /contact_id must be 16 hex digits/],
  ];
  for (const [what, reply, name, message] of cases) {
    const r = await reply;
    t.equal(r.error, ERR + name, `${what}: ${JSON.stringify(r)}`);
    t.match(r.message, message, what);
  }
  if (process.getuid?.() !== 0) {
    chmodSync(secret, 0o000);
    const r = await sendFile(address, 'path', bId, 'x', secret);
    t.equal(r.error, ERR + 'InvalidArgument');
    t.match(r.message, /may not read .*SendWithAttachmentFd/);
  }
  // A descriptor sent with the wrong signature is still closed.
  const wrong = await run(PYTHON, ['-c', [
    'import dbus, os, sys',
    `bus = dbus.bus.BusConnection(${JSON.stringify(address)})`,
    "o = bus.get_object('org.satchel.Satchel1', '/org/satchel/Satchel1')",
    `fd = os.open(${JSON.stringify(small)}, os.O_RDONLY)`,
    'try:',
    `    o.SendWithAttachmentFd('${bId}', 'x', dbus.types.UnixFd(fd), dbus_interface='${MESSAGES}', signature='ssh')`,
    'except dbus.exceptions.DBusException as e:',
    '    print(e.get_dbus_name())',
  ].join('\n')]);
  t.equal(wrong.stdout.trim(), ERR + 'InvalidArgument', wrong.stderr);
  t.equal(openFds(), fdsBefore, 'every descriptor handed over was closed');
  t.equal(a.store.outbox.getCount(), 0, 'nothing was queued');
});
