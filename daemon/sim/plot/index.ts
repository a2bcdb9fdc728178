export { lineChartSvg, type LineChartSpec, type LinePoint, type LineSeries } from './line-chart.js';
export { barChartSvg, GROUP_FILL, type BarChartSpec, type BarSeries } from './bar-chart.js';
export { VALUE_FORMATS, formatValue, type ValueFormat } from './format.js';
export { SCALE_KINDS, type ScaleKind } from './scale.js';
export { SERIES_COLOURS, MARKERS } from './palette.js';
export {
  DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX, MIN_WIDTH_PX, MIN_HEIGHT_PX, MAX_SIZE_PX, MAX_SERIES, MAX_CATEGORIES,
  MAX_POINTS_PER_SERIES, MAX_LABEL_CHARS,
} from './checks.js';
