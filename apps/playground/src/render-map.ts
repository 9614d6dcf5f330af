import { drawInCssPixels, storeScale, type Size } from './backing.js';
import { colorAt } from './colormap.js';
import { strokeCross } from './cross.js';
import type { TestFunction } from './functions.js';
import { marginFor } from './margins.js';
import type { Run } from './simulation.js';
import { makeView, ticks, type View } from './view.js';

const BANDS = 18;
const CASING = 'rgba(20, 20, 20, 0.6)';
const FONT = '12px system-ui, sans-serif';
/** The margin round the frame at least: below it, room for the tick labels and the axis's name under them. */
const LEAST_MARGIN = 36;
/** From a tick label to the frame. */
const TICK_GAP = 6;
/** The axis names' baseline, from the canvas's edge. */
const NAME_BASELINE = 12;
/** The column at the left edge that the name 'y', turned upright, takes (its descender included). */
const NAME_COLUMN = 16;

const tickLabels = ([x0, x1, y0, y1]: TestFunction['view']) => ({ x: ticks(x0, x1), y: ticks(y0, y1) });

/**
 * The view of `fn` on a map displayed at `size` CSS pixels. One margin all round, so a square map has a
 * square plot, and wide enough for the widest y tick label beside the name 'y' and for half of an x tick
 * label centred on the frame's corner.
 */
export function layoutMap(ctx: CanvasRenderingContext2D, fn: TestFunction, size: Size): View {
  ctx.font = FONT;
  const width = (t: number) => ctx.measureText(String(t)).width;
  const { x, y } = tickLabels(fn.view);
  const margin = Math.max(marginFor(y.map(width), TICK_GAP + NAME_COLUMN, LEAST_MARGIN), marginFor(x.map((t) => width(t) / 2), 0, LEAST_MARGIN));
  return makeView(size.width, size.height, margin, fn.view);
}

/**
 * The function as a heat map of log(f − fmin), with contour lines where the band changes, and the axes:
 * computed once per function and size into an offscreen canvas the size of the map's backing `store`,
 * one value per device pixel.
 */
export function renderBackdrop(fn: TestFunction, view: View, store: Size): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = store.width;
  canvas.height = store.height;
  const ctx = canvas.getContext('2d')!;
  const [sx, sy] = storeScale(view, store);
  // The plot in store pixels; pixel (i, j) of it is the point under its centre.
  const left = Math.round(view.margin * sx);
  const top = Math.round(view.margin * sy);
  const size = Math.max(0, Math.round((view.width - view.margin) * sx) - left);
  const sizeY = Math.max(0, Math.round((view.height - view.margin) * sy) - top);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, store.width, store.height);
  if (size > 0 && sizeY > 0) ctx.putImageData(heatMap(fn, view, size, sizeY, (i, j) => [(left + i + 0.5) / sx, (top + j + 0.5) / sy]), left, top);
  drawInCssPixels(ctx, view);
  drawAxes(ctx, fn, view);
  return canvas;
}

function heatMap(fn: TestFunction, view: View, size: number, sizeY: number, at: (i: number, j: number) => [number, number]): ImageData {
  const values = new Float64Array(size * sizeY);
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < sizeY; j++) {
    for (let i = 0; i < size; i++) {
      const [x, y] = view.toPoint(...at(i, j));
      const v = Math.log10(fn.f(x, y) - fn.fmin + 1e-3);
      values[j * size + i] = v;
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  const image = new ImageData(size, sizeY);
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
  return image;
}

function drawAxes(ctx: CanvasRenderingContext2D, fn: TestFunction, view: View): void {
  const [x0, , y0] = fn.view;
  const { x, y } = tickLabels(fn.view);
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 1;
  ctx.strokeRect(view.margin, view.margin, view.width - 2 * view.margin, view.height - 2 * view.margin);
  ctx.fillStyle = '#222';
  ctx.font = FONT;
  ctx.textAlign = 'center';
  for (const t of x) {
    const [px] = view.toPixel(t, y0);
    ctx.fillText(String(t), px, view.height - view.margin + 16);
  }
  ctx.textAlign = 'right';
  for (const t of y) {
    const [, py] = view.toPixel(x0, t);
    ctx.fillText(String(t), view.margin - TICK_GAP, py + 4);
  }
  ctx.textAlign = 'center';
  ctx.fillText('x', view.width / 2, view.height - 6);
  ctx.save();
  ctx.translate(NAME_BASELINE, view.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText('y', 0, 0);
  ctx.restore();
}

/** The backdrop, the minima, and every run's path so far with its current point. */
export function renderMap(ctx: CanvasRenderingContext2D, backdrop: HTMLCanvasElement, fn: TestFunction, view: View, runs: Run[], start: [number, number]): void {
  // The backdrop is the store's size: copied pixel for pixel, then everything else drawn in CSS pixels.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(backdrop, 0, 0);
  drawInCssPixels(ctx, view);
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
