/**
 * Running the dbus-daemon binary for a private bus: spawn it so that it dies
 * with us, and read the address it prints once it is listening.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, constants as fsConstants } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { SatchelError } from '../errors/satchel-error.js';

export const DBUS_DAEMON_BINARY = 'dbus-daemon';
/** util-linux setpriv: gives the bus a parent-death signal so that a test
 *  runner killing us (SIGKILL, timeouts) cannot leave dbus-daemons behind. */
export const SETPRIV_BINARY = '/usr/bin/setpriv';
export const PRIVATE_BUS_START_TIMEOUT_MS = 5_000;
/** How much of dbus-daemon's stderr to keep to explain a failed start, in bytes. */
const STDERR_KEEP_BYTES = 4_096;
/** Descriptor on which dbus-daemon prints its address (--print-address=3). */
const ADDRESS_FD = 3;

export interface DaemonProcess {
  child: ChildProcess;
  /** Settles once the process is gone (reaped), or never started. */
  gone: Promise<void>;
}

export async function spawnDbusDaemon(configPath: string): Promise<DaemonProcess> {
  const args = [`--config-file=${configPath}`, '--nofork', '--nopidfile', `--print-address=${ADDRESS_FD}`];
  const withSetpriv = await access(SETPRIV_BINARY, fsConstants.X_OK).then(() => true, () => false);
  const [cmd, argv] = withSetpriv
    ? [SETPRIV_BINARY, ['--pdeathsig', 'KILL', DBUS_DAEMON_BINARY, ...args]]
    : [DBUS_DAEMON_BINARY, args];
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  // A failed spawn emits 'error' and never 'exit'.
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  killOnExit(child);
  return { child, gone };
}

/** Resolves with the first line dbus-daemon prints on ADDRESS_FD. */
export function readAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    let printed = '';
    const out = child.stdio[ADDRESS_FD] as Readable;
    const onStderr = (chunk: Buffer): void => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_KEEP_BYTES);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(new Error(`dbus-daemon exited (${code ?? signal}) before printing its address`));
    const onError = (err: Error): void => finish(new Error(`cannot run ${DBUS_DAEMON_BINARY}: ${err.message}`));
    const onData = (chunk: string): void => {
      printed += chunk;
      const nl = printed.indexOf('\n');
      if (nl >= 0) finish(undefined, printed.slice(0, nl).trim());
    };
    const timer = setTimeout(
      () => finish(new Error(`dbus-daemon printed no address within ${PRIVATE_BUS_START_TIMEOUT_MS} ms`)),
      PRIVATE_BUS_START_TIMEOUT_MS,
    );
    function finish(err: Error | undefined, address = ''): void {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stderr?.off('data', onStderr);
      out.off('data', onData);
      out.destroy();
      if (err) reject(SatchelError.config('private bus', `${err.message}${stderr ? `: ${stderr.trim()}` : ''}`));
      else resolve(address);
    }
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
    child.once('error', onError);
    out.setEncoding('utf8');
    out.on('data', onData);
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Without setpriv, an exiting Node process still takes its buses along. */
function killOnExit(child: ChildProcess): void {
  if (!exitHookInstalled) {
    process.on('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
    exitHookInstalled = true;
  }
  running.add(child);
  const forget = (): void => void running.delete(child);
  child.once('exit', forget);
  child.once('error', forget);
}
