/**
 * What line and bar charts share: the page layout (title on top, value axis
 * on the left, legend on the right), grid lines, axes with ticks and
 * labels, and the legend. Sizes come from estimated text widths, so long
 * series names or tick labels push the plot area in rather than overflow.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import { markerSvg, type SeriesStyle } from './palette.js';
import type { Scale } from './scale.js';
import { el, esc, px, textWidth } from './svg-text.js';

export const TITLE_FONT_PX = 15;
export const AXIS_LABEL_FONT_PX = 13;
export const TICK_FONT_PX = 11;
export const LEGEND_FONT_PX = 12;
/** Height of one legend entry. */
export const LEGEND_ROW_PX = 18;
/** Narrowest plot area worth drawing; a narrower one means the legend or labels took the page. */
export const MIN_PLOT_WIDTH_PX = 120;
const GAP = 8;
const TICK_LENGTH = 5;
const SWATCH = 22;
const AXIS_COLOUR = '#333333';
const GRID_COLOUR = '#dddddd';

export interface Box { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }

export interface Page {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
}

export interface LegendEntry { readonly name: string; readonly style: SeriesStyle }

/** The plot area left once title, axis labels, tick labels and legend have their room. */
export function plotBox(page: Page, yTickLabels: readonly string[], legendNames: readonly string[]): Box {
  const widest = Math.max(0, ...yTickLabels.map((l) => textWidth(l, TICK_FONT_PX)));
  const legendWidth = SWATCH + GAP + Math.max(...legendNames.map((n) => textWidth(n, LEGEND_FONT_PX))) + 2 * GAP;
  const box = {
    left: GAP + (page.yLabel === '' ? 0 : AXIS_LABEL_FONT_PX + GAP) + widest + GAP + TICK_LENGTH,
    top: GAP + (page.title === '' ? 0 : TITLE_FONT_PX + GAP) + GAP,
    right: page.width - legendWidth - GAP,
    bottom: page.height - GAP - (page.xLabel === '' ? 0 : AXIS_LABEL_FONT_PX + GAP) - TICK_FONT_PX - GAP - TICK_LENGTH,
  };
  if (box.right - box.left < MIN_PLOT_WIDTH_PX) {
    throw SatchelError.invalidArgument(`a chart ${page.width} px wide leaves no room for the plot beside the legend and labels; make it wider or the names shorter`);
  }
  if (box.top + legendNames.length * LEGEND_ROW_PX > page.height) {
    throw SatchelError.invalidArgument(`a chart ${page.height} px high cannot hold a legend of ${legendNames.length} series; make it taller`);
  }
  return box;
}

/** Pixel row of a value on the value axis. */
export function yPixel(box: Box, scale: Scale, v: number): number {
  return box.bottom - scale.at(v) * (box.bottom - box.top);
}

/** The page: background, title, horizontal grid, value axis with ticks, the x axis line and the axis labels. */
export function frameSvg(page: Page, box: Box, yScale: Scale, yTickLabels: readonly string[]): string {
  const parts: string[] = [el('rect', { x: 0, y: 0, width: page.width, height: page.height, fill: '#ffffff' })];
  if (page.title !== '') {
    parts.push(el('text', { x: (box.left + box.right) / 2, y: GAP + TITLE_FONT_PX, 'text-anchor': 'middle', 'font-size': TITLE_FONT_PX, 'font-weight': 'bold' }, esc(page.title)));
  }
  const grid: string[] = [];
  const ticks: string[] = [];
  yScale.ticks.forEach((v, i) => {
    const y = yPixel(box, yScale, v);
    grid.push(el('line', { x1: box.left, y1: y, x2: box.right, y2: y }));
    ticks.push(el('line', { x1: box.left - TICK_LENGTH, y1: y, x2: box.left, y2: y }));
    ticks.push(el('text', { x: box.left - TICK_LENGTH - 2, y: y + TICK_FONT_PX * 0.35, 'text-anchor': 'end', stroke: 'none' }, esc(yTickLabels[i] ?? '')));
  });
  parts.push(el('g', { class: 'grid', stroke: GRID_COLOUR, 'stroke-width': 1 }, grid.join('')));
  parts.push(el('g', { class: 'y-axis', stroke: AXIS_COLOUR, fill: AXIS_COLOUR, 'font-size': TICK_FONT_PX, 'stroke-width': 1 },
    el('line', { x1: box.left, y1: box.top, x2: box.left, y2: box.bottom }) + ticks.join('')));
  if (page.yLabel !== '') {
    const x = GAP + AXIS_LABEL_FONT_PX;
    const y = (box.top + box.bottom) / 2;
    parts.push(el('text', { x, y, transform: `rotate(-90 ${px(x)} ${px(y)})`, 'text-anchor': 'middle', 'font-size': AXIS_LABEL_FONT_PX }, esc(page.yLabel)));
  }
  if (page.xLabel !== '') {
    parts.push(el('text', { x: (box.left + box.right) / 2, y: page.height - GAP, 'text-anchor': 'middle', 'font-size': AXIS_LABEL_FONT_PX }, esc(page.xLabel)));
  }
  return parts.join('\n');
}

export interface XTick { readonly x: number; readonly label: string; readonly mark: boolean }

/** Keeps every k-th label (k as small as possible) so that neighbouring labels do not overlap. */
export function thinLabels(ticks: readonly XTick[]): XTick[] {
  if (ticks.length < 2) return ticks.slice();
  const widest = Math.max(...ticks.map((t) => textWidth(t.label, TICK_FONT_PX)));
  const spacing = Math.abs((ticks[1]?.x ?? 0) - (ticks[0]?.x ?? 0)) || 1;
  const every = Math.max(1, Math.ceil((widest + GAP) / spacing));
  return ticks.map((t, i) => (i % every === 0 ? t : { ...t, label: '' }));
}

/** The x axis line at `baseline` with ticks at the given pixel columns and their labels. */
export function xAxisSvg(box: Box, baseline: number, ticks: readonly XTick[]): string {
  const parts = [el('line', { x1: box.left, y1: baseline, x2: box.right, y2: baseline })];
  for (const t of thinLabels(ticks)) {
    if (t.mark) parts.push(el('line', { x1: t.x, y1: box.bottom, x2: t.x, y2: box.bottom + TICK_LENGTH }));
    if (t.label !== '') parts.push(el('text', { x: t.x, y: box.bottom + TICK_LENGTH + 2 + TICK_FONT_PX, 'text-anchor': 'middle', stroke: 'none' }, esc(t.label)));
  }
  return el('g', { class: 'x-axis', stroke: AXIS_COLOUR, fill: AXIS_COLOUR, 'font-size': TICK_FONT_PX, 'stroke-width': 1 }, parts.join(''));
}

/** The legend beside the plot: a line with its marker for line charts, a filled swatch for bars. */
export function legendSvg(box: Box, entries: readonly LegendEntry[], kind: 'line' | 'bar'): string {
  const x = box.right + 2 * GAP;
  const rows = entries.map((e, i) => {
    const y = box.top + i * LEGEND_ROW_PX + LEGEND_ROW_PX / 2;
    const sample = kind === 'line'
      ? el('line', { x1: x, y1: y, x2: x + SWATCH, y2: y, stroke: e.style.colour, 'stroke-width': 2, ...(e.style.dash === undefined ? {} : { 'stroke-dasharray': e.style.dash }) })
        + markerSvg(e.style.marker, x + SWATCH / 2, y, e.style.colour)
      : el('rect', { x, y: y - 6, width: SWATCH, height: 12, fill: e.style.colour });
    return sample + el('text', { x: x + SWATCH + GAP, y: y + LEGEND_FONT_PX * 0.35 }, esc(e.name));
  });
  return el('g', { class: 'legend', 'font-size': LEGEND_FONT_PX }, rows.join(''));
}

/** The whole document around the drawn parts. */
export function svgDocument(page: Page, body: string): string {
  const title = page.title === '' ? '' : `${el('title', {}, esc(page.title))}\n`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}" font-family="DejaVu Sans, Arial, sans-serif">\n${title}${body}\n</svg>\n`;
}
