/** `satchel contacts` lists the people this laptop's user keeps; `contacts add ID` adds someone seen before. */
import { defineCommand } from '../command.js';
import { CliError } from '../cli-error.js';
import { addContact, listContacts, type Rec } from '../daemon-api.js';
import { ago, plural } from '../format.js';
import { userIdArg } from '../ids.js';
import { table } from '../table.js';
import { bool, num, str } from '../unwrap.js';

export interface ContactView { id: string; display_name: string; fingerprint: string; verified: boolean; added_ms: number }

/** `contacts` gives `contacts`; `contacts add` gives the one `contact` added. */
export type ContactsView = { count: number; contacts: ContactView[] } | { contact: ContactView };

const contactView = (c: Rec): ContactView => ({
  id: str(c, 'id'), display_name: str(c, 'display_name'), fingerprint: str(c, 'fingerprint'),
  verified: bool(c, 'verified'), added_ms: num(c, 'added_ms'),
});

export const contactsCommand = defineCommand<ContactsView>({
  name: 'contacts',
  summary: 'list contacts, or add someone nearby or seen before',
  synopsis: 'contacts [add USER_ID]',
  details: 'add: USER_ID must be a neighbour now or have been met before (exit 4 otherwise).',
  positionals: [0, 2],
  async run(ctx, { positionals }) {
    const [verb, id] = positionals;
    if (verb === undefined) {
      const contacts = (await listContacts(await ctx.daemon())).map(contactView).sort((a, b) => a.display_name.localeCompare(b.display_name));
      return { data: { count: contacts.length, contacts } };
    }
    if (verb !== 'add' || id === undefined) throw CliError.usage(`contacts takes nothing or "add USER_ID", not ${JSON.stringify(positionals.join(' '))}`);
    return { data: { contact: contactView(await addContact(await ctx.daemon(), userIdArg(id, 'USER_ID'))) } };
  },
  render(v, now) {
    if ('contact' in v) return `added ${v.contact.display_name || '(no name)'} (${v.contact.id}), fingerprint ${v.contact.fingerprint}: check it in person`;
    if (v.count === 0) return 'no contacts';
    return `${plural(v.count, 'contact')}\n` + table(v.contacts, [
      { header: 'NAME', value: (c) => c.display_name || '-' },
      { header: 'USER ID', value: (c) => c.id },
      { header: 'FINGERPRINT', value: (c) => c.fingerprint },
      { header: 'VERIFIED', value: (c) => (c.verified ? 'yes' : 'NO') },
      { header: 'ADDED', value: (c) => ago(c.added_ms, now) },
    ]);
  },
});
