import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { renderMap } from '../src/render-map.js';
import { startRuns, stepRuns } from '../src/simulation.js';
import { makeView } from '../src/view.js';

/** Just enough of a 2-D context to draw the map's marks on, keeping the segments and dots it draws. */
function recording() {
  const segments: Array<[[number, number], [number, number]]> = [];
  const dots: Array<[number, number]> = [];
  const squares: Array<[number, number, number, number]> = [];
  let from: [number, number] = [NaN, NaN];
  const target = {
    canvas: { width: 300, height: 300 },
    moveTo: (x: number, y: number) => void (from = [x, y]),
    lineTo: (x: number, y: number) => void (segments.push([from, [x, y]]), (from = [x, y])),
    arc: (x: number, y: number) => void dots.push([x, y]),
    rect: (x: number, y: number, w: number, h: number) => void squares.push([x, y, w, h]),
  };
  const ctx = new Proxy(target, { get: (t, key) => (key in t ? t[key as keyof typeof t] : () => undefined), set: () => true }) as unknown as CanvasRenderingContext2D;
  return { ctx, segments, dots, squares };
}

const near = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]) < 1e-9;

describe('the marks on the map', () => {
  const fn = FUNCTIONS.find((f) => f.id === 'himmelblau')!;
  // Himmelblau's minima are off the diagonal: a cross drawn at (y, x) instead of (x, y) lands elsewhere.
  const view = makeView(300, 300, 30, fn.view);
  const start: [number, number] = [-0.5, -0.5];
  const runs = startRuns(fn, start, optimizerSpecs());
  for (let i = 0; i < 20; i++) stepRuns(fn, runs);

  it('crosses each minimum where it lies: two strokes through its pixel', () => {
    const { ctx, segments } = recording();
    renderMap(ctx, {} as HTMLCanvasElement, fn, view, runs, start);
    for (const minimum of fn.minima) {
      const centre = view.toPixel(...minimum);
      const through = segments.filter(([a, b]) => near([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], centre) && a[0] !== b[0] && a[1] !== b[1]);
      expect(through, `(${minimum})`).toHaveLength(2);
    }
  });

  it('puts each run\'s dot on its current point, and the start square on the start', () => {
    const { ctx, dots, squares } = recording();
    renderMap(ctx, {} as HTMLCanvasElement, fn, view, runs, start);
    expect(dots).toHaveLength(runs.length);
    for (const [k, run] of runs.entries()) expect(near(dots[k]!, view.toPixel(...run.path.at(-1)!)), run.spec.name).toBe(true);
    const [x, y, w, h] = squares.at(-1)!;
    expect(near([x + w / 2, y + h / 2], view.toPixel(...start))).toBe(true);
  });
});
