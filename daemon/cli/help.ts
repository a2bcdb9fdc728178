/** `satchel help`: the commands, the global options and the exit codes, as in satchel(1). */
import type { AnyCommand } from './command.js';
import { COMMANDS } from './commands/index.js';
import { CLI_VERSION } from './version.js';

export const EXIT_CODE_TEXT = `exit status:
  0  ok
  1  the command ran but found a problem (doctor or status found issues, a failed
     or undelivered message, a partial export)
  2  bad usage: unknown command or option, malformed id or argument
  3  satcheld not running or not answering, or no bus reachable
  4  not found: unknown message id or contact, missing store or file
  5  permission denied (the D-Bus policy's AccessDenied; Admin commands need
     root or the satchel-admin group)
  6  any other error from satcheld (a full store, an internal error)`;

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `satchel ${CLI_VERSION}: the technician's tool for satcheld

usage: satchel [--bus system|session|auto|ADDRESS] [--json] COMMAND [ARGS]
       satchel help [COMMAND] | --help | --version

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

global options:
  --bus BUS   system, session, auto (default: the system bus, then the session
              bus, then the private bus a daemon on embedded defaults advertises
              in $XDG_STATE_HOME/satchel/bus.address) or a D-Bus address
  --json      one JSON document on stdout (an {"error": ...} document on failure);
              the shapes are in docs/cli.md
  --help, -h  this text, or with a command, that command's
  --version   satchel's version

${EXIT_CODE_TEXT}`;
}

export function commandHelp(c: AnyCommand): string {
  return `usage: satchel ${c.synopsis}\n\n${c.summary}\n${c.details ? `\n${c.details}\n` : ''}\nglobal options --bus, --json and --help apply too; exit codes: satchel help`;
}
