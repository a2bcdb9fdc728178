/**
 * `satchel import FILE`: show a diagnostics bundle on the support person's
 * machine as `status`, `neighbours`, `outbox`, `doctor`... showed it on the
 * laptop, with times relative to when the bundle was made.
 */
import { readFile } from 'node:fs/promises';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle } from '../bundle.js';
import { CliError, toCliError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { ago, clockTime } from '../format.js';
import { table } from '../table.js';
import { renderConfig } from './admin.js';
import { renderDoctor } from './doctor.js';
import { groupMissing } from './export.js';
import { renderInspect } from './inspect.js';
import { renderNeighbours } from './neighbours.js';
import { renderOutbox } from './outbox.js';
import { renderStatus } from './status.js';
import { renderTrace } from './trace.js';

/** The sections `--section` accepts, in the order they are shown. */
export const SECTIONS = ['status', 'neighbours', 'outbox', 'traces', 'counters', 'config', 'doctor', 'store', 'logs'] as const;
type Section = (typeof SECTIONS)[number];

export async function readBundle(path: string): Promise<Bundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const e = toCliError(err);
    throw new CliError(e.exitCode, `cannot read ${path}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw CliError.usage(`${path} is not a satchel diagnostics bundle: not JSON (${(err as Error).message})`);
  }
  const b = doc as Partial<Bundle> | null;
  if (typeof b !== 'object' || b === null || b.format !== BUNDLE_FORMAT || typeof b.format_version !== 'number') {
    throw CliError.usage(`${path} is not a satchel diagnostics bundle (no "format": "${BUNDLE_FORMAT}")`);
  }
  return b as Bundle;
}

function renderSection(b: Bundle, s: Section): string {
  const now = b.created_ms;
  switch (s) {
    case 'status': return b.status ? renderStatus(b.status, now) : '';
    case 'neighbours': return b.neighbours ? renderNeighbours(b.neighbours, now) : '';
    case 'outbox': return b.outbox ? renderOutbox(b.outbox, now) : '';
    case 'traces': {
      // Traces are of outbox entries: the entry says for whom and in what state.
      return Object.entries(b.traces ?? {}).map(([id, events]) => {
        const e = b.outbox?.entries.find((x) => x.id === id);
        return renderTrace({
          id, direction: 'out', contact_id: e?.contact_id ?? '', display_name: e?.display_name ?? '', state: e?.state ?? '',
          reason: '', time_ms: e?.created_ms ?? 0, events,
        }, now);
      }).join('\n\n');
    }
    case 'counters': {
      const rows = Object.entries(b.counters ?? {}).sort(([x], [y]) => x.localeCompare(y));
      return b.counters ? (rows.length ? table(rows, [{ header: 'COUNTER', value: (r) => r[0] }, { header: 'VALUE', value: (r) => String(r[1]), align: 'right' }]) : 'all counters are zero') : '';
    }
    case 'config': return b.config ? renderConfig(b.config) : '';
    case 'doctor': return b.doctor ? renderDoctor(b.doctor) : '';
    case 'store': return b.store ? renderInspect(b.store, now) : '';
    case 'logs': return b.logs ? (b.logs.lines.length ? b.logs.lines.join('\n') : `no log lines: ${b.logs.unavailable ?? 'none'}`) : '';
  }
}

export function renderBundle(b: Bundle, only?: Section): string {
  const out: string[] = [];
  if (only === undefined) {
    out.push(`diagnostics bundle from ${b.host}, made ${clockTime(b.created_ms)} by satchel ${b.cli_version}`);
    if (b.format_version > BUNDLE_FORMAT_VERSION) out.push(`(format ${b.format_version} is newer than this satchel's ${BUNDLE_FORMAT_VERSION}: some parts may not be shown)`);
    for (const [reason, sections] of groupMissing(b.missing ?? [])) out.push(`missing ${sections.join(', ')}: ${reason}`);
  }
  for (const s of only ? [only] : SECTIONS) {
    let text: string;
    try {
      text = renderSection(b, s);
    } catch (err) {
      text = `(cannot show this section: ${(err as Error).message})`;
    }
    if (text === '' && only === undefined) continue;
    out.push(only ? text || `the bundle has no ${s}` : `\n== ${s} ==\n${text}`);
  }
  return out.join('\n');
}

export interface ImportView { bundle: Bundle; section?: Section }

export const importCommand = defineCommand<ImportView>({
  name: 'import',
  summary: 'show a diagnostics bundle as the commands would have shown it',
  synopsis: 'import FILE [--section NAME]',
  details: [
    `--section NAME   one of ${SECTIONS.join(', ')}`,
    'With --json, prints the bundle (or the one section) as stored.',
    'Exits 4 when FILE does not exist, 2 when it is not a bundle.',
  ].join('\n'),
  options: { section: { type: 'string' } },
  positionals: [1, 1],
  async run(ctx, { values, positionals }) {
    const section = values['section'];
    if (typeof section === 'string' && !(SECTIONS as readonly string[]).includes(section)) {
      throw CliError.usage(`--section must be one of ${SECTIONS.join(', ')}`);
    }
    const bundle = await readBundle(positionals[0] ?? '');
    if (typeof section === 'string') ctx.note(`bundle from ${bundle.host}, made ${ago(bundle.created_ms, ctx.now())}`);
    return { data: typeof section === 'string' ? { bundle, section: section as Section } : { bundle }, exitCode: EXIT.OK };
  },
  render: (v) => renderBundle(v.bundle, v.section),
  toJson: (v) => (v.section ? v.bundle[v.section] ?? null : v.bundle),
});
