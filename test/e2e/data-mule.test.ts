/**
 * Use case "catch the bus": a school laptop L carries mail between the
 * school and a village it never visits. The village's relay point R runs an
 * access point (a veth to L whose L end is down until L "joins" it); a
 * village laptop V left a message for L's user with R earlier, and L's user
 * has one queued for V. wpa_supplicant (the stand-in) on L's bus reports R's
 * SSID; the real satcheld joins through nmcli (the stand-in, first on PATH,
 * which brings L's end of the link up), syncs with R, and goes back to the
 * school network (L's end down again). Both messages then finish their
 * journeys: V's is in L's activity, L's reaches V the next time V meets R.
 */
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ip } from '../discovery/fixtures/netns.js';
import { WpaStandin } from '../discovery/sources/fixtures/wpa-standin.js';
import { startNmcli } from '../mule/fixtures/nmcli-standin.js';
import type { Activity, Identity, Message } from './fixtures/activity.js';
import { e2eUnavailable, logsOf, type Laptop } from './fixtures/laptop.js';
import { createLine } from './fixtures/line.js';
import { waitFor } from './fixtures/wait.js';

const skip = e2eUnavailable();
if (skip) t.plan(0, skip);

const RELAY_SSID = 'satchel-relay';
const RELAY_BSSID = '02:5a:00:00:02:01';
/** Beacons, a dial, reconciliation and transfer on one link. */
const PHASE_WAIT_MS = 40_000;
/** The whole visit: join, meet, sync, MULE_QUIET_MS of quiet, return. */
const VISIT_WAIT_MS = 60_000;
/** The laptop's visit budget; far above what the sync needs, so the cycle ends as 'synced'. */
const BUDGET_S = 60;

interface Node { laptop: Laptop; app: Activity; me: Identity }

function linkUp(ns: string, iface: string): boolean {
  const flags = /<([^>]*)>/.exec(ip('-n', ns, '-o', 'link', 'show', iface))?.[1] ?? '';
  return flags.split(',').includes('UP');
}

async function carried(n: Node): Promise<number> {
  return Number((await n.app.status())['carry_envelopes']);
}

async function message(n: Node, contactId: string, id: string): Promise<Message | undefined> {
  return (await n.app.messages(contactId, 0)).find((m) => m.id === id);
}

/** V and L meet once at school on a link of their own, then it is removed. */
async function introduce(v: Node, l: Node): Promise<void> {
  const tag = randomBytes(2).toString('hex');
  const [iv, il] = [`sm${tag}v`, `sm${tag}l`];
  ip('link', 'add', iv, 'netns', v.laptop.ns, 'type', 'veth', 'peer', 'name', il, 'netns', l.laptop.ns);
  ip('-n', v.laptop.ns, 'addr', 'add', '10.75.0.1/24', 'dev', iv);
  ip('-n', l.laptop.ns, 'addr', 'add', '10.75.0.2/24', 'dev', il);
  ip('-n', v.laptop.ns, 'link', 'set', iv, 'up');
  ip('-n', l.laptop.ns, 'link', 'set', il, 'up');
  await waitFor(async () => (await v.app.neighbours()).some((x) => x.id === l.me.id) && (await l.app.neighbours()).some((x) => x.id === v.me.id),
    'V and L to meet at school', PHASE_WAIT_MS, () => logsOf(v.laptop, l.laptop));
  await v.app.addContact(l.me.id);
  await l.app.addContact(v.me.id);
  ip('-n', v.laptop.ns, 'link', 'del', iv);
}

t.test('a relay point\'s SSID appears: the laptop joins it, both ways of mail move, and it is back on its network', async (t) => {
  const line = await createLine(t, ['V', 'R', 'L']);
  const [v, r, l] = line.laptops as [Laptop, Laptop, Laptop];
  const bus = line.links[1]!;
  // R's access point is always on; L's radio is on the school network until it joins.
  ip('-n', bus.left.ns, 'link', 'set', bus.left.iface, 'up');
  const lIface = bus.right.iface;
  const nmcli = await startNmcli(t, {
    iface: lIface, current: 'school',
    networks: [
      { ssid: 'school', bssid: '02:5a:00:00:02:00' },
      {
        ssid: RELAY_SSID, bssid: RELAY_BSSID,
        up: [['ip', '-n', l.ns, 'link', 'set', lIface, 'up']],
        down: [['ip', '-n', l.ns, 'link', 'set', lIface, 'down']],
      },
    ],
  });
  const rConf = join(r.dir, 'relay.conf');
  await writeFile(rConf, '[relay]\nenabled = true\nplace = village\n');
  const lConf = join(l.dir, 'mule.conf');
  await writeFile(lConf, `[mule]\nssids = ${RELAY_SSID}\nbudget_s = ${BUDGET_S}\n`);
  const wpa = await WpaStandin.start(t, l.address);
  const wlan = await wpa.addInterface({ ifname: lIface });

  const apps = await Promise.all(line.laptops.map((x) => x.activity(t)));
  await Promise.all([
    v.start(),
    r.start(['--config', rConf]),
    l.start(['--config', lConf], { PATH: nmcli.env.PATH, NMCLI_STANDIN_STATE: nmcli.env.NMCLI_STANDIN_STATE }),
  ]);
  const [V, R, L] = await Promise.all(line.laptops.map(async (laptop, i) => ({ laptop, app: apps[i]!, me: await apps[i]!.identity() }))) as [Node, Node, Node];
  const all = (): string => logsOf(v, r, l);
  const nmcliLog = async (): Promise<string> => `nmcli calls: ${JSON.stringify(await nmcli.calls())}\n${all()}`;
  await introduce(V, L);

  // Earlier, in the village: V leaves a message for L's user with the relay point.
  await line.up(0);
  const fromVillage = await V.app.send(L.me.id, 'the well is fixed; tell the teacher');
  await waitFor(async () => (await message(V, L.me.id, fromVillage))?.state === 'carried' && (await carried(R)) === 1,
    'R to carry V\'s message for L', PHASE_WAIT_MS, all);
  line.down(0);

  // At school: L's user writes to V; nobody in range can take it.
  const toVillage = await L.app.send(V.me.id, 'exam on friday, bring a pencil');
  t.equal((await message(L, V.me.id, toVillage))?.state, 'waiting', 'L\'s message waits: R is out of reach');
  t.notOk(linkUp(l.ns, lIface), 'L is not on the relay point\'s network yet');
  t.same((await nmcli.calls()).filter((a) => a.includes('connect')), [], 'no join before the SSID is seen');

  // The bus arrives: wpa_supplicant sees the relay point's access point.
  await wpa.bssAdded(wlan, RELAY_BSSID, RELAY_SSID);
  await waitFor(async () => (await nmcli.calls()).some((a) => a.includes('connect') && a.includes(RELAY_SSID)),
    'L to join the relay point\'s network through nmcli', PHASE_WAIT_MS, nmcliLog);

  await waitFor(() => L.app.received().find((m) => m.id === fromVillage),
    'V\'s message to reach L\'s activity through R', VISIT_WAIT_MS, all);
  t.match(L.app.received().filter((m) => m.id === fromVillage), [{ contact_id: V.me.id, text: 'the well is fixed; tell the teacher' }],
    'L\'s user got V\'s message once, from V');
  await waitFor(async () => (await message(L, V.me.id, toVillage))?.state === 'carried',
    'R to take L\'s message for V', VISIT_WAIT_MS, all);

  // The cycle ends on its own once the link is quiet, well inside the budget.
  await waitFor(async () => (await nmcli.state()).current === 'school' && !linkUp(l.ns, lIface),
    'L to return to the school network', VISIT_WAIT_MS, nmcliLog);
  const joins = (await nmcli.calls()).filter((a) => a.includes('connect')).map((a) => a[a.indexOf('connect') + 1]);
  t.same(joins, [RELAY_SSID, 'school'], 'nmcli joined the relay point, then the school network, and nothing else');
  const counters = await L.app.counters();
  t.equal(counters['mule.cycles'], 1, 'one data-mule cycle');
  t.equal(counters['mule.outcome.synced'], 1, 'it ended because the sync was done, not on the budget');
  // L's message for V and L's sealed receipt for V's message, both handed over by L; V's own copy went with L's proof.
  t.match(await R.app.status(), { carry_envelopes: 2, carry_sources: 1, proofs: 1 },
    'R carries only what L handed over, and dropped V\'s delivered message');

  // Later, in the village: V meets R again and L's message arrives; V learns its own was delivered.
  await line.up(0);
  await waitFor(() => V.app.received().find((m) => m.id === toVillage),
    'L\'s message to reach V\'s activity through R', PHASE_WAIT_MS, all);
  t.match(V.app.received().filter((m) => m.id === toVillage), [{ contact_id: L.me.id, text: 'exam on friday, bring a pencil' }],
    'V\'s user got L\'s message once, from L');
  await waitFor(async () => (await message(V, L.me.id, fromVillage))?.state === 'delivered',
    'V to learn its message was delivered', PHASE_WAIT_MS, all);
  t.notOk(linkUp(l.ns, lIface), 'L stayed on the school network');
});
