import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type TestFunction } from '../src/functions.js';

/** Points per side of the grid each check reads the map on. */
const GRID = 21;

/** The grid's points over `fn`'s window, edges included. */
function grid(fn: TestFunction): Array<[number, number]> {
  const [x0, x1, y0, y1] = fn.view;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < GRID; i++) for (let j = 0; j < GRID; j++) points.push([x0 + ((x1 - x0) * i) / (GRID - 1), y0 + ((y1 - y0) * j) / (GRID - 1)]);
  return points;
}

/** ∂f/∂x and ∂f/∂y by central differences: an account of the gradient independent of the hand-written one. */
function numericGradient(fn: TestFunction, x: number, y: number): [number, number] {
  const h = 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  return [(fn.f(x + h, y) - fn.f(x - h, y)) / (2 * h), (fn.f(x, y + h) - fn.f(x, y - h)) / (2 * h)];
}

// The optimizers see only grad, the map and the loss chart only f: a gradient that is not f's would draw
// paths that go nowhere the map says is downhill, and no run-based test would tell why.
describe('the test functions', () => {
  it('each gradient is the derivative of its f, all over the map', () => {
    for (const fn of FUNCTIONS) {
      for (const [x, y] of grid(fn)) {
        const [gx, gy] = fn.grad(x, y);
        const [nx, ny] = numericGradient(fn, x, y);
        expect(Math.abs(gx - nx), `${fn.id} ∂f/∂x at (${x}, ${y}): ${gx}, by differences ${nx}`).toBeLessThan(1e-5 * (1 + Math.abs(nx)));
        expect(Math.abs(gy - ny), `${fn.id} ∂f/∂y at (${x}, ${y}): ${gy}, by differences ${ny}`).toBeLessThan(1e-5 * (1 + Math.abs(ny)));
      }
    }
  });

  it('each minimum marked is one: f there is fmin, the gradient vanishes, and every point round it lies higher', () => {
    for (const fn of FUNCTIONS) {
      for (const [mx, my] of fn.minima) {
        const where = `${fn.id} (${mx}, ${my})`;
        // Himmelblau's three irrational minima are given to 6 decimals: f is within 1e-10 of 0 there.
        expect(Math.abs(fn.f(mx, my) - fn.fmin), where).toBeLessThan(1e-9);
        for (const g of fn.grad(mx, my)) expect(Math.abs(g), where).toBeLessThan(1e-3);
        for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1]]) expect(fn.f(mx + 0.01 * dx!, my + 0.01 * dy!), where).toBeGreaterThan(fn.f(mx, my));
      }
    }
  });

  it('fmin is the lowest value on the map, and the minima and the start lie inside the window', () => {
    for (const fn of FUNCTIONS) {
      const [x0, x1, y0, y1] = fn.view;
      for (const [x, y] of grid(fn)) expect(fn.f(x, y), `${fn.id} at (${x}, ${y})`).toBeGreaterThanOrEqual(fn.fmin);
      for (const [x, y] of [...fn.minima, fn.start]) {
        expect(x, fn.id).toBeGreaterThanOrEqual(x0);
        expect(x, fn.id).toBeLessThanOrEqual(x1);
        expect(y, fn.id).toBeGreaterThanOrEqual(y0);
        expect(y, fn.id).toBeLessThanOrEqual(y1);
      }
    }
  });

  it('Himmelblau marks four distinct minima', () => {
    const minima = FUNCTIONS.find((f) => f.id === 'himmelblau')!.minima;
    const apart = minima.flatMap((a, i) => minima.slice(i + 1).map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
    expect(minima).toHaveLength(4);
    expect(Math.min(...apart)).toBeGreaterThan(1);
  });
});
