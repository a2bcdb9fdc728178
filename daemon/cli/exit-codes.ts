/**
 * What `satchel` exits with. Scripts branch on these numbers, so they are
 * part of the contract (docs/cli.md, satchel(1)): never renumber, only add.
 */
import { ERROR_PREFIX } from '../service/names.js';

export const EXIT = {
  /** The command did what was asked and found nothing wrong. */
  OK: 0,
  /** The command ran, but what it looked at has a problem (doctor found issues, a failed message, ...). */
  PROBLEM: 1,
  /** Bad usage: unknown command or option, malformed id, bad argument. */
  USAGE: 2,
  /** satcheld is not running, not answering, or no bus could be reached. */
  UNREACHABLE: 3,
  /** The thing named does not exist: message id, contact, store directory, bundle file. */
  NOT_FOUND: 4,
  /** The bus policy or the file system refused: Admin methods need root or satchel-admin. */
  DENIED: 5,
  /** satcheld answered with any other error (a full store, an internal error, an unknown method). */
  DAEMON_ERROR: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A short, stable word per exit code, used as `error.kind` in --json output. */
export const EXIT_KIND: Record<ExitCode, string> = {
  0: 'ok',
  1: 'problem',
  2: 'usage',
  3: 'unreachable',
  4: 'not_found',
  5: 'denied',
  6: 'daemon_error',
};

const FDO = 'org.freedesktop.DBus.Error.';

/** Errors from the bus itself (not from satcheld) that mean nobody is there to answer. */
const UNREACHABLE_NAMES = ['ServiceUnknown', 'NameHasNoOwner', 'NoReply', 'Timeout', 'TimedOut', 'Disconnected', 'NoServer', 'NoNetwork', 'LimitsExceeded'];
const DENIED_NAMES = ['AccessDenied', 'AuthFailed', 'InteractiveAuthorizationRequired'];

/** satchel's own error names (daemon/errors/satchel-error.ts) that are the caller's mistake or a missing thing. */
const SATCHEL_EXIT: Record<string, ExitCode> = {
  InvalidArgument: EXIT.USAGE,
  EmptyBody: EXIT.USAGE,
  BodyTooLarge: EXIT.USAGE,
  NotFound: EXIT.NOT_FOUND,
  UnknownContact: EXIT.NOT_FOUND,
  // StoreFull, Internal, StoreSchema, Config and anything added later: the daemon's trouble.
};

/** Maps a D-Bus error name, from satcheld or from the bus, to an exit code. */
export function exitForDbusError(name: string): ExitCode {
  if (name.startsWith(ERROR_PREFIX)) return SATCHEL_EXIT[name.slice(ERROR_PREFIX.length)] ?? EXIT.DAEMON_ERROR;
  if (name.startsWith(FDO)) {
    const short = name.slice(FDO.length);
    if (UNREACHABLE_NAMES.includes(short)) return EXIT.UNREACHABLE;
    if (DENIED_NAMES.includes(short)) return EXIT.DENIED;
    if (short === 'InvalidArgs') return EXIT.USAGE;
  }
  return EXIT.DAEMON_ERROR;
}
