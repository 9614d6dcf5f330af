import { describe, expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';
import { loadRpropRuns, type TorchRpropRun } from './torch-recordings.js';
import { ourStepFromTorch, PATHS, restoreKernelsAfterEach, usePath } from './torch-rprop-step.js';
import { giveGradients } from '../fixtures/give-gradients.js';

/**
 * The README ("Where other implementations differ", PyTorch): torch.optim.Rprop multiplies the raw
 * derivatives to compare signs, this library their signs, so where g·gp underflows to 0 the two part;
 * everywhere else they agree. Checked on real torch.optim.Rprop steps (fixtures/others-torch/
 * rprop-underflow.json, PyTorch 1.13): each of torch's steps is replayed from torch's own weights and
 * state, and compared element by element with Object.is.
 *
 * What the recording shows: where the product underflows, torch reads "no information" (its sign of 0):
 * it keeps Δ, moves the weight by −sign(g)·Δ and stores g. Ours reads the signs: for derivatives of
 * the same sign it grows Δ by η+ (and moves by that Δ); for opposite signs it sees the flip — Δ shrinks
 * by η−, the weight stays, the stored derivative becomes 0 — where torch moved the weight.
 */

restoreKernelsAfterEach();
const runs = loadRpropRuns('rprop-underflow.json');
const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

type Kind = 'ordinary' | 'underflow, same sign' | 'underflow, opposite signs';

/** What torch's sign test saw at element i of step t: g (negated if maximizing) against the stored gp. */
function kindAt(run: TorchRpropRun, t: number, i: number): Kind {
  const r = run.dtype === 'float32' ? Math.fround : (x: number) => x;
  const g = run.options.maximize ? -run.steps[t]!.grad[i]! : run.steps[t]!.grad[i]!;
  const gp = t === 0 ? 0 : run.steps[t - 1]!.prev[i]!;
  // A product of two float32s is exact in a double, so fround rounds it once, as float32 arithmetic does.
  if (g === 0 || gp === 0 || r(g * gp) !== 0) return 'ordinary';
  return sign(g) === sign(gp) ? 'underflow, same sign' : 'underflow, opposite signs';
}

/** Δ·η clamped to [Δmin, Δmax], rounded as the dtype: the growth or shrinking the claim names. */
function scaled(run: TorchRpropRun, delta: number, eta: number): number {
  const r = run.dtype === 'float32' ? Math.fround : (x: number) => x;
  const [lo, hi] = run.options.stepSizes.map(r) as [number, number];
  return Math.min(Math.max(r(delta * r(eta)), lo), hi);
}

describe('the recording', () => {
  it.each(runs.map((r) => [r.name, r] as const))('%s: holds both kinds of underflow beside ordinary elements, including a product that is subnormal but not 0', (_, run) => {
    const kinds = run.steps.flatMap((_, t) => run.init.map((_, i) => kindAt(run, t, i)));
    for (const k of ['ordinary', 'underflow, same sign', 'underflow, opposite signs'] as const) expect(kinds).toContain(k);
    const r = run.dtype === 'float32' ? Math.fround : (x: number) => x;
    const subnormal = run.dtype === 'float32' ? 2 ** -126 : 2 ** -1022;
    const tiny = run.steps.slice(1).some((s, t) => s.grad.some((g, i) => {
      const p = Math.abs(r(g * run.steps[t]!.prev[i]!));
      return p > 0 && p < subnormal;
    }));
    expect(tiny).toBe(true);
  });
});

describe.each(PATHS)('torch.optim.Rprop where g·gp underflows, each step replayed on the %s path', (path) => {
  it.each(runs.map((r) => [r.name, r] as const))('%s', (_, run) => {
    usePath(path);
    const etas = run.options.etas;
    run.steps.forEach((torch, t) => {
      const ours = ourStepFromTorch(run, t, path);
      const before = t === 0 ? null : run.steps[t - 1]!;
      const w0 = before === null ? run.init : before.param;
      const d0 = before === null ? run.init.map(() => run.options.lr) : before.stepSize;
      torch.param.forEach((_, i) => {
        const at = `step ${t}, element ${i}`;
        const g = run.options.maximize ? -torch.grad[i]! : torch.grad[i]!;
        const kind = kindAt(run, t, i);
        if (kind === 'ordinary') {
          expect(Object.is(ours.param[i], torch.param[i]), `${at}: weight ${ours.param[i]} vs torch ${torch.param[i]}`).toBe(true);
          expect(Object.is(ours.prev[i], torch.prev[i]), `${at}: prev`).toBe(true);
          expect(Object.is(ours.stepSize[i], torch.stepSize[i]), `${at}: Δ`).toBe(true);
          return;
        }
        // torch: no information — Δ kept, a step against g, g stored
        expect(torch.stepSize[i], `${at}: torch's Δ`).toBe(d0[i]);
        expect(sign(torch.param[i]! - w0[i]!), `${at}: torch's move`).toBe(-sign(g));
        expect(torch.prev[i], `${at}: torch's prev`).toBe(g);
        if (kind === 'underflow, same sign') {
          expect(ours.stepSize[i], `${at}: our Δ, grown by η+`).toBe(scaled(run, d0[i]!, etas[1]));
          expect(sign(ours.param[i]! - w0[i]!), `${at}: our move`).toBe(-sign(g));
          expect(ours.prev[i], `${at}: our prev`).toBe(g);
          // the weights part exactly where Δ could grow (not at Δmax)
          expect(Object.is(ours.param[i], torch.param[i]), `${at}: weights equal iff Δs equal`).toBe(ours.stepSize[i] === torch.stepSize[i]);
        } else {
          expect(ours.stepSize[i], `${at}: our Δ, shrunk by η−`).toBe(scaled(run, d0[i]!, etas[0]));
          expect(Object.is(ours.param[i], w0[i]), `${at}: our weight stays`).toBe(true);
          expect(ours.prev[i], `${at}: our prev`).toBe(0);
        }
      });
    });
  });
});

describe.each(PATHS)('a whole run of ours beside torch on the %s path', (path) => {
  it.each(runs.map((r) => [r.name, r] as const))('%s: equal at every element whose product has not underflowed yet', (_, run) => {
    usePath(path);
    const Ctor = run.dtype === 'float32' ? Float32Array : Float64Array;
    let w: Parameter = { data: Ctor.from(run.init), grad: null };
    if (path === 'zero-copy') (w = Rprop.allocate(run.init.length, run.dtype)).data.set(run.init);
    const opt = new Rprop([w], run.options);
    const parted = run.init.map(() => false);
    run.steps.forEach((torch, t) => {
      giveGradients([w], [torch.grad], Ctor);
      opt.step();
      const state = opt.stateDict().state['0']!;
      torch.param.forEach((want, i) => {
        parted[i] ||= kindAt(run, t, i) !== 'ordinary';
        if (parted[i]) return;
        expect(Object.is(w.data[i], want), `step ${t}, element ${i}: weight`).toBe(true);
        expect(Object.is((state.stepSize as number[])[i], torch.stepSize[i]), `step ${t}, element ${i}: Δ`).toBe(true);
        expect(Object.is((state.prev as number[])[i], torch.prev[i]), `step ${t}, element ${i}: prev`).toBe(true);
      });
    });
    expect(parted.filter((p) => !p).length, 'elements that never underflowed').toBeGreaterThan(0);
  });
});
