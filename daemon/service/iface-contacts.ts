/** org.satchel.Satchel1.Contacts: laptops nearby and people we keep. */
import { checkUserId } from '../messenger/validate.js';
import { contactDict, neighbourDict } from './records.js';
import type { InterfaceSpec } from './member-spec.js';
import { CONTACTS_INTERFACE } from './names.js';

export const contactsInterface: InterfaceSpec = {
  name: CONTACTS_INTERFACE,
  methods: [
    {
      name: 'ListNeighbours',
      in: [],
      out: [{ name: 'neighbours', type: 'aa{sv}' }],
      run: (ctx) => [ctx.messenger.neighbours().map((n) => neighbourDict(n, ctx.neighbourSeen(n.nodeId)))],
    },
    {
      name: 'ListContacts',
      in: [],
      out: [{ name: 'contacts', type: 'aa{sv}' }],
      run: (ctx) => [ctx.messenger.contacts().map(contactDict)],
    },
    {
      name: 'AddContact',
      in: [{ name: 'id', type: 's' }],
      out: [{ name: 'contact', type: 'a{sv}' }],
      run: async (ctx, [id]) => [contactDict(await ctx.messenger.addContact(checkUserId(id as string, 'id')))],
    },
  ],
  signals: [
    { name: 'NeighbourAppeared', args: [{ name: 'neighbour', type: 'a{sv}' }] },
    { name: 'NeighbourGone', args: [{ name: 'id', type: 's' }, { name: 'node_id', type: 's' }] },
  ],
};
