/**
 * `satchel send --attach FILE`: the real CLI (dist/) against a laptop's
 * service on a private bus, with the real messenger, whose neighbour then
 * holds the file. The CLI passes the open file (SendWithAttachmentFd), so
 * the daemon can send only what the person running satchel could open.
 */
import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextEvent } from '../fixtures/core-node.js';
import { servedPair, type ServedPair } from '../fixtures/served-pair.js';
import { json, on } from './fixtures/cli.js';

const laptops = (t: Test): Promise<ServedPair> => servedPair(t, { dirPrefix: 'satchel-cli-att-', attachmentMaxBytes: 128 * 1024 });

t.test('send --attach FILE --wait: the file arrives byte for byte and the CLI says delivered', async (t) => {
  const { b, address, dir } = await laptops(t);
  const A = on(address);
  const bId = b.messenger.identity().id;
  const photo = join(dir, 'goat.jpg');
  const bytes = randomBytes(100_000);
  writeFileSync(photo, bytes);
  const arrived = nextEvent(b.messenger, 'messageReceived');
  const r = await A(['send', bId, 'our goat', '--attach', photo, '--wait', '--json']);
  t.equal(r.code, 0, r.stderr);
  const view = json<{ id: string; state: string }>(r);
  t.equal(view.state, 'delivered', '"delivered" only once the whole file is there');
  const [m] = await arrived;
  t.equal(m.id, view.id);
  t.same({ name: m.attachment?.name, type: m.attachment?.mediaType, text: m.text }, { name: 'goat.jpg', type: 'image/jpeg', text: 'our goat' });
  t.ok(readFileSync(m.attachment?.path ?? '').equals(bytes), 'byte-identical');

  const alone = nextEvent(b.messenger, 'messageReceived');
  const quiet = await A(['send', bId, '--attach', photo]);
  t.equal(quiet.code, 0, quiet.stderr);
  t.match(quiet.stdout, /^queued [0-9a-f]{32} for /);
  t.equal((await alone)[0].text, '', 'TEXT may be left out with --attach');
});

t.test('send --attach: errors a technician can act on, with the documented exit codes', async (t) => {
  const { a, b, address, dir } = await laptops(t);
  const A = on(address);
  const bId = b.messenger.identity().id;
  const big = join(dir, 'big.png');
  writeFileSync(big, randomBytes(128 * 1024 + 1));
  const missing = await A(['send', bId, 'x', '--attach', join(dir, 'nope.png')]);
  t.equal(missing.code, 4);
  t.match(missing.stderr, /cannot send .*nope\.png: no such file/);
  const tooBig = await A(['send', bId, 'x', '--attach', big]);
  t.equal(tooBig.code, 2);
  t.match(tooBig.stderr, /131073 bytes; the limit is 131072/);
  const dirAsFile = await A(['send', bId, 'x', '--attach', dir]);
  t.equal(dirAsFile.code, 2);
  t.match(dirAsFile.stderr, /not a regular file/);
  const noText = await A(['send', bId]);
  t.equal(noText.code, 2);
  t.match(noText.stderr, /needs TEXT \(or a file with --attach FILE\)/);
  t.equal(a.store.outbox.getCount(), 0, 'nothing was queued');
});
