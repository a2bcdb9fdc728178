/** org.satchel.Satchel1.Drafts: messages started but not sent yet, kept across restarts. */
import { checkDraftId, checkUserId } from '../messenger/validate.js';
import { draftDict } from './records.js';
import type { InterfaceSpec } from './member-spec.js';
import { DRAFTS_INTERFACE } from './names.js';

export const draftsInterface: InterfaceSpec = {
  name: DRAFTS_INTERFACE,
  methods: [
    {
      name: 'SaveDraft',
      in: [{ name: 'contact_id', type: 's' }, { name: 'text', type: 's' }],
      out: [{ name: 'draft_id', type: 's' }],
      run: async (ctx, [contactId, text]) => [
        await ctx.drafts.save(checkUserId(contactId as string, 'contact_id'), text as string),
      ],
    },
    {
      name: 'ListDrafts',
      in: [{ name: 'contact_id', type: 's' }],
      out: [{ name: 'drafts', type: 'aa{sv}' }],
      run: (ctx, [contactId]) => {
        // '' means "everyone": D-Bus has no optional arguments.
        const id = contactId === '' ? undefined : checkUserId(contactId as string, 'contact_id');
        return [ctx.drafts.list(id).map(draftDict)];
      },
    },
    {
      name: 'UpdateDraft',
      in: [{ name: 'draft_id', type: 's' }, { name: 'text', type: 's' }],
      out: [],
      run: async (ctx, [id, text]) => {
        await ctx.drafts.update(checkDraftId(id as string, 'draft_id'), text as string);
        return [];
      },
    },
    {
      name: 'DiscardDraft',
      in: [{ name: 'draft_id', type: 's' }],
      out: [],
      run: async (ctx, [id]) => {
        await ctx.drafts.discard(checkDraftId(id as string, 'draft_id'));
        return [];
      },
    },
    {
      name: 'SendDraft',
      in: [{ name: 'draft_id', type: 's' }],
      out: [{ name: 'message_id', type: 's' }],
      run: async (ctx, [id]) => [await ctx.drafts.sendDraft(checkDraftId(id as string, 'draft_id'))],
    },
  ],
  signals: [
    { name: 'DraftChanged', args: [{ name: 'draft', type: 'a{sv}' }] },
    {
      name: 'DraftRemoved',
      args: [
        { name: 'id', type: 's' },
        { name: 'contact_id', type: 's' },
        { name: 'message_id', type: 's' },
      ],
    },
  ],
};
