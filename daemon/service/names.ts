/**
 * The names activities hard-code. They are the public contract (see
 * docs/dbus/org.satchel.Satchel1.xml); the "1" is the API version, so a
 * breaking change means org.satchel.Satchel2 alongside, never an edit here.
 */
export const BUS_NAME = 'org.satchel.Satchel1';
export const OBJECT_PATH = '/org/satchel/Satchel1';

export const IDENTITY_INTERFACE = 'org.satchel.Satchel1.Identity';
export const CONTACTS_INTERFACE = 'org.satchel.Satchel1.Contacts';
export const MESSAGES_INTERFACE = 'org.satchel.Satchel1.Messages';
export const DRAFTS_INTERFACE = 'org.satchel.Satchel1.Drafts';
export const DAEMON_INTERFACE = 'org.satchel.Satchel1.Daemon';
/** Restricted by the D-Bus policy to root and the satchel-admin group. */
export const ADMIN_INTERFACE = 'org.satchel.Satchel1.Admin';

/** Prefix of every error we answer with; the rest is SatchelError.dbusName. */
export const ERROR_PREFIX = 'org.satchel.Satchel1.Error.';
/** For failures that are not a SatchelError: a bug, not the caller's fault. */
export const INTERNAL_ERROR_NAME = `${ERROR_PREFIX}Internal`;
export const INVALID_ARGUMENT_ERROR_NAME = `${ERROR_PREFIX}InvalidArgument`;
