/** Every command, in the order `satchel help` lists them. */
import type { AnyCommand } from '../command.js';
import { configCommand, purgeCommand } from './admin.js';
import { contactsCommand } from './contacts.js';
import { doctorCommand } from './doctor.js';
import { draftsCommand } from './drafts.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { inboxCommand } from './inbox.js';
import { inspectCommand } from './inspect.js';
import { neighboursCommand } from './neighbours.js';
import { outboxCommand } from './outbox.js';
import { requestsCommand } from './requests.js';
import { sendCommand } from './send.js';
import { statusCommand } from './status.js';
import { traceCommand } from './trace.js';

export const COMMANDS: readonly AnyCommand[] = [
  statusCommand, neighboursCommand, outboxCommand, inboxCommand, draftsCommand, sendCommand, contactsCommand, requestsCommand, traceCommand,
  doctorCommand, exportCommand, importCommand, inspectCommand, configCommand, purgeCommand,
];

export function findCommand(name: string): AnyCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}
