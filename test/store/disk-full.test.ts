import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCoreNode, type CoreNode } from '../fixtures/core-node.js';
import { friends } from '../fixtures/meetings.js';

const TMPFS_BYTES = 6 * 1024 * 1024;

const why = process.getuid?.() !== 0 ? 'mounting a small tmpfs needs root' : undefined;
if (why) t.plan(0, why);

t.test('a full disk gives StoreFull, loses nothing, and service resumes once space is freed', async (t) => {
  const mnt = mkdtempSync(join(tmpdir(), 'satchel-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_BYTES}`, 'tmpfs', mnt]);
  t.teardown(() => {
    try { execFileSync('umount', ['-l', mnt]); } catch { /* already gone */ }
    rmSync(mnt, { recursive: true, force: true });
  });
  const dir = join(mnt, 'store');
  let a: CoreNode = await startCoreNode(dir, { outboxQuotaBytes: 64 * 1024 * 1024 });
  const b = await startCoreNode();
  t.teardown(async () => { await a.stop(); await b.stop(); rmSync(b.dir, { recursive: true, force: true }); });
  await friends(a, b);
  const bId = b.messenger.identity().id;
  // Something else on the laptop takes most of the disk.
  const filler = join(mnt, 'filler');
  writeFileSync(filler, Buffer.alloc(TMPFS_BYTES - 1536 * 1024));
  const ids: string[] = [];
  const err = await (async () => {
    for (;;) {
      try {
        ids.push(await a.messenger.send(bId, 'x'.repeat(4000)));
      } catch (e) {
        return e as { code?: string; message?: string };
      }
    }
  })();
  t.equal(err.code, 'STORE_FULL', `Send fails with StoreFull (${err.message})`);
  t.ok(ids.length > 10, `${ids.length} messages stored before the disk filled`);
  t.equal(a.messenger.messages(bId).length, ids.length, 'the failed Send left nothing half-written');

  // Restarting on the full disk finds every message whole.
  await a.stop();
  a = await startCoreNode(dir, { outboxQuotaBytes: 64 * 1024 * 1024 });
  t.same(a.messenger.messages(bId).map((m) => m.id).sort(), [...ids].sort(), 'every stored message is there after a restart');
  t.equal(a.store.outbox.getCount(), ids.length);

  unlinkSync(filler);
  const more = await a.messenger.send(bId, 'room again');
  t.match(more, /^[0-9a-f]{32}$/, 'Send works again once space is freed');
  t.equal(a.messenger.messages(bId).length, ids.length + 1);
});
