#!/usr/bin/env node
/**
 * satchel: the technician's tool. Everything is in daemon/cli/main.ts; exit
 * codes are documented there (exit-codes.ts), in docs/cli.md and satchel(1).
 */
import { text } from 'node:stream/consumers';
import { runCli } from '../cli/main.js';

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  now: () => Date.now(),
  readStdin: () => text(process.stdin),
});
// Writes to pipes and files are synchronous on Linux, so nothing is lost by exiting now;
// exiting now means a half-closed bus socket cannot hold the process open.
process.exit(code);
