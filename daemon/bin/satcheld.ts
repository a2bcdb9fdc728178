#!/usr/bin/env node
/**
 * satcheld: parse the command line, run the daemon, stop cleanly on SIGTERM.
 * Exit codes: 0 stopped on request, 1 failed at run time, 2 bad usage or configuration.
 */
import { parseArgs } from 'node:util';
import { createDaemon, VERSION } from '../satcheld.js';
import { existsSync } from 'node:fs';
import { optionsFromConfig, type DaemonOptions } from '../options.js';
import { DEFAULT_CONFIG_PATH, parseEntries, readConfigFile } from '../config/config-file.js';
import { defaultConfig, type Config } from '../config/schema.js';
import { SatchelError } from '../errors/satchel-error.js';
import { createLogger } from '../util/log.js';

const USAGE = `usage: satcheld [options]
  --config FILE                       configuration file (default ${DEFAULT_CONFIG_PATH}
                                      when it exists; flags below override it)
  --bus system|session|auto|ADDRESS   D-Bus to serve on (default auto: system bus,
                                      else session bus, else a private bus of its own)
  --state-dir DIR                     where the store lives (default $STATE_DIRECTORY,
                                      else $XDG_STATE_HOME/satchel)
  --interface NAME                    network interface to beacon on (default: all)
  --port N                            TCP port for link sessions (default 47848; 0 = any)
  --beacon-port N                     UDP port for beacons (default 47847)
  --no-beacon                         neither send nor hear UDP beacons
  --no-ipv4 | --no-ipv6               beacon on one address family only
  --log-level error|warn|info|debug   (default info)
  --version, --help
exit status: 0 stopped on request, 1 failed while running, 2 bad usage or configuration`;

function fail(message: string): never {
  process.stderr.write(`satcheld: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Flags name configuration keys; their values go through the same checks as the file's. */
const FLAG_KEYS: Record<string, string> = {
  bus: 'bus.address', 'state-dir': 'store.dir', interface: 'discovery.interface', port: 'transport.port',
  'beacon-port': 'discovery.beacon_port', 'log-level': 'log.level',
};
const NEGATIONS: Record<string, string> = { 'no-beacon': 'discovery.beacon', 'no-ipv4': 'discovery.ipv4', 'no-ipv6': 'discovery.ipv6' };

function parse(argv: string[]): DaemonOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: false, strict: true,
      options: {
        config: { type: 'string' }, version: { type: 'boolean' }, help: { type: 'boolean' },
        ...Object.fromEntries(Object.keys(FLAG_KEYS).map((f) => [f, { type: 'string' as const }])),
        ...Object.fromEntries(Object.keys(NEGATIONS).map((f) => [f, { type: 'boolean' as const }])),
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v['help']) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  if (v['version']) {
    process.stdout.write(`satcheld ${VERSION}\n`);
    process.exit(0);
  }
  const explicit = typeof v['config'] === 'string' ? v['config'] : undefined;
  const path = explicit ?? (existsSync(DEFAULT_CONFIG_PATH) ? DEFAULT_CONFIG_PATH : '');
  let lines = '';
  for (const [flag, key] of Object.entries(FLAG_KEYS)) {
    const value = v[flag];
    if (typeof value === 'string') lines += `${key} = ${value}\n`;
  }
  for (const [flag, key] of Object.entries(NEGATIONS)) if (v[flag] === true) lines += `${key} = false\n`;
  try {
    const file = path === '' ? defaultConfig() : readConfigFile(path);
    const config: Config = { ...file, ...parseEntries(lines, 'the command line') };
    if (config['discovery.ipv4'] === false && config['discovery.ipv6'] === false && config['discovery.beacon'] === true) {
      throw SatchelError.config('discovery.ipv4', 'ipv4 and ipv6 both off leave the beacon nothing to send on; set discovery.beacon = false instead');
    }
    return optionsFromConfig(config, path);
  } catch (err) {
    if (err instanceof SatchelError) {
      process.stderr.write(`satcheld: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
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
