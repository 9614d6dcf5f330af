import { expect, it } from 'vitest';
import { minimize, type Objective } from '../../src/index.js';

// The step-size test is Δᵢ ≤ xTol·|xᵢ| (MinimizeOptions.xTol): a Δ exactly at the tolerance has
// converged. Run once without that test (xTol = xTolAbs = 0) to read every step's Δ and x; take as
// xTol the ratio Δ/|x| of a step that sets a new low for it (well after the first sign flip), where
// xTol·|x| rounds back to Δ exactly; a second run with that xTol must stop right after that step.
const f: Objective = (x, grad) => {
  grad[0] = 2 * (x[0]! - 0.1);
  return (x[0]! - 0.1) ** 2;
};
const options = { lr: 1, variant: 'irprop-' as const, xTolAbs: 0 };

it('a run stops at the step whose Δ is exactly xTol·|x|, not one later', () => {
  const trace: Array<{ iteration: number; ratio: number; delta: number; x: number }> = [];
  minimize(f, [5], { ...options, xTol: 0, maxIterations: 60, onIteration: (info) => void trace.push({ iteration: info.iteration, ratio: info.stepSize[0]! / Math.abs(info.x[0]!), delta: info.stepSize[0]!, x: info.x[0]! }) });
  let low = Infinity;
  const exact = trace.filter((s) => {
    const newLow = s.ratio < low;
    low = Math.min(low, s.ratio);
    return s.iteration > 5 && newLow && s.ratio * Math.abs(s.x) === s.delta;
  });
  expect(exact.length).toBeGreaterThan(0); // else this function no longer tests the boundary
  const at = exact[0]!;
  const r = minimize(f, [5], { ...options, xTol: at.ratio, maxIterations: 60 });
  expect(r.converged).toBe(true);
  expect(r.message).toBe('every step size is negligible against x');
  expect(r.iterations).toBe(at.iteration);
});
