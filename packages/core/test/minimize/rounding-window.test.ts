import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

// A converged run returns the point it converged at when that point scores at most 8 ulps of f
// (8·ε·|best f|) above the best point, even if it is no less steep; beyond that, the best point. The
// window's edge is exact here: f is chosen per call, so the last point scores exactly 8ε or 9ε above
// the first, and both have |∂f/∂x| = 1, which leaves the window alone to decide.
//
// Rprop−, 1-D, from 0 with lr 0.5: call 1 (x = 0) has f = 1, ∂f/∂x = 1; call 2 (x = −0.5) f = 2,
// ∂f/∂x = −1 — the sign flips, Δ is cut to 0.25 ≤ xTolAbs, so the step sizes have settled; call 3
// (x = −0.25) has f = 1 + above, ∂f/∂x = 1, and the run stops there, converged.
function runEndingAbove(above: number, best = 1) {
  const xs: number[] = [];
  const values = [best, best + 1, best + above];
  const slopes = [1, -1, 1];
  const f: Objective = (x, g) => {
    const call = xs.push(x[0]!) - 1;
    g[0] = slopes[call] ?? 1;
    return values[call] ?? 3;
  };
  const result = minimize(f, [0], { variant: 'rprop-', lr: 0.5, xTolAbs: 1 });
  return { result, xs };
}

it('returns the point it converged at when it scores exactly 8 ulps of f above the best (the window includes its edge)', () => {
  const { result, xs } = runEndingAbove(8 * Number.EPSILON);
  expect(result.message).toBe('every step size is negligible against x');
  expect(result.converged).toBe(true);
  expect(xs).toHaveLength(3);
  expect(result.x[0]).toBe(xs[2]);
  expect(result.fun).toBe(1 + 8 * Number.EPSILON);
});

it('returns the best point when the converged one scores 9 ulps of f above it and is no less steep', () => {
  const { result, xs } = runEndingAbove(9 * Number.EPSILON);
  expect(result.converged).toBe(true);
  expect(xs).toHaveLength(3);
  expect(result.x[0]).toBe(xs[0]);
  expect(result.fun).toBe(1);
});

it('measures the window in ulps of the best f, not of the converged one', () => {
  // Best f 1.125 − ε: its window 8ε·f is 9ε − 8ε², just short of the last point's 9ε above it
  // (measured from the last point's f, 1.125 + 8ε, the window would be 9ε + 64ε², and take it).
  const best = 1.125 - Number.EPSILON;
  const { result, xs } = runEndingAbove(9 * Number.EPSILON, best);
  expect(result.fun - best).toBe(0);
  expect(result.x[0]).toBe(xs[0]);
});
