/**
 * Grouped bar charts: one metric for several series (routing strategies)
 * in each of a few categories (workloads, scenarios, or a single
 * category for a plain comparison). Bars start at zero, so the value axis
 * always includes zero: a bar chart that starts elsewhere misleads. Each
 * bar can carry its value above it, where it fits.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import {
  DEFAULT_HEIGHT_PX, DEFAULT_WIDTH_PX, MAX_CATEGORIES, MAX_SERIES, MIN_HEIGHT_PX, MIN_WIDTH_PX,
  checkChoice, checkList, checkName, checkNumber, checkObject, checkPixels, checkRange, checkText, checkUnique,
} from './checks.js';
import { VALUE_FORMATS, formatValue, type ValueFormat } from './format.js';
import { TICK_FONT_PX, frameSvg, legendSvg, plotBox, svgDocument, xAxisSvg, yPixel, type Page } from './frame.js';
import { seriesStyle } from './palette.js';
import { linearScale } from './scale.js';
import { el, esc, textWidth } from './svg-text.js';

export interface BarSeries {
  readonly name: string;
  /** One value per category, in the order of `categories`. */
  readonly values: readonly number[];
}

export interface BarChartSpec {
  readonly title: string;
  /** Under the category names; '' for none. */
  readonly xLabel: string;
  readonly yLabel: string;
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  /** Default 'number'. */
  readonly yFormat?: ValueFormat;
  /** A range the value axis covers whatever the data (zero is always covered). */
  readonly yRange?: readonly [number, number];
  /** Write each bar's value above it; default true. */
  readonly valueLabels?: boolean;
  readonly width?: number;
  readonly height?: number;
}

/** Share of a category's band the bars fill; the rest separates the groups. */
export const GROUP_FILL = 0.8;
const TICK_DIGITS = 6;
const KEYS = ['title', 'xLabel', 'yLabel', 'categories', 'series', 'yFormat', 'yRange', 'valueLabels', 'width', 'height'];

function check(spec: unknown) {
  const o = checkObject(spec, KEYS, 'bar chart');
  const categories = checkList(o['categories'], 'categories', MAX_CATEGORIES).map((c, i) => checkName(c, `category ${i}`));
  checkUnique(categories, 'category');
  const series = checkList(o['series'], 'series', MAX_SERIES).map((raw, i) => {
    if (typeof raw !== 'object' || raw === null) throw SatchelError.invalidArgument(`series ${i} must be an object with a name and values`);
    const s = raw as Record<string, unknown>;
    const name = checkName(s['name'], `series ${i} name`);
    const label = `series ${JSON.stringify(name)}`;
    const values = s['values'];
    if (!Array.isArray(values) || values.length !== categories.length) {
      throw SatchelError.invalidArgument(`${label} must have one value per category (${categories.length})`);
    }
    return { name, values: values.map((v, j) => checkNumber(v, `${label} value for ${JSON.stringify(categories[j])}`)) };
  });
  checkUnique(series.map((s) => s.name), 'series name');
  const valueLabels = o['valueLabels'] ?? true;
  if (typeof valueLabels !== 'boolean') throw SatchelError.invalidArgument('valueLabels must be true or false');
  const page: Page = {
    width: checkPixels(o['width'], 'width', DEFAULT_WIDTH_PX, MIN_WIDTH_PX),
    height: checkPixels(o['height'], 'height', DEFAULT_HEIGHT_PX, MIN_HEIGHT_PX),
    title: checkText(o['title'], 'title'),
    xLabel: checkText(o['xLabel'], 'xLabel'),
    yLabel: checkText(o['yLabel'], 'yLabel'),
  };
  return {
    page, categories, series, valueLabels,
    yFormat: checkChoice(o['yFormat'], 'yFormat', VALUE_FORMATS, 'number'),
    yRange: checkRange(o['yRange'], 'yRange'),
  };
}

/** An SVG document (UTF-8 text) of the chart. Same spec, same bytes. */
export function barChartSvg(spec: BarChartSpec): string {
  const c = check(spec);
  const values = c.series.flatMap((s) => s.values).concat(c.yRange ?? [], [0]);
  const y = linearScale(Math.min(...values), Math.max(...values));
  const yLabels = y.ticks.map((v) => formatValue(v, c.yFormat, TICK_DIGITS));
  const styles = c.series.map((_, i) => seriesStyle(i));
  const box = plotBox(c.page, yLabels, c.series.map((s) => s.name));
  const band = (box.right - box.left) / c.categories.length;
  const barWidth = (band * GROUP_FILL) / c.series.length;
  const zero = yPixel(box, y, 0);
  const groups = c.series.map((s, i) => {
    const colour = (styles[i] ?? seriesStyle(i)).colour;
    const bars = s.values.map((v, j) => {
      const x = box.left + j * band + (band * (1 - GROUP_FILL)) / 2 + i * barWidth;
      const top = Math.min(zero, yPixel(box, y, v));
      const text = formatValue(v, c.yFormat);
      const tip = el('title', {}, esc(`${s.name}, ${c.categories[j] ?? ''}: ${text}`));
      const bar = el('rect', { x, y: top, width: barWidth, height: Math.abs(yPixel(box, y, v) - zero), fill: colour }, tip);
      if (!c.valueLabels || textWidth(text, TICK_FONT_PX) > barWidth + 4) return bar;
      const labelY = v >= 0 ? top - 3 : top + Math.abs(yPixel(box, y, v) - zero) + TICK_FONT_PX;
      return bar + el('text', { x: x + barWidth / 2, y: labelY, 'text-anchor': 'middle', 'font-size': TICK_FONT_PX }, esc(text));
    });
    return el('g', { class: 'series', 'data-series': s.name }, bars.join(''));
  });
  const ticks = c.categories.map((name, j) => ({ x: box.left + (j + 0.5) * band, label: name, mark: false }));
  const body = [
    frameSvg(c.page, box, y, yLabels),
    ...groups,
    xAxisSvg(box, zero, ticks),
    legendSvg(box, c.series.map((s, i) => ({ name: s.name, style: styles[i] ?? seriesStyle(i) })), 'bar'),
  ].join('\n');
  return svgDocument(c.page, body);
}
