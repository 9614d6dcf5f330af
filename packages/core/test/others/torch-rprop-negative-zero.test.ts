import { describe, expect, it } from 'vitest';
import { loadRpropRuns } from './torch-recordings.js';
import { ourStepFromTorch, PATHS, restoreKernelsAfterEach, usePath } from './torch-rprop-step.js';

/**
 * docs/api.md (Options): with Δmin = 0 an `lr` of −0 (or a Δmax of −0) leaves PyTorch a step size of −0,
 * which this library makes +0, and PyTorch then turns a weight of −0 into +0 where the gradient,
 * negated if maximizing, is ≥ 0. Checked on real torch.optim.Rprop steps (fixtures/others-torch/
 * rprop-negative-zero.json), each replayed from torch's weights and state (loading makes its −0 step
 * sizes +0, as this library would have them).
 *
 * The recording shows the mirror image on our side, which the docs do not say: with Δ = +0 our
 * `w − sign(g)·Δ` turns a weight of −0 into +0 where the gradient is < 0 (w − (−0) = +0) and keeps
 * it elsewhere. So at every weight of −0 the two end with opposite zeros; everything else agrees.
 */

restoreKernelsAfterEach();
const runs = loadRpropRuns('rprop-negative-zero.json');
const isNegZero = (x: number): boolean => Object.is(x, -0);

describe.each(PATHS)('torch.optim.Rprop with a step size of −0, each step replayed on the %s path', (path) => {
  it.each(runs.map((r) => [r.name, r] as const))('%s', (_, run) => {
    usePath(path);
    let negZeroWeights = 0;
    run.steps.forEach((torch, t) => {
      const ours = ourStepFromTorch(run, t, path);
      const w0 = t === 0 ? run.init : run.steps[t - 1]!.param;
      torch.param.forEach((_, i) => {
        const at = `step ${t}, element ${i}`;
        expect(isNegZero(torch.stepSize[i]!), `${at}: torch's Δ is −0`).toBe(true);
        expect(Object.is(ours.stepSize[i], 0), `${at}: ours is +0`).toBe(true);
        expect(Object.is(ours.prev[i], torch.prev[i]), `${at}: prev`).toBe(true);
        if (!isNegZero(w0[i]!)) {
          expect(Object.is(ours.param[i], torch.param[i]), `${at}: weight ${w0[i]}`).toBe(true);
          expect(Object.is(ours.param[i], w0[i]), `${at}: weight ${w0[i]} stays`).toBe(true);
          return;
        }
        negZeroWeights++;
        const g = run.options.maximize ? -torch.grad[i]! : torch.grad[i]!;
        // g ≥ 0 holds for −0 too: torch's sign(−0)·(−0) is +0 and −(+0) added to −0 gives +0
        expect(Object.is(torch.param[i], g >= 0 ? 0 : -0), `${at}: torch's weight from −0 with g = ${g}`).toBe(true);
        expect(Object.is(ours.param[i], g >= 0 ? -0 : 0), `${at}: our weight from −0 with g = ${g}`).toBe(true);
      });
    });
    expect(negZeroWeights, 'weights of −0 seen').toBeGreaterThan(0);
  });
});
