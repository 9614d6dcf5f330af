import { expect, it } from 'vitest';
import { MINIMIZE_DEFAULTS } from '../../src/index.js';
import { MGH_CASES } from './mgh-cases.js';
import { recordedRun } from './mgh-run.js';

// What `converged: false` promises: the message gives the real reason, and x, fun are the best point
// evaluated (the latest of equal f). On these problems f and ∇f stay finite, so the only reason left
// is the iteration limit — Powell singular, whose Hessian is singular at the minimum, reaches it.
it.each(MGH_CASES)('%s: an unconverged run names the iteration limit it reached and returns the best point seen', (_name, p, variant) => {
  const run = recordedRun(p, variant);
  const { result } = run;
  if (result.converged) return; // mgh-converged.test.ts checks these
  const { maxIterations } = MINIMIZE_DEFAULTS;
  expect(result.message).toBe(`reached maxIterations (${maxIterations})`);
  expect(run.steps).toBe(maxIterations);
  expect(Number.isFinite(run.lowestF)).toBe(true);
  expect(result.fun).toBe(run.lowestF);
  expect(result.x).toStrictEqual(run.lowestX);
});

it('Powell singular stops at the iteration limit, unconverged, for every variant (so the test above checks something)', () => {
  const powell = MGH_CASES.filter(([, p]) => p.number === 13);
  expect(powell).toHaveLength(4);
  for (const [name, p, variant] of powell) expect(recordedRun(p, variant).result.converged, name).toBe(false);
});
