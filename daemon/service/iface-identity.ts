/** org.satchel.Satchel1.Identity: who the user of this laptop is. */
import { identityDict } from './records.js';
import type { InterfaceSpec } from './member-spec.js';
import { IDENTITY_INTERFACE } from './names.js';

export const identityInterface: InterfaceSpec = {
  name: IDENTITY_INTERFACE,
  methods: [
    {
      name: 'GetIdentity',
      in: [],
      out: [{ name: 'identity', type: 'a{sv}' }],
      run: (ctx) => [identityDict(ctx.messenger.identity())],
    },
    {
      name: 'SetDisplayName',
      in: [{ name: 'name', type: 's' }],
      out: [],
      run: async (ctx, [name]) => {
        await ctx.messenger.setDisplayName(name as string);
        return [];
      },
    },
  ],
  signals: [{ name: 'IdentityChanged', args: [{ name: 'identity', type: 'a{sv}' }] }],
};
