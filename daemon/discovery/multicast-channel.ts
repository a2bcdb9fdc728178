/**
 * One UDP socket for one address family: bound to the beacon port on the
 * wildcard address, member of the beacon group on each chosen interface,
 * sending one copy per interface. Network trouble (an interface vanishing
 * mid-send, a WLAN dropping) is logged once and never thrown.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { Counters } from '../util/counters.js';
import type { LinkInterface } from './link-interfaces.js';
import type { LogOnce } from './log-once.js';

/** Beacons are for the local link only: never routed, one hop. */
export const BEACON_MULTICAST_HOPS = 1;

export interface MulticastChannelOptions {
  family: 4 | 6;
  port: number;
  group: string;
  counters: Counters;
  logOnce: LogOnce;
  onMessage: (msg: Buffer, rinfo: RemoteInfo) => void;
}

export interface MulticastChannel {
  readonly family: 4 | 6;
  open(): Promise<void>;
  /** Ensures membership on exactly these interfaces; safe to repeat. */
  join(links: readonly LinkInterface[]): void;
  /** One copy out of each joined interface; overlapping sends coalesce. */
  send(payload: Uint8Array): void;
  close(): Promise<void>;
}

const errCode = (err: unknown): string =>
  (err as { code?: unknown } | null)?.code !== undefined ? String((err as { code: unknown }).code) : 'unknown';

export function createMulticastChannel(opts: MulticastChannelOptions): MulticastChannel {
  const { family, port, group, counters, logOnce } = opts;
  const addrOf = (l: LinkInterface): string | undefined => (family === 4 ? l.ipv4 : l.ipv6LinkLocal);
  /** Interface name to the address its membership was made with. */
  const joined = new Map<string, string>();
  let sock: Socket | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  let sending = false;
  let queued: Uint8Array | undefined;

  const warn = (what: string, name: string, err: unknown): void => {
    const code = errCode(err);
    logOnce(`${what}:${family}:${name}:${code}`, `beacon ${what} failed; continuing`, { family, interface: name, code });
  };

  async function open(): Promise<void> {
    const s = createSocket({ type: family === 4 ? 'udp4' : 'udp6', reuseAddr: true, ipv6Only: family === 6 });
    try {
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.bind(port, family === 4 ? '0.0.0.0' : '::', () => {
          s.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      s.close();
      throw err;
    }
    if (closed) {
      // close() ran while we were binding; nobody else will release this.
      s.close();
      return;
    }
    s.on('error', (err) => warn('socket', '*', err));
    s.on('message', opts.onMessage);
    s.setMulticastTTL(BEACON_MULTICAST_HOPS);
    s.setMulticastLoopback(false);
    sock = s;
  }

  function join(links: readonly LinkInterface[]): void {
    const s = sock;
    if (s === undefined || closed) return;
    const want = new Map<string, string>();
    for (const l of links) {
      const a = addrOf(l);
      if (a !== undefined) want.set(l.name, a);
    }
    for (const [name, addr] of joined) {
      if (want.get(name) === addr) continue;
      // Fails when the interface is already gone, which also ended the membership.
      try { s.dropMembership(group, addr); } catch { /* already left */ }
      joined.delete(name);
    }
    for (const [name, addr] of want) {
      // Re-adding every round rejoins an interface that vanished and came
      // back between rounds; the kernel answers EADDRINUSE when still a member.
      try {
        s.addMembership(group, addr);
      } catch (err) {
        if (errCode(err) !== 'EADDRINUSE') {
          warn('join', name, err);
          continue;
        }
      }
      joined.set(name, addr);
    }
  }

  function send(payload: Uint8Array): void {
    if (sock === undefined || closed) return;
    if (sending) {
      queued = payload;
      return;
    }
    sending = true;
    const s = sock;
    const targets = [...joined];
    // One at a time: the outgoing interface is socket state, so the next
    // copy may only be pointed elsewhere once the previous one has gone.
    const next = (i: number): void => {
      const target = targets[i];
      if (target === undefined || closed) {
        sending = false;
        const q = queued;
        queued = undefined;
        if (q !== undefined) send(q);
        return;
      }
      const [name, addr] = target;
      try {
        s.setMulticastInterface(addr);
        s.send(payload, port, group, (err) => {
          if (err) {
            counters.bump('beacon.send_failed');
            warn('send', name, err);
          } else {
            counters.bump('beacon.sent');
          }
          next(i + 1);
        });
      } catch (err) {
        counters.bump('beacon.send_failed');
        warn('send', name, err);
        next(i + 1);
      }
    };
    next(0);
  }

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      closed = true;
      queued = undefined;
      if (sock === undefined) return resolve();
      // Closing the socket also leaves every group it joined.
      sock.close(() => resolve());
    });
    return closing;
  }

  return { family, open, join, send, close };
}
