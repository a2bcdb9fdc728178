#!/usr/bin/env node
// Generates daemon/wire/gen/satchel.{js,d.ts} from proto/ with protobufjs-cli.
// With --check it regenerates into a temporary folder and fails if the
// committed code differs, so the schema and the code can never drift apart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const proto = 'proto/satchel/v1/satchel.proto';
const outDir = join(root, 'daemon', 'wire', 'gen');
const check = process.argv.includes('--check');

function generate(dir) {
  const js = join(dir, 'satchel.js');
  execFileSync(bin('pbjs'), [
    '-t', 'static-module', '-w', 'es6', '--es6', '--force-number', '--no-verify', '--no-convert',
    '--no-delimited', '--no-typeurl', '--no-service', '--no-create', '-p', 'proto', '-o', js, proto,
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  // Node's ESM resolver needs the explicit file name.
  const src = readFileSync(js, 'utf8').replace(/import \* as \$protobuf from "protobufjs\/minimal";/, 'import $protobuf from "protobufjs/minimal.js";');
  writeFileSync(js, src);
  execFileSync(bin('pbts'), ['--no-comments', '-o', join(dir, 'satchel.d.ts'), js], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

if (check) {
  const tmp = mkdtempSync(join(tmpdir(), 'satchel-proto-'));
  try {
    generate(tmp);
    for (const f of ['satchel.js', 'satchel.d.ts']) {
      const want = readFileSync(join(tmp, f), 'utf8');
      let have = '';
      try { have = readFileSync(join(outDir, f), 'utf8'); } catch { /* missing counts as drift */ }
      if (want !== have) {
        console.error(`proto: daemon/wire/gen/${f} is out of date with ${proto}; run npm run proto`);
        process.exit(1);
      }
    }
    console.log('proto: generated code matches the schema');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
} else {
  mkdirSync(outDir, { recursive: true });
  generate(outDir);
  console.log('proto: wrote daemon/wire/gen/satchel.{js,d.ts}');
}
