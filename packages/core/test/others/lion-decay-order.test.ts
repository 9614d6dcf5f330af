import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lion, useKernels, type Parameter } from '../../src/index.js';
import { traceParams, TRACE_PATHS } from '../fixtures/trace-params.js';
import { firstMismatch } from '../fixtures/first-mismatch.js';
import { giveGradients } from '../fixtures/give-gradients.js';
import { loadTwoFormsRuns } from './torch-recordings.js';
import { ulpsApart } from './ulps-apart.js';

/**
 * The README ("Where other implementations differ", Lion): ports that decay first, w ← w·(1 − lr·λ),
 * then step, w ← w − lr·sign(c), land a few ulps away from the paper's w − lr·(sign(c) + λ·w) — this
 * library's — when λ > 0, and agree when λ = 0. Checked on both forms written as PyTorch tensor ops on
 * the same gradients (fixtures/others-torch/lion-decay-order.json, under ATEN_CPU_CAPABILITY=default).
 *
 * Measured there (17 weights, 20 steps, λ = 0.1 with lr = 0.003 and λ = 1 with lr = 0.02): each of
 * the port's steps, taken by ours from the port's own weights (the momentum does not depend on the
 * weights, so it is the same in both), lands at most 2 ulps from ours (float32, λ = 1; 1 ulp in the
 * other three runs), and off ours at 394 of 1360 element-steps (float32 115 and 117, float64 98 and 64
 * of 340 each). Over a whole run the roundings add up: the port's weights drift up to 128 ulps (float32)
 * and 256 ulps (float64) from ours within 20 steps — relative gaps of at most 1.2e-5 and 4e-14.
 */

interface LionOptions {
  lr: number;
  betas: [number, number];
  weightDecay: number;
}

const runs = loadTwoFormsRuns<LionOptions>('lion-decay-order.json', ['port', 'paper']);
/** The most ulps between the port's step and ours from the same weights, measured on the recording. */
const ULPS_PER_STEP = 2;
/** The most ulps between the port's run and ours over the 20 steps, measured on the recording. */
const ULPS_PER_RUN = { float32: 128, float64: 256 } as const;

function lionOver(run: (typeof runs)[number], path: (typeof TRACE_PATHS)[number]): { w: Parameter; opt: Lion } {
  const [w] = traceParams({ dtype: run.dtype, params: [{ init: run.init }] }, path) as [Parameter];
  return { w, opt: new Lion([w], { ...run.options, maximize: false }) };
}

/** Hands the step's gradient to the one parameter (in place for a resident one: the zero-copy path). */
const feed = (w: Parameter, g: number[], dtype: 'float32' | 'float64') => giveGradients([w], [g], dtype === 'float32' ? Float32Array : Float64Array);

describe('the recording', () => {
  it('has λ = 0 and λ > 0 in both dtypes', () => {
    for (const d of ['float32', 'float64']) {
      expect(runs.some((r) => r.dtype === d && r.options.weightDecay === 0), `${d}, λ = 0`).toBe(true);
      expect(runs.some((r) => r.dtype === d && r.options.weightDecay > 0), `${d}, λ > 0`).toBe(true);
    }
  });
});

describe.each(TRACE_PATHS)('Lion, decay first (ports) or inside the step (paper), on the %s path', (path) => {
  beforeAll(() => useKernels(path !== 'reference', { minLength: 0 }));
  afterAll(() => useKernels(true, { minLength: 64 }));

  it.each(runs.map((r) => [r.name, r] as const))('%s: ours is the paper form bit for bit, with the momentum both forms share', (_, run) => {
    const { w, opt } = lionOver(run, path);
    run.grads.forEach((g, t) => {
      feed(w, g, run.dtype);
      opt.step();
      expect(firstMismatch(w.data, run.forms.paper![t]!.param), `step ${t}: weights`).toBeNull();
      const m = (opt.stateDict().state['0'] as { momentum: number[] }).momentum;
      expect(firstMismatch(m, run.forms.port![t]!.momentum!), `step ${t}: momentum`).toBeNull();
    });
  });

  const decayFree = runs.filter((r) => r.options.weightDecay === 0);
  it.each(decayFree.map((r) => [r.name, r] as const))('%s: with λ = 0 the port equals ours bit for bit, every step', (_, run) => {
    const { w, opt } = lionOver(run, path);
    run.grads.forEach((g, t) => {
      feed(w, g, run.dtype);
      opt.step();
      expect(firstMismatch(w.data, run.forms.port![t]!.param), `step ${t}`).toBeNull();
    });
  });

  const decaying = runs.filter((r) => r.options.weightDecay > 0);
  it.each(decaying.map((r) => [r.name, r] as const))(`%s: with λ > 0 each of the port's steps lands within ${ULPS_PER_STEP} ulps of ours from the same weights, and not always on it`, (_, run) => {
    const { w, opt } = lionOver(run, path);
    let unequal = 0;
    let most = 0;
    run.grads.forEach((g, t) => {
      w.data.set(t === 0 ? run.init : run.forms.port![t - 1]!.param); // the port's weights; the momentum is the same
      feed(w, g, run.dtype);
      opt.step();
      run.forms.port![t]!.param.forEach((want, i) => {
        const u = ulpsApart(w.data[i]!, want, run.dtype);
        if (u > 0) unequal++;
        most = Math.max(most, u);
      });
    });
    expect(most).toBeLessThanOrEqual(ULPS_PER_STEP);
    expect(unequal).toBeGreaterThan(0);
  });

  it.each(decaying.map((r) => [r.name, r] as const))(`%s: with λ > 0 a whole run of the port drifts from ours, within the measured ulps`, (_, run) => {
    const { w, opt } = lionOver(run, path);
    let most = 0;
    run.grads.forEach((g, t) => {
      feed(w, g, run.dtype);
      opt.step();
      run.forms.port![t]!.param.forEach((want, i) => (most = Math.max(most, ulpsApart(w.data[i]!, want, run.dtype))));
    });
    expect(most).toBeGreaterThan(ULPS_PER_STEP);
    expect(most).toBeLessThanOrEqual(ULPS_PER_RUN[run.dtype]);
  });
});
