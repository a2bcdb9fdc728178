/**
 * org.satchel.Satchel1.Contacts: laptops nearby, the people the user keeps
 * and how far each is trusted, in-person verification, the requests area
 * and the block list. Allowed to every local user by the D-Bus policy, as
 * the messaging interfaces are: the owner of a contact is the child at the
 * laptop, and these are the child's own decisions.
 */
import { checkUserId } from '../messenger/validate.js';
import { SatchelError } from '../errors/satchel-error.js';
import { contactsToImport } from './contact-input.js';
import { blockedDict, contactDict, messageDict, neighbourDict, requestDict } from './records.js';
import type { InterfaceSpec, MethodSpec } from './member-spec.js';
import { CONTACTS_INTERFACE } from './names.js';
import { Variant } from './dbus.js';

const ID = [{ name: 'id', type: 's' }] as const;
const id = (v: unknown): string => checkUserId(v as string, 'id');

const contactMethods: MethodSpec[] = [
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
    in: ID,
    out: [{ name: 'contact', type: 'a{sv}' }],
    run: async (ctx, [v]) => [contactDict(await ctx.messenger.addContact(id(v)))],
  },
  {
    name: 'ListPending',
    in: [],
    out: [{ name: 'contacts', type: 'aa{sv}' }],
    run: (ctx) => [ctx.messenger.pendingContacts().map(contactDict)],
  },
  {
    name: 'ImportContacts',
    in: [{ name: 'contacts', type: 'aa{sv}' }, { name: 'origin', type: 's' }],
    out: [{ name: 'result', type: 'a{sv}' }],
    run: async (ctx, [list, origin]) => {
      const r = await ctx.messenger.importContacts(contactsToImport(list), origin as string);
      return [{ pending: new Variant('as', r.pending), known: new Variant('as', r.known) }];
    },
  },
  {
    name: 'ConfirmPending',
    in: ID,
    out: [{ name: 'contact', type: 'a{sv}' }],
    run: async (ctx, [v]) => [contactDict(await ctx.messenger.confirmPending(id(v)))],
  },
  {
    name: 'GetVerificationCode',
    in: ID,
    out: [{ name: 'code', type: 's' }],
    run: async (ctx, [v]) => [await ctx.messenger.verificationCode(id(v))],
  },
  {
    name: 'ConfirmVerification',
    in: [...ID, { name: 'matches', type: 'b' }],
    out: [{ name: 'contact', type: 'a{sv}' }],
    run: async (ctx, [v, matches]) => {
      if (typeof matches !== 'boolean') throw SatchelError.invalidArgument('matches must be a boolean');
      return [contactDict(await ctx.messenger.confirmVerification(id(v), matches))];
    },
  },
];

const requestMethods: MethodSpec[] = [
  {
    name: 'ListRequests',
    in: [],
    out: [{ name: 'requests', type: 'aa{sv}' }],
    run: (ctx) => [ctx.messenger.requests().map(requestDict)],
  },
  {
    name: 'ListRequestMessages',
    in: ID,
    out: [{ name: 'messages', type: 'aa{sv}' }],
    run: (ctx, [v]) => [ctx.messenger.requestMessages(id(v)).map(messageDict)],
  },
  {
    name: 'AcceptRequest',
    in: ID,
    out: [{ name: 'contact', type: 'a{sv}' }],
    run: async (ctx, [v]) => [contactDict(await ctx.messenger.acceptRequest(id(v)))],
  },
  {
    name: 'IgnoreRequest',
    in: ID,
    out: [],
    run: async (ctx, [v]) => {
      await ctx.messenger.ignoreRequest(id(v));
      return [];
    },
  },
  {
    name: 'Block',
    in: ID,
    out: [{ name: 'blocked', type: 'a{sv}' }],
    run: async (ctx, [v]) => [blockedDict(await ctx.messenger.block(id(v)))],
  },
  {
    name: 'Unblock',
    in: ID,
    out: [],
    run: async (ctx, [v]) => {
      await ctx.messenger.unblock(id(v));
      return [];
    },
  },
  {
    name: 'ListBlocked',
    in: [],
    out: [{ name: 'blocked', type: 'aa{sv}' }],
    run: (ctx) => [ctx.messenger.blocked().map(blockedDict)],
  },
];

export const contactsInterface: InterfaceSpec = {
  name: CONTACTS_INTERFACE,
  methods: [...contactMethods, ...requestMethods],
  signals: [
    { name: 'NeighbourAppeared', args: [{ name: 'neighbour', type: 'a{sv}' }] },
    { name: 'NeighbourGone', args: [{ name: 'id', type: 's' }, { name: 'node_id', type: 's' }] },
    { name: 'ContactChanged', args: [{ name: 'contact', type: 'a{sv}' }] },
    { name: 'VerificationFailed', args: [{ name: 'contact', type: 'a{sv}' }] },
    { name: 'RequestReceived', args: [{ name: 'request', type: 'a{sv}' }] },
    { name: 'RequestRemoved', args: [{ name: 'id', type: 's' }, { name: 'outcome', type: 's' }] },
    { name: 'BlockedChanged', args: [{ name: 'id', type: 's' }, { name: 'blocked', type: 'b' }] },
  ],
};
