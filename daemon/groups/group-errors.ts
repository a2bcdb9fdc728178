/**
 * The group layer's errors: named factories over SatchelError, so callers
 * (and the D-Bus face later) see stable codes. A user acting beyond their
 * role is INVALID_ARGUMENT with a message saying which rule refused it;
 * an unknown group or member is NOT_FOUND.
 */
import { SatchelError } from '../errors/satchel-error.js';

export const groupErrors = {
  notAllowed(action: string, rule: string): SatchelError {
    return SatchelError.invalidArgument(`group: cannot ${action}: ${rule}`);
  },
  unknownGroup(id: string): SatchelError {
    return SatchelError.notFound(`group ${id}`);
  },
  noEpochKey(groupId: string, epoch: string): SatchelError {
    return SatchelError.notFound(`key of epoch ${epoch} of group ${groupId}`);
  },
  badOp(reason: string): SatchelError {
    return SatchelError.invalidArgument(`group op: ${reason}`);
  },
} as const;
