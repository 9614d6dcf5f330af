import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';

// With a Δmax near the largest double a step can carry x past it. f(x) = 1/ln(x), falling towards 0
// as x grows, is finite at x = Infinity (0) with a derivative of −0, so the run stopped there
// 'converged' with x = [Infinity].
it('a step that overflows x stops the run unconverged, returning the best finite point', () => {
  const r = minimize(
    (x, g) => {
      const l = Math.log(x[0]!);
      g[0] = -(1 / x[0]!) / (l * l); // (x·ln²x would overflow first)
      return 1 / l;
    },
    [10],
    { lr: 1e307, stepSizes: [0, 1.7e308] },
  );
  expect(r.converged).toBe(false);
  expect(r.message).toMatch(/^x overflowed to Infinity at index 0, iteration \d+: lower stepSizes\[1\] \(Δmax\)$/);
  // The step that overflowed counts: one step per evaluation, the iteration the message names.
  expect(r.iterations).toBe(r.evaluations);
  expect(r.message).toContain(`iteration ${r.iterations}:`);
  expect(Number.isFinite(r.x[0])).toBe(true);
  expect(Number.isFinite(r.fun)).toBe(true);
});
