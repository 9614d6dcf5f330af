import { expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';

// (x − y)² + 10(z + y)²: with y held at 0.7 the minimum is x = 0.7, z = −0.7, where f is 0 (so f tells
// the last digits of x and z apart). ∂f/∂y is not 0 on the way there: y would move if it could.
const chained: Objective = (x, g) => {
  g[0] = 2 * (x[0]! - x[1]!);
  g[1] = -2 * (x[0]! - x[1]!) + 20 * (x[2]! + x[1]!);
  g[2] = 20 * (x[2]! + x[1]!);
  return (x[0]! - x[1]!) ** 2 + 10 * (x[2]! + x[1]!) ** 2;
};

it.each(VARIANTS)('%s: a coordinate with lower = upper never moves, and the others converge around it', (variant) => {
  const fixed = 0.7;
  const evaluated: number[] = [];
  const stepped: number[] = [];
  const f: Objective = (x, g) => (evaluated.push(x[1]!), chained(x, g));
  const r = minimize(f, [-1.2, fixed, 0.5], {
    variant,
    bounds: [[-Infinity, Infinity], [fixed, fixed], [-Infinity, Infinity]],
    onIteration: (i) => void stepped.push(i.x[1]!),
  });
  expect(r.converged, r.message).toBe(true);
  expect(r.message).toMatch(/, except at 1 coordinate held at a bound$/);
  expect(stepped.length).toBeGreaterThan(10);
  expect(new Set([...evaluated, ...stepped, r.x[1]])).toEqual(new Set([fixed]));
  expect(Math.abs(r.x[0]! - fixed)).toBeLessThan(1e-12);
  expect(Math.abs(r.x[2]! + fixed)).toBeLessThan(1e-12);
});

it('a box of fixed coordinates only stops at once: nothing can move', () => {
  let calls = 0;
  const r = minimize((x, g) => (calls++, (g[0] = 1), (g[1] = -1), x[0]! - x[1]!), [2, 3], { bounds: [[2, 2], [3, 3]] });
  expect(r).toMatchObject({ iterations: 0, evaluations: 1, converged: true, message: 'the gradient is zero, except at 2 coordinates held at a bound' });
  expect(calls).toBe(1);
});

it('a fixed coordinate f does not depend on counts as held, and does not block convergence', () => {
  // y's derivative is always 0: it never flips, and its Δ (lr) is never cut.
  const r = minimize((x, g) => ((g[0] = 2 * (x[0]! - 1)), (g[1] = 0), (x[0]! - 1) ** 2), [3, 5], { bounds: [[-10, 10], [5, 5]] });
  expect(r.converged, r.message).toBe(true);
  expect(r.message).toMatch(/, except at 1 coordinate held at a bound$/);
  expect(Array.from(r.x)).toEqual([1, 5]);
});
