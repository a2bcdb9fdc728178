/**
 * satchel's entry point as a function of its arguments and streams, so that
 * tests can run it in-process and the binary stays a few lines. Returns the
 * exit code (daemon/cli/exit-codes.ts); never throws.
 */
import { parseCommandArgs, parseGlobal } from './args.js';
import { CliError, toCliError } from './cli-error.js';
import type { DaemonClient } from './client.js';
import { connectDaemon } from './connect.js';
import type { CommandContext, Env } from './command.js';
import { findCommand } from './commands/index.js';
import { EXIT } from './exit-codes.js';
import { commandHelp, mainHelp } from './help.js';
import { createProgress, type ProgressStream } from './progress.js';
import { CLI_VERSION } from './version.js';

/** Set (to anything) to see the stack of an unexpected error. */
export const DEBUG_ENV = 'SATCHEL_DEBUG';

export interface CliIo {
  stdout: ProgressStream;
  stderr: ProgressStream;
  env: Env;
  now(): number;
  readStdin(): Promise<string>;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let json = argv.includes('--json');
  let client: DaemonClient | undefined;
  const out = (s: string): void => void io.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  try {
    const g = parseGlobal(argv);
    json = g.json;
    if (g.version) {
      out(json ? JSON.stringify({ version: CLI_VERSION }) : `satchel ${CLI_VERSION}`);
      return EXIT.OK;
    }
    const name = g.command === 'help' ? g.rest[0] : g.command;
    if (name === undefined) {
      if (g.command === undefined && !g.help) throw CliError.usage('no command given');
      out(mainHelp());
      return EXIT.OK;
    }
    const cmd = findCommand(name);
    if (!cmd) throw CliError.usage(`unknown command ${JSON.stringify(name)}`);
    if (g.help || g.command === 'help') {
      out(commandHelp(cmd));
      return EXIT.OK;
    }
    const args = parseCommandArgs(cmd, g.rest);
    const ctx: CommandContext = {
      json, env: io.env, now: io.now,
      progress: createProgress(io.stderr, json),
      daemon: async () => (client ??= await connectDaemon(g.bus, { env: io.env })),
      readStdin: io.readStdin,
      note: (line) => { if (!json) io.stderr.write(`${line}\n`); },
    };
    const { data, exitCode = EXIT.OK } = await cmd.run(ctx, args);
    out(json ? JSON.stringify(cmd.toJson ? cmd.toJson(data) : data, null, 2) : cmd.render(data, ctx.now()));
    return exitCode;
  } catch (err) {
    const e = toCliError(err);
    if (json) {
      out(JSON.stringify({ error: { exit_code: e.exitCode, kind: e.kind, message: e.message, dbus_error: e.dbusName ?? null, hint: e.hint ?? null } }, null, 2));
    }
    io.stderr.write(`satchel: ${e.message}\n${e.hint ? `  (${e.hint})\n` : ''}`);
    // A bug in satchel: the stack helps support, but only when asked for (docs/cli.md).
    if (e.exitCode === EXIT.DAEMON_ERROR && !(err instanceof CliError) && err instanceof Error && err.stack && io.env[DEBUG_ENV]) {
      io.stderr.write(`${err.stack}\n`);
    }
    return e.exitCode;
  } finally {
    await client?.close().catch(() => {});
  }
}
