import t from 'tap';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { nextEvent, removeDir, startCoreNode } from '../fixtures/core-node.js';
import { DIAL_GRACE_MS, REDIAL_BACKOFF_MS } from '../../daemon/sync/session-manager.js';

/** A port nothing listens on yet, to be opened later. */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** Forwards every connection on `port` to `to`: the neighbour's laptop becoming reachable. */
async function forward(t: { teardown(fn: () => unknown): void }, port: number, to: number): Promise<void> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((c) => {
    const up = net.connect(to, '127.0.0.1');
    sockets.add(c).add(up);
    c.pipe(up).pipe(c);
    const end = (): void => { c.destroy(); up.destroy(); };
    c.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  t.teardown(() => { for (const s of sockets) s.destroy(); server.close(); });
}

t.test('a failed dial is retried after the backoff, with no new beacon: a quiet room may not send one for minutes', async (t) => {
  const a = await startCoreNode();
  const b = await startCoreNode();
  t.teardown(async () => { await a.stop(); await b.stop(); removeDir(a.dir); removeDir(b.dir); });
  const port = await freePort();
  // A heard B once, at an address where nothing answers yet; B never heard A.
  a.sessions.heard({ nodeId: b.nodeId, address: '127.0.0.1', sessionPort: port });
  await sleep(DIAL_GRACE_MS + 500);
  t.same(a.sessions.links(), [], 'the first dial found nobody');
  await forward(t, port, b.port);
  const t0 = Date.now();
  await nextEvent(a.messenger, 'neighbourAppeared', () => true, 3 * REDIAL_BACKOFF_MS);
  t.ok(Date.now() - t0 <= 2 * REDIAL_BACKOFF_MS + 500, 'met on a retry, within the second backoff');
  t.equal(a.sessions.links().length, 1);
});

t.test('a lost neighbour is not retried', async (t) => {
  const a = await startCoreNode();
  const b = await startCoreNode();
  t.teardown(async () => { await a.stop(); await b.stop(); removeDir(a.dir); removeDir(b.dir); });
  const port = await freePort();
  a.sessions.heard({ nodeId: b.nodeId, address: '127.0.0.1', sessionPort: port });
  await sleep(DIAL_GRACE_MS + 500);
  a.sessions.lost(Buffer.from(b.nodeId).toString('hex'));
  await forward(t, port, b.port);
  await sleep(2 * REDIAL_BACKOFF_MS + 500);
  t.same(a.sessions.links(), [], 'discovery said it left: no more dials');
});
