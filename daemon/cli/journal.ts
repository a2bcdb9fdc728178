/**
 * The daemon's recent log lines for a diagnostics bundle, from the journal
 * when there is one. satcheld logs no message bodies and no secrets
 * (DESIGN.md, Logs), so the lines can travel with a support ticket as they are.
 */
import { execFile } from 'node:child_process';

export const JOURNAL_UNIT = 'satcheld';
/** How many of the newest lines go into a bundle. */
export const JOURNAL_LINES = 300;
/** How long journalctl may take, in ms; a huge journal on a slow disk must not hang export. */
export const JOURNAL_TIMEOUT_MS = 15_000;
/** Room for JOURNAL_LINES long lines, in bytes. */
const JOURNAL_MAX_BUFFER_BYTES = 4 * 1024 * 1024;

export interface LogsView {
  source: string;
  lines: string[];
  /** Why there are no lines, when journalctl could not give any. */
  unavailable?: string;
}

export function readJournal(): Promise<LogsView> {
  const args = ['-u', JOURNAL_UNIT, '--no-pager', '-q', '-o', 'short-iso', '-n', String(JOURNAL_LINES)];
  const source = `journalctl ${args.join(' ')}`;
  return new Promise((resolve) => {
    execFile('journalctl', args, { timeout: JOURNAL_TIMEOUT_MS, maxBuffer: JOURNAL_MAX_BUFFER_BYTES, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'journalctl is not installed' : stderr.trim() || err.message;
        resolve({ source, lines: [], unavailable: why });
        return;
      }
      const lines = stdout.split('\n').filter((l) => l !== '');
      resolve(lines.length === 0 ? { source, lines, unavailable: `the journal has no entries for ${JOURNAL_UNIT} (or this user may not read them)` } : { source, lines });
    });
  });
}
