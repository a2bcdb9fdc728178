/**
 * Every configuration key, its type, default and check, in one table: the
 * parser, `satchel`'s GetConfig and the shipped satcheld.conf all follow it.
 */
import { DEFAULT_BEACON_PORT } from '../discovery/beacon.js';
import { DEFAULT_OUTBOX_QUOTA_BYTES } from '../messenger/outbox.js';
import { DEFAULT_LIFETIME_S, MAX_LIFETIME_S } from '../messenger/lifetime.js';
import { DEFAULT_ATTACHMENT_MAX_BYTES, MAX_ATTACHMENT_MAX_BYTES, MIN_ATTACHMENT_MAX_BYTES } from '../messenger/attachment-rules.js';
import { DEFAULT_EPIDEMIC_HOP_LIMIT, DEFAULT_SPRAY_COPIES, DEFAULT_STRATEGY, DEFAULT_TIME_UNIT_MS, ROUTING_STRATEGY_NAMES } from '../routing/index.js';
import { LOG_LEVELS } from '../util/log.js';

/** TCP port for link sessions. */
export const DEFAULT_SESSION_PORT = 47848;
/** The smallest outbox that still holds one maximum-size message, in bytes. */
export const MIN_OUTBOX_QUOTA_BYTES = 64 * 1024;
/** The smallest carry area or source share worth having: one maximum-size envelope, in bytes. */
export const MIN_CARRY_QUOTA_BYTES = 64 * 1024;
/** How long a data-mule visit to a relay point's network may last, in seconds. */
export const DEFAULT_MULE_BUDGET_S = 120;

export type ConfigValue = string | number | boolean;

export interface KeySpec {
  key: string;
  kind: 'string' | 'integer' | 'boolean' | 'choice';
  default: ConfigValue;
  doc: string;
  choices?: readonly string[];
  min?: number;
  max?: number;
}

export const CONFIG_KEYS: readonly KeySpec[] = [
  { key: 'bus.address', kind: 'string', default: 'auto', doc: 'system, session, auto (system bus, else session bus, else a private bus) or a D-Bus address' },
  { key: 'store.dir', kind: 'string', default: '', doc: 'store directory; empty = $STATE_DIRECTORY, else $XDG_STATE_HOME/satchel' },
  { key: 'store.outbox_quota_bytes', kind: 'integer', default: DEFAULT_OUTBOX_QUOTA_BYTES, min: MIN_OUTBOX_QUOTA_BYTES, max: 2 ** 40, doc: "bytes the user's own waiting messages may take; Send fails with StoreFull beyond it" },
  { key: 'messages.attachment_max_bytes', kind: 'integer', default: DEFAULT_ATTACHMENT_MAX_BYTES, min: MIN_ATTACHMENT_MAX_BYTES, max: MAX_ATTACHMENT_MAX_BYTES, doc: 'largest file sent with a message (SendWithAttachment fails with BodyTooLarge beyond it) and taken from others' },
  { key: 'messages.lifetime_s', kind: 'integer', default: DEFAULT_LIFETIME_S, min: 3600, max: MAX_LIFETIME_S, doc: 'seconds a new message may travel before it expires (written on each message; the default costs no bytes)' },
  { key: 'transport.port', kind: 'integer', default: DEFAULT_SESSION_PORT, min: 0, max: 65535, doc: 'TCP port for link sessions (0 = any free port)' },
  { key: 'discovery.beacon', kind: 'boolean', default: true, doc: 'announce this laptop with link-local UDP beacons and listen for others' },
  { key: 'discovery.interface', kind: 'string', default: '', doc: 'network interface to beacon on; empty = every non-loopback interface' },
  { key: 'discovery.beacon_port', kind: 'integer', default: DEFAULT_BEACON_PORT, min: 1, max: 65535, doc: 'UDP port for beacons (all laptops must agree)' },
  { key: 'discovery.ipv4', kind: 'boolean', default: true, doc: 'beacon over IPv4 multicast' },
  { key: 'discovery.ipv6', kind: 'boolean', default: true, doc: 'beacon over IPv6 link-local multicast' },
  { key: 'discovery.wpa_supplicant', kind: 'boolean', default: true, doc: "learn mesh peers, Wi-Fi P2P devices and access points from wpa_supplicant's D-Bus API (silent when it is not running)" },
  { key: 'discovery.networkmanager', kind: 'boolean', default: true, doc: "learn access points from NetworkManager's D-Bus API (silent when it is not running)" },
  { key: 'discovery.avahi', kind: 'boolean', default: true, doc: 'publish this laptop with Avahi (DNS-SD) and browse for others (silent when avahi-daemon is not running)' },
  { key: 'mule.ssids', kind: 'string', default: '', doc: 'comma-separated network names (SSIDs) of relay points to visit when seen: join, sync, return to the previous network; empty = off' },
  { key: 'mule.budget_s', kind: 'integer', default: DEFAULT_MULE_BUDGET_S, min: 10, max: 3600, doc: "seconds a visit to a relay point's network may last before returning to the previous network" },
  { key: 'power.logind', kind: 'boolean', default: true, doc: "finish transfers before suspend and look for neighbours at once on resume (logind's PrepareForSleep)" },
  { key: 'store.carry_quota_bytes', kind: 'integer', default: 0, min: 0, max: 2 ** 40, doc: 'bytes of messages carried for others; 0 = 32 MiB, or 512 MiB on a relay point' },
  { key: 'store.carry_source_share_bytes', kind: 'integer', default: 0, min: 0, max: 2 ** 40, doc: 'bytes of the carry area one neighbour may fill; 0 = 4 MiB, or 64 MiB on a relay point' },
  { key: 'store.proof_quota_bytes', kind: 'integer', default: 0, min: 0, max: 2 ** 40, doc: 'bytes of delivery proofs kept to pass on, the oldest going first; 0 = 2 MiB, or 16 MiB on a relay point' },
  { key: 'routing.strategy', kind: 'choice', default: DEFAULT_STRATEGY, choices: ROUTING_STRATEGY_NAMES, doc: 'which neighbours get copies of which messages: direct (only the recipient), epidemic (everyone, up to a hop limit), spray-and-wait (a few copies), prophet (those likelier to meet the recipient), prophet-spray (six copies, given only to those likelier to meet the recipient) or encounter-spray (six copies, given only to those that meet at least as many laptops)' },
  { key: 'routing.hop_limit', kind: 'integer', default: DEFAULT_EPIDEMIC_HOP_LIMIT, min: 1, max: 255, doc: 'epidemic: carriers a message may pass through' },
  { key: 'routing.spray_copies', kind: 'integer', default: DEFAULT_SPRAY_COPIES, min: 1, max: 1024, doc: 'spray-and-wait: copies a new message starts with' },
  { key: 'routing.prophet_time_unit_s', kind: 'integer', default: DEFAULT_TIME_UNIT_MS / 1000, min: 1, max: 7 * 24 * 3600, doc: 'prophet and prophet-spray: seconds per time unit of predictability ageing (RFC 6693 leaves the unit to the network)' },
  { key: 'relay.enabled', kind: 'boolean', default: false, doc: 'act as a relay point: carry more, take everything within quotas, announce itself to neighbours' },
  { key: 'relay.place', kind: 'string', default: '', doc: 'the place this relay point serves (a village or school name); empty on laptops' },
  { key: 'school.keys', kind: 'string', default: '', doc: 'comma-separated Ed25519 public keys (64 hex digits each) of the schools whose certificates this laptop shows as vouched; set when imaging; empty = none' },
  { key: 'log.level', kind: 'choice', default: 'info', choices: LOG_LEVELS, doc: 'error, warn, info or debug' },
];

export type Config = Record<string, ConfigValue>;

export function defaultConfig(): Config {
  return Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, k.default]));
}
