/**
 * Series styles. Colours are the Okabe-Ito set, told apart by readers with
 * the common colour-vision deficiencies; each series also gets its own
 * marker shape, so a chart printed in grey still says which line is which.
 * Past the eighth series the styles repeat with a dashed line.
 */
import { el, esc, px } from './svg-text.js';

export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'] as const;
export const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Marker = typeof MARKERS[number];
/** Marker half-size in px. */
export const MARKER_RADIUS_PX = 4;
const DASH = '6 3';

export interface SeriesStyle {
  readonly colour: string;
  readonly marker: Marker;
  /** stroke-dasharray, or undefined for a solid line. */
  readonly dash: string | undefined;
}

export function seriesStyle(index: number): SeriesStyle {
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#000000';
  const marker = MARKERS[index % MARKERS.length] ?? 'circle';
  return { colour, marker, dash: index >= SERIES_COLOURS.length ? DASH : undefined };
}

/** An SVG path through the points, closed. */
function polygon(points: readonly (readonly [number, number])[]): string {
  return `${points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`).join('')}Z`;
}

/** SVG for one marker centred on (x, y), with an optional tooltip (plain text, escaped here). */
export function markerSvg(marker: Marker, x: number, y: number, colour: string, tooltip?: string): string {
  const r = MARKER_RADIUS_PX;
  const tip = tooltip === undefined ? undefined : el('title', {}, esc(tooltip));
  switch (marker) {
    case 'circle':
      return el('circle', { cx: x, cy: y, r, fill: colour }, tip);
    case 'square':
      return el('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: colour }, tip);
    case 'triangle':
      return el('path', { d: polygon([[x, y - 1.2 * r], [x + 1.1 * r, y + 0.8 * r], [x - 1.1 * r, y + 0.8 * r]]), fill: colour }, tip);
    case 'diamond':
      return el('path', { d: polygon([[x, y - 1.3 * r], [x + 1.3 * r, y], [x, y + 1.3 * r], [x - 1.3 * r, y]]), fill: colour }, tip);
  }
}
