import { strokeCross } from './cross.js';
import type { TestFunction } from './functions.js';
import type { Run } from './simulation.js';
import { ticks } from './view.js';

/** f − fmin against iteration, log scale, one line per run. */
export function renderLoss(ctx: CanvasRenderingContext2D, fn: TestFunction, runs: Run[]): void {
  const { width, height } = ctx.canvas;
  const m = { left: 56, right: 12, top: 24, bottom: 36 };
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  const floor = 1e-16;
  const logs = runs.map((r) => r.losses.map((l) => Math.log10(Math.max(l - fn.fmin, floor))));
  const all = logs.flat();
  const top = Math.ceil(Math.max(1, ...all));
  const bottom = Math.floor(Math.min(top - 2, ...all));
  const iterations = Math.max(10, ...runs.map((r) => r.losses.length - 1));
  const px = (t: number) => m.left + (t / iterations) * (width - m.left - m.right);
  const py = (v: number) => m.top + ((top - v) / (top - bottom)) * (height - m.top - m.bottom);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = '#222';
  ctx.strokeStyle = '#e5e5e5';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  const step = Math.max(1, Math.ceil((top - bottom) / 6));
  for (let v = bottom; v <= top; v += step) {
    ctx.beginPath();
    ctx.moveTo(m.left, py(v));
    ctx.lineTo(width - m.right, py(v));
    ctx.stroke();
    ctx.fillText(`1e${v}`, m.left - 6, py(v) + 4);
  }
  ctx.textAlign = 'center';
  for (const t of ticks(0, iterations, 6)) ctx.fillText(String(t), px(t), height - m.bottom + 16);
  ctx.fillText('iteration', (m.left + width - m.right) / 2, height - 4);
  ctx.textAlign = 'left';
  ctx.fillText(`f − f* (log scale) on ${fn.name}`, m.left, 14);
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
