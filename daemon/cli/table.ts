/**
 * Aligned columns for human output. Widths count characters, which is
 * right for the ids, names and times we print (no wide CJK glyphs in ids).
 */

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** Numbers read better right-aligned. */
  align?: 'left' | 'right';
}

/** Two spaces between columns: enough to see the gap, little enough for 80 columns. */
const GAP = '  ';

export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => oneLine(c.value(r))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (columns[i]?.align === 'right' ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join(GAP)
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

/** "key   value" pairs, keys padded to one width. */
export function pairs(rows: readonly [string, string][]): string {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${(k + ':').padEnd(width + 1)} ${oneLine(v)}`.trimEnd()).join('\n');
}

/** Names come from other laptops: a newline or escape in one must not forge lines of output. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, '?');
}
