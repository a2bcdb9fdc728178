/**
 * The command line: global options (anywhere before `--`), then a command
 * and its own options. Globals may follow the command too, because people
 * type `satchel status --json`; a command's options must follow the command.
 */
import { parseArgs } from 'node:util';
import type { AnyCommand, ParsedArgs } from './command.js';
import { CliError } from './cli-error.js';

/** --bus when not given: system, then session, then a private bus's address file. */
export const DEFAULT_BUS = 'auto';

export interface GlobalArgs {
  bus: string;
  json: boolean;
  help: boolean;
  version: boolean;
  command: string | undefined;
  /** What follows the command, globals taken out. */
  rest: string[];
}

export function parseGlobal(argv: readonly string[]): GlobalArgs {
  const g: GlobalArgs = { bus: DEFAULT_BUS, json: false, help: false, version: false, command: undefined, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      g.rest.push(...argv.slice(i));
      break;
    }
    if (a === '--json') g.json = true;
    else if (a === '--help' || a === '-h') g.help = true;
    else if (a === '--version' || a === '-V') g.version = true;
    else if (a === '--bus' || a.startsWith('--bus=')) {
      const v = a === '--bus' ? argv[++i] : a.slice('--bus='.length);
      if (v === undefined || v === '') throw CliError.usage('--bus needs a value: system, session, auto or a D-Bus address');
      g.bus = v;
    } else if (g.command === undefined) {
      if (a.startsWith('-')) throw CliError.usage(`unknown option ${a}`);
      g.command = a;
    } else g.rest.push(a);
  }
  return g;
}

export function parseCommandArgs(cmd: AnyCommand, rest: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    // node's text goes on to explain '--' at length; the first sentence is the news.
    throw CliError.usage(`${cmd.name}: ${(err as Error).message.split('. ')[0]}`);
  }
  const [min, max] = cmd.positionals;
  const n = parsed.positionals.length;
  if (n < min || n > max) {
    throw CliError.usage(`${n < min ? 'missing arguments' : 'too many arguments'}; usage: satchel ${cmd.synopsis}`);
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}
