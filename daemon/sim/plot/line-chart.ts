/**
 * Line charts of one metric against an x value for several series, such
 * as delivery ratio against buffer size for each routing strategy. Points
 * are drawn in x order with a marker each (with a tooltip giving the
 * values); axes can be linear or logarithmic, since buffer sizes are
 * usually swept by doubling and overhead ratios span orders of magnitude.
 */
import { SatchelError } from '../../errors/satchel-error.js';
import {
  DEFAULT_HEIGHT_PX, DEFAULT_WIDTH_PX, MAX_POINTS_PER_SERIES, MAX_SERIES, MIN_HEIGHT_PX, MIN_WIDTH_PX,
  checkChoice, checkList, checkName, checkNumber, checkObject, checkPixels, checkRange, checkText, checkUnique,
} from './checks.js';
import { VALUE_FORMATS, formatValue, type ValueFormat } from './format.js';
import { frameSvg, legendSvg, plotBox, svgDocument, xAxisSvg, yPixel, type Page } from './frame.js';
import { markerSvg, seriesStyle } from './palette.js';
import { SCALE_KINDS, makeScale, type ScaleKind } from './scale.js';
import { el, px } from './svg-text.js';

export interface LinePoint { readonly x: number; readonly y: number }
export interface LineSeries { readonly name: string; readonly points: readonly LinePoint[] }

export interface LineChartSpec {
  /** Above the plot; '' for none. */
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** Default 'linear'; 'log' needs every value above 0. */
  readonly xScale?: ScaleKind;
  readonly yScale?: ScaleKind;
  /** How tick labels and tooltips write values; default 'number'. */
  readonly xFormat?: ValueFormat;
  readonly yFormat?: ValueFormat;
  /** A range the y axis covers whatever the data, e.g. [0, 1] for a delivery ratio. */
  readonly yRange?: readonly [number, number];
  /** Pixels; defaults DEFAULT_WIDTH_PX and DEFAULT_HEIGHT_PX. */
  readonly width?: number;
  readonly height?: number;
}

/** Tick values are round, so their labels may use many digits without noise. */
const TICK_DIGITS = 6;
const KEYS = ['title', 'xLabel', 'yLabel', 'series', 'xScale', 'yScale', 'xFormat', 'yFormat', 'yRange', 'width', 'height'];
const WHAT = 'line chart';

interface Checked {
  page: Page;
  series: { name: string; points: LinePoint[] }[];
  xScale: ScaleKind; yScale: ScaleKind; xFormat: ValueFormat; yFormat: ValueFormat;
  yRange: readonly [number, number] | undefined;
}

function check(spec: unknown): Checked {
  const o = checkObject(spec, KEYS, WHAT);
  const xScale = checkChoice(o['xScale'], 'xScale', SCALE_KINDS, 'linear');
  const yScale = checkChoice(o['yScale'], 'yScale', SCALE_KINDS, 'linear');
  const series = checkList(o['series'], 'series', MAX_SERIES).map((raw, i) => {
    if (typeof raw !== 'object' || raw === null) throw SatchelError.invalidArgument(`series ${i} must be an object with a name and points`);
    const s = raw as Record<string, unknown>;
    const name = checkName(s['name'], `series ${i} name`);
    const label = `series ${JSON.stringify(name)}`;
    const points = checkList(s['points'], `${label} points`, MAX_POINTS_PER_SERIES).map((p, j) => {
      const q = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
      const x = checkNumber(q['x'], `${label} point ${j} x`);
      const y = checkNumber(q['y'], `${label} point ${j} y`);
      if (xScale === 'log' && x <= 0) throw SatchelError.invalidArgument(`${label} point ${j} x is ${x}; a log axis needs values above 0`);
      if (yScale === 'log' && y <= 0) throw SatchelError.invalidArgument(`${label} point ${j} y is ${y}; a log axis needs values above 0`);
      return { x, y };
    }).sort((a, b) => a.x - b.x);
    points.forEach((p, j) => {
      if (j > 0 && p.x === points[j - 1]?.x) throw SatchelError.invalidArgument(`${label} has two points at x = ${p.x}`);
    });
    return { name, points };
  });
  checkUnique(series.map((s) => s.name), 'series name');
  const yRange = checkRange(o['yRange'], 'yRange');
  if (yRange !== undefined && yScale === 'log' && yRange[0] <= 0) throw SatchelError.invalidArgument('yRange must be above 0 on a log axis');
  const page = {
    width: checkPixels(o['width'], 'width', DEFAULT_WIDTH_PX, MIN_WIDTH_PX),
    height: checkPixels(o['height'], 'height', DEFAULT_HEIGHT_PX, MIN_HEIGHT_PX),
    title: checkText(o['title'], 'title'),
    xLabel: checkText(o['xLabel'], 'xLabel'),
    yLabel: checkText(o['yLabel'], 'yLabel'),
  };
  return {
    page, series, xScale, yScale, yRange,
    xFormat: checkChoice(o['xFormat'], 'xFormat', VALUE_FORMATS, 'number'),
    yFormat: checkChoice(o['yFormat'], 'yFormat', VALUE_FORMATS, 'number'),
  };
}

/** An SVG document (UTF-8 text) of the chart. Same spec, same bytes. */
export function lineChartSvg(spec: LineChartSpec): string {
  const c = check(spec);
  const xs = c.series.flatMap((s) => s.points.map((p) => p.x));
  const ys = c.series.flatMap((s) => s.points.map((p) => p.y)).concat(c.yRange ?? []);
  const x = makeScale(c.xScale, Math.min(...xs), Math.max(...xs));
  const y = makeScale(c.yScale, Math.min(...ys), Math.max(...ys));
  const yLabels = y.ticks.map((v) => formatValue(v, c.yFormat, TICK_DIGITS));
  const styles = c.series.map((_, i) => seriesStyle(i));
  const box = plotBox(c.page, yLabels, c.series.map((s) => s.name));
  const at = (p: LinePoint) => [box.left + x.at(p.x) * (box.right - box.left), yPixel(box, y, p.y)] as const;
  const lines = c.series.map((s, i) => {
    const style = styles[i] ?? seriesStyle(i);
    const coords = s.points.map(at);
    const line = el('polyline', {
      points: coords.map(([a, b]) => `${px(a)},${px(b)}`).join(' '), fill: 'none', stroke: style.colour, 'stroke-width': 2,
      ...(style.dash === undefined ? {} : { 'stroke-dasharray': style.dash }),
    });
    const marks = s.points.map((p, j) => {
      const [a, b] = coords[j] ?? [0, 0];
      return markerSvg(style.marker, a, b, style.colour, `${s.name}: ${formatValue(p.x, c.xFormat)}, ${formatValue(p.y, c.yFormat)}`);
    });
    return el('g', { class: 'series', 'data-series': s.name }, line + marks.join(''));
  });
  const body = [
    frameSvg(c.page, box, y, yLabels),
    xAxisSvg(box, box.bottom, x.ticks.map((v) => ({ x: box.left + x.at(v) * (box.right - box.left), label: formatValue(v, c.xFormat, TICK_DIGITS), mark: true }))),
    ...lines,
    legendSvg(box, c.series.map((s, i) => ({ name: s.name, style: styles[i] ?? seriesStyle(i) })), 'line'),
  ].join('\n');
  return svgDocument(c.page, body);
}
