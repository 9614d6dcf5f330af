import { colorAt } from './colormap.js';
import { strokeCross } from './cross.js';
import type { TestFunction } from './functions.js';
import type { Run } from './simulation.js';
import { ticks, type View } from './view.js';

const BANDS = 18;
const CASING = 'rgba(20, 20, 20, 0.6)';

/**
 * The function as a heat map of log(f − fmin), with contour lines where the band changes: computed
 * once per function into an offscreen canvas.
 */
export function renderBackdrop(fn: TestFunction, view: View): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = view.width;
  canvas.height = view.height;
  const ctx = canvas.getContext('2d')!;
  const size = view.width - 2 * view.margin;
  const sizeY = view.height - 2 * view.margin;
  const values = new Float64Array(size * sizeY);
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < sizeY; j++) {
    for (let i = 0; i < size; i++) {
      const [x, y] = view.toPoint(view.margin + i + 0.5, view.margin + j + 0.5);
      const v = Math.log10(fn.f(x, y) - fn.fmin + 1e-3);
      values[j * size + i] = v;
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  const image = ctx.createImageData(size, sizeY);
  const band = (v: number) => Math.floor(((v - lo) / (hi - lo)) * BANDS);
  for (let j = 0; j < sizeY; j++) {
    for (let i = 0; i < size; i++) {
      const v = values[j * size + i]!;
      const b = band(v);
      const edge = (i + 1 < size && band(values[j * size + i + 1]!) !== b) || (j + 1 < sizeY && band(values[(j + 1) * size + i]!) !== b);
      const [r, g, bl] = colorAt((v - lo) / (hi - lo));
      const k = 4 * (j * size + i);
      const shade = edge ? 0.78 : 1;
      image.data[k] = r * shade;
      image.data[k + 1] = g * shade;
      image.data[k + 2] = bl * shade;
      image.data[k + 3] = 255;
    }
  }
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.putImageData(image, view.margin, view.margin);
  drawAxes(ctx, fn, view);
  return canvas;
}

function drawAxes(ctx: CanvasRenderingContext2D, fn: TestFunction, view: View): void {
  const [x0, x1, y0, y1] = fn.view;
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 1;
  ctx.strokeRect(view.margin, view.margin, view.width - 2 * view.margin, view.height - 2 * view.margin);
  ctx.fillStyle = '#222';
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (const t of ticks(x0, x1)) {
    const [px] = view.toPixel(t, y0);
    ctx.fillText(String(t), px, view.height - view.margin + 16);
  }
  ctx.textAlign = 'right';
  for (const t of ticks(y0, y1)) {
    const [, py] = view.toPixel(x0, t);
    ctx.fillText(String(t), view.margin - 6, py + 4);
  }
  ctx.textAlign = 'center';
  ctx.fillText('x', view.width / 2, view.height - 6);
  ctx.save();
  ctx.translate(12, view.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText('y', 0, 0);
  ctx.restore();
}

/** The backdrop, the minima, and every run's path so far with its current point. */
export function renderMap(ctx: CanvasRenderingContext2D, backdrop: HTMLCanvasElement, fn: TestFunction, view: View, runs: Run[], start: [number, number]): void {
  ctx.drawImage(backdrop, 0, 0);
  ctx.save();
  ctx.beginPath();
  ctx.rect(view.margin, view.margin, view.width - 2 * view.margin, view.height - 2 * view.margin);
  ctx.clip();
  for (const [mx, my] of fn.minima) {
    const [px, py] = view.toPixel(mx, my);
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 2;
    strokeCross(ctx, px, py, 6);
  }
  const trace = (run: Run) => {
    ctx.globalAlpha = run.diverged ? 0.45 : 1;
    ctx.beginPath();
    run.path.forEach(([x, y], k) => {
      const [px, py] = view.toPixel(x, y);
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    });
  };
  // Every path on a dark casing, all casings first so none covers another path's colour: the map spans
  // light yellow to mid purple, and every line colour (Lion's olive on yellow, signSGD's cyan on teal)
  // all but vanishes against some part of it.
  ctx.lineJoin = 'round';
  ctx.strokeStyle = CASING;
  ctx.lineWidth = 4.2;
  for (const run of runs) {
    trace(run);
    ctx.stroke();
  }
  for (const run of runs) {
    trace(run);
    ctx.strokeStyle = run.spec.color;
    ctx.lineWidth = 2.2;
    ctx.stroke();
    const [lx, ly] = run.path.at(-1)!;
    const [px, py] = view.toPixel(lx, ly);
    ctx.fillStyle = run.spec.color;
    ctx.beginPath();
    ctx.arc(px, py, 4.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.2;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  const [sx, sy] = view.toPixel(start[0], start[1]);
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.rect(sx - 5, sy - 5, 10, 10);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}
