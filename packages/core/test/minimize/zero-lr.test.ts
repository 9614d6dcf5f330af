import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

const towardFive: Objective = (x, g) => ((g[0] = 2 * (x[0]! - 5)), (x[0]! - 5) ** 2);

it('refuses lr 0 with Δmin 0, where no step size could ever leave 0, rather than wasting every evaluation', () => {
  let calls = 0;
  const counted: Objective = (x, g) => (calls++, towardFive(x, g));
  for (const lr of [0, -0]) {
    expect(() => minimize(counted, [0], { lr })).toThrow(
      new RangeError('minimize: lr must be > 0 when stepSizes[0] (Δmin) is 0, got 0: every step size would stay 0 and x never move'),
    );
  }
  expect(calls).toBe(0);
  // With Δmin > 0 the first step lifts Δ to Δmin, so lr 0 can move.
  expect(minimize(towardFive, [0], { lr: 0, stepSizes: [1e-6, 50] }).converged).toBe(true);
});

it('takes an lr too small to grow when Δmin lifts the first step above it, and refuses it where nothing does', () => {
  // The first step clamps Δ into [Δmin, Δmax]: from Δmin = 1e-6 it grows, whatever lr was.
  const lifted = minimize(towardFive, [0], { lr: 5e-324, stepSizes: [1e-6, 50] });
  expect(lifted.converged, lifted.message).toBe(true);
  expect(Math.abs(lifted.x[0]! - 5)).toBeLessThan(1e-5);
  expect(() => minimize(towardFive, [0], { lr: 5e-324 })).toThrow(
    'minimize: lr must be large enough that lr·η+ exceeds it, got 5e-324: every step size would stay at 5e-324 and x barely move',
  );
});
