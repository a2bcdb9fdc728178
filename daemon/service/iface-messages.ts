/** org.satchel.Satchel1.Messages: sending, reading and following messages. */
import { closeSync } from 'node:fs';
import { mediaTypeFor } from '../messenger/attachment-rules.js';
import { checkMessageId, checkUserId } from '../messenger/validate.js';
import { readFileFromFd, readFileFromPath } from './attachment-input.js';
import { conversationDict, messageDict, outboxDict, traceDict } from './records.js';
import type { InterfaceSpec } from './member-spec.js';
import { MESSAGES_INTERFACE } from './names.js';

export const messagesInterface: InterfaceSpec = {
  name: MESSAGES_INTERFACE,
  methods: [
    {
      name: 'Send',
      in: [{ name: 'contact_id', type: 's' }, { name: 'text', type: 's' }],
      out: [{ name: 'message_id', type: 's' }],
      run: async (ctx, [contactId, text]) => [
        await ctx.messenger.send(checkUserId(contactId as string, 'contact_id'), text as string),
      ],
    },
    {
      name: 'SendWithAttachment',
      in: [{ name: 'contact_id', type: 's' }, { name: 'text', type: 's' }, { name: 'path', type: 's' }],
      out: [{ name: 'message_id', type: 's' }],
      run: async (ctx, [contactId, text, path]) => {
        const to = checkUserId(contactId as string, 'contact_id');
        const file = readFileFromPath(path as string, ctx.messenger.attachmentMaxBytes(), ctx.messenger.storeUse().path);
        return [await ctx.messenger.sendWithAttachment(to, text as string, { ...file, mediaType: mediaTypeFor(file.name) })];
      },
    },
    {
      name: 'SendWithAttachmentFd',
      in: [{ name: 'contact_id', type: 's' }, { name: 'text', type: 's' }, { name: 'name', type: 's' }, { name: 'fd', type: 'h' }],
      out: [{ name: 'message_id', type: 's' }],
      run: async (ctx, [contactId, text, name, fd]) => {
        // The descriptor is ours now: closed whatever happens.
        let bytes: Uint8Array;
        try {
          bytes = readFileFromFd(fd as number, ctx.messenger.attachmentMaxBytes(), 'fd');
        } finally {
          try {
            closeSync(fd as number);
          } catch {
            // -1 stands for a descriptor that never came (see usocket-compat.ts).
          }
        }
        const to = checkUserId(contactId as string, 'contact_id');
        return [await ctx.messenger.sendWithAttachment(to, text as string, { name: name as string, bytes, mediaType: mediaTypeFor(name as string) })];
      },
    },
    {
      name: 'ListConversations',
      in: [],
      out: [{ name: 'conversations', type: 'aa{sv}' }],
      run: (ctx) => [ctx.messenger.conversations().map(conversationDict)],
    },
    {
      name: 'ListMessages',
      in: [{ name: 'contact_id', type: 's' }, { name: 'limit', type: 'u' }],
      out: [{ name: 'messages', type: 'aa{sv}' }],
      run: (ctx, [contactId, limit]) => {
        const id = checkUserId(contactId as string, 'contact_id');
        // 0 means "all": D-Bus has no optional arguments.
        const opts = (limit as number) > 0 ? { limit: limit as number } : {};
        return [ctx.messenger.messages(id, opts).map(messageDict)];
      },
    },
    {
      name: 'MarkRead',
      in: [{ name: 'ids', type: 'as' }],
      out: [],
      run: async (ctx, [ids]) => {
        await ctx.messenger.markRead((ids as string[]).map((id, i) => checkMessageId(id, `ids[${i}]`)));
        return [];
      },
    },
    {
      name: 'ListOutbox',
      in: [],
      out: [{ name: 'entries', type: 'aa{sv}' }],
      run: (ctx) => [ctx.messenger.outbox().map(outboxDict)],
    },
    {
      name: 'Trace',
      in: [{ name: 'message_id', type: 's' }],
      out: [{ name: 'events', type: 'aa{sv}' }],
      run: (ctx, [id]) => [ctx.messenger.trace(checkMessageId(id as string, 'message_id')).map(traceDict)],
    },
  ],
  signals: [
    { name: 'MessageReceived', args: [{ name: 'message', type: 'a{sv}' }] },
    {
      name: 'MessageStateChanged',
      args: [
        { name: 'id', type: 's' },
        { name: 'contact_id', type: 's' },
        { name: 'state', type: 's' },
        { name: 'reason', type: 's' },
      ],
    },
  ],
};
