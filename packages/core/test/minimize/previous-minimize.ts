// minimize's loop as it was before its gradient checks became one pass (GradientScan): the SIMD
// non-finite check, a max |g| loop and the flips noted from g and the rule's stored gp just before the
// step. Kept as the reference the faster loop must equal bit for bit (see scan-matches-previous.test.ts);
// options are not checked here, only defaulted: the tests give valid ones.
import { withoutUndefined } from '../../src/defined.js';
import { describe } from '../../src/errors.js';
import { fastRpropStep } from '../../src/kernels/fast-rprop-step.js';
import { firstNonFinite } from '../../src/kernels/first-non-finite.js';
import { BoundedRun, boxFor } from '../../src/minimize-bounds.js';
import { MINIMIZE_DEFAULTS, type MinimizeOptions, type MinimizeResult, type Objective } from '../../src/minimize.js';
import { isPlusVariant } from '../../src/optimizers/rprop.js';
import { rpropConstantsFor } from '../../src/rules/rprop-constants.js';
import { startingPoint } from '../../src/starting-point.js';

const ROUNDING_ULPS = 8;

/** `minimize` as it was, for valid options. */
export function previousMinimize(fun: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const o = { ...MINIMIZE_DEFAULTS, ...withoutUndefined(options) };
  const x = startingPoint(x0);
  const box = boxFor(o.bounds, x);
  const n = x.length;
  const grad = new Float64Array(n);
  const prev = new Float64Array(n);
  const stepSize = new Float64Array(n).fill(o.lr + 0);
  const prevUpdate = isPlusVariant(o.variant) ? new Float64Array(n) : undefined;
  const buffers = { param: x, grad, prev, stepSize, prevUpdate };
  const constants = rpropConstantsFor(x, o.etas, o.stepSizes, o.maximize);
  const sense = o.maximize ? -1 : 1;
  const flipped = new Uint8Array(n);
  const bounded = box && new BoundedRun(box, x, grad, sense);
  const best = Float64Array.from(x);
  let bestF = Infinity;
  let bestGMax = Infinity;
  let prevScore = Infinity;
  let lastF = NaN;
  let evaluations = 0;
  let settled = false;
  let floored = false;
  const negligible = (i: number) => stepSize[i]! <= o.xTolAbs || stepSize[i]! <= o.xTol * Math.abs(x[i]!);
  const atStepMin = (i: number) => stepSize[i]! <= constants.stepMin;
  const holds = (small: (i: number) => boolean) => everySettled(grad, flipped, small, bounded?.exempt());
  const finish = (iterations: number, converged: boolean, message: string): MinimizeResult => ({
    x: bestF === Infinity ? x : best,
    fun: bestF === Infinity ? lastF : sense * bestF,
    iterations,
    evaluations,
    converged,
    message,
  });
  const converged = (iterations: number, score: number, gMax: number, message: string): MinimizeResult => {
    if (score - bestF <= ROUNDING_ULPS * Number.EPSILON * Math.abs(bestF) || gMax < bestGMax) {
      best.set(x);
      bestF = score;
    }
    return finish(iterations, true, message);
  };

  for (let iteration = 0; ; iteration++) {
    grad.fill(0);
    const f = fun(x, grad);
    evaluations++;
    if (typeof f !== 'number') throw new TypeError(`fun returned ${describe(f)}`);
    if (Number.isNaN(f)) return finish(iteration, false, `f(x) is NaN at iteration ${iteration}`);
    lastF = f;
    if (!Number.isFinite(f)) return finish(iteration, false, `f(x) is ${describe(f)} at iteration ${iteration}`);
    const score = sense * f;
    const improved = score <= bestF;
    if (improved) {
      bestF = score;
      best.set(x);
    }
    const badGrad = firstNonFinite(grad);
    if (badGrad >= 0) return finish(iteration, false, `the gradient is ${describe(grad[badGrad])} at index ${badGrad}, iteration ${iteration}`);
    const gMax = bounded === undefined ? maxAbs(grad) : bounded.projectedGradient();
    if (improved) bestGMax = gMax;
    const note = bounded?.note() ?? '';
    if (gMax <= o.gTol) return converged(iteration, score, gMax, `${o.gTol === 0 ? 'the gradient is zero' : `every |∂f/∂xᵢ| ≤ gTol (${o.gTol})`}${note}`);
    if (settled && holds(negligible)) return converged(iteration, score, gMax, `every step size is negligible against x${note}`);
    if (floored && holds(atStepMin)) {
      return finish(iteration, true, `every step size is at Δmin (${o.stepSizes[0]})${note}: converged to about Δmin, not to xTol or xTolAbs; lower stepSizes[0] for more precision`);
    }
    if (iteration >= o.maxIterations) return finish(iteration, false, `reached maxIterations (${o.maxIterations})`);

    noteFlips(flipped, grad, prev, sense);
    bounded?.beforeStep();
    fastRpropStep(o.variant, buffers, constants, score > prevScore);
    bounded?.project(prevUpdate);
    const overflowed = firstNonFinite(x);
    if (overflowed >= 0) return finish(iteration + 1, false, `x overflowed to ${describe(x[overflowed])} at index ${overflowed}, iteration ${iteration + 1}: lower stepSizes[1] (Δmax)`);
    prevScore = score;
    const verdict: unknown = o.onIteration?.({ iteration: iteration + 1, x, fun: f, grad, stepSize });
    if (verdict === false) return finish(iteration + 1, false, 'stopped by onIteration');
    settled = holds(negligible);
    floored = !settled && o.stepSizes[0] > 0 && holds(atStepMin);
  }
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function noteFlips(flipped: Uint8Array, grad: Float64Array, prev: Float64Array, sense: number): void {
  for (let i = 0; i < flipped.length; i++) {
    if (flipped[i] === 0 && sense * Math.sign(grad[i]!) * Math.sign(prev[i]!) < 0) flipped[i] = 1;
  }
}

function everySettled(grad: Float64Array, flipped: Uint8Array, small: (i: number) => boolean, exempt?: (i: number) => boolean): boolean {
  for (let i = 0; i < grad.length; i++) {
    if (exempt !== undefined && exempt(i)) continue;
    if (flipped[i] === 0 ? grad[i] !== 0 : !small(i)) return false;
  }
  return true;
}
