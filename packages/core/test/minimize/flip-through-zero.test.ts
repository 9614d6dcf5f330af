import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';
import { previousMinimize } from './previous-minimize.js';
import { runScripted } from './scripted-gradients.js';

// A derivative that goes from > 0 through exactly 0 to < 0 has not flipped: at the 0 every variant
// stores 0 as the derivative it stepped on, so the next sign change multiplies by 0 and cuts no Δ.
// The scan must forget the sign it saw before the 0. (Remembered, x₀ counts as flipped, its Δ at
// Δmax = 1e-12 is negligible, and the run stops as converged with ∂f/∂x₀ = −1.)
it('a derivative passing through exactly 0 to the other sign does not count as flipped', () => {
  // x₀: +1, 0, −1, −1; x₁ flips at evaluation 1 (and is then settled, Δ ≤ 1e-12 < xTolAbs).
  const scripted = [
    [1, 1],
    [0, -1],
    [-1, 1],
    [-1, -1],
  ];
  const run = (m: typeof minimize) => runScripted(m, scripted, { stepSizes: [0, 1e-12], lr: 1e-3, xTolAbs: 1e-6, maxIterations: 3 });
  const now = run(minimize);
  expect(now.message).toBe('reached maxIterations (3)');
  expect(now.converged).toBe(false);
  expect(now).toEqual(run(previousMinimize));
});
