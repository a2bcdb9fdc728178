/**
 * The one error a command throws: an exit code, a sentence for people, and
 * (when it came over the bus) the D-Bus error name for scripts. Anything
 * else that escapes a command is a bug in satchel and exits DAEMON_ERROR.
 */
import { isSatchelError } from '../errors/satchel-error.js';
import { EXIT, EXIT_KIND, exitForDbusError, type ExitCode } from './exit-codes.js';

export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly dbusName: string | undefined;
  /** What to do about it, when there is something to do. */
  readonly hint: string | undefined;

  constructor(exitCode: ExitCode, message: string, opts: { dbusName?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.dbusName = opts.dbusName;
    this.hint = opts.hint;
  }

  get kind(): string {
    return EXIT_KIND[this.exitCode];
  }

  static usage(message: string): CliError {
    return new CliError(EXIT.USAGE, message, { hint: "run 'satchel help' for the commands and their options" });
  }
}

/** The shape dbus-next rejects calls with (its DBusError). */
interface DbusErrorLike {
  type: string;
  text: string;
}

function isDbusError(err: unknown): err is DbusErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as DbusErrorLike).type === 'string' && 'text' in err;
}

/** Said to people for errors whose D-Bus text alone would not tell them what to do. */
const HINTS: Partial<Record<ExitCode, string>> = {
  [EXIT.DENIED]: 'administrative commands (config, purge) need root or membership of the satchel-admin group',
  [EXIT.UNREACHABLE]: "is satcheld running? try 'systemctl status satcheld' or 'satchel doctor'",
};

export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (isDbusError(err)) {
    const code = exitForDbusError(err.type);
    const hint = HINTS[code];
    return new CliError(code, err.text || err.type, { dbusName: err.type, ...(hint ? { hint } : {}), cause: err });
  }
  if (isSatchelError(err)) {
    const code = err.code === 'INVALID_ARGUMENT' ? EXIT.USAGE : err.code === 'NOT_FOUND' ? EXIT.NOT_FOUND : EXIT.DAEMON_ERROR;
    return new CliError(code, err.message, { cause: err });
  }
  const fsCode = (err as { code?: unknown } | null)?.code;
  if (fsCode === 'ENOENT') return new CliError(EXIT.NOT_FOUND, (err as Error).message, { cause: err });
  if (fsCode === 'EACCES' || fsCode === 'EPERM') return new CliError(EXIT.DENIED, (err as Error).message, { cause: err });
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new CliError(EXIT.DAEMON_ERROR, `unexpected error in satchel: ${text}`, { cause: err });
}
