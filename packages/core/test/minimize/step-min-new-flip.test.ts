import { expect, it } from 'vitest';
import { minimize } from '../../src/index.js';
import { previousMinimize } from './previous-minimize.js';
import { runScripted } from './scripted-gradients.js';

// The Δmin stop, made at an evaluation before its step, counts only the flips seen before that
// evaluation (scan-matches-previous.test.ts shows the same for the step-size test). Here x₀ is held
// at its lower bound, so exempt, until its derivative first flips, pointing into the box, at the
// evaluation the Δmin test is made at: not yet flipped there, its derivative ≠ 0 keeps the run going.
// (Counted, the run stopped there, every Δ being at Δmin = Δmax = 1e-3.)
it('a derivative that first flips at the evaluation being tested does not count in the Δmin test', () => {
  // x₀ held at 0 while ∂f/∂x₀ > 0, then ∂f/∂x₀ < 0; x₁'s derivative flips at evaluation 1.
  const scripted = [
    [1, 1],
    [1, -1],
    [-1, -1],
    [-1, -1],
  ];
  const run = (m: typeof minimize) => runScripted(m, scripted, { bounds: [[0, 1], [-Infinity, Infinity]], stepSizes: [1e-3, 1e-3], lr: 1e-3, xTol: 2 ** -52, xTolAbs: 1e-15, maxIterations: 2 });
  const now = run(minimize);
  expect(now.message).toBe('reached maxIterations (2)');
  expect(now).toEqual(run(previousMinimize));
});
