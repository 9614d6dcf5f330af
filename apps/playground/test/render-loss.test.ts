import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions.js';
import { optimizerSpecs } from '../src/optimizers.js';
import { renderLoss } from '../src/render-loss.js';
import type { Run } from '../src/simulation.js';

/** Just enough of a 2-D context to draw the chart on, keeping the text it writes: 6.5 px a character. */
function recording(): { ctx: CanvasRenderingContext2D; texts: string[] } {
  const texts: string[] = [];
  const ctx = new Proxy(
    { canvas: { width: 560, height: 300 }, measureText: (s: string) => ({ width: 6.5 * s.length }), fillText: (s: string) => void texts.push(s) },
    { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => undefined), set: () => true },
  );
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts };
}

const run = (losses: number[]): Run => ({ spec: optimizerSpecs()[0]!, param: { data: new Float64Array(2), grad: new Float64Array(2) }, optimizer: null, path: [], losses, diverged: false, error: null });
const fn = FUNCTIONS[0]!;
const size = { width: 560, height: 300 };

describe('the loss chart', () => {
  it('labels its floor ≤ 1e-16 when a run went below it, as the legend can say 1e-28 or 0', () => {
    const { ctx, texts } = recording();
    renderLoss(ctx, fn, [run([400, 1e-3, 1.46e-28, 0])], size);
    expect(texts).toContain('≤1e-16');
    expect(texts).not.toContain('1e-16');
  });

  it('labels every level plainly while all runs stay above the floor', () => {
    const { ctx, texts } = recording();
    renderLoss(ctx, fn, [run([400, 1e-3, 1e-11])], size);
    expect(texts).toContain('1e-11');
    expect(texts.filter((t) => t.startsWith('≤'))).toEqual([]);
  });
});
