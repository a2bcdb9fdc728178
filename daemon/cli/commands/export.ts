/**
 * `satchel export [FILE]`: write a diagnostics bundle for a support ticket.
 * It works with the daemon down too (then with the store read offline and
 * exit 1, because the bundle is partial); the file is private to the user.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { collectBundle, type Missing } from '../bundle.js';
import { CliError, toCliError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { size } from '../format.js';

/** Bundles name people and laptops: only the user who made one may read it. */
export const BUNDLE_FILE_MODE = 0o600;

export interface ExportView { path: string; bytes: number; complete: boolean; missing: Missing[] }

/** satchel-diagnostics-HOST-YYYYMMDD-HHMMSS.json, in UTC so that two laptops' names sort together. */
export function defaultBundleName(now: number, host = hostname()): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `satchel-diagnostics-${host.replace(/[^\w.-]+/g, '_')}-${stamp}.json`;
}

/** One line per reason: an unreachable daemon empties five sections for one cause. */
export function groupMissing(missing: Missing[]): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const m of missing) by.set(m.reason, [...(by.get(m.reason) ?? []), m.section]);
  return [...by];
}

export const exportCommand = defineCommand<ExportView>({
  name: 'export',
  summary: 'write a diagnostics bundle (no message text, no keys) for a support ticket',
  synopsis: 'export [FILE] [--store DIR]',
  details: [
    'FILE defaults to ./satchel-diagnostics-HOST-DATE.json. The bundle holds status, neighbours,',
    'outbox, traces of waiting messages, counters, configuration (if allowed), doctor\'s checks,',
    'and the last lines of `journalctl -u satcheld`; with the daemon down, the store read offline.',
    '--store DIR      the store to read when satcheld does not answer (default as for inspect)',
    'Exits 1 when the daemon could not be reached (the bundle is written, but partial).',
  ].join('\n'),
  options: { store: { type: 'string' } },
  positionals: [0, 1],
  async run(ctx, { positionals, values }) {
    const bundle = await collectBundle(ctx, typeof values['store'] === 'string' ? values['store'] : undefined);
    const path = resolve(positionals[0] ?? defaultBundleName(bundle.created_ms));
    const text = JSON.stringify(bundle, null, 2) + '\n';
    // Whole or not at all: a half-written bundle would be worse than none.
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(tmp, text, { mode: BUNDLE_FILE_MODE });
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      const e = toCliError(err);
      throw new CliError(e.exitCode, `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const reachable = bundle.bus !== null;
    const missing = bundle.missing;
    return {
      data: { path, bytes: Buffer.byteLength(text), complete: missing.length === 0, missing },
      exitCode: reachable ? EXIT.OK : EXIT.PROBLEM,
    };
  },
  render(v) {
    const lines = [`wrote ${v.path} (${size(v.bytes)})`];
    for (const [reason, sections] of groupMissing(v.missing)) lines.push(`  without ${sections.join(', ')}: ${reason}`);
    return lines.join('\n');
  },
});
