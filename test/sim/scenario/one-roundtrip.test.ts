/**
 * The simulator's own reader of the ONE format takes the generator's files
 * as they are, and reads back the same contacts and messages.
 */
import t from 'tap';
import { parseOneEvents } from '../../../daemon/sim/one-events.js';
import { contactLines, generateSchoolVillage, messageLines } from '../../../daemon/sim/scenario/index.js';

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
