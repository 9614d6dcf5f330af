import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';
import { scaledQuadratic } from './functions.js';

it('judges the evaluation after the step sizes settle like every other: an infinite f there is not the best point', () => {
  const q = scaledQuadratic([0.01, 100]);
  const clean = minimize(q, [3, -2]);
  expect(clean.message).toBe('every step size is negligible against x');
  // The same run, but f is −∞ at its last evaluation (the one made after the step sizes settled).
  let calls = 0;
  const lastInfinite: Objective = (x, g) => {
    const f = q(x, g);
    return ++calls === clean.evaluations ? -Infinity : f;
  };
  const r = minimize(lastInfinite, [3, -2]);
  expect(r).toMatchObject({ evaluations: clean.evaluations, iterations: clean.iterations, converged: false });
  expect(r.message).toBe(`f(x) is -Infinity at iteration ${clean.iterations}`);
  expect(Number.isFinite(r.fun)).toBe(true);
  expect(q(Float64Array.from(r.x), new Float64Array(2))).toBe(r.fun);
});
