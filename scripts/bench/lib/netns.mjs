/**
 * An empty room: a network namespace for the laptop under test, whose only
 * link (a veth pair) leads to a second namespace where nobody runs. Beacons
 * go out on a real interface and nothing ever answers, so the daemon has no
 * neighbours and hears none of the machine's other daemons. Needs root.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

const ip = (...args) => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const LINK_LOCAL_WAIT_MS = 5_000;

/** Why namespaces cannot be used here, or undefined when they can. */
export function netnsUnavailable() {
  if (process.getuid?.() !== 0) return 'needs root for ip netns';
  try {
    ip('netns', 'list');
    return undefined;
  } catch (err) {
    return `ip netns unusable: ${err.message}`;
  }
}

/**
 * Creates the room; `onCleanup` gets its removal. Returns the namespace
 * name, the interface to beacon on, and `wrap(cmd, args)` to run a command
 * inside. `ip netns exec` execs the command in place, so a spawned child's
 * pid is the command's own pid.
 */
export async function createEmptyRoom(onCleanup) {
  const tag = `${process.pid.toString(36)}${randomBytes(2).toString('hex')}`;
  const ns = `satchel-bench-${tag}`;
  const empty = `${ns}-empty`;
  const iface = `sb${tag}`.slice(0, 13) + 'a';
  const peer = iface.slice(0, -1) + 'b';
  onCleanup(() => {
    for (const n of [ns, empty]) {
      try { ip('netns', 'del', n); } catch { /* never created */ }
    }
  });
  for (const n of [ns, empty]) {
    ip('netns', 'add', n);
    ip('-n', n, 'link', 'set', 'lo', 'up');
  }
  ip('link', 'add', iface, 'netns', ns, 'type', 'veth', 'peer', 'name', peer, 'netns', empty);
  const sides = [[ns, iface, '10.71.250.1/24'], [empty, peer, '10.71.250.2/24']];
  for (const [n, dev, addr] of sides) {
    // No duplicate address detection: the link-local address is usable at once.
    execFileSync('ip', ['netns', 'exec', n, 'sysctl', '-qw', `net.ipv6.conf.${dev}.accept_dad=0`]);
    ip('-n', n, 'addr', 'add', addr, 'dev', dev);
    ip('-n', n, 'link', 'set', dev, 'up');
  }
  const deadline = Date.now() + LINK_LOCAL_WAIT_MS;
  for (;;) {
    const out = ip('-n', ns, '-6', 'addr', 'show', 'dev', iface, 'scope', 'link');
    if (out.includes('fe80') && !out.includes('tentative')) break;
    if (Date.now() > deadline) throw new Error(`no link-local address on ${ns}/${iface}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ns, iface, wrap: (cmd, args) => ['ip', ['netns', 'exec', ns, cmd, ...args]] };
}

/** No isolation: commands run as they are, on the machine's own network. */
export const NO_ROOM = { ns: undefined, iface: undefined, wrap: (cmd, args) => [cmd, args] };
