/**
 * Small text helpers for writing SVG by hand: escaping, coordinates with a
 * fixed precision (so the same chart is the same bytes on every run and
 * Node version), and a width estimate for laying out labels without a font
 * engine.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an element or a double-quoted attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A coordinate rounded to 1/100 px: finer than any screen, short in the file, never "-0". */
export function px(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Average glyph width of the sans-serif fonts SVG viewers fall back to, as a share of the font size. */
export const GLYPH_WIDTH_EM = 0.6;

/** Estimated width in px of `text` at `fontPx`, to leave room for labels and the legend. */
export function textWidth(text: string, fontPx: number): number {
  return [...text].length * fontPx * GLYPH_WIDTH_EM;
}

/** An element with attributes in the order given (deterministic), self-closing when it has no content. */
export function el(name: string, attrs: Record<string, string | number>, content?: string): string {
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${typeof v === 'number' ? px(v) : esc(v)}"`).join('');
  return content === undefined ? `<${name}${a}/>` : `<${name}${a}>${content}</${name}>`;
}
