/**
 * The files a device image ships must agree with the code: the bus name the
 * daemon requests, the interfaces the policy opens to local users, and a unit
 * hardened enough for a daemon that parses bytes from strangers' laptops.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BUS_NAME } from '../../daemon/service/names.js';

const unit = readFileSync('systemd/satcheld.service', 'utf8');
const policy = readFileSync('systemd/org.satchel.Satchel1.conf', 'utf8');
const activation = readFileSync('systemd/org.satchel.Satchel1.service', 'utf8');
const contract = readFileSync('docs/dbus/org.satchel.Satchel1.xml', 'utf8');
/** Exposure the unit must not exceed (Debian's wpa_supplicant unit rates 9.6). */
const MAX_EXPOSURE = 1.5;

t.test('unit, policy and activation name the bus name the daemon owns', async (t) => {
  t.match(unit, new RegExp(`^BusName=${BUS_NAME}$`, 'm'));
  t.match(unit, /^Type=dbus$/m);
  t.match(unit, /^User=satchel$/m);
  t.notMatch(unit, /DynamicUser=yes/, 'a system-bus service cannot use DynamicUser');
  t.match(activation, new RegExp(`^Name=${BUS_NAME}$`, 'm'));
  t.match(activation, /^SystemdService=satcheld\.service$/m);
  t.match(policy, new RegExp(`<policy user="satchel">\\s*<allow own="${BUS_NAME}"/>`));
  t.notMatch(policy.replace(/<policy user="satchel">[\s\S]*?<\/policy>/, ''), /allow own=/, 'nobody else may own the name');
});

t.test('local users get every interface of the contract but Admin; Admin is for satchel-admin', async (t) => {
  const inContract = [...contract.matchAll(/<interface name="(org\.satchel\.Satchel1\.[A-Za-z]+)"/g)].map((m) => m[1]);
  t.ok(inContract.includes('org.satchel.Satchel1.Admin'));
  const defaultPolicy = /<policy context="default">([\s\S]*?)<\/policy>/.exec(policy)?.[1] ?? '';
  const opened = [...defaultPolicy.matchAll(/send_interface="(org\.satchel\.Satchel1\.[A-Za-z]+)"/g)].map((m) => m[1]);
  t.same([...opened].sort(), inContract.filter((i) => i !== 'org.satchel.Satchel1.Admin').sort());
  t.notMatch(defaultPolicy, /<allow send_destination="org\.satchel\.Satchel1"\/>/, 'no blanket allow for everyone');
  const adminPolicy = /<policy group="satchel-admin">([\s\S]*?)<\/policy>/.exec(policy)?.[1] ?? '';
  t.match(adminPolicy, /send_interface="org\.satchel\.Satchel1\.Admin"/);
});

t.test('systemd rates the unit exposure at 1.5 or lower', async (t) => {
  const out = execFileSync('systemd-analyze', ['security', '--offline=true', './systemd/satcheld.service'], { encoding: 'utf8' });
  const m = /Overall exposure level for satcheld\.service: ([\d.]+)/.exec(out);
  t.ok(m, 'systemd-analyze printed an exposure level');
  t.ok(Number(m?.[1]) <= MAX_EXPOSURE, `exposure ${m?.[1]} <= ${MAX_EXPOSURE}`);
});
