/** Every interface exported on OBJECT_PATH, in introspection order. */
import { adminInterface } from './iface-admin.js';
import { contactsInterface } from './iface-contacts.js';
import { daemonInterface } from './iface-daemon.js';
import { draftsInterface } from './iface-drafts.js';
import { identityInterface } from './iface-identity.js';
import { messagesInterface } from './iface-messages.js';
import type { InterfaceSpec, MethodSpec, SignalSpec } from './member-spec.js';

export const SATCHEL_INTERFACES: readonly InterfaceSpec[] = [
  identityInterface,
  contactsInterface,
  messagesInterface,
  draftsInterface,
  daemonInterface,
  adminInterface,
];

/**
 * A call may omit the interface (dbus-python does when no dbus_interface is
 * given); the spec then allows any method of that name, and ours are unique.
 */
export function findMethod(iface: string | undefined, member: string | undefined): [InterfaceSpec, MethodSpec] | undefined {
  for (const spec of SATCHEL_INTERFACES) {
    if (iface !== undefined && iface !== spec.name) continue;
    const method = spec.methods.find((m) => m.name === member);
    if (method) return [spec, method];
  }
  return undefined;
}

export function findSignal(iface: string, member: string): SignalSpec | undefined {
  return SATCHEL_INTERFACES.find((s) => s.name === iface)?.signals.find((s) => s.name === member);
}
