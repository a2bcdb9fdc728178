/**
 * org.satchel.Satchel1.Admin: what only root and the satchel-admin group may
 * do. The bus enforces that (systemd/org.satchel.Satchel1.conf); these
 * methods never trust a caller to have been checked elsewhere for anything
 * but that.
 */
import { checkMessageId } from '../messenger/validate.js';
import { configDict } from './records.js';
import type { InterfaceSpec } from './member-spec.js';
import { ADMIN_INTERFACE } from './names.js';

export const adminInterface: InterfaceSpec = {
  name: ADMIN_INTERFACE,
  methods: [
    {
      name: 'GetConfig',
      in: [],
      out: [{ name: 'config', type: 'a{sv}' }],
      run: (ctx) => [configDict({ config_path: ctx.daemonInfo().configPath, ...ctx.daemonInfo().config })],
    },
    {
      name: 'Purge',
      in: [{ name: 'message_id', type: 's' }],
      out: [],
      run: async (ctx, [id]) => {
        await ctx.messenger.purge(checkMessageId(id as string, 'message_id'));
        return [];
      },
    },
    {
      name: 'ExportIdentity',
      in: [{ name: 'passphrase', type: 's' }],
      out: [{ name: 'backup', type: 'ay' }],
      run: (ctx, [passphrase]) => [Buffer.from(ctx.messenger.exportIdentity(passphrase as string))],
    },
  ],
  signals: [],
};
