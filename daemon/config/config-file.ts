/**
 * satcheld.conf: `[section]` headers, `key = value` lines (or `section.key =
 * value` outside a section, which is how flags arrive), `#` comments.
 * A mistake stops the daemon with the key, the line and what is wrong, so a
 * technician can fix it without reading code.
 */
import { readFileSync } from 'node:fs';
import { SatchelError } from '../errors/satchel-error.js';
import { CONFIG_KEYS, defaultConfig, type Config, type ConfigValue, type KeySpec } from './schema.js';

/** Where device images put it. */
export const DEFAULT_CONFIG_PATH = '/etc/satchel/satcheld.conf';
/** Larger files are not configuration. */
const MAX_CONFIG_BYTES = 64 * 1024;

function parseValue(spec: KeySpec, raw: string, where: string): ConfigValue {
  const bad = (problem: string): never => { throw SatchelError.config(spec.key, `${problem} (${where})`); };
  switch (spec.kind) {
    case 'string':
      return raw.replace(/^"(.*)"$/, '$1');
    case 'boolean':
      if (/^(true|yes|on)$/i.test(raw)) return true;
      if (/^(false|no|off)$/i.test(raw)) return false;
      return bad(`must be true or false, got ${JSON.stringify(raw)}`);
    case 'integer': {
      if (!/^\d+$/.test(raw)) return bad(`must be a whole number, got ${JSON.stringify(raw)}`);
      const n = Number(raw);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        return bad(`must be between ${spec.min ?? 0} and ${spec.max ?? Number.MAX_SAFE_INTEGER}, got ${raw}`);
      }
      return n;
    }
    case 'choice':
      if (!(spec.choices ?? []).includes(raw)) return bad(`must be one of ${(spec.choices ?? []).join(', ')}, got ${JSON.stringify(raw)}`);
      return raw;
  }
}

/** The defaults with whatever the text sets. */
export function parseConfig(text: string, source = 'configuration'): Config {
  return { ...defaultConfig(), ...parseEntries(text, source) };
}

/** Only the keys the text sets, each checked against the schema. */
export function parseEntries(text: string, source = 'configuration'): Config {
  const config: Config = {};
  const seen = new Set<string>();
  let section = '';
  text.split(/\r?\n/).forEach((line, i) => {
    const where = `${source} line ${i + 1}`;
    const s = line.replace(/(^|\s)#.*$/, '').trim();
    if (s === '') return;
    const header = /^\[([a-z_]+)\]$/.exec(s);
    if (header) {
      section = header[1] ?? '';
      if (!CONFIG_KEYS.some((k) => k.key.startsWith(`${section}.`))) throw SatchelError.config(section, `unknown section (${where})`);
      return;
    }
    const kv = /^([a-z0-9_.]+)\s*=\s*(.*)$/.exec(s);
    if (!kv) throw SatchelError.config(section || '(top)', `cannot read ${JSON.stringify(s)}; expected key = value (${where})`);
    const key = section ? `${section}.${kv[1]}` : (kv[1] ?? '');
    const spec = CONFIG_KEYS.find((k) => k.key === key);
    if (!spec) {
      const known = CONFIG_KEYS.filter((k) => k.key.startsWith(`${section}.`)).map((k) => k.key.slice(section.length + 1));
      throw SatchelError.config(key, `unknown key (${where}); known keys${section ? ` in [${section}]` : ''}: ${known.join(', ') || 'none outside a section'}`);
    }
    if (seen.has(key)) throw SatchelError.config(key, `set twice (${where})`);
    seen.add(key);
    config[key] = parseValue(spec, kv[2] ?? '', where);
  });
  return config;
}

export function readConfigFile(path: string): Config {
  let text: string;
  try {
    const buf = readFileSync(path);
    if (buf.length > MAX_CONFIG_BYTES) throw SatchelError.config(path, `file is ${buf.length} bytes; the limit is ${MAX_CONFIG_BYTES}`);
    text = buf.toString('utf8');
  } catch (err) {
    if (err instanceof SatchelError) throw err;
    throw SatchelError.config(path, `cannot read: ${(err as Error).message}`);
  }
  return parseConfig(text, path);
}
