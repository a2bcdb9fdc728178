/**
 * One browsed item resolved with ResolveService and turned into a Sighting,
 * or into a reason not to believe it. What Avahi hands back is what some
 * host on the link announced: the SRV port, the address and the TXT record
 * are all checked. A link-local IPv6 address is only dialable with its
 * interface, so it gets `%<ifname>`, named by Avahi from its own index.
 */
import { isIP } from 'node:net';
import { CallFailed, type DbusCaller } from './dbus-calls.js';
import { AVAHI_SERVER_IFACE, MDNS_DOMAIN, PROTO_INET, serverCall } from './avahi-names.js';
import type { BrowsedItem } from './avahi-signals.js';
import { decodeTxt } from './avahi-txt.js';
import { isIfname } from './mac-resolver.js';
import type { Sighting } from './source.js';
import type { Drop } from './wpa-values.js';

/** ResolveService's reply: interface, protocol, name, type, domain, host, aprotocol, address, port, txt, flags. */
const RESOLVED_SIGNATURE = 'iissssisqaayu';
const LINK_LOCAL = /^fe[89ab][0-9a-f]:/i;

export type Outcome =
  | { kind: 'sighting'; sighting: Sighting }
  | { kind: 'drop'; drop: Drop }
  /** No answer (yet): worth asking again later. */
  | { kind: 'failed'; error: string };

const drop = (reason: string, detail: string): Outcome => ({ kind: 'drop', drop: { kind: 'drop', reason, detail } });

export class AvahiResolver {
  readonly #caller: DbusCaller;
  readonly #slow: DbusCaller;
  readonly #type: string;
  readonly #ownNodeId: Uint8Array;
  readonly #ifnames = new Map<number, string>();

  /** `slow` is for ResolveService, which Avahi answers only once the peer has (or its own timeout passes). */
  constructor(caller: DbusCaller, slow: DbusCaller, type: string, ownNodeId: Uint8Array) {
    this.#caller = caller;
    this.#slow = slow;
    this.#type = type;
    this.#ownNodeId = Uint8Array.from(ownNodeId);
  }

  /** Interface indexes may be reused by another interface after Avahi (or the link) restarts. */
  forget(): void {
    this.#ifnames.clear();
  }

  async resolve(item: BrowsedItem): Promise<Outcome> {
    let body: unknown[];
    try {
      const reply = await this.#slow.call(serverCall(AVAHI_SERVER_IFACE, 'ResolveService', 'iisssiu',
        [item.iface, item.protocol, item.name, this.#type, MDNS_DOMAIN, item.protocol, 0]));
      if (reply.signature !== RESOLVED_SIGNATURE) return drop('signature', `ResolveService -> (${reply.signature ?? ''})`);
      body = reply.body;
    } catch (err) {
      return { kind: 'failed', error: err instanceof CallFailed ? err.errorName ?? err.detail : String(err) };
    }
    const [, , , , , , aprotocol, address, port, txt] = body;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) return drop('port', `port ${String(port)}`);
    const family = aprotocol === PROTO_INET ? 4 : 6;
    if (typeof address !== 'string' || isIP(address) !== family) return drop('address', `address ${String(address).slice(0, 64)}`);
    const id = decodeTxt(txt);
    if (!id.ok) return drop(id.reason, id.detail);
    if (Buffer.from(id.nodeId).equals(this.#ownNodeId)) return drop('self', `${item.name} carries our node id`);
    let where = address;
    if (family === 6 && LINK_LOCAL.test(address)) {
      const ifname = await this.#ifname(item.iface);
      if (ifname === undefined) return { kind: 'failed', error: `no name for interface ${item.iface}` };
      where = `${address}%${ifname}`;
    }
    return { kind: 'sighting', sighting: { source: 'avahi', key: item.name, nodeId: id.nodeId, address: where, sessionPort: port } };
  }

  async #ifname(index: number): Promise<string | undefined> {
    const known = this.#ifnames.get(index);
    if (known !== undefined) return known;
    const name = await this.#caller.call(serverCall(AVAHI_SERVER_IFACE, 'GetNetworkInterfaceNameByIndex', 'i', [index]))
      .then((r) => r.body[0], () => undefined);
    if (!isIfname(name)) return undefined;
    this.#ifnames.set(index, name);
    return name;
  }
}
