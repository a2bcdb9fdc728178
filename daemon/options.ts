/**
 * The daemon's settings, with every default named. Command-line parsing
 * lives in bin/; this is what the composition root takes.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from './util/log.js';
import { DEFAULT_BEACON_PORT } from './discovery/beacon.js';

/** TCP port for link sessions. */
export const DEFAULT_SESSION_PORT = 47848;
/** Listen on every address, IPv6 and (mapped) IPv4. */
export const DEFAULT_SESSION_HOST = '::';

export interface DaemonOptions {
  bus: string;
  stateDir: string;
  interface?: string;
  port: number;
  beaconPort: number;
  logLevel: LogLevel;
  ipv4: boolean;
  ipv6: boolean;
}

/** systemd's StateDirectory= first, then the XDG state folder of the user. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromSystemd = env['STATE_DIRECTORY']?.split(':')[0];
  if (fromSystemd) return fromSystemd;
  const xdg = env['XDG_STATE_HOME'] || join(homedir(), '.local', 'state');
  return join(xdg, 'satchel');
}

export function defaultOptions(env: NodeJS.ProcessEnv = process.env): DaemonOptions {
  return {
    bus: 'auto', stateDir: defaultStateDir(env), port: DEFAULT_SESSION_PORT, beaconPort: DEFAULT_BEACON_PORT,
    logLevel: 'info', ipv4: true, ipv6: true,
  };
}
