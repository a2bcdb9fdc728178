/**
 * A dbus-daemon of our own: one per test (never the machine's buses), and
 * the last resort of connectBus('auto') on a machine with no bus at all. It
 * listens on a socket file, not an abstract socket, because abstract sockets
 * belong to a network namespace and tests put laptops in separate ones.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { SatchelError } from '../errors/satchel-error.js';
import type { Logger } from '../util/log.js';
import { privateBusConfig } from './private-bus-config.js';
import { readAddress, spawnDbusDaemon } from './dbus-daemon-process.js';

export const PRIVATE_BUS_SOCKET_FILE = 'bus.sock';
export const PRIVATE_BUS_CONFIG_FILE = 'bus.conf';
/** Lets a technician's tools find a private bus that 'auto' started. */
export const PRIVATE_BUS_ADDRESS_FILE = 'bus.address';
export const PRIVATE_BUS_STOP_TIMEOUT_MS = 3_000;
/** sun_path holds 108 bytes including the terminating NUL. */
const MAX_UNIX_SOCKET_PATH_BYTES = 107;

export interface PrivateBus {
  readonly address: string;
  readonly pid: number;
  /** Stops the daemon and removes its files; idempotent. */
  stop(): Promise<void>;
}

export interface PrivateBusOptions {
  logger?: Logger;
}

/** Starts dbus-daemon with its socket, config and address file in `dir`. */
export async function startPrivateBus(dir: string, opts: PrivateBusOptions = {}): Promise<PrivateBus> {
  const socketPath = join(dir, PRIVATE_BUS_SOCKET_FILE);
  const configPath = join(dir, PRIVATE_BUS_CONFIG_FILE);
  const addressPath = join(dir, PRIVATE_BUS_ADDRESS_FILE);
  if (Buffer.byteLength(socketPath) > MAX_UNIX_SOCKET_PATH_BYTES) {
    throw SatchelError.config('private bus', `socket path ${socketPath} is longer than ${MAX_UNIX_SOCKET_PATH_BYTES} bytes`);
  }
  await mkdir(dir, { recursive: true });
  await clearStaleSocket(socketPath);
  await writeFile(configPath, privateBusConfig(socketPath));

  const { child, gone } = await spawnDbusDaemon(configPath);
  let address: string;
  try {
    address = await readAddress(child);
  } catch (err) {
    child.kill('SIGKILL');
    await gone;
    await rm(configPath, { force: true });
    throw err;
  }
  const pid = child.pid ?? 0;
  const log = opts.logger?.child('private-bus');
  let stopping: Promise<void> | undefined;
  child.stderr?.on('data', (chunk: Buffer) => log?.debug('dbus-daemon said', { pid, stderr: chunk.toString().trim() }));
  child.once('exit', (code, signal) => {
    if (!stopping) log?.warn('private dbus-daemon exited on its own', { pid, code: code ?? undefined, signal: signal ?? undefined });
  });
  await writeFile(addressPath, address + '\n');
  log?.info('private bus started', { pid, address });

  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), PRIVATE_BUS_STOP_TIMEOUT_MS);
        await gone;
        clearTimeout(timer);
      }
      await Promise.all([socketPath, configPath, addressPath].map((p) => rm(p, { force: true })));
      log?.info('private bus stopped', { pid });
    })());
  return { address, pid, stop };
}

/** A socket file left by a crashed run is removed; a live one is not ours to take. */
async function clearStaleSocket(path: string): Promise<void> {
  const live = await new Promise<boolean>((resolve) => {
    const sock = connect(path);
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
  if (live) throw SatchelError.config('private bus', `${path} is already served by another bus`);
  await rm(path, { force: true });
}
