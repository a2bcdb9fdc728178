/**
 * From a MAC to a connectable address: the EUI-64 derivation against known
 * vectors, and the neighbour-table path on a real veth link between two
 * network namespaces.
 */
import { execFileSync } from 'node:child_process';
import t from 'tap';
import { eui64LinkLocal, formatIpv6, macFromBytes, normaliseMac } from '../../../daemon/discovery/sources/mac-address.js';
import { createMacResolver, isIfname, lookupNeighbour, pickNeighbour } from '../../../daemon/discovery/sources/mac-resolver.js';
import { createLinkedPair, ip, netnsUnavailable, type Side } from '../fixtures/netns.js';

t.test('modified EUI-64 link-local addresses (RFC 4291 2.5.1 and appendix A)', async (t) => {
  // RFC 4291 appendix A: 34-56-78-9A-BC-DE gives interface identifier 3656:78ff:fe9a:bcde.
  t.equal(eui64LinkLocal('34:56:78:9a:bc:de'), 'fe80::3656:78ff:fe9a:bcde');
  t.equal(eui64LinkLocal('34-56-78-9A-BC-DE'), 'fe80::3656:78ff:fe9a:bcde', 'either notation');
  // A universal address gains the U/L bit; a locally administered one loses it.
  t.equal(eui64LinkLocal('00:1b:21:3a:4f:5c'), 'fe80::21b:21ff:fe3a:4f5c');
  t.equal(eui64LinkLocal('02:00:00:00:00:01'), 'fe80::ff:fe00:1');
  t.equal(eui64LinkLocal('52:54:00:12:34:56'), 'fe80::5054:ff:fe12:3456', 'a QEMU NIC');
  t.equal(eui64LinkLocal('fe:ff:ff:ff:ff:ff'), 'fe80::fcff:ffff:feff:ffff');
  t.throws(() => eui64LinkLocal('02:00:00:00:01'), TypeError);
});

t.test('RFC 5952 text for IPv6', async (t) => {
  t.equal(formatIpv6([0xfe80, 0, 0, 0, 0, 0, 0, 1]), 'fe80::1');
  t.equal(formatIpv6([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]), '2001:db8::1:0:0:1', 'the first of two equal runs');
  t.equal(formatIpv6([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1]), '2001:db8:0:1:1:1:1:1', 'a single zero stays');
  t.equal(formatIpv6([0, 0, 0, 0, 0, 0, 0, 0]), '::');
});

t.test('MACs from raw bytes: stations only', async (t) => {
  t.equal(macFromBytes(Buffer.from([0x02, 0x5a, 0, 0, 0, 0x0a])), '02:5a:00:00:00:0a');
  t.equal(macFromBytes(new Uint8Array([1, 0, 0x5e, 0, 0, 1])), undefined, 'multicast');
  t.equal(macFromBytes(new Uint8Array(6)), undefined, 'all zeros');
  t.equal(macFromBytes(new Uint8Array(5).fill(2)), undefined, 'too short');
  t.equal(macFromBytes('02:5a:00:00:00:0a'), undefined, 'text is not bytes');
  t.equal(normaliseMac(' 02-5A-00-00-00-0A '), '02:5a:00:00:00:0a');
  t.equal(normaliseMac('02:5a:00:00:00'), undefined);
});

t.test('interface names that may go on an ip command line', async (t) => {
  for (const ok of ['mesh0', 'wlp2s0', 'sdab12cda', 'br-lan.1']) t.ok(isIfname(ok), ok);
  for (const bad of ['', '-rf', 'a/b', 'a b', 'a:1', 'a%b', '.', '..', 'x'.repeat(16), 7]) t.notOk(isIfname(bad), String(bad));
});

t.test('picking from ip -6 -j neigh output', async (t) => {
  const mac = '02:5a:00:00:00:0a';
  const rows = [
    { dst: '2001:db8::5a', lladdr: mac, state: ['STALE'] },
    { dst: 'fe80::dead', lladdr: '02:5a:00:00:00:0b', state: ['REACHABLE'] },
    { dst: 'fe80::1', lladdr: '02:5A:00:00:00:0A', state: ['FAILED'] },
    { dst: 'FE80::5A', lladdr: '02:5A:00:00:00:0A', state: ['REACHABLE'] },
  ];
  t.equal(pickNeighbour(JSON.stringify(rows), mac, 'mesh0'), 'fe80::5a%mesh0', 'live, link-local first, any case');
  t.equal(pickNeighbour(JSON.stringify(rows.slice(0, 1)), mac, 'mesh0'), '2001:db8::5a', 'global when that is all');
  t.equal(pickNeighbour(JSON.stringify(rows.slice(1, 3)), mac, 'mesh0'), undefined, 'failed entries and other MACs');
  t.equal(pickNeighbour('not json', mac, 'mesh0'), undefined);
  t.equal(pickNeighbour('{"dst":"fe80::1"}', mac, 'mesh0'), undefined);
  t.equal(pickNeighbour('[null, 7, {"dst": 1, "lladdr": []}]', mac, 'mesh0'), undefined);
});

t.test('no ip binary, or a bad name: the guess, never an exception', async (t) => {
  const guess = createMacResolver({ ipBinary: '/nonexistent/ip' });
  t.equal(await guess('02:5a:00:00:00:0a', 'mesh0'), 'fe80::5a:ff:fe00:a%mesh0');
  t.equal(await guess('02:5a:00:00:00:0a', '-rf'), undefined, 'refuses a name ip would misread');
  t.equal(await guess('nonsense', 'mesh0'), undefined);
  t.equal(await createMacResolver({ ipBinary: '/nonexistent/ip', eui64Fallback: false })('02:5a:00:00:00:0a', 'mesh0'), undefined);
});

const skip = netnsUnavailable();

function macOf(s: Side): string {
  const [link] = JSON.parse(ip('-n', s.ns, '-j', 'link', 'show', 'dev', s.iface)) as { address: string }[];
  return link!.address;
}

function linkLocalOf(s: Side): string[] {
  const [dev] = JSON.parse(ip('-n', s.ns, '-6', '-j', 'addr', 'show', 'dev', s.iface, 'scope', 'link')) as {
    addr_info: { local: string }[];
  }[];
  return dev!.addr_info.map((a) => a.local);
}

/** One unicast UDP datagram from inside `from`: the kernel must resolve the neighbour to send it. */
function sendUdp(from: Side, to: string): void {
  const js = `const s=require('dgram').createSocket('udp6');s.send('x',9,${JSON.stringify(to)},()=>s.close())`;
  execFileSync('ip', ['netns', 'exec', from.ns, process.execPath, '-e', js], { stdio: 'ignore' });
}

async function eventually<T>(f: () => Promise<T | undefined>, ms = 5_000): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

t.test('on a real link', { skip: skip ?? false }, async (t) => {
  const { a, b } = await createLinkedPair(t);
  const macB = macOf(b);

  t.test('the EUI-64 guess is the kernel\'s own link-local address (addr_gen_mode eui64)', async (t) => {
    t.same(linkLocalOf(b), [eui64LinkLocal(macB)]);
    const resolve = createMacResolver({ netns: a.ns });
    t.equal(await resolve(macB, a.iface), `${eui64LinkLocal(macB)}%${a.iface}`, 'nothing in the table yet: the guess');
  });

  t.test('an address the guess cannot know comes from the neighbour table', async (t) => {
    // As with stable-privacy addresses: the link-local address is not derived from the MAC.
    ip('-n', b.ns, '-6', 'addr', 'flush', 'dev', b.iface, 'scope', 'link');
    ip('-n', b.ns, '-6', 'addr', 'add', 'fe80::5a7c:4e1:9d2:77/64', 'dev', b.iface, 'nodad');
    t.equal(await lookupNeighbour(macB, a.iface, { netns: a.ns }), undefined, 'not there before traffic');
    sendUdp(a, `fe80::5a7c:4e1:9d2:77%${a.iface}`);
    const found = await eventually(() => lookupNeighbour(macB, a.iface, { netns: a.ns }));
    t.equal(found, `fe80::5a7c:4e1:9d2:77%${a.iface}`);
    t.equal(await createMacResolver({ netns: a.ns })(macB, a.iface), found, 'and the resolver prefers it to the guess');
    t.equal(await createMacResolver({ netns: a.ns, eui64Fallback: false })('02:5a:00:00:00:99', a.iface), undefined,
      'an unknown MAC, no guessing');
  });
});
