import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

// When the step sizes have settled and the gradient is also exactly zero at the point reached, the
// message names the stronger reason: a zero gradient is a stationary point, small steps only suggest one.
//
// Rprop−, 1-D, lr 0.5, from 0: ∂f/∂x = 1, then −1 (a flip: Δ = 0.25 ≤ xTolAbs, settled), then 0.
it('says "the gradient is zero" when that and the step-size test both hold', () => {
  const slopes = [1, -1, 0];
  let calls = 0;
  const f: Objective = (_x, g) => {
    g[0] = slopes[calls++] ?? 1;
    return 1;
  };
  const r = minimize(f, [0], { variant: 'rprop-', lr: 0.5, xTolAbs: 1 });
  expect(calls).toBe(3);
  expect(r.converged).toBe(true);
  expect(r.message).toBe('the gradient is zero');
});
