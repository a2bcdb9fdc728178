/** Draft events out as D-Bus signals on org.satchel.Satchel1.Drafts. */
import type { DraftEvents, DraftsApi } from '../messenger/drafts.js';
import type { Logger } from '../util/log.js';
import type { MessageBus } from './dbus.js';
import { DRAFTS_INTERFACE } from './names.js';
import { draftDict } from './records.js';
import { signalEmitter } from './signals.js';

/** Subscribes; the returned function unsubscribes. */
export function forwardDraftSignals(bus: MessageBus, drafts: DraftsApi, log: Logger): () => void {
  const emit = signalEmitter(bus, log);
  const changed: DraftEvents['draftChanged'] = (d) => emit(DRAFTS_INTERFACE, 'DraftChanged', () => [draftDict(d)]);
  const removed: DraftEvents['draftRemoved'] = (d) =>
    emit(DRAFTS_INTERFACE, 'DraftRemoved', () => [d.id, d.contactId, d.messageId]);
  drafts.on('draftChanged', changed);
  drafts.on('draftRemoved', removed);
  return () => {
    drafts.off('draftChanged', changed);
    drafts.off('draftRemoved', removed);
  };
}
