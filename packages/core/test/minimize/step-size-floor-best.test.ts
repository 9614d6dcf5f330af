import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

// At Δmin a run returns the best point it evaluated, even when the point its last step reached is
// less steep: the gradient tie-break of a converged run is for f's rounding, and at Δmin the iterates
// are Δmin apart, so the lower f is no rounding accident.
//
// Rprop−, 1-D, lr 0.5, Δmin 0.4, from 0: call 1 (x = 0) f = 1, ∂f/∂x = 1; call 2 (x = −0.5) f = 2,
// ∂f/∂x = −1 — a flip, and Δ is cut to Δmin; call 3 (x = −0.1) is the point that last step reached, scored here f = 1.5 with
// ∂f/∂x = 0.5, less steep than call 1's.
it('returns the lowest f evaluated at Δmin, not a higher but less steep last point', () => {
  const values = [1, 2, 1.5];
  const slopes = [1, -1, 0.5];
  const xs: number[] = [];
  const f: Objective = (x, g) => {
    const call = xs.push(x[0]!) - 1;
    g[0] = slopes[call] ?? 1;
    return values[call] ?? 3;
  };
  const r = minimize(f, [0], { variant: 'rprop-', lr: 0.5, stepSizes: [0.4, 50] });
  expect(r.message).toMatch(/^every step size is at Δmin \(0\.4\)/);
  expect(xs).toHaveLength(3);
  expect(r.fun).toBe(1);
  expect(xs[2]).not.toBe(xs[0]);
  expect(r.x[0]).toBe(xs[0]);
});
