import { drawInCssPixels, type Size } from './backing.js';
import { strokeCross } from './cross.js';
import type { TestFunction } from './functions.js';
import { fitText, marginFor } from './margins.js';
import type { Run } from './simulation.js';
import { ticks } from './view.js';

/** From a tick label to the frame, and from the title to the canvas's edges. */
const GAP = 6;

/**
 * f − fmin against iteration, log scale, one line per run, on a chart displayed at `size` CSS pixels.
 * The margins widen for wider tick labels ('1e-12', '1e300' after a blow-up) so none is cut off.
 */
export function renderLoss(ctx: CanvasRenderingContext2D, fn: TestFunction, runs: Run[], size: Size): void {
  const { width, height } = size;
  drawInCssPixels(ctx, size);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const floor = 1e-16;
  const logs = runs.map((r) => r.losses.map((l) => Math.log10(Math.max(l - fn.fmin, floor))));
  // A run that lands on the minimum (f − f* = 0, or 1e-28 by rounding) is drawn on the floor: its label
  // says so, or the chart would show 1e-16 where the legend shows the value.
  const belowFloor = runs.some((r) => r.losses.some((l) => l - fn.fmin < floor));
  const all = logs.flat();
  const top = Math.ceil(Math.max(1, ...all));
  const bottom = Math.floor(Math.min(top - 2, ...all));
  const iterations = Math.max(10, ...runs.map((r) => r.losses.length - 1));
  const step = Math.max(1, Math.ceil((top - bottom) / 6));
  const levels: number[] = [];
  for (let v = bottom; v <= top; v += step) levels.push(v);
  const levelLabel = (v: number) => `${belowFloor && v === bottom ? '≤' : ''}1e${v}`;
  const iterationTicks = ticks(0, iterations, 6);
  ctx.font = '12px system-ui, sans-serif';
  const measure = (text: string) => ctx.measureText(text).width;
  const m = {
    left: marginFor(levels.map((v) => measure(levelLabel(v))), 2 * GAP, 56),
    // Half of an iteration label centred on the frame's right edge lies beyond it.
    right: marginFor(iterationTicks.map((t) => measure(String(t)) / 2), 0, 12),
    top: 24,
    bottom: 36,
  };
  const px = (t: number) => m.left + (t / iterations) * (width - m.left - m.right);
  const py = (v: number) => m.top + ((top - v) / (top - bottom)) * (height - m.top - m.bottom);
  ctx.fillStyle = '#222';
  ctx.strokeStyle = '#e5e5e5';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  for (const v of levels) {
    ctx.beginPath();
    ctx.moveTo(m.left, py(v));
    ctx.lineTo(width - m.right, py(v));
    ctx.stroke();
    ctx.fillText(levelLabel(v), m.left - GAP, py(v) + 4);
  }
  ctx.textAlign = 'center';
  for (const t of iterationTicks) ctx.fillText(String(t), px(t), height - m.bottom + 16);
  ctx.fillText('iteration', (m.left + width - m.right) / 2, height - 4);
  ctx.textAlign = 'left';
  // Over the plot where it fits; on a narrow chart from the left edge, cut short if it must.
  const title = `f − f* (log scale) on ${fn.name}`;
  const titleX = measure(title) <= width - m.left - GAP ? m.left : GAP;
  ctx.fillText(fitText(title, width - titleX - GAP, measure), titleX, 14);
  ctx.strokeStyle = '#333';
  ctx.strokeRect(m.left, m.top, width - m.left - m.right, height - m.top - m.bottom);
  runs.forEach((run, k) => {
    ctx.strokeStyle = run.spec.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    logs[k]!.forEach((v, t) => (t === 0 ? ctx.moveTo(px(t), py(v)) : ctx.lineTo(px(t), py(v))));
    ctx.stroke();
    if (run.diverged) {
      // A cross where the curve stops: a run that diverged on its first step has no line to show.
      const t = logs[k]!.length - 1;
      strokeCross(ctx, px(t), py(logs[k]![t]!), 5);
    }
  });
}
