import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';
import { scaledQuadratic } from './functions.js';

// maxIterations caps the steps, not the stopping tests: a run whose N-th step reaches the point where
// it converges still evaluates that point and stops converged when maxIterations is N.
it('converges with maxIterations equal to the steps a converging run takes, and not with one fewer', () => {
  const f = scaledQuadratic([0.01, 100]);
  const free = minimize(f, [3, -2]);
  expect(free.converged, free.message).toBe(true);
  const capped = minimize(f, [3, -2], { maxIterations: free.iterations });
  expect(capped).toEqual(free);
  const short = minimize(f, [3, -2], { maxIterations: free.iterations - 1 });
  expect(short.converged).toBe(false);
  expect(short.message).toBe(`reached maxIterations (${free.iterations - 1})`);
});
