/**
 * From a peer's MAC address (all wpa_supplicant tells us) to an address a
 * session can be opened to. First the kernel's IPv6 neighbour table: if we
 * have exchanged packets with the peer (an earlier session, a unicast reply)
 * the table holds the address it really uses. Otherwise the link-local
 * address the MAC implies under modified EUI-64. That is a good guess on a
 * mesh: the kernel derives link-local addresses that way unless told
 * otherwise (net.ipv6.conf.default.addr_gen_mode = 0, eui64), and the mesh
 * interface wpa_supplicant brings up is configured by nobody else. The
 * guess is wrong for a peer using stable-privacy addresses (addr_gen_mode 2
 * or 3, as NetworkManager sets for the connections it manages) or random
 * ones; the session then fails to connect, and the beacon source still finds
 * the peer by the address its beacons come from.
 *
 * No probing: soliciting every peer (ping ff02::1) would be the multicast
 * chatter that sank OLPC's mesh in a full classroom.
 */
import { execFile } from 'node:child_process';
import { eui64LinkLocal, normaliseMac } from './mac-address.js';

/** A connectable address for `mac` seen on `ifname` (with %ifname scope for link-local), if any. */
export type MacResolver = (mac: string, ifname: string) => Promise<string | undefined>;

export const IP_BINARY = 'ip';
/** How long `ip neigh` may take before we fall back to the guess, in ms. */
export const NEIGHBOUR_LOOKUP_TIMEOUT_MS = 2_000;
/** Neighbour table output larger than this is not a laptop's, in bytes. */
const MAX_NEIGH_OUTPUT_BYTES = 1024 * 1024;
/** Entries that name no usable address (RFC 4861 states as iproute2 prints them). */
const DEAD_STATES = new Set(['FAILED', 'INCOMPLETE', 'NOARP']);

/** Linux interface names (dev_valid_name), minus a leading '-' that argv would misread. */
const IFNAME = /^(?!-)(?!\.{1,2}$)[^\s/:%]{1,15}$/;

export function isIfname(name: unknown): name is string {
  return typeof name === 'string' && IFNAME.test(name);
}

export interface MacResolverOptions {
  /** Look in this named network namespace (`ip -n`); the current one by default. */
  netns?: string;
  ipBinary?: string;
  timeoutMs?: number;
  /** Guess the EUI-64 link-local address when the table has nothing; true by default. */
  eui64Fallback?: boolean;
}

export function createMacResolver(opts: MacResolverOptions = {}): MacResolver {
  const fallback = opts.eui64Fallback ?? true;
  return async (mac, ifname) => {
    const m = normaliseMac(mac);
    if (m === undefined || !isIfname(ifname)) return undefined;
    const found = await lookupNeighbour(m, ifname, opts).catch(() => undefined);
    if (found !== undefined) return found;
    return fallback ? `${eui64LinkLocal(m)}%${ifname}` : undefined;
  };
}

/** The neighbour table's address for `mac` on `ifname`, scoped if link-local. */
export function lookupNeighbour(mac: string, ifname: string, opts: MacResolverOptions = {}): Promise<string | undefined> {
  const args = [...(opts.netns ? ['-n', opts.netns] : []), '-6', '-j', 'neigh', 'show', 'dev', ifname];
  return new Promise((resolve, reject) => {
    execFile(opts.ipBinary ?? IP_BINARY, args,
      { timeout: opts.timeoutMs ?? NEIGHBOUR_LOOKUP_TIMEOUT_MS, maxBuffer: MAX_NEIGH_OUTPUT_BYTES, encoding: 'utf8' },
      (err, stdout) => {
        if (err) reject(err);
        else resolve(pickNeighbour(stdout, mac, ifname));
      });
  });
}

/**
 * Picks from `ip -6 -j neigh show dev IF` output: a live entry with this
 * link-layer address, link-local preferred (it needs no configuration and
 * is on every link). Anything unparseable counts as no entry.
 */
export function pickNeighbour(json: string, mac: string, ifname: string): string | undefined {
  let rows: unknown;
  try {
    rows = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(rows)) return undefined;
  const candidates: string[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    if (typeof row?.dst !== 'string' || typeof row.lladdr !== 'string') continue;
    if (normaliseMac(row.lladdr) !== mac) continue;
    const states = Array.isArray(row.state) ? row.state : [];
    if (states.some((s) => DEAD_STATES.has(String(s)))) continue;
    candidates.push(row.dst.toLowerCase());
  }
  const linkLocal = candidates.find((a) => /^fe[89ab][0-9a-f]:/.test(a));
  if (linkLocal !== undefined) return `${linkLocal}%${ifname}`;
  return candidates[0];
}
