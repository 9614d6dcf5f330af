import { describe, expect, it } from 'vitest';
import { lineChart, MAX_POINTS, PALETTE } from '../src/plot/svg-chart.js';
import { thin } from '../src/plot/thin.js';
import { curveChart } from '../src/train/curve-chart.js';

const finite = (y: number) => Number.isFinite(y);
/** The points of the first drawn path, as [x, y] in pixels. */
const drawn = (svg: string): Array<[number, number]> => [...svg.match(/<path d="M([^"]*)" fill="none" stroke="#0072B2"/)![1]!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);

describe('lineChart on long series', () => {
  it('draws 200 000 points without overflowing the stack, thinned to MAX_POINTS, keeping the spike', () => {
    const points: Array<[number, number]> = Array.from({ length: 200_000 }, (_, t) => [t, 1 / (t + 1)]);
    points[123_457] = [123_457, 10]; // the highest point of all, far inside the series
    const svg = lineChart([{ name: 'loss', points }], { title: 't', xLabel: 'epoch', yLabel: 'MSE', logY: true });
    const path = drawn(svg);
    expect(path.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(path.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(svg.length).toBeLessThan(100_000);
    const top = Math.min(...path.map(([, y]) => y));
    expect(path.find(([, y]) => y === top)![0]).toBeCloseTo(72 + (123_457 / 199_999) * (720 - 190 - 72), 0); // the spike, where it is
  });
});

describe('lineChart on a single point', () => {
  /** The circles drawn, as [cx, cy] in pixels. */
  const dots = (svg: string) => [...svg.matchAll(/<circle cx="([^"]*)" cy="([^"]*)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const inFrame = ([cx, cy]: number[]) => cx! > 72 && cx! < 720 - 190 && cy! > 40 && cy! < 440 - 50;

  it('draws a one-epoch loss curve (log scale) as a dot inside the frame, not an empty chart', () => {
    const svg = curveChart('xor', 'rprop irprop-', [0.2532]);
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(dots(svg)).toHaveLength(1);
    expect(inFrame(dots(svg)[0]!)).toBe(true);
    expect(svg).toContain('text-anchor="middle">0</text>'); // the epoch's tick, and no epoch −1
    expect(svg).not.toContain('>-1<');
  });

  it('does so on a linear scale too, at any value', () => {
    for (const point of [[0, 0], [5, 3]] as Array<[number, number]>) {
      const svg = lineChart([{ name: 'p', points: [point] }], { title: 't', xLabel: 'x', yLabel: 'y' });
      expect(svg).not.toMatch(/NaN|undefined/);
      expect(dots(svg).filter(inFrame)).toHaveLength(1);
    }
  });

  it('adds no dots to a line of two or more points, and marks each point a gap leaves alone', () => {
    expect(dots(curveChart('xor', 'r', [0.3, 0.2, 0.1]))).toEqual([]);
    expect(dots(lineChart([{ name: 'p', points: [[0, 1], [1, NaN], [2, 2], [3, NaN], [4, 3], [5, 4]] }], { title: 't', xLabel: 'x', yLabel: 'y' }))).toHaveLength(2); // x = 0 and 2
  });
});

describe('curveChart', () => {
  it('ticks a short run\'s epochs at whole numbers only: no epoch 0.5', () => {
    const svg = curveChart('xor', 'rprop irprop-', [0.2532, 0.2509]); // --epochs 1: the initial MSE and the one after the step
    const xTicks = [...svg.matchAll(/text-anchor="middle">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(xTicks).toEqual(['0', '1', 'epoch', 'MSE (log scale)']); // (and the axes' labels)
  });

  it('says in the legend that the MSE was 0 from the start (epoch 0 is an epoch too)', () => {
    expect(curveChart('xor', 'rprop irprop-', [0, 0])).toContain('>rprop irprop- (MSE reached 0 at epoch 0)</text>');
  });
});

describe('thin', () => {
  it('leaves a short series as it is', () => {
    const points: Array<[number, number]> = [[0, 1], [1, 2], [2, 3]];
    expect(thin(points, 10, finite)).toBe(points);
  });

  it('leaves a series of exactly max points as it is, a flat stretch included', () => {
    const points: Array<[number, number]> = [[0, 1], [1, 2], [2, 2], [3, 1]];
    expect(thin(points, 4, finite)).toBe(points);
  });

  it('keeps the first, the last, and each run\'s lowest and highest, in order, within max', () => {
    const points: Array<[number, number]> = Array.from({ length: 1000 }, (_, t) => [t, Math.sin(t / 7) * (1 + (t % 13))]);
    const kept = thin(points, 100, finite);
    expect(kept.length).toBeLessThanOrEqual(100);
    expect(kept[0]).toBe(points[0]);
    expect(kept.at(-1)).toBe(points.at(-1));
    const xs = kept.map(([x]) => x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const ys = points.map(([, y]) => y);
    expect(kept.some(([, y]) => y === Math.max(...ys))).toBe(true);
    expect(kept.some(([, y]) => y === Math.min(...ys))).toBe(true);
  });

  it('never picks an undrawable point as an extreme, and keeps a run of them as a gap', () => {
    const points: Array<[number, number]> = Array.from({ length: 1000 }, (_, t) => [t, t >= 400 && t < 600 ? NaN : t]);
    const kept = thin(points, 20, finite);
    expect(kept.filter(([, y]) => Number.isNaN(y)).length).toBeGreaterThan(0); // the gap
    expect(kept.filter(([x, y]) => !Number.isNaN(y) && x >= 400 && x < 600)).toEqual([]);
    expect(kept.some(([x]) => x === 399) && kept.some(([x]) => x === 600)).toBe(true); // its edges, as extremes of their runs
  });
});

describe('lineChart legend', () => {
  const widthOf = (svg: string) => Number(svg.match(/<svg [^>]*width="(\d+)"/)![1]);
  const series = (name: string) => [{ name, points: [[0, 1], [1, 2]] as Array<[number, number]> }];
  const o = { title: 't', xLabel: 'x', yLabel: 'y' };

  it('keeps the default size for labels that fit its margin', () => {
    expect(widthOf(lineChart(series('Rprop irprop+'), o))).toBe(720);
  });

  it('grows the picture, not into the plot, for a long label, so the label is not cut off at the edge', () => {
    const name = 'SGD (lr 0.1) (not within 1e-6 after 2000)';
    const svg = lineChart(series(name), o);
    const labelX = Number(svg.match(new RegExp(`<text x="([\\d.]+)" y="[\\d.]+">${name.replace(/[()]/g, '\\$&')}</text>`))![1]);
    expect(widthOf(svg) - labelX).toBeGreaterThanOrEqual(name.length * 6.5); // room for ≈6.5 px per character at 12 px
    expect(svg).toContain('<rect x="72" y="40" width="458"'); // the plot's frame as at the default size
  });
});

describe('lineChart on a fixed domain', () => {
  it('marks where a series rises above the chart (a diverging loss) with a triangle on the top edge in its colour', () => {
    const diverging: Array<[number, number]> = [[0, 900], [1, 5e3], [2, 1e6], [3, Infinity]];
    const falling: Array<[number, number]> = [[0, 900], [1, 10], [2, 1]];
    const svg = lineChart([{ name: 'SGD (diverged)', points: diverging }, { name: 'Rprop', points: falling }], {
      title: 't', xLabel: 'iteration', yLabel: 'f', logY: true, domain: { x: [0, 10], y: [1e-16, 1e3] },
    });
    const marks = [...svg.matchAll(/<path d="M([\d.]+),51L([\d.]+),41L[\d.]+,51Z" fill="([^"]+)"/g)];
    expect(marks).toHaveLength(1); // the falling series stays inside
    expect(marks[0]![3]).toBe('#0072B2'); // the diverging series' colour
    expect(Number(marks[0]![2])).toBeCloseTo(72 + (1 / 10) * (720 - 190 - 72), 6); // at iteration 1, where it left
  });
});

describe('lineChart on a log scale, a loss that reaches 0', () => {
  // 1000 epochs, the MSE exactly 0 from epoch 163 on (XOR fitted in float32): nothing to draw there.
  const curve = Array.from({ length: 1000 }, (_, t) => (t < 163 ? 0.25 * 10 ** (-t / 4) : 0));
  const svg = curveChart('xor', 'rprop irprop-', curve);
  const xTickLabels = [...svg.matchAll(/text-anchor="middle">(\d+)<\/text>/g)].map((m) => Number(m[1]));

  it('keeps every epoch on the x axis, not only those with a drawable MSE', () => {
    expect(Math.max(...xTickLabels)).toBeGreaterThanOrEqual(900);
  });

  it('marks where it fell below the chart with a triangle on the bottom edge, and says so in the legend', () => {
    const marks = [...svg.matchAll(/<path d="M([\d.]+),379L([\d.]+),389L[\d.]+,379Z" fill="#0072B2"/g)];
    expect(marks).toHaveLength(1);
    expect(Number(marks[0]![2])).toBeCloseTo(72 + (163 / 999) * (720 - 190 - 72), 0); // at epoch 163
    expect(svg).toContain('>rprop irprop- (MSE reached 0 at epoch 163)</text>');
  });
});

describe('lineChart on a log scale over less than a decade', () => {
  // The demo's Linear(3, 2) MSE: 0.23 falling to a plateau at 0.1011, just above a decade's edge.
  const curve = Array.from({ length: 200 }, (_, t) => 0.10113 + 0.13 * Math.exp(-t / 5));
  const svg = curveChart('linear', 'rprop irprop-', curve);

  it('keeps the plateau off the frame (whole decades, 0.1–1, drew it on the bottom edge), where it can be seen', () => {
    const lowest = Math.max(...drawn(svg).map(([, y]) => y));
    expect(440 - 50 - lowest).toBeGreaterThanOrEqual(10);
  });

  it('ends the axis on a round value near the data, labelled, not a decade above it', () => {
    const labels = [...svg.matchAll(/text-anchor="end">([\d.]+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.max(...labels)).toBe(0.5);
    expect(labels).toContain(0.1);
  });
});

describe('lineChart, series sharing a path', () => {
  it('draws them in turns, as dashes offset one dash apart, so every colour shows along it; others stay solid', () => {
    const diagonal: Array<[number, number]> = [[3, -2], [2, -1], [1, 0]];
    const series = [
      { name: 'SGD', points: [[3, -2], [3, 1]] as Array<[number, number]> },
      ...['rprop-', 'irprop-', 'rprop+', 'irprop+'].map((v) => ({ name: `Rprop ${v}`, points: diagonal, sharesPath: true })),
    ];
    const svg = lineChart(series, { title: 't', xLabel: 'x', yLabel: 'y', domain: { x: [-3.5, 3.5], y: [-2.5, 2.5] } });
    const paths = [...svg.matchAll(/<path d="M[^"]*" fill="none" stroke="([^"]+)" stroke-width="2"([^/]*)\/>/g)].map((m) => [m[1], m[2]!.trim()]);
    expect(paths).toHaveLength(5);
    expect(paths[0]![1]).toBe(''); // SGD, alone on its path
    const dashes = paths.slice(1).map(([, attrs]) => attrs!.match(/stroke-dasharray="(\d+) (\d+)" stroke-dashoffset="(-?\d+)"/)!.slice(1).map(Number));
    const [on, off] = dashes[0]!;
    expect(off).toBe(on! * 3); // each shows one dash in four
    expect(dashes.map(([, , offset]) => Math.abs(offset!) / on!)).toEqual([0, 1, 2, 3]); // in turns, no two on the same stretch
  });
});

describe('lineChart, series that share a path and then part', () => {
  it('draws in turns only the stretch they share, each solid past it (was: dashed one in four all along, short steps lost whole)', () => {
    const start: Array<[number, number]> = [[0, 0], [1, 1], [2, 2]];
    const series = [
      { name: 'a', points: [...start, [3, 0]] as Array<[number, number]>, sharesPath: true },
      { name: 'b', points: [...start, [3, 4], [2, 4]] as Array<[number, number]>, sharesPath: true },
    ];
    const svg = lineChart(series, { title: 't', xLabel: 'x', yLabel: 'y', domain: { x: [0, 4], y: [0, 4] } });
    const paths = [...svg.matchAll(/<path d="(M[^"]*)" fill="none" stroke="([^"]+)" stroke-width="2"([^/]*)\/>/g)].map((m) => ({ corners: m[1]!.split(/[ML]/).filter(Boolean).length, colour: m[2], dashed: /stroke-dasharray/.test(m[3]!) }));
    // Each series: its shared three points dashed, then from the last of them on, solid.
    expect(paths).toEqual([
      { corners: 3, colour: PALETTE[0], dashed: true },
      { corners: 2, colour: PALETTE[0], dashed: false },
      { corners: 3, colour: PALETTE[1], dashed: true },
      { corners: 3, colour: PALETTE[1], dashed: false },
    ]);
  });
});

describe('lineChart, a long title', () => {
  it('lies wholly inside the picture (was: centred over the plot, it began left of the picture and lost its first words)', () => {
    const title = 'Training MSE on /tmp/demo-long/experiments/2026-11-26/datasets/linear-regression-train.csv';
    const svg = lineChart([{ name: 'a', points: [[0, 1], [1, 0.5]] }], { title, xLabel: 'epoch', yLabel: 'MSE', logY: true });
    const width = Number(svg.match(/<svg [^>]*width="([\d.]+)"/)![1]);
    const centre = Number(svg.match(/<text x="([\d.]+)" y="22" text-anchor="middle" font-size="16"/)![1]);
    // 9.7 px a character: the average of this title in 16 px bold Arial, measured rendered (wider than the 720 px picture).
    const half = (title.length * 9.7) / 2;
    expect(centre - half).toBeGreaterThanOrEqual(0);
    expect(centre + half).toBeLessThanOrEqual(width);
  });
});
