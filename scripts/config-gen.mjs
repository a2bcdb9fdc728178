#!/usr/bin/env node
// Writes systemd/satcheld.conf (every key, commented out, at its default)
// from the schema in daemon/config/schema.ts; --check fails if it drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { CONFIG_KEYS } = await import(join(root, 'dist', 'daemon', 'config', 'schema.js'));
const out = join(root, 'systemd', 'satcheld.conf');
let text = `# satcheld configuration, read at start (satcheld --config FILE overrides the path).
# Every key is shown at its built-in default; uncomment a line to change it.
# A mistake stops the daemon with the key, the line and what is wrong.
`;
let section = '';
for (const k of CONFIG_KEYS) {
  const [sec, name] = k.key.split('.');
  if (sec !== section) {
    text += `\n[${sec}]\n`;
    section = sec;
  }
  text += `# ${k.doc}\n#${name} = ${k.default}\n`;
}
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('config: systemd/satcheld.conf is out of date with daemon/config/schema.ts; run npm run config');
    process.exit(1);
  }
  console.log('config: satcheld.conf matches the schema');
} else {
  writeFileSync(out, text);
  console.log('config: wrote systemd/satcheld.conf');
}
