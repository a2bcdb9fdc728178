/**
 * The simulator's own reader of the ONE format takes the generator's files
 * as they are, and reads back the same contacts and messages.
 */
import t from 'tap';
import { parseOneEvents } from '../../../daemon/sim/one-events.js';
import { contactLines, generateSchoolVillage, hostMapJson, messageLines, relayPointMap } from '../../../daemon/sim/scenario/index.js';

t.test('generated contacts and messages parse with the simulator reader, unchanged', async (t) => {
  for (const sizeProfile of ['text', 'drawing'] as const) {
    const s = generateSchoolVillage({ days: 2, sizeProfile });
    const contacts = parseOneEvents(contactLines(s.contacts), 'contacts.txt');
    const messages = parseOneEvents(messageLines(s.messages), 'messages.txt');
    t.equal(contacts.skipped + messages.skipped, 0);
    t.same(contacts.contacts, s.contacts.map((c) => ({ timeS: c.timeS, a: String(c.a), b: String(c.b), up: c.up })));
    t.same(messages.messages, s.messages.map((m) => ({ timeS: m.timeS, id: m.id, from: String(m.from), to: String(m.to), sizeBytes: m.sizeBytes })));
    t.equal(contacts.hosts.length, s.hosts.length, `${sizeProfile}: every host meets someone`);
  }
});

t.test('relay points from the host map: each server serves its village, the mule none', async (t) => {
  const s = generateSchoolVillage({ seed: 1, villages: 2, days: 1 });
  const fromJson = JSON.parse(hostMapJson(s.params, s.hosts)) as { hosts: unknown[] };
  const map = relayPointMap(fromJson.hosts);
  const servers = s.hosts.filter((h) => h.role === 'relay');
  t.equal(servers.length, 2);
  for (const h of servers) t.equal(map[String(h.host)], `v${h.village}`);
  const mule = s.hosts.find((h) => h.role === 'mule');
  t.equal(map[String(mule?.host)], '', 'the mule: a relay point with no place');
  t.equal(Object.keys(map).length, 3, 'nobody else');
  t.same(relayPointMap([null, 'x', { host: 'a', role: 'relay', village: 1 }, { host: 3, role: 'relay' }, { host: 4, role: 'child', village: 0 }]), {}, 'junk is skipped');
});
