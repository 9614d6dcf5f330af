import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { renderLoss } from '../src/render-loss.js';
import type { Run } from '../src/simulation.js';

interface Drawing {
  ctx: CanvasRenderingContext2D;
  /** Every text written, with where. */
  texts: Array<{ text: string; x: number; y: number }>;
  /** The points of each path stroked, with the stroke style it was stroked in. */
  paths: Array<{ style: string; points: Array<[number, number]> }>;
  /** The rectangles stroked: the frame. */
  rects: Array<[number, number, number, number]>;
}

/** Just enough of a 2-D context to draw the chart on, keeping where it draws: text 6.5 px a character. */
function recording(): Drawing {
  const drawing: Drawing = { ctx: null as unknown as CanvasRenderingContext2D, texts: [], paths: [], rects: [] };
  let points: Array<[number, number]> = [];
  const target = {
    canvas: { width: 560, height: 300 },
    strokeStyle: '',
    measureText: (s: string) => ({ width: 6.5 * s.length }),
    fillText: (text: string, x: number, y: number) => void drawing.texts.push({ text, x, y }),
    beginPath: () => void (points = []),
    moveTo: (x: number, y: number) => void points.push([x, y]),
    lineTo: (x: number, y: number) => void points.push([x, y]),
    stroke: () => void drawing.paths.push({ style: target.strokeStyle, points }),
    strokeRect: (x: number, y: number, w: number, h: number) => void drawing.rects.push([x, y, w, h]),
  };
  drawing.ctx = new Proxy(target, {
    get: (t, key) => (key in t ? t[key as keyof typeof t] : () => undefined),
    set: (t, key, value) => ((t as Record<string | symbol, unknown>)[key] = value, true),
  }) as unknown as CanvasRenderingContext2D;
  return drawing;
}

const spec = optimizerSpecs()[0]!;
const run = (losses: number[]): Run => ({ spec, param: { data: new Float64Array(2), grad: new Float64Array(2) }, optimizer: null, path: [], losses, diverged: false, error: null });
const fn = FUNCTIONS[0]!;
const size = { width: 560, height: 300 };

describe('the loss chart\'s axes', () => {
  // 1e2 down to 1e-4 over 20 iterations: six decades, a level each.
  const losses = Array.from({ length: 21 }, (_, t) => 10 ** (2 - (6 * t) / 20));

  it('labels a level per decade from the lowest loss to the highest, each plainly', () => {
    const { ctx, texts } = recording();
    renderLoss(ctx, fn, [run(losses)], size);
    expect(texts.filter((t) => t.text.startsWith('1e')).map((t) => t.text)).toEqual(['1e-4', '1e-3', '1e-2', '1e-1', '1e0', '1e1', '1e2']);
  });

  it('draws each loss at the height of its level, the highest level at the frame\'s top and the lowest at its bottom', () => {
    const { ctx, texts, paths, rects } = recording();
    renderLoss(ctx, fn, [run(losses)], size);
    const [, top, , height] = rects.at(-1)!;
    const curve = paths.find((p) => p.style === spec.color)!.points;
    expect(curve).toHaveLength(losses.length);
    // A level's label is drawn 4 px below its line, to centre it.
    const levelY = (v: number) => texts.find((t) => t.text === `1e${v}`)!.y - 4;
    expect(levelY(2)).toBeCloseTo(top, 9);
    expect(levelY(-4)).toBeCloseTo(top + height, 9);
    for (const [t, v] of [[0, 2], [10, -1], [20, -4]] as const) expect(curve[t]![1], `1e${v} at iteration ${t}`).toBeCloseTo(levelY(v), 9);
  });

  it('spans the frame from the first iteration to the last', () => {
    const { ctx, paths, rects } = recording();
    renderLoss(ctx, fn, [run(losses)], size);
    const [left, , width] = rects.at(-1)!;
    const curve = paths.find((p) => p.style === spec.color)!.points;
    expect(curve[0]![0]).toBeCloseTo(left, 9);
    expect(curve.at(-1)![0]).toBeCloseTo(left + width, 9);
  });

  it('marks only its floor ≤ when a run went below it', () => {
    const { ctx, texts } = recording();
    renderLoss(ctx, fn, [run([400, 1e-3, 0])], size);
    expect(texts.filter((t) => t.text.startsWith('≤')).map((t) => t.text)).toEqual(['≤1e-16']);
  });
});
