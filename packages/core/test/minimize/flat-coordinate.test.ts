import { expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';

// |x − 0.1| + 0·y: ∂f/∂x is ±1, never 0, so only the step-size rule can stop it; ∂f/∂y is always 0.
const kinkAndFlat: Objective = (x, g) => {
  g[0] = x[0]! >= 0.1 ? 1 : -1;
  g[1] = 0;
  return Math.abs(x[0]! - 0.1);
};

it.each(VARIANTS)('%s: a coordinate f does not depend on does not keep it from converging', (variant) => {
  const r = minimize(kinkAndFlat, [3, 7], { variant, maxIterations: 5000 });
  expect(r.converged, r.message).toBe(true);
  expect(r.message).toBe('every step size is negligible against x');
  expect(Math.abs(r.x[0]! - 0.1)).toBeLessThan(1e-15);
  expect(r.x[1]).toBe(7);
});
