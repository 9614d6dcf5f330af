import { powWhole } from '../../src/rules/adam.js';
import type { BaselineState, BaselineTrace } from '../fixtures/load-trace.js';

/**
 * How far torch's fused (FMA) run of a baseline trace can be from ours, derived rather than measured:
 * for every value, an upper bound on |ours − fused| computed from the trace's hyperparameters and
 * gradients and from our own run's values, step by step.
 *
 * What differs. torch-fused.ts replays the fused run bit for bit; beside our rules (src/rules/sgd.ts,
 * adam.ts) the two runs perform the same ops with the same rounded constants, except that three ops
 * round once where ours rounds twice:
 *   SGD     w + (−L)·b                 ours fl(w − fl(L·b)),                fused fl(w − L·b)
 *   Adam    m ← fl(β1·m) + c1·g        ours fl(fl(β1·m) + fl(c1·g)),        fused fl(c1·g + fl(β1·m))
 *           v ← fl(β2·v) + fl(c2·g)·g  ours fl(fl(β2·v) + fl(fl(c2·g)·g)),  fused fl(fl(c2·g)·g + fl(β2·v))
 * (L = fl(lr), c1 = fl(1 − β1), c2 = fl(1 − β2); SGD's buffer update fuses `fl(μ·b) + 1·d`, whose
 * product is exact, so the momentum buffers are equal: by induction, the same ops on the same inputs.)
 * Every op, ours or fused, is correctly rounded to the dtype (ours rounds float64 results to float32,
 * which is innocuous for +, ×, ÷ and √ as 53 ≥ 2·24 + 2), so rounding a real x errs by at most
 * ½ulp(x), and also by at most ½ulp(fl(x)) (ulp: the spacing in the binade, as ulpOf).
 *
 * How the difference propagates (E: the bound, per value; the gradients are the trace's, the same
 * for both runs, so only the rounding moves the runs apart). One op rounds ours' real result x to
 * fl(x) and the fused real result x̂ to fl(x̂); if |x − x̂| ≤ D then
 *   |fl(x) − fl(x̂)| ≤ D + ½ulp(fl(x)) + ½ulp(|fl(x)| + ½ulp(fl(x)) + D)               (`apart`)
 * the last term bounding the fused rounding by the largest |x̂| can be.
 *   SGD w:  D = E_w + ½ulp(L·b): the lost product rounding. E_w grows by about an ulp of |w| a step,
 *           so linearly in the step count (a worst case; the rounding errors rarely all agree).
 *   Adam m: D = β1·E_m + ½ulp(β1·|m|) + ½ulp(β1·(|m| + E_m)) + ½ulp(c1·|g|): the old difference,
 *           scaled by β1, the roundings of fl(β1·m) in each run, the lost product rounding; since
 *           β1 < 1, E_m stays within about 1/(1 − β1) steps' worth of ulps of |m|. v alike with β2.
 *   Adam w: w ← fl(w + q), q = fl(fl(S·m)/d), d = fl(fl(fl(√v)/B2) + ε), the same ops in both runs
 *           on different m, v. With Q(m, v) = S·m/(√v/B2 + ε) the exact quotient, q = Q·(1 + θ) with
 *           |θ| ≤ γ5 = 5u/(1 − 5u) (five roundings, u = 2⁻²⁴ or 2⁻⁵³, no underflow: checked), so
 *             |q − q̂| ≤ |Q(m, v) − Q(m̂, v̂)| + γ5·(|Q(m, v)| + |Q(m̂, v̂)|)
 *           and, as √v/B2 + ε ≥ Dlow = √max(v − E_v, 0)/B2 + ε for v and v̂ alike (ε > 0: no division
 *           by zero) and |√v − √v̂| ≤ min(√E_v, E_v/√v),
 *             |Q(m, v) − Q(m̂, v̂)| ≤ |S|·E_m/Dlow + |S|·|m|·min(√E_v, E_v/√v)/(B2·Dlow²).
 *           D = E_w + that + γ5·|S|·(2|m| + E_m)/Dlow: the step itself is lr-sized, so the param
 *           bound too grows by about an ulp of |w| a step.
 * The bounds are computed in float64, which rounds them by a relative 2⁻⁵³ an op: `SLACK` covers it.
 *
 * What it cannot bound usefully: a fixed number of ULPs of each value itself. An absolute difference
 * carried from larger quantities (a step that nearly cancels a weight, a moment that decayed from a
 * large gradient) is any number of ULPs of a value that has become small; the per-value bound here
 * is absolute and follows each value's history instead.
 */

type Dtype = BaselineTrace['dtype'];

/** Relative margin for the bound's own float64 arithmetic (a few hundred ops of relative error 2⁻⁵³). */
const SLACK = 1 + 2 ** -40;

/** ulp of |x|'s binade in the dtype (the spacing of representable numbers there). */
export function ulpOf(x: number, dtype: Dtype): number {
  const a = Math.abs(x);
  const [bits, least] = dtype === 'float32' ? [23, -149] : [52, -1074];
  if (a === 0) return 2 ** least;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return Math.max(2 ** (e - bits), 2 ** least);
}

/** The most that rounding a real of magnitude at most `magnitude` to the dtype can change it. */
function roundingError(magnitude: number, dtype: Dtype): number {
  return ulpOf(Math.abs(magnitude) * SLACK, dtype) / 2;
}

/** Bound on |fl(x) − fl(x̂)| for ours = fl(x) and |x − x̂| ≤ inputsApart. */
function apart(ours: number, inputsApart: number, dtype: Dtype): number {
  const oursRounding = roundingError(ours, dtype);
  return (inputsApart + oursRounding + roundingError(Math.abs(ours) + oursRounding + inputsApart, dtype)) * SLACK;
}

/** Our run of a trace: the parameters and each parameter's state after every step. */
export interface OurRun {
  params: number[][][];
  states: BaselineState[][];
}

/** Bounds on |ours − fused|: for the parameters after every step and for the final state buffers. */
export interface FusedBounds {
  params: number[][][];
  state: Array<Partial<Record<'momentumBuffer' | 'expAvg' | 'expAvgSq', number[]>>>;
}

/** The bounds for an SGD or Adam trace (see the derivation above). */
export function fusedBounds(trace: BaselineTrace, ours: OurRun): FusedBounds {
  return trace.optimizer === 'SGD' ? sgdBounds(trace, ours) : adamBounds(trace, ours);
}

function rounding(dtype: Dtype): (x: number) => number {
  return dtype === 'float32' ? Math.fround : (x) => x;
}

function sgdBounds(trace: BaselineTrace, ours: OurRun): FusedBounds {
  const { dtype } = trace;
  const r = rounding(dtype);
  const lr = r(trace.options.lr);
  const hasBuffer = trace.options.momentum !== 0;
  const ew = trace.params.map((p) => p.init.map(() => 0));
  const out: FusedBounds = { params: [], state: [] };
  trace.steps.forEach((step, t) => {
    step.grads.forEach((grad, k) => {
      if (grad == null) return;
      const w = ours.params[t]![k]!;
      const buffer = hasBuffer ? ours.states[t]![k]!.momentumBuffer! : grad;
      ew[k] = ew[k]!.map((e, i) => apart(w[i]!, e + roundingError(lr * buffer[i]!, dtype), dtype));
    });
    out.params.push(ew.map((e) => [...e]));
  });
  // Equal buffers (the fused product is 1·d, exact): a bound of 0 wherever torch keeps a buffer.
  out.state = trace.params.map((p, k) => (trace.fused.finalState[k]?.momentumBuffer ? { momentumBuffer: p.init.map(() => 0) } : {}));
  return out;
}

/** Throws unless x is 0 or a normal number of the dtype: the relative bounds of `q` need that. */
function expectNormal(x: number, what: string, dtype: Dtype): void {
  const smallest = dtype === 'float32' ? 2 ** -126 : 2 ** -1022;
  if (x !== 0 && Math.abs(x) < smallest) throw new RangeError(`fusedBounds: ${what} = ${x} is subnormal in ${dtype}; the Adam bound assumes no underflow`);
}

function adamBounds(trace: BaselineTrace, ours: OurRun): FusedBounds {
  const { dtype } = trace;
  const r = rounding(dtype);
  const [b1, b2] = trace.options.betas!;
  const beta1 = r(b1);
  const beta2 = r(b2);
  const c1 = r(1 - b1);
  const c2 = r(1 - b2);
  const eps = r(trace.options.eps!);
  const u = dtype === 'float32' ? 2 ** -24 : 2 ** -53;
  const gamma5 = (5 * u) / (1 - 5 * u);
  const zeros = () => trace.params.map((p) => p.init.map(() => 0));
  const [em, ev, ew, m0, v0] = [zeros(), zeros(), zeros(), zeros(), zeros()];
  const count = trace.params.map(() => 0);
  const out: FusedBounds = { params: [], state: [] };
  trace.steps.forEach((step, t) => {
    step.grads.forEach((grad, k) => {
      if (grad == null) return;
      const n = ++count[k]!;
      const s = Math.abs(r(-(trace.options.lr / (1 - powWhole(b1, n)))));
      const bc2 = r(Math.sqrt(1 - powWhole(b2, n)));
      const { expAvg: m, expAvgSq: v } = ours.states[t]![k]!;
      const w = ours.params[t]![k]!;
      grad.forEach((g, i) => {
        const mi = m![i]!;
        const vi = v![i]!;
        expectNormal(mi, `exp_avg[${i}] of parameter ${k} at step ${t}`, dtype);
        expectNormal(vi, `exp_avg_sq[${i}] of parameter ${k} at step ${t}`, dtype);
        expectNormal(r(s * mi), `step_size·exp_avg[${i}] of parameter ${k} at step ${t}`, dtype);
        expectNormal(r((s * mi) / (Math.sqrt(vi) / bc2 + eps)), `the update of parameter ${k}[${i}] at step ${t}`, dtype);
        const oldM = Math.abs(m0[k]![i]!);
        const oldV = v0[k]![i]!;
        const dm = beta1 * em[k]![i]! + roundingError(beta1 * oldM, dtype) + roundingError(beta1 * (oldM + em[k]![i]!), dtype) + roundingError(c1 * g, dtype);
        const dv = beta2 * ev[k]![i]! + roundingError(beta2 * oldV, dtype) + roundingError(beta2 * (oldV + ev[k]![i]!), dtype) + roundingError(r(c2 * g) * g, dtype);
        const eM = apart(mi, dm, dtype);
        const eV = apart(vi, dv, dtype);
        const dLow = (Math.sqrt(Math.max(vi - eV, 0)) / bc2 + eps) / SLACK;
        const sqrtApart = Math.min(Math.sqrt(eV), vi > 0 ? eV / Math.sqrt(vi) : Infinity) * SLACK;
        const absM = Math.abs(mi);
        const qApart = s * (eM / dLow + (absM * sqrtApart) / (bc2 * dLow * dLow) + (gamma5 * (2 * absM + eM)) / dLow) * SLACK;
        em[k]![i] = eM;
        ev[k]![i] = eV;
        ew[k]![i] = apart(w[i]!, ew[k]![i]! + qApart, dtype);
        m0[k]![i] = mi;
        v0[k]![i] = vi;
      });
    });
    out.params.push(ew.map((e) => [...e]));
  });
  out.state = trace.params.map((_, k) => ({ expAvg: em[k]!, expAvgSq: ev[k]! }));
  return out;
}
