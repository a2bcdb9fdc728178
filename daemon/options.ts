/**
 * The daemon's settings: the configuration table turned into typed options.
 * Command-line flags and the configuration file both feed the same table,
 * flags last, so a technician can override one key for one run.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from './util/log.js';
import { SatchelError } from './errors/satchel-error.js';
import { defaultConfig, type Config } from './config/schema.js';

/** Listen on every address, IPv6 and (mapped) IPv4. */
export const DEFAULT_SESSION_HOST = '::';

export interface DaemonOptions {
  bus: string;
  stateDir: string;
  interface?: string;
  port: number;
  beacon: boolean;
  /** Discovery sources on the daemon's bus, each silent when its service is absent. */
  wpaSupplicant: boolean;
  networkManager: boolean;
  avahi: boolean;
  /** Relay-point SSIDs the data mule visits; empty = off. */
  muleSsids: string[];
  muleBudgetS: number;
  /** React to logind's PrepareForSleep. */
  logind: boolean;
  beaconPort: number;
  logLevel: LogLevel;
  ipv4: boolean;
  ipv6: boolean;
  outboxQuotaBytes: number;
  lifetimeS: number;
  /** Largest file sent or taken with a message, in bytes. */
  attachmentMaxBytes: number;
  /** 0 = the default for a laptop or a relay point. */
  carryQuotaBytes: number;
  carrySourceShareBytes: number;
  proofQuotaBytes: number;
  routing: string;
  /** Options of the chosen strategy, as createStrategy takes them. */
  routingOptions: Record<string, number>;
  relayPoint: boolean;
  place: string;
  /** School public keys (64 hex digits each) whose certificates are shown as vouched; empty = none. */
  schoolKeys: string[];
  /** The file the configuration came from; empty when built-in defaults only. */
  configPath: string;
  config: Config;
}

/** systemd's StateDirectory= first, then the XDG state folder of the user. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromSystemd = env['STATE_DIRECTORY']?.split(':')[0];
  if (fromSystemd) return fromSystemd;
  const xdg = env['XDG_STATE_HOME'] || join(homedir(), '.local', 'state');
  return join(xdg, 'satchel');
}

export function optionsFromConfig(config: Config, configPath = '', env: NodeJS.ProcessEnv = process.env): DaemonOptions {
  const str = (k: string): string => String(config[k]);
  const num = (k: string): number => Number(config[k]);
  const flag = (k: string): boolean => config[k] === true;
  const opts: DaemonOptions = {
    bus: str('bus.address'), stateDir: str('store.dir') || defaultStateDir(env), port: num('transport.port'),
    beacon: flag('discovery.beacon'), wpaSupplicant: flag('discovery.wpa_supplicant'), networkManager: flag('discovery.networkmanager'),
    avahi: flag('discovery.avahi'), muleSsids: ssidList(str('mule.ssids')), muleBudgetS: num('mule.budget_s'), logind: flag('power.logind'),
    beaconPort: num('discovery.beacon_port'), logLevel: str('log.level') as LogLevel,
    ipv4: flag('discovery.ipv4'), ipv6: flag('discovery.ipv6'), outboxQuotaBytes: num('store.outbox_quota_bytes'), lifetimeS: num('messages.lifetime_s'),
    attachmentMaxBytes: num('messages.attachment_max_bytes'),
    carryQuotaBytes: num('store.carry_quota_bytes'), carrySourceShareBytes: num('store.carry_source_share_bytes'),
    proofQuotaBytes: num('store.proof_quota_bytes'), routing: str('routing.strategy'),
    routingOptions: routingOptions(str('routing.strategy'), num), relayPoint: flag('relay.enabled'), place: str('relay.place'),
    schoolKeys: schoolKeyList(str('school.keys')),
    configPath, config: { ...config, 'store.dir': str('store.dir') || defaultStateDir(env) },
  };
  if (str('discovery.interface') !== '') opts.interface = str('discovery.interface');
  return opts;
}

/** SSIDs are compared exactly; blanks around commas are the list's, not the names'. */
export function ssidList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/** `school.keys`: a wrong key is a configuration error at start, not a silently untrusted school. */
export function schoolKeyList(text: string): string[] {
  const keys = [...new Set(text.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== ''))];
  for (const k of keys) {
    if (!/^[0-9a-f]{64}$/.test(k)) throw SatchelError.config('school.keys', `"${k.slice(0, 80)}" is not 64 hex digits`);
  }
  return keys;
}

/** Only the chosen strategy's own knobs: createStrategy refuses another strategy's options. */
function routingOptions(strategy: string, num: (k: string) => number): Record<string, number> {
  if (strategy === 'epidemic') return { hopLimit: num('routing.hop_limit') };
  if (strategy === 'spray-and-wait') return { copies: num('routing.spray_copies') };
  if (strategy === 'prophet' || strategy === 'prophet-spray') return { timeUnitMs: num('routing.prophet_time_unit_s') * 1000 };
  return {};
}

export function defaultOptions(env: NodeJS.ProcessEnv = process.env): DaemonOptions {
  return optionsFromConfig(defaultConfig(), '', env);
}
