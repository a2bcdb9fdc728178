/**
 * The SVG charts are well-formed XML (read back by Python's xml.etree, a
 * parser nobody here wrote), say what they plot (title, axis labels, ticks,
 * every series in the legend), put points and bars where their values say,
 * are the same bytes for the same input, and refuse data they cannot draw
 * honestly with InvalidArgument naming the series and point.
 */
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { barChartSvg, lineChartSvg, type BarChartSpec, type LineChartSpec } from '../../../daemon/sim/plot/index.js';

interface Parsed {
  root: string;
  texts: string[];
  series: string[];
  polylines: Record<string, [number, number][]>;
  bars: Record<string, { y: number; height: number }[]>;
}

const READER = String.raw`
import json, sys
import xml.etree.ElementTree as ET
NS = '{http://www.w3.org/2000/svg}'
root = ET.fromstring(sys.stdin.buffer.read())
out = {'root': root.tag, 'texts': [], 'series': [], 'polylines': {}, 'bars': {}}
for el in root.iter():
    if el.tag == NS + 'text':
        out['texts'].append(''.join(el.itertext()))
    if el.tag == NS + 'g' and el.get('class') == 'series':
        name = el.get('data-series')
        out['series'].append(name)
        for line in el.iter(NS + 'polyline'):
            out['polylines'][name] = [[float(v) for v in p.split(',')] for p in line.get('points').split()]
        out['bars'][name] = [{'y': float(r.get('y')), 'height': float(r.get('height'))} for r in el.iter(NS + 'rect')]
print(json.dumps(out))
`;

function parse(svg: string): Parsed {
  const r = spawnSync('/usr/bin/python3', ['-c', READER], { input: svg, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout) as Parsed;
}

const SIZES = [1e6, 2e6, 5e6, 10e6, 20e6];
const line: LineChartSpec = {
  title: 'Delivery against buffer size',
  xLabel: 'buffer size',
  yLabel: 'delivery ratio',
  xScale: 'log',
  xFormat: 'bytes',
  yFormat: 'percent',
  yRange: [0, 1],
  series: [
    { name: 'epidemic', points: SIZES.map((x, i) => ({ x, y: 0.5 + i * 0.1 })) },
    { name: 'spray & wait <8>', points: SIZES.map((x) => ({ x, y: 0.8 })) },
  ],
};
const bars: BarChartSpec = {
  title: 'Delivery per strategy',
  xLabel: 'workload',
  yLabel: 'delivery ratio',
  yRange: [0, 1],
  categories: ['text', 'drawing'],
  series: [
    { name: 'direct', values: [0.25, 0.5] },
    { name: 'epidemic', values: [1, 0.75] },
  ],
};

t.test('a line chart is well-formed SVG naming its series, axes and ticks', async (t) => {
  const p = parse(lineChartSvg(line));
  t.equal(p.root, '{http://www.w3.org/2000/svg}svg');
  t.same(p.series, ['epidemic', 'spray & wait <8>'], 'names come back unharmed through escaping');
  for (const text of ['Delivery against buffer size', 'buffer size', 'delivery ratio', 'epidemic', 'spray & wait <8>', '1 MB', '2 MB', '5 MB', '10 MB', '20 MB', '0%', '100%']) {
    t.ok(p.texts.includes(text), `shows ${JSON.stringify(text)}`);
  }
  const epidemic = p.polylines['epidemic'] ?? [];
  t.equal(epidemic.length, 5);
  t.ok(epidemic.every(([x], i) => i === 0 || x > (epidemic[i - 1]?.[0] ?? Infinity)), 'points run left to right');
  t.ok(epidemic.every(([, y], i) => i === 0 || y < (epidemic[i - 1]?.[1] ?? -Infinity)), 'a rising metric climbs the page');
  const [x1, x2, x3] = epidemic.map(([x]) => x);
  t.ok(Math.abs(((x2 ?? 0) - (x1 ?? 0)) / ((x3 ?? 0) - (x2 ?? 0)) - Math.log10(2) / Math.log10(2.5)) < 0.01, 'the x axis is logarithmic');
  const flat = p.polylines['spray & wait <8>'] ?? [];
  t.ok(flat.every(([, y]) => y === flat[0]?.[1]), 'a constant metric is a flat line');
});

t.test('the same chart is the same bytes, whatever order the points come in', async (t) => {
  t.equal(lineChartSvg(line), lineChartSvg(line));
  const shuffled = { ...line, series: line.series.map((s) => ({ ...s, points: s.points.slice().reverse() })) };
  t.equal(lineChartSvg(shuffled), lineChartSvg(line));
  t.equal(barChartSvg(bars), barChartSvg(bars));
});

t.test('a grouped bar chart is well-formed SVG with bars as tall as their values', async (t) => {
  const p = parse(barChartSvg(bars));
  t.same(p.series, ['direct', 'epidemic']);
  for (const text of ['Delivery per strategy', 'workload', 'delivery ratio', 'text', 'drawing', 'direct', 'epidemic', '0.25', '0.75', '1']) {
    t.ok(p.texts.includes(text), `shows ${JSON.stringify(text)}`);
  }
  const direct = p.bars['direct'] ?? [];
  const epidemic = p.bars['epidemic'] ?? [];
  t.equal(direct.length, 2, 'one bar per category');
  const unit = epidemic[0]?.height ?? NaN;
  t.ok(Math.abs((direct[0]?.height ?? 0) / unit - 0.25) < 0.01, 'a bar of 0.25 is a quarter of a bar of 1');
  t.ok(Math.abs((direct[1]?.height ?? 0) / unit - 0.5) < 0.01);
  t.ok(Math.abs((epidemic[1]?.height ?? 0) / unit - 0.75) < 0.01);
  const bottom = (b: { y: number; height: number } | undefined) => (b?.y ?? 0) + (b?.height ?? 0);
  t.ok([...direct, ...epidemic].every((b) => Math.abs(bottom(b) - bottom(direct[0])) < 0.02), 'all bars stand on zero');
});

t.test('negative bars hang below zero; log axes widen to whole 1-2-5 ticks', async (t) => {
  const p = parse(barChartSvg({ ...bars, yRange: undefined as never, series: [{ name: 'change', values: [-2, 4] }] }));
  const [neg, pos] = p.bars['change'] ?? [];
  t.ok(neg !== undefined && pos !== undefined && Math.abs(neg.y - (pos.y + pos.height)) < 0.02, 'the negative bar starts where the positive one ends: at zero');
  t.ok(p.texts.includes('-2') && p.texts.includes('4'));
  const overhead = parse(lineChartSvg({
    title: '', xLabel: 'buffer', yLabel: 'overhead', yScale: 'log', series: [{ name: 'epidemic', points: [{ x: 1, y: 3 }, { x: 2, y: 130 }] }],
  }));
  for (const tick of ['2', '5', '10', '20', '50', '100', '200']) t.ok(overhead.texts.includes(tick), `log tick ${tick}`);
});

t.test('data that cannot be drawn honestly is refused with a message naming it', async (t) => {
  const withPoint = (y: unknown) => ({ ...line, series: [{ name: 'epidemic', points: [{ x: 1e6, y: 0.5 }, { x: 2e6, y }] }] });
  const cases: [string, () => string, RegExp][] = [
    ['NaN', () => lineChartSvg(withPoint(NaN) as LineChartSpec), /series "epidemic" point 1 y is NaN/],
    ['Infinity', () => lineChartSvg(withPoint(Infinity) as LineChartSpec), /point 1 y is Infinity/],
    ['a string', () => lineChartSvg(withPoint('0.5') as LineChartSpec), /point 1 y must be a number/],
    ['no series', () => lineChartSvg({ ...line, series: [] }), /series is empty/],
    ['no points', () => lineChartSvg({ ...line, series: [{ name: 'a', points: [] }] }), /series "a" points is empty/],
    ['two points at one x', () => lineChartSvg({ ...line, series: [{ name: 'a', points: [{ x: 1e6, y: 1 }, { x: 1e6, y: 0 }] }] }), /two points at x = 1000000/],
    ['zero on a log axis', () => lineChartSvg({ ...line, series: [{ name: 'a', points: [{ x: 0, y: 1 }] }] }), /log axis needs values above 0/],
    ['twice the same name', () => lineChartSvg({ ...line, series: [line.series[0], line.series[0]] as never }), /"epidemic" appears twice/],
    ['an empty name', () => lineChartSvg({ ...line, series: [{ name: ' ', points: [{ x: 1, y: 1 }] }] }), /name must not be empty/],
    ['a control character', () => lineChartSvg({ ...line, title: 'a\u0000b' }), /control character/],
    ['an unknown option', () => lineChartSvg({ ...line, colour: 'red' } as never), /no option "colour"/],
    ['not an object', () => lineChartSvg(null as never), /must be an object/],
    ['a bad scale', () => lineChartSvg({ ...line, xScale: 'sqrt' as never }), /xScale must be one of linear, log/],
    ['an inverted range', () => lineChartSvg({ ...line, yRange: [1, 0] }), /min below max/],
    ['a tiny page', () => lineChartSvg({ ...line, width: 10 }), /width must be a whole number of pixels/],
    ['names too long for the page', () => lineChartSvg({ ...line, width: 320, series: [{ name: 'x'.repeat(100), points: [{ x: 1, y: 1 }] }] }), /no room for the plot/],
    ['bars: no categories', () => barChartSvg({ ...bars, categories: [] }), /categories is empty/],
    ['bars: NaN', () => barChartSvg({ ...bars, series: [{ name: 'direct', values: [NaN, 1] }] }), /series "direct" value for "text" is NaN/],
    ['bars: a missing value', () => barChartSvg({ ...bars, series: [{ name: 'direct', values: [1] }] }), /one value per category \(2\)/],
    ['bars: no series', () => barChartSvg({ ...bars, series: [] }), /series is empty/],
    ['bars: valueLabels not boolean', () => barChartSvg({ ...bars, valueLabels: 'yes' as never }), /valueLabels must be true or false/],
  ];
  for (const [what, draw, message] of cases) t.throws(draw, { code: 'INVALID_ARGUMENT', message }, what);
});
