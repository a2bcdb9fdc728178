/**
 * What every command is: a name, its help, a `run` that gathers data (the
 * --json document, a stable contract) and a `render` that turns the same
 * data into text for people. `satchel import` reuses the renders on a
 * bundle, so a support person sees exactly what the technician would have.
 */
import type { ParseArgsConfig } from 'node:util';
import type { DaemonClient } from './client.js';
import type { ExitCode } from './exit-codes.js';
import type { Progress } from './progress.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface CommandContext {
  json: boolean;
  env: Env;
  now(): number;
  progress: Progress;
  /** Connects on first use and keeps the connection for the command. */
  daemon(): Promise<DaemonClient>;
  /** Reads standard input to the end (for `send ID -`). */
  readStdin(): Promise<string>;
  /** A note for people on stderr; never part of --json output. */
  note(line: string): void;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Outcome<T> {
  data: T;
  /** EXIT.OK unless the command found a problem. */
  exitCode?: ExitCode;
}

export interface Command<T> {
  name: string;
  /** One line for `satchel help`. */
  summary: string;
  /** Synopsis after "satchel ", e.g. "trace MESSAGE_ID". */
  synopsis: string;
  /** Options and details, for `satchel help NAME`. */
  details: string;
  options?: ParseArgsConfig['options'];
  /** Fewest and most positional arguments. */
  positionals: [number, number];
  run(ctx: CommandContext, args: ParsedArgs): Promise<Outcome<T>>;
  /** `now` is when the data was gathered: for an imported bundle, its creation time. */
  render(data: T, now: number): string;
  /** The --json document when it is not `data` itself. */
  toJson?(data: T): unknown;
}

export type AnyCommand = Command<unknown>;

/** Erases the data type so commands fit one table; run and render still agree per command. */
export function defineCommand<T>(c: Command<T>): AnyCommand {
  return c as unknown as AnyCommand;
}
