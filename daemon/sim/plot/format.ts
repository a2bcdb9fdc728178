/**
 * How numbers appear on axes, in tooltips and above bars. Plots of the
 * simulator show ratios (delivery), counts (overhead) and buffer sizes, so
 * three formats cover them. Byte sizes use SI prefixes, as the ONE's
 * settings do ("5M" is 5,000,000 bytes).
 */
export const VALUE_FORMATS = ['number', 'percent', 'bytes'] as const;
export type ValueFormat = typeof VALUE_FORMATS[number];

/** Significant digits of a value written on the chart. */
export const LABEL_SIGNIFICANT_DIGITS = 3;

const BYTE_UNITS: readonly [number, string][] = [[1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];

/** The shortest decimal form of `v` to `digits` significant digits ("0.98", "124", "5000"). */
export function shortNumber(v: number, digits = LABEL_SIGNIFICANT_DIGITS): string {
  const r = Number(v.toPrecision(digits));
  if (Object.is(r, -0) || r === 0) return '0';
  const abs = Math.abs(r);
  if (abs >= 1e6) return `${Number((r / 1e6).toPrecision(digits))}M`;
  if (abs >= 1e4) return `${Number((r / 1e3).toPrecision(digits))}k`;
  return String(r);
}

export function formatValue(v: number, format: ValueFormat, digits = LABEL_SIGNIFICANT_DIGITS): string {
  if (format === 'percent') return `${shortNumber(v * 100, digits)}%`;
  if (format === 'bytes') {
    for (const [size, unit] of BYTE_UNITS) {
      if (Math.abs(v) >= size) return `${Number((v / size).toPrecision(digits))} ${unit}`;
    }
    return `${shortNumber(v, digits)} B`;
  }
  return shortNumber(v, digits);
}
