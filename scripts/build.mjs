#!/usr/bin/env node
// Compiles daemon/ to dist/ and copies the generated protobuf code, which is
// JavaScript already and so not emitted by tsc.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const gen = join(root, 'daemon', 'wire', 'gen');
const out = join(root, 'dist', 'daemon', 'wire', 'gen');
mkdirSync(out, { recursive: true });
for (const f of readdirSync(gen)) if (f.endsWith('.js')) copyFileSync(join(gen, f), join(out, f));
for (const f of readdirSync(join(root, 'dist', 'daemon', 'bin'))) chmodSync(join(root, 'dist', 'daemon', 'bin', f), 0o755);
