/**
 * Messenger events out as D-Bus signals. One listener per event for the
 * service's whole life: cheap to keep, and nothing to churn.
 */
import type { MessengerApi, MessengerEvents } from '../messenger/api.js';
import type { Logger } from '../util/log.js';
import { Message, type MessageBus } from './dbus.js';
import { findSignal } from './interfaces.js';
import { signatureOf, type NeighbourLookup } from './member-spec.js';
import { CONTACTS_INTERFACE, IDENTITY_INTERFACE, MESSAGES_INTERFACE, OBJECT_PATH } from './names.js';
import { contactDict, identityDict, messageDict, neighbourDict, requestDict } from './records.js';

export type SignalEmitter = (iface: string, member: string, body: () => unknown[]) => void;

/** Emits signals of our spec on OBJECT_PATH; a failure is logged, never thrown. */
export function signalEmitter(bus: MessageBus, log: Logger): SignalEmitter {
  return (iface, member, body) => {
    const spec = findSignal(iface, member);
    try {
      if (!spec) throw new Error(`no signal ${iface}.${member} in the spec`);
      bus.send(Message.newSignal(OBJECT_PATH, iface, member, signatureOf(spec.args), body()));
    } catch (err) {
      // A signal nobody can receive is not worth crashing the messenger for.
      log.warn('could not emit signal', { signal: `${iface}.${member}`, error: String(err) });
    }
  };
}

/** Subscribes; the returned function unsubscribes. */
export function forwardSignals(bus: MessageBus, messenger: MessengerApi, log: Logger, seen: NeighbourLookup = () => undefined): () => void {
  const emit = signalEmitter(bus, log);
  const handlers: { [E in keyof MessengerEvents]: MessengerEvents[E] } = {
    messageReceived: (m) => emit(MESSAGES_INTERFACE, 'MessageReceived', () => [messageDict(m)]),
    messageStateChanged: (m) =>
      emit(MESSAGES_INTERFACE, 'MessageStateChanged', () => [m.id, m.contactId, m.state, m.reason]),
    neighbourAppeared: (n) => emit(CONTACTS_INTERFACE, 'NeighbourAppeared', () => [neighbourDict(n, seen(n.nodeId))]),
    neighbourGone: (n) => emit(CONTACTS_INTERFACE, 'NeighbourGone', () => [n.id, n.nodeId]),
    identityChanged: (i) => emit(IDENTITY_INTERFACE, 'IdentityChanged', () => [identityDict(i)]),
    contactChanged: (c) => emit(CONTACTS_INTERFACE, 'ContactChanged', () => [contactDict(c)]),
    verificationFailed: (c) => emit(CONTACTS_INTERFACE, 'VerificationFailed', () => [contactDict(c)]),
    requestReceived: (r) => emit(CONTACTS_INTERFACE, 'RequestReceived', () => [requestDict(r)]),
    requestRemoved: (r) => emit(CONTACTS_INTERFACE, 'RequestRemoved', () => [r.id, r.outcome]),
    blockedChanged: (b) => emit(CONTACTS_INTERFACE, 'BlockedChanged', () => [b.id, b.blocked]),
  };
  const events = Object.keys(handlers) as (keyof MessengerEvents)[];
  for (const e of events) messenger.on(e, handlers[e]);
  return () => {
    for (const e of events) messenger.off(e, handlers[e]);
  };
}
