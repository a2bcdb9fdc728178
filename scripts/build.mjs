#!/usr/bin/env node
// Compiles daemon/ to dist/ and copies the generated protobuf code, which is
// JavaScript already and so not emitted by tsc.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The generated code goes first: tsc emits even when it reports errors, and a
// dist/ with new compiled code but old wire code would fail in confusing ways.
const gen = join(root, 'daemon', 'wire', 'gen');
const out = join(root, 'dist', 'daemon', 'wire', 'gen');
mkdirSync(out, { recursive: true });
for (const f of readdirSync(gen)) if (f.endsWith('.js')) copyFileSync(join(gen, f), join(out, f));
try {
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} finally {
  const bin = join(root, 'dist', 'daemon', 'bin');
  for (const f of readdirSync(bin)) chmodSync(join(bin, f), 0o755);
}
