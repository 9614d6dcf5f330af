import { describe, expect, it } from 'vitest';
import { minimize, VARIANTS, type Objective } from '../../src/index.js';

// (x − 3)² + 100(y + 2)²: its minimum (3, −2) lies outside the box [0, 1] × [−1, 1], whose nearest
// corner (1, −1) is the constrained minimum; there both derivatives push out of the box (KKT).
const outside: Objective = (x, g) => {
  g[0] = 2 * (x[0]! - 3);
  g[1] = 200 * (x[1]! + 2);
  return (x[0]! - 3) ** 2 + 100 * (x[1]! + 2) ** 2;
};
const box = [[0, 1], [-1, 1]] as const;

// (x − 3)² − 4 + 100(y − 0.3)² on [0, 1]²: x held at 1, y free inside. The −4 makes f 0 at the
// minimum, so f tells y's last digits apart (with f ≈ 4 there, any y within 2e-9 of 0.3 gives the
// same f, and the best point returned could be any of them).
const mixed: Objective = (x, g) => {
  g[0] = 2 * (x[0]! - 3);
  g[1] = 200 * (x[1]! - 0.3);
  return (x[0]! - 3) ** 2 - 4 + 100 * (x[1]! - 0.3) ** 2;
};

describe.each(VARIANTS)('minimize with bounds, %s', (variant) => {
  // Measured: 17 iterations from (0.5, 0) and 21 from (0, 1), every variant; the caps are about twice that.
  it.each([
    [[0.5, 0], 40],
    [[0, 1], 45],
  ])('from %j goes to the corner nearest an outside minimum, and stops by itself there', (x0, cap) => {
    const r = minimize(outside, x0, { variant, bounds: box });
    expect(r.converged, r.message).toBe(true);
    expect(r.message).toBe('the gradient is zero, except at 2 coordinates held at a bound');
    expect(Math.abs(r.x[0]! - 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(r.x[1]! + 1)).toBeLessThanOrEqual(1e-12);
    expect(r.iterations).toBeLessThanOrEqual(cap);
  });

  // Measured: 99–153 iterations over the variants.
  it('holds one coordinate at its bound while the other converges inside', () => {
    const r = minimize(mixed, [0.5, 0.9], { variant, bounds: [[0, 1], [0, 1]] });
    expect(r.converged, r.message).toBe(true);
    expect(r.message).toBe('every step size is negligible against x, except at 1 coordinate held at a bound');
    expect(r.x[0]).toBe(1);
    expect(Math.abs(r.x[1]! - 0.3)).toBeLessThan(1e-14);
    expect(r.iterations).toBeLessThanOrEqual(300);
  });
});

it('a minimum exactly on a bound is not counted as held there: its derivative is 0, it pushes nowhere', () => {
  for (const [x0, bounds] of [[[0, 0.5], [[0, 1], [0, 1]]], [[1, 0.5], [[-1, 1], [0, 1]]]] as const) {
    const r = minimize((x, g) => {
      g[0] = 2 * (x[0]! - x0[0]);
      g[1] = 2 * (x[1]! - 0.5);
      return (x[0]! - x0[0]) ** 2 + (x[1]! - 0.5) ** 2;
    }, x0, { bounds });
    expect(r.message).toBe('the gradient is zero');
    expect(r.iterations).toBe(0);
  }
});
