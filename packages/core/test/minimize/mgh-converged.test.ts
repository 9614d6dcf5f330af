import { expect, it } from 'vitest';
import { MINIMIZE_DEFAULTS } from '../../src/index.js';
import { newtonDistance, objective } from './mgh.js';
import { MGH_CASES } from './mgh-cases.js';
import { recordedRun } from './mgh-run.js';

const maxAbs = (a: Float64Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

// What `converged: true` promises, checked from outside on problems harder than the acceptance tests:
// the documented rule held where the run stopped, `fun` is f(x), and x is a stationary point — not a
// point an earlier, rounding-favoured f picked out.
it.each(MGH_CASES)('%s: a converged run stopped by its documented rule, at a stationary x whose f is fun', (_name, p, variant) => {
  const run = recordedRun(p, variant);
  const { result } = run;
  if (!result.converged) return; // mgh-unconverged.test.ts checks these
  const f = objective(p);
  const n = p.x0.length;

  if (result.message === 'every step size is negligible against x') {
    // Every coordinate whose derivative has changed sign has Δ ≤ xTol·|x| or ≤ xTolAbs at the point
    // reached; every other one had derivative 0 where the last step started, and has at the point reached.
    const { xTol, xTolAbs } = MINIMIZE_DEFAULTS;
    for (let i = 0; i < n; i++) {
      const delta = run.lastStepSize[i]!;
      if (run.flippedBeforeLast[i]) expect(delta <= xTol * Math.abs(run.lastX[i]!) || delta <= xTolAbs, `Δ${i + 1} = ${delta}`).toBe(true);
      else {
        expect(run.gradBeforeLast[i], `∂f/∂x${i + 1} never changed sign`).toBe(0);
        expect(run.lastGrad[i], `∂f/∂x${i + 1} never changed sign, at the point reached`).toBe(0);
      }
    }
  } else {
    expect(result.message).toBe('the gradient is zero');
    expect(maxAbs(run.lastGrad)).toBe(0);
  }

  const grad = new Float64Array(n);
  expect(f(Float64Array.from(result.x), grad)).toBe(result.fun);

  // Stationary to 1e-12 of x (relative, absolute below 1): a Gauss–Newton step along any one
  // coordinate is no longer than that. Converged points measure ≤ 2e-14; double precision allows ≈1e-16,
  // and an earlier point picked by f's rounding measured 3e-10.
  const distance = newtonDistance(p, Float64Array.from(result.x));
  for (let i = 0; i < n; i++) {
    expect(distance[i], `x${i + 1} = ${result.x[i]}, ∂f/∂x${i + 1} = ${grad[i]}`).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(result.x[i]!), 1));
  }

  // The point it converged at, or an earlier one at least as good by f and by gradient.
  const lastF = f(run.lastX, new Float64Array(n));
  if (!result.x.every((v, i) => v === run.lastX[i])) {
    expect(result.fun, 'an earlier point returned: f').toBeLessThan(lastF);
    expect(maxAbs(grad), 'an earlier point returned: max |∂f/∂xᵢ|').toBeLessThanOrEqual(maxAbs(run.lastGrad));
  }
});
