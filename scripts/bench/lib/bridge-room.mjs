/**
 * A classroom for benchmarks: a namespace with a bridge (the air, multicast
 * snooping off so every beacon floods to everyone as on a WLAN), a
 * namespace per laptop with one veth into it, a packet capture on the
 * bridge (beacon-capture.py), and a beacon-only process per laptop
 * (beacon-room-node.mjs). Everything is removed through `onCleanup`. The
 * test suite has the same room in TypeScript (test/discovery/fixtures/).
 * Needs root and iproute2.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const NODE_SCRIPT = join(HERE, 'beacon-room-node.mjs');
const CAPTURE_SCRIPT = join(HERE, 'beacon-capture.py');
const PYTHON = '/usr/bin/python3';
const BRIDGE = 'br0';
const WAIT_MS = 30_000;

const ip = (...args) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A child speaking JSON lines; `next(pred)` waits for a matching line. */
function lineChild(cmd, args, onCleanup) {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr = (stderr + d).slice(-4_096); });
  const lines = [];
  const waiters = new Set();
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = JSON.parse(line);
    lines.push(m);
    for (const w of [...waiters]) w(m);
  });
  let exited = false;
  child.once('exit', () => { exited = true; for (const w of [...waiters]) w(undefined); });
  onCleanup(() => { if (!exited) child.kill('SIGKILL'); });
  const next = (pred, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => { waiters.delete(w); reject(new Error(`timed out waiting for ${what}\n${stderr}`)); }, WAIT_MS);
    const w = (m) => {
      if (m === undefined) { clearTimeout(timer); waiters.delete(w); reject(new Error(`${cmd} exited waiting for ${what}\n${stderr}`)); }
      else if (pred(m)) { clearTimeout(timer); waiters.delete(w); resolve(m); }
    };
    waiters.add(w);
  });
  /** Resolves once `check()` holds, looking again after every line. */
  const until = (check, what) => (check() ? Promise.resolve() : next(() => check(), what));
  return { child, lines, next, until, kill: () => { if (!exited) child.kill('SIGKILL'); } };
}

let rooms = 0;

export async function createBridgeRoom(onCleanup, port) {
  const tag = `${process.pid.toString(36)}${randomBytes(2).toString('hex')}`.slice(-6);
  const room = rooms++ % 250;
  const ns = `satchel-broom-${tag}`;
  const made = [];
  onCleanup(() => {
    for (const n of made.reverse()) {
      try { ip('netns', 'del', n); } catch { /* already gone */ }
    }
  });
  const addNs = (n) => {
    ip('netns', 'add', n);
    made.push(n);
    ip('-n', n, 'link', 'set', 'lo', 'up');
  };
  addNs(ns);
  ip('-n', ns, 'link', 'add', BRIDGE, 'type', 'bridge', 'mcast_snooping', '0');
  ip('-n', ns, 'link', 'set', BRIDGE, 'addrgenmode', 'none');
  ip('-n', ns, 'link', 'set', BRIDGE, 'up');

  const cap = lineChild('ip', ['netns', 'exec', ns, PYTHON, CAPTURE_SCRIPT, BRIDGE, String(port)], onCleanup);
  await cap.next((m) => m.ready === true, 'the capture');
  let laptops = 0;

  return {
    ns,
    /** Running totals: { t (s), drops, v4: {frames, bytes}, v6: {...} }. */
    async capture() {
      const n = cap.lines.length;
      cap.child.stdin.write('\n');
      return cap.next(() => cap.lines.length > n, 'capture totals');
    },
    /** Starts a laptop; resolves once its first beacon is out. */
    async addLaptop(config) {
      const i = ++laptops;
      const lns = `${ns}-${i}`;
      const iface = `b${tag}l${i}`;
      const peer = `b${tag}p${i}`;
      addNs(lns);
      ip('link', 'add', iface, 'netns', lns, 'type', 'veth', 'peer', 'name', peer, 'netns', ns);
      ip('-n', lns, 'link', 'set', iface, 'addrgenmode', 'none');
      ip('-n', lns, 'addr', 'add', `fe80::73:${room.toString(16)}:${i.toString(16)}/64`, 'dev', iface, 'nodad');
      ip('-n', lns, 'addr', 'add', `10.73.${room}.${i}/24`, 'dev', iface);
      ip('-n', lns, 'link', 'set', iface, 'up');
      ip('-n', ns, 'link', 'set', peer, 'addrgenmode', 'none');
      ip('-n', ns, 'link', 'set', peer, 'master', BRIDGE);
      ip('-n', ns, 'link', 'set', peer, 'up');
      const proc = lineChild('ip', ['netns', 'exec', lns, process.execPath, NODE_SCRIPT, JSON.stringify({ ...config, iface })], onCleanup);
      const ready = await proc.next((m) => m.type === 'ready', `laptop ${i} to start`);
      let nextId = 1;
      const request = async (body) => {
        const id = nextId++;
        const reply = proc.next((m) => m.type === 'reply' && m.id === id, body.cmd);
        proc.child.stdin.write(JSON.stringify({ ...body, id }) + '\n');
        const r = await reply;
        if (r.error) throw new Error(`${body.cmd}: ${r.error}`);
        return r;
      };
      return {
        nodeIdHex: config.nodeIdHex,
        readyAt: ready.at,
        /** First beacon heard from each node on each family. */
        heard: () => proc.lines.filter((m) => m.type === 'heard'),
        /** Resolves once `check()` holds, looking again after every line from this laptop. */
        until: proc.until,
        counters: async () => (await request({ cmd: 'counters' })).counters,
        reconfigure: (schedule) => request({ cmd: 'reconfigure', schedule }),
        kill: proc.kill,
      };
    },
  };
}
