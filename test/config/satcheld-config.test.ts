/**
 * The daemon as a technician starts it: a bad configuration file stops it at
 * once with exit status 2 and a message naming the key, before it touches
 * the store or the bus.
 */
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = 'dist/daemon/bin/satcheld.js';
const env = { ...process.env, NODE_OPTIONS: '' };

function run(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, timeout: 20_000 });
}

t.test('a bad configuration stops satcheld with status 2 and the key named', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-conf-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const conf = join(dir, 'satcheld.conf');
  const state = join(dir, 'state');
  writeFileSync(conf, `[store]\ndir = ${state}\n[discovery]\nbeacon_port = 99999\n`);
  const r = run(['--config', conf]);
  t.equal(r.status, 2);
  t.match(r.stderr, /discovery\.beacon_port: must be between 1 and 65535, got 99999 \(.*satcheld\.conf line 4\)/);
  t.notOk(existsSync(state), 'the store was not created');
});

t.test('flags go through the same checks and name their key', async (t) => {
  const r = run(['--port', '70000']);
  t.equal(r.status, 2);
  t.match(r.stderr, /transport\.port: must be between 0 and 65535, got 70000 \(the command line/);
  const m = run(['--config', '/nonexistent/satcheld.conf']);
  t.equal(m.status, 2);
  t.match(m.stderr, /\/nonexistent\/satcheld\.conf: cannot read/);
  const u = run(['--frobnicate']);
  t.equal(u.status, 2);
  t.match(u.stderr, /Unknown option '--frobnicate'/);
});
