#!/usr/bin/env node
/**
 * Trims a production node_modules (from `npm ci --omit=dev`) to what satcheld
 * loads at run time, and writes the package's DEP-5 copyright file: the
 * template with a Files paragraph for every module left in place of
 * @BUNDLED@, and only the License paragraphs that something names.
 *
 *   node prod-modules.mjs DIR COPYRIGHT_TEMPLATE COPYRIGHT_OUT
 *
 * DIR holds package.json, package-lock.json and node_modules. Packages are
 * kept when reachable from the root's dependencies through dependencies,
 * optionalDependencies and peerDependencies that npm installed, except:
 *
 * - usocket: an optional native addon of dbus-next that npm compiles with
 *   node-gyp at install time (pulling node-gyp, request and ~100 more
 *   packages). dbus-next falls back to net.Socket without it, which is what
 *   every developer and CI run uses (npm drops it there when the compile
 *   fails), so the package ships that tested configuration.
 * - @types/*: type declarations that protobufjs lists as dependencies; no
 *   code runs from them.
 *
 * Inside the kept packages it then removes what only serves building or
 * reading the sources (C/C++ sources, TypeScript, source maps, Markdown,
 * images, tests, dotfiles), native builds for musl, which Debian does not
 * use, and the license files, once copied into the copyright file. It fails
 * on a license it has no DEP-5 License paragraph for, so that a new
 * dependency gets looked at before it ships.
 */
import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const [dir, template, out] = process.argv.slice(2);
if (!dir || !template || !out) {
  process.stderr.write('usage: prod-modules.mjs DIR COPYRIGHT_TEMPLATE COPYRIGHT_OUT\n');
  process.exit(2);
}

const EXCLUDED = [/^usocket$/, /^@types\//];
/** npm's license strings mapped to the License paragraphs in copyright.in (DEP-5 calls MIT Expat). */
const LICENSES = {
  MIT: 'Expat', 'MIT/X11': 'Expat', 'BSD-3-Clause': 'BSD-3-Clause', 'BSD-2-Clause': 'BSD-2-Clause',
  'Apache-2.0': 'Apache-2.0', Apache2: 'Apache-2.0', 'BlueOak-1.0.0': 'BlueOak-1.0.0', ISC: 'ISC',
};
/**
 * Code compiled into a native addon, whose notices must travel with the binary
 * (the addon's sources are removed below, the licenses are not).
 */
const EMBEDDED = {
  '@lmdb/lmdb-linux-x64': ['OpenLDAP-2.8', 'BSD-2-Clause'],
  '@lmdb/lmdb-linux-arm64': ['OpenLDAP-2.8', 'BSD-2-Clause'],
  '@lmdb/lmdb-linux-arm': ['OpenLDAP-2.8', 'BSD-2-Clause'],
};
const EMBEDDED_COPYRIGHT = {
  'OpenLDAP-2.8': '2011-2021 Howard Chu, Symas Corp. (LMDB)',
  'BSD-2-Clause': '2011-2020 Yann Collet (LZ4)',
};

const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
if (!lock.packages) throw new Error('package-lock.json has no "packages" map (lockfileVersion >= 2 needed)');
const root = lock.packages[''];

/** Node's lookup: the nearest node_modules/NAME walking up from `from`. */
function resolve(name, from) {
  let base = from;
  for (;;) {
    const loc = (base ? `${base}/` : '') + `node_modules/${name}`;
    if (lock.packages[loc] && existsSync(join(dir, loc))) return loc;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

const kept = new Set();
const queue = [];
const want = (name, from, optional) => {
  if (EXCLUDED.some((re) => re.test(name))) return;
  const loc = resolve(name, from);
  if (!loc) {
    if (optional) return;
    throw new Error(`${name} (needed by ${from || 'satchel'}) is not installed in ${dir}`);
  }
  if (!kept.has(loc)) {
    kept.add(loc);
    queue.push(loc);
  }
};
for (const name of Object.keys(root.dependencies ?? {})) want(name, '', false);
for (const name of Object.keys(root.optionalDependencies ?? {})) want(name, '', true);
while (queue.length) {
  const loc = queue.shift();
  const p = lock.packages[loc];
  for (const name of Object.keys(p.dependencies ?? {})) want(name, loc, false);
  for (const name of Object.keys(p.optionalDependencies ?? {})) want(name, loc, true);
  for (const name of Object.keys(p.peerDependencies ?? {})) want(name, loc, true);
}

// Everything npm installed that is not kept goes.
for (const loc of Object.keys(lock.packages)) {
  if (loc === '' || kept.has(loc) || !existsSync(join(dir, loc))) continue;
  rmSync(join(dir, loc), { recursive: true, force: true });
}
for (const f of ['.bin', '.package-lock.json']) rmSync(join(dir, 'node_modules', f), { recursive: true, force: true });
for (const scope of readdirSync(join(dir, 'node_modules'))) {
  const p = join(dir, 'node_modules', scope);
  if (scope.startsWith('@') && readdirSync(p).length === 0) rmdirSync(p);
}

/** The copyright lines of a package's license file, and its author when they do not name it. */
function copyrightOf(pkg, licenseText) {
  const authorField = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
  const author = authorField?.replace(/\s*[<(].*$/, '').replace(/['"]/g, '').trim();
  const lines = new Set();
  for (const raw of licenseText.split('\n')) {
    const m = /(?:copyright\s*(?:\(c\)|©)?|\(c\)|©)\s*(\d{4}(?:\s*[-–,]\s*\d{4})*,?[^\n]*)/i.exec(raw.replace(/[[\]*`'"]/g, ''));
    if (!m) continue;
    let holder = m[1].replace(/\(https?:[^)]*\)/g, '');
    // "(... (c) 2014 Someone) and ...": the notice ends where its parenthesis closes.
    const close = holder.indexOf(')');
    if (close >= 0 && !holder.slice(0, close).includes('(')) holder = holder.slice(0, close);
    holder = holder.replace(/\s*all rights reserved\.?/i, '').replace(/[.,\s]+$/, '').replace(/\s+/g, ' ').trim();
    if (!/[A-Za-z]/.test(holder)) holder = author ? `${holder} ${author}` : '';
    if (holder) lines.add(holder);
  }
  if (author && ![...lines].some((l) => l.includes(author))) lines.add(author);
  return lines.size ? [...lines] : [`the ${pkg.name} authors`];
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)/i;
/** What only serves building or reading the sources (see trim below). */
const DROP_FILE = /(\.(c|cc|cpp|cxx|h|hh|hpp|gyp|gypi|ts|mts|cts|map|md|markdown|html|png|jpg|jpeg|gif)|\.musl\.node)$/i;
const DROP_DIR = /^(test|tests|__tests__|example|examples|bench|benchmark|benchmarks|assets|dependencies|src)$/i;
function licenseFileText(path) {
  const f = readdirSync(path).find((n) => LICENSE_FILE.test(n));
  return f ? readFileSync(join(path, f), 'utf8') : '';
}

/** The license a text is, for files that name none. */
function sniff(text) {
  if (/Apache License[\s\S]*Version 2\.0/.test(text)) return 'Apache-2.0';
  if (/Permission is hereby granted, free of charge/.test(text)) return 'MIT';
  if (/Redistribution and use in source and binary forms/.test(text)) return /Neither the name/.test(text) ? 'BSD-3-Clause' : 'BSD-2-Clause';
  return undefined;
}

/** License files below a package's top directory: parts under other terms (protobufjs/google). */
function nestedLicenseFiles(path, rel = '') {
  const found = [];
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.') || DROP_DIR.test(e.name)) continue;
      found.push(...nestedLicenseFiles(join(path, e.name), posix.join(rel, e.name)));
    } else if (rel && LICENSE_FILE.test(e.name)) {
      found.push(posix.join(rel, e.name));
    }
  }
  return found;
}

function licenseOf(pkg, text) {
  const field = pkg.license ?? pkg.licenses;
  let spdx = Array.isArray(field) ? field.map((l) => l?.type ?? l) : (field?.type ?? field);
  // No license field: name it from the text it ships.
  spdx ??= sniff(text);
  const parts = (Array.isArray(spdx) ? spdx : String(spdx).replace(/^\(|\)$/g, '').split(/\s+OR\s+/)).map((s) => s.trim());
  const names = parts.map((s) => LICENSES[s]);
  const bad = parts.filter((_, i) => !names[i]);
  if (bad.length) throw new Error(`${pkg.name}@${pkg.version}: license ${JSON.stringify(spdx)} has no License paragraph in scripts/deb/debian/copyright.in`);
  return [...new Set(names)].join(' or ');
}

const paragraphs = [];
const summary = [];
for (const loc of [...kept].sort()) {
  const path = join(dir, loc);
  const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  const text = licenseFileText(path);
  let license = licenseOf(pkg, text);
  const copyright = copyrightOf(pkg, text);
  for (const extra of EMBEDDED[pkg.name] ?? []) {
    license = `${license} and ${extra}`;
    copyright.push(EMBEDDED_COPYRIGHT[extra]);
  }
  paragraphs.push(
    `Files: ${posix.join(loc, '*')}\nCopyright: ${copyright.join('\n ')}\nLicense: ${license}\nComment: ${pkg.name} ${pkg.version}, bundled in /usr/lib/satchel/${loc}`,
  );
  summary.push(`${pkg.name}@${pkg.version} ${license}`);
  for (const file of nestedLicenseFiles(path)) {
    const sub = posix.dirname(file);
    const subText = readFileSync(join(path, file), 'utf8');
    const subLicense = LICENSES[sniff(subText) ?? ''];
    if (!subLicense) throw new Error(`${loc}/${file}: cannot tell which license this is; add it to prod-modules.mjs`);
    paragraphs.push(
      `Files: ${posix.join(loc, sub, '*')}\nCopyright: ${copyrightOf({ name: `${pkg.name}/${sub}` }, subText).join('\n ')}\nLicense: ${subLicense}\nComment: part of ${pkg.name} ${pkg.version} under its own license (${file})`,
    );
    summary.push(`${pkg.name}@${pkg.version} ${sub}/ ${subLicense}`);
  }
}
// The template's standalone License paragraphs, kept when some Files paragraph names them.
const [head, licenses] = readFileSync(template, 'utf8').split(/^@BUNDLED@\n/m);
if (licenses === undefined) throw new Error(`${template} has no @BUNDLED@ line`);
const text = head + paragraphs.join('\n\n') + '\n';
const named = new Set([...text.matchAll(/^License: (.+)$/gm)].flatMap((m) => m[1].split(/ (?:and|or) /)));
const standalone = licenses.split(/\n\n+(?=License: )/).map((p) => p.trim()).filter(Boolean);
for (const name of named) {
  if (!standalone.some((p) => p.startsWith(`License: ${name}\n`))) throw new Error(`no License paragraph for ${name} in ${template}`);
}
writeFileSync(out, text + '\n' + standalone.filter((p) => named.has(/^License: (.+)$/m.exec(p)[1])).join('\n\n') + '\n');
process.stdout.write(summary.join('\n') + '\n');

// Files that only serve building or reading the sources, and the license
// files, whose texts and notices are in the copyright file now.
function trim(path, pkgRoot) {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules') continue; // a nested package: trimmed on its own
      // A `src` of JavaScript is code (protobufjs loads its src/); only C/C++ trees go.
      if (entry.name.startsWith('.') || (DROP_DIR.test(entry.name) && (entry.name !== 'src' || !hasJs(p)))) {
        rmSync(p, { recursive: true, force: true });
        continue;
      }
      trim(p, pkgRoot);
      if (readdirSync(p).length === 0) rmdirSync(p);
    } else if (entry.name.startsWith('.') || DROP_FILE.test(entry.name) || LICENSE_FILE.test(entry.name)) {
      rmSync(p, { force: true });
    }
  }
}
function hasJs(path) {
  return readdirSync(path, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? hasJs(join(path, e.name)) : /\.(js|cjs|mjs|json)$/.test(e.name));
}
for (const loc of kept) trim(join(dir, loc), join(dir, loc));


// A sanity check the build relies on: no directory left without a package.json.
for (const loc of kept) if (!statSync(join(dir, loc, 'package.json')).isFile()) throw new Error(`${loc} lost its package.json`);
