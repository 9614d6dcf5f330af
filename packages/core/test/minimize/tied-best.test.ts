import { expect, it } from 'vitest';
import { minimize, VARIANTS } from '../../src/index.js';

// Near a minimum where f is far from 0, f's rounding hides the last digits of x: every point within
// ≈1e-8 of the minimiser of 1 + |x − a|² has the same f. Of points with equal f the latest is kept —
// the run's step sizes have shrunk since the first of them — so the answer is the converged point,
// not the first point that happened to round to the final f (which was ≈1e-8 off).
it.each(VARIANTS)('%s: returns the converged point when f ties near the minimum, not the first of the ties', (variant) => {
  const a = [0.3, -0.7];
  const f = (x: Float64Array, grad: Float64Array) => {
    grad[0] = 2 * (x[0]! - a[0]!);
    grad[1] = 2 * (x[1]! - a[1]!);
    return 1 + (x[0]! - a[0]!) ** 2 + (x[1]! - a[1]!) ** 2;
  };
  const r = minimize(f, [2, 2], { variant });
  expect(r.converged).toBe(true);
  for (let i = 0; i < 2; i++) expect(Math.abs(r.x[i]! - a[i]!)).toBeLessThan(1e-13);
});

it('still returns the lowest f evaluated when the last point is worse (the best point, not merely the last)', () => {
  // |x| with a step that overshoots: the run ends (maxIterations) at a point worse than one before it.
  const seen: number[] = [];
  const r = minimize(
    (x, grad) => {
      grad[0] = Math.sign(x[0]!);
      seen.push(Math.abs(x[0]!));
      return Math.abs(x[0]!);
    },
    [0.05],
    { variant: 'rprop-', lr: 0.04, etas: [0.5, 1.2], maxIterations: 3 },
  );
  expect(seen.at(-1)!).toBeGreaterThan(Math.min(...seen));
  expect(r.fun).toBe(Math.min(...seen));
  expect(Math.abs(r.x[0]!)).toBe(r.fun);
});

it('of points with equal f, returns the latest also when the run stops unconverged (maxIterations)', () => {
  // 1 + 1e-20·x rounds to 1 for every x near 0: f is flat to the last bit, its derivative is not.
  const evaluated: number[] = [];
  const r = minimize(
    (x, grad) => {
      grad[0] = 1e-20;
      evaluated.push(x[0]!);
      return 1 + 1e-20 * x[0]!;
    },
    [0],
    { maxIterations: 3 },
  );
  expect(r.converged).toBe(false);
  expect(new Set(evaluated).size).toBe(4); // four points, all f = 1
  expect(r.x[0]).toBe(evaluated.at(-1));
  expect(r.fun).toBe(1);
});
