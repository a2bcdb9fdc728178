#!/usr/bin/env node
/**
 * satcheld: parse the command line, run the daemon, stop cleanly on SIGTERM.
 * Exit codes: 0 stopped on request, 1 failed at run time, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { createDaemon, VERSION } from '../satcheld.js';
import { defaultOptions, type DaemonOptions } from '../options.js';
import { createLogger, isLogLevel, LOG_LEVELS } from '../util/log.js';

const USAGE = `usage: satcheld [options]
  --bus system|session|auto|ADDRESS   D-Bus to serve on (default auto: system bus,
                                      else session bus, else a private bus of its own)
  --state-dir DIR                     where the store lives (default $STATE_DIRECTORY,
                                      else $XDG_STATE_HOME/satchel)
  --interface NAME                    network interface to beacon on (default: all)
  --port N                            TCP port for link sessions (default 47848; 0 = any)
  --beacon-port N                     UDP port for beacons (default 47847)
  --no-ipv4 | --no-ipv6               beacon on one address family only
  --log-level error|warn|info|debug   (default info)
  --version, --help`;

function fail(message: string): never {
  process.stderr.write(`satcheld: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function port(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) fail(`${name} must be a port number 0-65535, got ${JSON.stringify(value)}`);
  return Number(value);
}

function parse(argv: string[]): DaemonOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: false, strict: true,
      options: {
        bus: { type: 'string' }, 'state-dir': { type: 'string' }, interface: { type: 'string' }, port: { type: 'string' },
        'beacon-port': { type: 'string' }, 'log-level': { type: 'string' }, 'no-ipv4': { type: 'boolean' },
        'no-ipv6': { type: 'boolean' }, version: { type: 'boolean' }, help: { type: 'boolean' },
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  if (v.version) {
    process.stdout.write(`satcheld ${VERSION}\n`);
    process.exit(0);
  }
  const d = defaultOptions();
  const level = v['log-level'] ?? d.logLevel;
  if (!isLogLevel(level)) fail(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  if (v['no-ipv4'] && v['no-ipv6']) fail('--no-ipv4 and --no-ipv6 together leave nothing to beacon on');
  const opts: DaemonOptions = {
    bus: v.bus ?? d.bus, stateDir: v['state-dir'] ?? d.stateDir, port: port(v.port, '--port', d.port),
    beaconPort: port(v['beacon-port'], '--beacon-port', d.beaconPort), logLevel: level, ipv4: !v['no-ipv4'], ipv6: !v['no-ipv6'],
  };
  if (v.interface !== undefined) opts.interface = v.interface;
  return opts;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const logger = createLogger({ level: options.logLevel });
  let stopping = false;
  let daemon: ReturnType<typeof createDaemon>;
  try {
    daemon = createDaemon(options, {
      logger,
      onFatal: () => {
        void daemon.close().finally(() => process.exit(1));
      },
    });
  } catch (err) {
    logger.error('cannot start', { error: (err as Error).message });
    process.exit(1);
  }
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    void daemon.close().then(() => process.exit(0), () => process.exit(1));
  };
  // dbus-next can reject promises nobody holds (an error reply to Hello); one
  // bad reply must not stop messaging for the whole laptop.
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', { error: reason instanceof Error ? reason.message : String(reason) });
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  try {
    const info = await daemon.start();
    if (info.busKind === 'private') {
      process.stdout.write(`satcheld is on a private bus. Talk to it with:\n  busctl --address=${info.busAddress} call org.satchel.Satchel1 /org/satchel/Satchel1 org.satchel.Satchel1.Identity GetIdentity\n  or DBUS_SESSION_BUS_ADDRESS=${info.busAddress} for dbus-python and gdbus\n`);
    }
  } catch (err) {
    logger.error('failed to start', { error: (err as Error).message });
    await daemon.close();
    process.exit(1);
  }
}

void main();
