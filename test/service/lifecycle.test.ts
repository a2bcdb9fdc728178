/** Owning the bus name, and giving it (and everything else) back. */
import t from 'tap';
import { connectBus } from '../../daemon/service/bus.js';
import { createService } from '../../daemon/service/service.js';
import { busctl, NAME, PATH, pyCall } from './fixtures/clients.js';
import { FakeMessenger } from './fixtures/fake-messenger.js';
import { draftsFor, startHarness, tempDir } from './fixtures/harness.js';

const ID = 'org.satchel.Satchel1.Identity';

t.test('a second service cannot take the name, and says who has it', async (t) => {
  const h = await startHarness(t);
  const conn2 = await connectBus(h.address, { logger: h.logger, stateDir: h.dir });
  t.teardown(() => conn2.close());
  const messenger = new FakeMessenger();
  const { drafts } = draftsFor(t, await tempDir(t), messenger, h.clock);
  const second = createService({ bus: conn2, messenger, drafts, logger: h.logger, version: 'x', startedMs: 0 });
  await t.rejects(second.start(), {
    code: 'CONFIG',
    message: new RegExp(`org\\.satchel\\.Satchel1 is already owned by '${h.conn.bus.name!.replace('.', '\\.')}' \\(pid ${process.pid}\\)`),
  });
  await t.rejects(second.start(), { code: 'CONFIG' }, 'a failed start stays failed');
  const still = await pyCall(h.address, ID, 'GetIdentity', []);
  t.match(still.ok, { display_name: 'Ama' }, 'the first one still answers');
  const intro = await busctl(h.address, 'introspect', '--xml-interface', conn2.bus.name!, PATH);
  t.notMatch(intro.stdout, /org\.satchel/, 'the loser unexported what it had exported');
  await second.close();
});

t.test('close() releases the name so that a new daemon can start', async (t) => {
  const h = await startHarness(t);
  await Promise.all([h.service.close(), h.service.close()]);
  await h.service.close();
  const owner = await busctl(h.address, 'call', 'org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'NameHasOwner', 's', NAME);
  t.equal(owner.stdout.trim(), 'b false');
  const gone = await pyCall(h.address, ID, 'GetIdentity', []);
  t.equal(gone.error, 'org.freedesktop.DBus.Error.ServiceUnknown');
  const intro = await busctl(h.address, 'introspect', '--xml-interface', h.conn.bus.name!, PATH);
  t.notMatch(intro.stdout, /org\.satchel/, 'unexported');
  await t.rejects(h.service.start(), { code: 'CLOSED' });

  const conn2 = await connectBus(h.address, { logger: h.logger, stateDir: h.dir });
  t.teardown(() => conn2.close());
  const messenger = new FakeMessenger();
  const { drafts } = draftsFor(t, await tempDir(t), messenger, h.clock);
  const next = createService({ bus: conn2, messenger, drafts, logger: h.logger, version: 'x', startedMs: 0 });
  t.teardown(() => next.close());
  await next.start();
  t.match((await pyCall(h.address, ID, 'GetIdentity', [])).ok, { display_name: 'Ama' });
});

t.test('close() does not hang when the bus is already gone', async (t) => {
  const h = await startHarness(t);
  await h.priv.stop();
  const started = Date.now();
  await h.service.close();
  await h.conn.close();
  t.ok(Date.now() - started < 5_000, 'bounded by the release timeout');
});
