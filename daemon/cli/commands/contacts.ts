/**
 * `satchel contacts`: the people this laptop's user keeps and how far each
 * is trusted; `add ID`, `pending`, `confirm ID`, and `verify ID` for the
 * in-person check (the code, then --matches or --differs as the child says).
 */
import { defineCommand } from '../command.js';
import { CliError } from '../cli-error.js';
import { addContact, listContacts, type Rec } from '../daemon-api.js';
import { confirmPending, confirmVerification, getVerificationCode, listPending } from '../contacts-api.js';
import { EXIT } from '../exit-codes.js';
import { ago, plural } from '../format.js';
import { userIdArg } from '../ids.js';
import { table } from '../table.js';
import { bool, num, str } from '../unwrap.js';

export interface ContactView {
  id: string; display_name: string; fingerprint: string; trust: string; verified: boolean; added_ms: number;
  verified_ms: number; failed_checks: number; origin: string;
}

/** A list (`contacts`, `contacts pending`), one changed contact, or a verification step. */
export type ContactsView =
  | { count: number; contacts: ContactView[]; pending?: true }
  | { contact: ContactView; action: 'added' | 'confirmed' }
  | { id: string; code: string; result?: 'verified' | 'differs'; contact?: ContactView };

const contactView = (c: Rec): ContactView => ({
  id: str(c, 'id'), display_name: str(c, 'display_name'), fingerprint: str(c, 'fingerprint'),
  // A daemon from before trust levels only says verified or not.
  trust: str(c, 'trust', bool(c, 'verified') ? 'verified' : 'added'), verified: bool(c, 'verified'), added_ms: num(c, 'added_ms'),
  verified_ms: num(c, 'verified_ms'), failed_checks: num(c, 'failed_checks'), origin: str(c, 'origin'),
});

const byName = (a: ContactView, b: ContactView): number => a.display_name.localeCompare(b.display_name);
const who = (c: ContactView): string => `${c.display_name || '(no name)'} (${c.id})`;

export const contactsCommand = defineCommand<ContactsView>({
  name: 'contacts',
  summary: 'contacts and their trust; add, confirm pending ones, verify in person',
  synopsis: 'contacts [add USER_ID | pending | confirm USER_ID | verify USER_ID [--matches | --differs]]',
  details: [
    'TRUST is added (added here, not verified), verified (codes compared in person) or',
    'pending (made on another laptop or restored: not a contact until confirmed here).',
    'add USER_ID      someone nearby or met before (exit 4 otherwise)',
    'pending          contacts waiting for confirmation',
    'confirm USER_ID  the owner confirms a pending contact',
    'verify USER_ID   shows the code to compare with the other laptop\'s screen;',
    '  --matches      the two codes are the same: the contact becomes verified',
    '  --differs      they are not: recorded as a failed check (exit 1), never verified',
  ].join('\n'),
  options: { matches: { type: 'boolean' }, differs: { type: 'boolean' } },
  positionals: [0, 2],
  async run(ctx, { positionals, values }) {
    const [verb, rawId] = positionals;
    const matches = values['matches'] === true;
    const differs = values['differs'] === true;
    if ((matches || differs) && verb !== 'verify') throw CliError.usage('--matches and --differs go with "contacts verify USER_ID"');
    if (matches && differs) throw CliError.usage('say --matches or --differs, not both');
    if (verb === undefined || verb === 'pending') {
      if (rawId !== undefined) throw CliError.usage(`contacts ${verb ?? ''} takes no USER_ID`);
      const c = await ctx.daemon();
      const contacts = (await (verb === 'pending' ? listPending(c) : listContacts(c))).map(contactView).sort(byName);
      return { data: { count: contacts.length, contacts, ...(verb === 'pending' ? { pending: true as const } : {}) } };
    }
    if (rawId === undefined) throw CliError.usage(`contacts ${verb} needs a USER_ID`);
    const id = userIdArg(rawId, 'USER_ID');
    const c = await ctx.daemon();
    switch (verb) {
      case 'add': return { data: { contact: contactView(await addContact(c, id)), action: 'added' } };
      case 'confirm': return { data: { contact: contactView(await confirmPending(c, id)), action: 'confirmed' } };
      case 'verify': {
        const code = await getVerificationCode(c, id);
        if (!matches && !differs) return { data: { id, code } };
        const contact = contactView(await confirmVerification(c, id, matches));
        return { data: { id, code, result: matches ? 'verified' : 'differs', contact }, ...(differs ? { exitCode: EXIT.PROBLEM } : {}) };
      }
      default: throw CliError.usage(`contacts takes add, pending, confirm or verify, not ${JSON.stringify(verb)}`);
    }
  },
  render(v, now) {
    if ('code' in v) {
      if (v.result === 'verified') return `verified ${v.contact ? who(v.contact) : v.id}: the codes matched`;
      if (v.result === 'differs') {
        return `the codes differed for ${v.contact ? who(v.contact) : v.id}: NOT verified (failed checks: ${v.contact?.failed_checks ?? '?'}).\n`
          + 'Someone may be between the two laptops. Do not trust this contact until the codes match.';
      }
      return `verification code for ${v.id}:\n\n    ${v.code}\n\n`
        + 'Both laptops must show the same digits. Then run again with --matches, or --differs if they are not the same.';
    }
    if ('contact' in v) {
      return v.action === 'added'
        ? `added ${who(v.contact)}, fingerprint ${v.contact.fingerprint}: check it in person (satchel contacts verify ${v.contact.id})`
        : `confirmed ${who(v.contact)}: now a contact (${v.contact.trust})`;
    }
    if (v.count === 0) return v.pending ? 'no pending contacts' : 'no contacts';
    return `${plural(v.count, v.pending ? 'pending contact' : 'contact')}\n` + table(v.contacts, [
      { header: 'NAME', value: (c) => c.display_name || '-' },
      { header: 'USER ID', value: (c) => c.id },
      { header: 'FINGERPRINT', value: (c) => c.fingerprint },
      { header: 'TRUST', value: (c) => (c.trust === 'verified' ? 'verified' : c.trust.toUpperCase()) },
      ...(v.pending ? [{ header: 'FROM', value: (c: ContactView) => c.origin || '-' }] : [{ header: 'FAILED CHECKS', value: (c: ContactView) => String(c.failed_checks), align: 'right' as const }]),
      { header: 'ADDED', value: (c) => ago(c.added_ms, now) },
    ]);
  },
});
