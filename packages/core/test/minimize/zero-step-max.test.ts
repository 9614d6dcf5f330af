import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

it('refuses Δmax 0, which clamps every step size to 0, rather than spending maxIterations evaluations standing still', () => {
  let calls = 0;
  const towardFive: Objective = (x, g) => (calls++, (g[0] = 2 * (x[0]! - 5)), (x[0]! - 5) ** 2);
  for (const stepSizes of [[0, 0], [0, -0]] as const) {
    expect(() => minimize(towardFive, [0], { stepSizes, maxIterations: 100 })).toThrow(
      new RangeError('minimize: stepSizes[1] (Δmax) must be > 0, got 0: every step size would be clamped to 0 and x never move'),
    );
  }
  expect(calls).toBe(0);
  // The smallest Δmax above 0 still moves x near 0.
  let moved = NaN;
  minimize(towardFive, [0], { stepSizes: [0, 5e-324], maxIterations: 1, onIteration: ({ x }) => void (moved = x[0]!) });
  expect(moved).toBe(5e-324);
});
