import { expect, it } from 'vitest';
import { MGH_CASES } from './mgh-cases.js';
import { recordedRun } from './mgh-run.js';

// `evaluations` is the calls of f and `iterations` the steps taken: counted here from outside, by
// wrapping f and by onIteration, on runs of 200 to 100 000 steps.
it.each(MGH_CASES)('%s: evaluations and iterations are the calls of f and the steps counted from outside', (_name, p, variant) => {
  const run = recordedRun(p, variant);
  expect(run.result.evaluations).toBe(run.calls);
  expect(run.result.iterations).toBe(run.steps);
});
