/**
 * The examples in docs/dbus-api.md run as written against a live service
 * (only the bus is redirected, through DBUS_SYSTEM_BUS_ADDRESS, which both
 * dbus-python and GDBus honour), so the guide cannot rot.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { PYTHON, run } from './fixtures/clients.js';
import { ALICE, FAKE_ATTACHMENT_MAX_BYTES } from './fixtures/fake-messenger.js';
import { startHarness } from './fixtures/harness.js';

const GUIDE = readFileSync(fileURLToPath(new URL('../../docs/dbus-api.md', import.meta.url)), 'utf8');
/** How long a doc example may run, in ms. */
const EXAMPLE_TIMEOUT_MS = 20_000;

function example(name: string): string {
  const m = new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(GUIDE);
  if (!m?.[1]) throw new Error(`no example ${name} in the guide`);
  return m[1];
}

t.test('the dbus-python example sends and follows a message to the end', async (t) => {
  const h = await startHarness(t);
  const script = join(h.dir, 'send_and_follow.py');
  writeFileSync(script, example('python-send-and-follow'));
  const child = spawn(PYTHON, [script, ALICE, 'see you at the well'], {
    env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: h.address },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const timer = setTimeout(() => child.kill(), EXAMPLE_TIMEOUT_MS);
  t.teardown(() => clearTimeout(timer));
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const queued = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const m = /^queued as ([0-9a-f]{32})$/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then(() => reject(new Error(`example exited early: ${stderr}`)));
  });
  const id = await queued;
  t.same(h.messenger.calls.at(-1), { method: 'send', args: [ALICE, 'see you at the well'] });
  const other = 'cd'.repeat(16);
  h.messenger.emit('messageReceived', { id: other, contactId: ALICE, direction: 'in', text: 'ok!', state: 'delivered', reason: '', timeMs: 1, copies: 0 });
  h.messenger.emit('messageStateChanged', { id: other, contactId: ALICE, state: 'read', reason: '', copies: 0 });
  h.messenger.emit('messageStateChanged', { id, contactId: ALICE, state: 'sent', reason: '', copies: 0 });
  h.messenger.emit('messageStateChanged', { id, contactId: ALICE, state: 'delivered', reason: '', copies: 0 });
  t.equal(await exited, 0, stderr);
  t.same(lines, [`queued as ${id}`, `new message from ${ALICE}: ok!`, `message ${id} is sent`, `message ${id} is delivered`]);
});

t.test('the dbus-python example reports a named error', async (t) => {
  const h = await startHarness(t);
  const script = join(h.dir, 'send_and_follow.py');
  writeFileSync(script, example('python-send-and-follow'));
  const r = await run(PYTHON, [script, '9999999999999999', 'hi'], { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: h.address });
  t.equal(r.code, 1);
  t.equal(r.stderr.trim(), '9999999999999999 is not one of your contacts');
});

t.test('the gdbus call lines work', async (t) => {
  const h = await startHarness(t);
  const calls = example('gdbus-call').trim().split('\n');
  t.equal(calls.length, 3);
  for (const line of calls) {
    const r = await run('sh', ['-c', line], { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: h.address });
    t.equal(r.code, 0, `${line}: ${r.stderr}`);
  }
  t.same(h.messenger.calls.find((c) => c.method === 'send'), { method: 'send', args: [ALICE, 'see you at the well'] });
});

t.test('the PyGObject example lists and shows the error name', async (t) => {
  const h = await startHarness(t);
  const script = join(h.dir, 'gio_example.py');
  writeFileSync(script, example('python-gio'));
  const r = await run(PYTHON, [script], { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: h.address });
  t.equal(r.code, 0, r.stderr);
  t.equal(r.stdout, 'Alice ✓: 1 unread\nBob: 0 unread\norg.satchel.Satchel1.Error.EmptyBody: message body is empty\n');
});

t.test('the dbus-python file example hands over an open file and names the error for one too big', async (t) => {
  const h = await startHarness(t);
  const script = join(h.dir, 'send_file.py');
  writeFileSync(script, example('python-send-file'));
  const drawing = join(h.dir, 'moon.png');
  writeFileSync(drawing, Buffer.alloc(1000, 7));
  const env = { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: h.address };
  const r = await run(PYTHON, [script, ALICE, drawing, 'the moon'], env);
  t.equal(r.code, 0, r.stderr);
  t.match(r.stdout, /^queued as [0-9a-f]{32}$/m);
  t.same(h.messenger.calls.at(-1), { method: 'sendWithAttachment', args: [ALICE, 'the moon', { name: 'moon.png', size: 1000, mediaType: 'image/png' }] });
  writeFileSync(drawing, Buffer.alloc(FAKE_ATTACHMENT_MAX_BYTES + 1));
  const big = await run(PYTHON, [script, ALICE, drawing], env);
  t.equal(big.code, 1);
  t.equal(big.stderr.trim(), 'that file is too big to send');
});
