import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Adam, SGD, useKernels, type Parameter } from '../../src/index.js';
import { powWhole } from '../../src/rules/adam.js';
import { exact, fusedAdam, fusedSgd, roundTo } from './torch-fused.js';
import { fusedBounds } from './fused-bound.js';
import { giveGradients } from '../fixtures/give-gradients.js';
import { traceParams, TRACE_PATHS, type TracePath } from '../fixtures/trace-params.js';
import { extraBaselineFolders, loadBaselineTraces, type BaselineState, type BaselineTrace } from '../fixtures/load-trace.js';
import { firstMismatch } from '../fixtures/first-mismatch.js';

/**
 * Replays of torch.optim.SGD and torch.optim.Adam (PyTorch 1.13.1, foreach=False; foreach=True
 * recorded the same bits) through our SGD and Adam: fixtures/baselines/, written by
 * record_baselines.py there.
 *
 * Each trace holds two torch runs on the same gradients. `steps`/`finalState`: ATen's kernels
 * without fused multiply-add (ATEN_CPU_CAPABILITY=default), where every op rounds as torch/optim/
 * sgd.py and adam.py write it — ours must equal these bit for bit. `fused`: torch's default
 * dispatch on the recording machine (AVX2), where GCC contracted the kernels' `a + alpha·b` (add_:
 * SGD's and Adam's moment updates, SGD's parameter update) and `self + value·t1·t2` (addcmul_:
 * Adam's second moment) into fused multiply-adds, one rounding instead of two, in the vectorized
 * loop and the scalar tail alike (torch-fused.ts replays exactly that, bit for bit). Which one torch
 * computes depends on the CPU it runs on; against `fused` every value of ours is held to a bound
 * derived from those lost roundings and how they propagate (fused-bound.ts), computed per trace
 * from its hyperparameters, its gradients and our run. No kernel runs SGD or Adam: the kernel and
 * zero-copy paths check that staging gradients and resident parameters change nothing.
 *
 * RPROP_EXTRA_BASELINE_TRACES=dir1:dir2 replays traces recorded with other seed offsets too, and
 * RPROP_PRINT_BOUND_RATIOS=1 prints, per optimizer, dtype and quantity, the largest |ours − fused|
 * as a fraction of its bound.
 */

interface Replayed {
  /** Parameter values after each step. */
  params: number[][][];
  /** Each parameter's state after each step, as stateDict() gives it (what fused-bound.ts reads). */
  states: BaselineState[][];
  /** Final state per parameter, as stateDict() gives it. */
  state: BaselineState[];
}

/**
 * A deliberate slip in the rule, to show the fused comparison catches one: before step t (from 0) it
 * may edit the optimizer's options and returns the gradients to feed instead of the trace's.
 */
type Slip = (opt: SGD | Adam, t: number, grads: Array<number[] | null>) => Array<number[] | null>;

function replay(trace: BaselineTrace, path: TracePath, slip?: Slip): Replayed {
  const Ctor = trace.dtype === 'float32' ? Float32Array : Float64Array;
  const params = traceParams(trace, path);
  const { lr, momentum, betas, eps, maximize } = trace.options;
  const opt = trace.optimizer === 'SGD'
    ? new SGD(params, { lr, momentum: momentum!, maximize })
    : new Adam(params, { lr, betas: betas!, eps: eps!, maximize });
  const out: Replayed = { params: [], states: [], state: [] };
  trace.steps.forEach((step, t) => {
    giveGradients(params, slip ? slip(opt, t, step.grads) : step.grads, Ctor);
    opt.step();
    out.params.push(params.map((p) => Array.from(p.data)));
    const sd = opt.stateDict();
    out.states.push(params.map((_, k) => (sd.state[String(k)] ?? {}) as BaselineState));
  });
  out.state = out.states.at(-1)!;
  return out;
}

const STATE_KEYS = ['momentumBuffer', 'expAvg', 'expAvgSq'] as const;

/** Asserts `got` equals the recorded parameters after every step and the final state, with Object.is. */
function expectExact(name: string, got: Replayed, steps: Array<{ params: number[][] }>, finalState: BaselineState[]): void {
  steps.forEach((step, t) => {
    step.params.forEach((expected, k) => {
      expect(firstMismatch(got.params[t]![k]!, expected), `${name}: step ${t}, parameter ${k}`).toBeNull();
    });
  });
  finalState.forEach((expected, k) => {
    const s = got.state[k]!;
    if (expected.step !== undefined) expect(s.step, `${name}: final step of parameter ${k}`).toBe(expected.step);
    for (const key of STATE_KEYS) {
      if (expected[key] === undefined) continue;
      expect(firstMismatch(s[key] as number[], expected[key]!), `${name}: final ${key} of parameter ${k}`).toBeNull();
    }
  });
}

/** The largest |ours − fused| / bound of one quantity (0/0 counts as 0). */
type Ratios = Record<string, number>;

/**
 * Asserts every value of ours within its derived bound of torch's fused run (the parameters after
 * every step, the final state buffers); returns the largest |ours − fused| / bound per quantity.
 */
function expectWithinBounds(trace: BaselineTrace, got: Replayed): Ratios {
  const bounds = fusedBounds(trace, got);
  const ratios: Ratios = {};
  const check = (key: string, where: string, ours: readonly number[], fused: readonly number[], bound: readonly number[]): void => {
    expect(ours.length, `${trace.name}: ${where} has ${ours.length} values, torch's fused run ${fused.length}`).toBe(fused.length);
    fused.forEach((f, i) => {
      const apart = Math.abs(ours[i]! - f);
      // Negated, so that a NaN difference fails too; the message names the value.
      if (!(apart <= bound[i]!)) expect.fail(`${trace.name}: ${where}[${i}] is ${ours[i]}, torch's fused run ${f}: ${apart} apart, more than the derived bound ${bound[i]}`);
      ratios[key] = Math.max(ratios[key] ?? 0, apart === 0 ? 0 : apart / bound[i]!);
    });
  };
  trace.fused.steps.forEach((step, t) => {
    step.params.forEach((fused, k) => check('params', `parameter ${k} after step ${t}`, got.params[t]![k]!, fused, bounds.params[t]![k]!));
  });
  trace.fused.finalState.forEach((fused, k) => {
    if (fused.step !== undefined) expect(got.state[k]!.step, `${trace.name}: final step of parameter ${k}`).toBe(fused.step);
    for (const key of STATE_KEYS) {
      if (fused[key] === undefined) continue;
      check(key, `final ${key} of parameter ${k}`, got.state[k]![key] as number[], fused[key]!, bounds.state[k]![key]!);
    }
  });
  return ratios;
}

/** The trace's torch run written out with fused multiply-adds (torch-fused.ts). */
function replayFused(trace: BaselineTrace): Replayed {
  const params = trace.params.map((p) => [...p.init]);
  const state = params.map((p) => ({ step: 0, momentumBuffer: p.map(() => 0), expAvg: p.map(() => 0), expAvgSq: p.map(() => 0) }));
  const out: Replayed = { params: [], states: [], state: [] };
  for (const step of trace.steps) {
    params.forEach((p, k) => {
      const g = step.grads[k];
      if (g == null) return;
      const s = state[k]!;
      s.step++;
      if (trace.optimizer === 'SGD') {
        const o = { lr: trace.options.lr, momentum: trace.options.momentum!, maximize: trace.options.maximize };
        fusedSgd(p, g, o.momentum === 0 ? null : s.momentumBuffer, s.step === 1, o, trace.dtype);
      } else {
        const o = { lr: trace.options.lr, betas: trace.options.betas!, eps: trace.options.eps!, maximize: trace.options.maximize };
        fusedAdam(p, g, s.expAvg, s.expAvgSq, s.step, o, trace.dtype);
      }
    });
    out.params.push(params.map((p) => [...p]));
  }
  out.state = state;
  return out;
}

const measured: Record<string, Ratios> = {};

function checkTraces(traces: BaselineTrace[], path: TracePath, folder = 'fixtures'): void {
  for (const trace of traces) {
    it(`${trace.name}: equal bit for bit to torch without fused multiply-add`, () => {
      expect(trace.foreachIdentical, 'foreach=True recorded other bits than foreach=False').toEqual({ default: true, fused: true });
      expectExact(trace.name, replay(trace, path), trace.steps, trace.finalState);
    });

    it(`${trace.name}: within the derived bound of torch's fused ${trace.fused.cpuCapability} run`, () => {
      measured[`${trace.name} (${folder}, ${path})`] = expectWithinBounds(trace, replay(trace, path));
    });
  }
}

function checkFusedRuns(traces: BaselineTrace[]): void {
  for (const trace of traces) {
    it(`${trace.name}: torch's fused run is the same ops with fused multiply-adds, bit for bit`, () => {
      expectExact(`${trace.name} (fused)`, replayFused(trace), trace.fused.steps, trace.fused.finalState);
    });
  }
}

describe("Adam's bias corrections", () => {
  it('take βᵗ correctly rounded, as libm does (V8 has 0.9 ** 4 = 0.6561000000000001)', () => {
    expect(powWhole(0.9, 4)).toBe(0.6561);
    const cases: Array<[number, number]> = [];
    for (const b of [0.9, 0.999, 0.8, 0.99, 0.9999, 0.5, 0.123, 0]) for (let n = 1; n <= 200; n++) cases.push([b, n]);
    for (const n of [494, 1000, 2258, 2746, 2993, 4096]) cases.push([0.9999, n], [0.999, n]);
    for (const [b, n] of cases) {
      const { m, e } = exact(b);
      const want = m === 0n ? 0 : roundTo(m ** BigInt(n), e * n, 'float64');
      expect(powWhole(b, n), `${b} ** ${n}`).toBe(want);
    }
  });
});

describe("torch's fused (AVX2) runs differ from the plain ones only by fused multiply-adds", () => {
  checkFusedRuns(loadBaselineTraces());
  for (const folder of extraBaselineFolders()) describe(folder, () => checkFusedRuns(loadBaselineTraces(folder)));
});

/**
 * Wrong rules the bit-exact comparison catches, emulated through the options and gradients: SGD
 * with dampening = momentum (b ← μ·b + (1−μ)·g from the second step, as torch applies dampening),
 * Adam with its first bias correction a step ahead (step size lr/(1 − β1ᵗ⁺¹)). The fused comparison
 * alone must catch them too, or its bound would be too loose to tell a slip from a fused rounding.
 */
const SLIPS: Record<BaselineTrace['optimizer'], (trace: BaselineTrace) => Slip> = {
  SGD: (trace) => (_, t, grads) => grads.map((g) => (t === 0 || g === null ? g : g.map((x) => (1 - trace.options.momentum!) * x))),
  Adam: (trace) => (opt, t, grads) => {
    const [b1] = trace.options.betas!;
    opt.paramGroups[0]!.lr = (trace.options.lr * (1 - b1 ** (t + 1))) / (1 - b1 ** (t + 2));
    return grads;
  },
};

describe('the derived bound catches a slip in the rule by itself', () => {
  for (const trace of loadBaselineTraces().filter((tr) => tr.optimizer === 'Adam' || tr.options.momentum !== 0)) {
    it(`${trace.name}: ${trace.optimizer === 'SGD' ? 'dampening = momentum' : "the first bias correction a step ahead"}`, () => {
      const slipped = replay(trace, 'reference', SLIPS[trace.optimizer](trace));
      expect(() => expectExact(trace.name, slipped, trace.steps, trace.finalState)).toThrow();
      expect(() => expectWithinBounds(trace, slipped)).toThrow(/more than the derived bound/);
    });
  }
});

describe.each(TRACE_PATHS)('on the %s path', (path) => {
  beforeAll(() => useKernels(path !== 'reference', { minLength: 0 }));
  afterAll(() => useKernels(true, { minLength: 64 }));

  describe('SGD and Adam replay torch.optim.SGD/Adam', () => checkTraces(loadBaselineTraces(), path));

  for (const folder of extraBaselineFolders()) {
    describe(`SGD and Adam replay the traces in ${folder} (RPROP_EXTRA_BASELINE_TRACES)`, () => checkTraces(loadBaselineTraces(folder), path, folder));
  }
});

afterAll(() => {
  if (!process.env.RPROP_PRINT_BOUND_RATIOS) return;
  const worst: Ratios = {};
  for (const [name, ratios] of Object.entries(measured)) {
    const kind = name.replace(/^(\w+)-.*(float\d+).*$/, '$1 $2');
    for (const [key, ratio] of Object.entries(ratios)) worst[`${kind} ${key}`] = Math.max(worst[`${kind} ${key}`] ?? 0, ratio);
  }
  console.log(JSON.stringify(worst, null, 1));
});
