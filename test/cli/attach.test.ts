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
import { createDrafts } from '../../daemon/messenger/drafts.js';
import { connectBus } from '../../daemon/service/bus.js';
import { startPrivateBus } from '../../daemon/service/private-bus.js';
import { createService } from '../../daemon/service/service.js';
import { systemClock } from '../../daemon/util/clock.js';
import { systemRandom } from '../../daemon/util/random.js';
import { meet, nextEvent, removeDir, startCoreNode, type CoreNode } from '../fixtures/core-node.js';
import { captureLogger, tempDir } from '../service/fixtures/harness.js';
import { json, on } from './fixtures/cli.js';

async function laptops(t: Test): Promise<{ a: CoreNode; b: CoreNode; address: string; dir: string }> {
  const dir = await tempDir(t, 'satchel-cli-att-');
  const { logger } = captureLogger();
  const priv = await startPrivateBus(dir, { logger });
  t.teardown(() => priv.stop());
  const a = await startCoreNode(undefined, { attachmentMaxBytes: 128 * 1024 });
  const b = await startCoreNode();
  t.teardown(async () => { for (const n of [a, b]) { await n.stop(); removeDir(n.dir); } });
  const up = Promise.all([nextEvent(a.messenger, 'neighbourAppeared'), nextEvent(b.messenger, 'neighbourAppeared')]);
  meet(a, b);
  await up;
  await a.messenger.addContact(b.messenger.identity().id);
  await b.messenger.addContact(a.messenger.identity().id);
  const conn = await connectBus(priv.address, { logger, stateDir: dir });
  t.teardown(() => conn.close());
  const drafts = createDrafts({ store: a.store, clock: systemClock, random: systemRandom, send: (c, text) => a.messenger.send(c, text) });
  const service = createService({ bus: conn, messenger: a.messenger, drafts, logger, version: 'test', startedMs: Date.now(), clock: systemClock });
  t.teardown(() => service.close());
  await service.start();
  return { a, b, address: priv.address, dir };
}

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
