import { withoutUndefined } from './defined.js';
import { describe } from './errors.js';
import { firstNonFinite } from './kernels/first-non-finite.js';
import { FLIPPED_BEFORE, FLIPPED_NOW, GradientScan, hasFlipped, type FlipsCounted } from './minimize-gradient-scan.js';
import { isPlusVariant, validateRpropOptions, type RpropOptions } from './optimizers/rprop.js';
import { rpropConstantsFor } from './rules/rprop-constants.js';
import { fastRpropStep } from './kernels/fast-rprop-step.js';
import { BoundedRun, boxFor } from './minimize-bounds.js';
import { refuseUnknownOptions } from './unknown-options.js';
import { startingPoint } from './starting-point.js';
import { nonNegative } from './validate.js';

/**
 * f(x): writes ∂f/∂x into `grad` and returns f(x). `grad` arrives filled with zeros, so f may add into
 * it or write only the non-zero derivatives. Both arrays are minimize's own, reused: copy to keep.
 */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/**
 * What `onIteration` sees after each step. The arrays are minimize's own, live: copy them to keep them;
 * a change to them changes the run (the next evaluation is at `x` as left).
 */
export interface IterationInfo {
  /** Steps taken so far (1 after the first). */
  iteration: number;
  /** The point after this step (projected into `bounds`, if given). */
  x: Float64Array;
  /** f at the point this step started from. */
  fun: number;
  /** ∂f/∂x at the point this step started from. */
  grad: Float64Array;
  /** Every coordinate's step size Δ after this step. */
  stepSize: Float64Array;
}

/** Options of {@link minimize}: Rprop's, with defaults chosen for precision, and stopping rules. */
export interface MinimizeOptions extends Partial<RpropOptions> {
  /** Most steps to take. Default 100 000. */
  maxIterations?: number;
  /**
   * Converged when every Δᵢ ≤ xTol·|xᵢ| or Δᵢ ≤ xTolAbs over the coordinates whose derivative has
   * changed sign at least once (a Δ that only started small has not converged), and every other
   * coordinate's derivative is zero, both where the last step started and at the point it reached,
   * which is evaluated before the run stops. Default 2⁻⁵² (Δ below about one ulp of x). With
   * `bounds`, a coordinate held at a bound has converged whatever its Δ.
   */
  xTol?: number;
  /** See `xTol`; the absolute floor for coordinates near 0. Default 1e-15. */
  xTolAbs?: number;
  /**
   * Converged when every |∂f/∂xᵢ| ≤ gTol — with `bounds`, of the projected gradient, which leaves out
   * the coordinates held at a bound. Default 0 (a gradient exactly zero).
   */
  gTol?: number;
  /**
   * Box bounds: one `[lower, upper]` per coordinate of x0, `-Infinity`/`Infinity` for no bound on that
   * side (not `null`, which is what JSON makes of ±Infinity and NaN alike), lower = upper to hold a
   * coordinate fixed. x0 must lie within them (it is refused, not clipped as SciPy clips it). After
   * every step x is projected into the box; the + variants' backtrack then takes back the change that
   * was applied, so every point evaluated lies in the box. A coordinate at a bound whose derivative
   * pushes it out (KKT) counts as converged: it is left out of the gradient test and the step-size
   * test, and `message` says how many there are. Its Δ follows the plain rule meanwhile (it grows, up
   * to Δmax): holding it instead was measured slower when the coordinate later leaves the bound.
   *
   * @example
   * ```ts
   * import { minimize } from 'rprop';
   * // (x − 3)² + 100(y + 2)², whose minimum (3, −2) lies outside the box [0, 1] × [−1, 1]
   * const { x, converged, message } = minimize((x, grad) => {
   *   grad[0] = 2 * (x[0]! - 3);
   *   grad[1] = 200 * (x[1]! + 2);
   *   return (x[0]! - 3) ** 2 + 100 * (x[1]! + 2) ** 2;
   * }, [0.5, 0], { bounds: [[0, 1], [-1, 1]] });
   * x;         // [1, −1], the corner of the box nearest the minimum
   * converged; // true
   * message;   // 'the gradient is zero, except at 2 coordinates held at a bound'
   * ```
   */
  // ArrayLike of ArrayLike, not of tuples: a `number[][]` (how most code holds such a table) and
  // typed-array pairs type-check; the pair's length is checked when minimize runs.
  bounds?: ArrayLike<ArrayLike<number>>;
  /** Called after every step; return `false` to stop (any return but true, false or nothing is refused: a Promise cannot stop it). */
  onIteration?: (info: IterationInfo) => boolean | void;
}

/** What {@link minimize} found. */
export interface MinimizeResult {
  /**
   * The best point evaluated (lowest f; highest with `maximize`), the latest of equals: near a minimum
   * f's rounding makes many points tie, and the latest, taken with the smallest steps, is the nearest.
   * A converged run returns the point it converged at unless an earlier one scored better by more
   * than rounding (8 ulps of f) and its gradient was no larger (max |∂f/∂xᵢ|): the same rounding can
   * put a point ≈1e-8 (relative) off an ulp lower, and an f computed with cancellation (terms that
   * nearly cancel) rounds by far more than 8 ulps, so a steeper earlier point is taken for rounding too.
   * A run stopped at Δmin returns the best point evaluated, the one its last step reached included.
   */
  x: Float64Array;
  /** f(x). */
  fun: number;
  /** Steps taken. */
  iterations: number;
  /** Calls of the objective. */
  evaluations: number;
  /**
   * Whether a convergence rule stopped it (not maxIterations, a callback or a bad value). With
   * Δmin (`stepSizes[0]`) > 0 one rule is every step size at Δmin (counting coordinates as `xTol`
   * does): the run can get no closer, and Δmin is a resolution the caller chose, as xTolAbs is, so
   * `converged` is true — but to about Δmin, not to xTol or xTolAbs, and `message` says so.
   */
  converged: boolean;
  /** Why it stopped, in words. */
  message: string;
}

/**
 * `minimize`'s defaults. Unlike the optimizer's, Δmin is 0: PyTorch's 1e-6 floor would keep every
 * answer about 1e-6 from the minimiser, while these run to double precision. iRprop+ is the default
 * variant: on a deterministic function it is the most robust of the four (Igel & Hüsken 2003).
 */
export const MINIMIZE_DEFAULTS = Object.freeze({
  lr: 0.01,
  etas: Object.freeze([0.5, 1.2] as const),
  stepSizes: Object.freeze([0, 50] as const),
  variant: 'irprop+' as const,
  maximize: false,
  maxIterations: 100_000,
  xTol: 2 ** -52,
  xTolAbs: 1e-15,
  gTol: 0,
});

/**
 * Minimises a plain function of a vector with Rprop, using only the signs of its partial
 * derivatives, so badly scaled coordinates cost nothing. Stops by itself when the gradient is zero or
 * every step size is negligible against x (or, with Δmin > 0, at Δmin: see `converged`). A NaN or
 * infinite f, or a non-finite derivative, stops it unconverged (`message` says which); options or an
 * `x0` it cannot use throw a RangeError or TypeError naming them, and so does an f that returns
 * something other than a number (a forgotten `return`, an async f).
 *
 * @example
 * ```ts
 * import { minimize } from 'rprop';
 * // 0.01x² + 100y²: gradients 10⁴ apart, one minimum at (0, 0)
 * const result = minimize((x, grad) => {
 *   grad[0] = 0.02 * x[0]!;
 *   grad[1] = 200 * x[1]!;
 *   return 0.01 * x[0]! ** 2 + 100 * x[1]! ** 2;
 * }, [3, -2]);
 * result.x;         // ≈ [0, 0]
 * result.converged; // true
 * ```
 */
export function minimize(fun: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  refuseUnknownOptions('minimize', options ?? {}, [...Object.keys(MINIMIZE_DEFAULTS), 'bounds', 'onIteration']);
  const o = { ...MINIMIZE_DEFAULTS, ...withoutUndefined(options ?? {}) };
  const rprop: RpropOptions = { lr: o.lr, etas: o.etas, stepSizes: o.stepSizes, variant: o.variant, maximize: o.maximize };
  validateRpropOptions(rprop, '', 'minimize');
  // Δ = 0 stays 0 under every η: x could never move, and all maxIterations evaluations would be wasted.
  if (o.lr === 0 && o.stepSizes[0] === 0) {
    throw new RangeError('minimize: lr must be > 0 when stepSizes[0] (Δmin) is 0, got 0: every step size would stay 0 and x never move');
  }
  // A Δ so small (a subnormal below ≈2.5e-323) that Δ·η+ rounds back to Δ never grows either: x
  // would creep by at most that for all maxIterations evaluations.
  const firstStep = Math.min(Math.max(o.lr, o.stepSizes[0]), o.stepSizes[1]);
  if (firstStep > 0 && firstStep * o.etas[1] === firstStep && firstStep < o.stepSizes[1]) {
    throw new RangeError(`minimize: lr must be large enough that lr·η+ exceeds it, got ${describe(o.lr)}: every step size would stay at ${describe(firstStep)} and x barely move`);
  }
  // Likewise Δmax = 0: the first step clamps every Δ to 0, whatever lr.
  if (o.stepSizes[1] === 0) {
    throw new RangeError('minimize: stepSizes[1] (Δmax) must be > 0, got 0: every step size would be clamped to 0 and x never move');
  }
  if (!Number.isInteger(o.maxIterations) || o.maxIterations < 0) {
    throw new RangeError(`minimize: maxIterations must be an integer ≥ 0, got ${describe(o.maxIterations)}`);
  }
  nonNegative('minimize', 'xTol', o.xTol);
  nonNegative('minimize', 'xTolAbs', o.xTolAbs);
  nonNegative('minimize', 'gTol', o.gTol);
  if (o.onIteration != null && typeof o.onIteration !== 'function') {
    throw new TypeError(`minimize: onIteration must be a function (info) => boolean | void, got ${describe(o.onIteration)}`);
  }
  if (typeof fun !== 'function') throw new TypeError(`minimize: fun must be a function (x, grad) => f(x), got ${describe(fun)}`);
  const x = startingPoint(x0);
  const box = boxFor(o.bounds, x);

  const n = x.length;
  // Ordinary arrays, copied through the kernels' memory at each step. Kept in that memory (zero copy),
  // gp and dw took ≈1 ms off minimize's ≈11 ms of its own per step at 10⁶, gp, dw and Δ ≈2 ms, and all
  // five ≈3 ms off the step alone (measured). Not done: that memory never shrinks (gp and dw would hold
  // 16 MB per 10⁶ coordinates for the life of the process); x, g and Δ, handed to f and onIteration,
  // would be views of it, which any allocation there (an optimizer's first step, or a nested minimize
  // doing the same, in f) detaches; and `useKernels(false)` mid-run would need a second path.
  const grad = new Float64Array(n);
  const prev = new Float64Array(n);
  const stepSize = new Float64Array(n).fill(o.lr + 0);
  const prevUpdate = isPlusVariant(o.variant) ? new Float64Array(n) : undefined;
  const buffers = { param: x, grad, prev, stepSize, prevUpdate };
  const constants = rpropConstantsFor(x, o.etas, o.stepSizes, o.maximize);
  const sense = o.maximize ? -1 : 1;

  // Per coordinate: whether its gradient's sign has flipped yet, and when (see GradientScan). Until it
  // has, its Δ has only been growing from lr (or held at it), so a small Δ says nothing about
  // convergence: with lr ≤ xTolAbs the step-size test would otherwise stop after one step, far from
  // the minimum.
  const gradientScan = new GradientScan(n);
  const flipped = gradientScan.flipped;
  // Only with bounds: the projection, and which coordinates are held at a bound.
  const bounded = box && new BoundedRun(box, x, grad, sense);
  const best = Float64Array.from(x);
  let bestF = Infinity;
  // max |∂f/∂xᵢ| at the best point (projected with bounds), to tell a better point from a luckier rounding.
  let bestGMax = Infinity;
  // The previous score (f, or −f when maximizing): iRprop+ backtracks when the objective got worse.
  let prevScore = Infinity;
  let lastF = NaN;
  let evaluations = 0;
  // Every step size negligible (settled), or at Δmin (floored), after the last step: judged with the
  // derivatives where that step started, so stop only once the point it reached is evaluated and the
  // same test holds there too (see `holds`).
  let settled = false;
  let floored = false;
  const negligible = (i: number) => stepSize[i]! <= o.xTolAbs || stepSize[i]! <= o.xTol * Math.abs(x[i]!);
  const atStepMin = (i: number) => stepSize[i]! <= constants.stepMin;
  // The test at the point just evaluated, the one a stop returns: a coordinate whose derivative never
  // flipped must have derivative 0 here, not only where the last step started, which a step of the
  // others can change (and with bounds, which coordinates are held is taken here too). Before the
  // step (FLIPPED_BEFORE) the flips the scan found at this evaluation do not count: these tests ran
  // before the flips were noted when that was a pass of its own, just before the step. After the
  // step (FLIPPED_NOW) they count.
  const holds = (small: (i: number) => boolean, latest: FlipsCounted) => everySettled(grad, flipped, latest, small, bounded?.exempt());
  const finish = (iterations: number, converged: boolean, message: string): MinimizeResult => ({
    x: bestF === Infinity ? x : best,
    fun: bestF === Infinity ? lastF : sense * bestF,
    iterations,
    evaluations,
    converged,
    message,
  });

  /**
   * Converged at x, just evaluated (its score `score`, its max |∂f/∂xᵢ| `gMax`): x is the answer
   * unless an earlier point is better by more than f's rounding and no steeper. Where f is far from 0
   * at the minimum (a sum of squares that do not vanish), rounding can score a point ≈1e-8 (relative)
   * off an ulp or two below the converged one; the best point was returned, 2e-11–4e-11 off with a
   * gradient of 1e-10, where x had 1e-15. 8 ulps is not f's rounding where f cancels: the
   * trigonometric test function (n − Σ cos xⱼ + …, ≈1e-3 from terms ≈10) rounds by ≈1e-12
   * (relative), and Rprop− returned a point 9e-10 off with a gradient of 9e-11, where x had 3e-15.
   */
  const converged = (iterations: number, score: number, gMax: number, message: string): MinimizeResult => {
    if (score - bestF <= ROUNDING_ULPS * Number.EPSILON * Math.abs(bestF) || gMax < bestGMax) {
      best.set(x);
      bestF = score;
    }
    return finish(iterations, true, message);
  };

  for (let iteration = 0; ; iteration++) {
    // Zeroed, not the last call's values: an f that adds into grad, or skips zero derivatives, would
    // otherwise step on stale signs.
    grad.fill(0);
    const f = fun(x, grad);
    evaluations++;
    if (typeof f !== 'number') throw notANumber(f, iteration);
    if (Number.isNaN(f)) return finish(iteration, false, `f(x) is NaN at iteration ${iteration}`);
    lastF = f;
    // An infinite f has no minimum to approach here (−∞: unbounded; +∞: outside f's domain, or overflow).
    if (!Number.isFinite(f)) return finish(iteration, false, `f(x) is ${describe(f)} at iteration ${iteration}`);
    // Before the gradient check: a finite f is a point evaluated even where ∂f/∂x is not (|x| at 0).
    const score = sense * f;
    // `<=`: of points with equal f, the latest. Where f is far from 0 at the minimum, every point
    // within ≈1e-8 of it rounds to the same f; with `<` the answer was the first of them, ≈1e-8 off,
    // though the run went on to converge to the last bit.
    const improved = score <= bestF;
    if (improved) {
      bestF = score;
      best.set(x);
    }
    const badGrad = gradientScan.scan(grad);
    if (badGrad >= 0) return finish(iteration, false, `the gradient is ${describe(grad[badGrad])} at index ${badGrad}, iteration ${iteration}`);
    // With bounds, the projected gradient: a coordinate held at a bound by its derivative counts as 0.
    const gMax = bounded === undefined ? gradientScan.gMax : bounded.projectedGradient();
    if (improved) bestGMax = gMax;
    const note = bounded?.note() ?? '';
    if (gMax <= o.gTol) return converged(iteration, score, gMax, `${o.gTol === 0 ? 'the gradient is zero' : `every |∂f/∂xᵢ| ≤ gTol (${o.gTol})`}${note}`);
    if (settled && holds(negligible, FLIPPED_BEFORE)) return converged(iteration, score, gMax, `every step size is negligible against x${note}`);
    // The best point evaluated, this one included: at Δmin the iterates are Δmin apart, and the lowest
    // f is no rounding accident (the gradient tie-break of `converged` is for those).
    if (floored && holds(atStepMin, FLIPPED_BEFORE)) {
      return finish(iteration, true, `every step size is at Δmin (${o.stepSizes[0]})${note}: converged to about Δmin, not to xTol or xTolAbs; lower stepSizes[0] for more precision`);
    }
    if (iteration >= o.maxIterations) return finish(iteration, false, `reached maxIterations (${o.maxIterations})`);

    bounded?.beforeStep();
    fastRpropStep(o.variant, buffers, constants, score > prevScore);
    bounded?.project(prevUpdate);
    // Only a huge Δmax can step x past the largest double; f there means nothing (and may be finite).
    const overflowed = firstNonFinite(x);
    if (overflowed >= 0) return finish(iteration + 1, false, `x overflowed to ${describe(x[overflowed])} at index ${overflowed}, iteration ${iteration + 1}: lower stepSizes[1] (Δmax)`);
    prevScore = score;
    const verdict: unknown = o.onIteration?.({ iteration: iteration + 1, x, fun: f, grad, stepSize });
    if (verdict === false) return finish(iteration + 1, false, 'stopped by onIteration');
    // Only false stops: an async callback's Promise (or a 'stop', a 0) was taken for "go on", and the
    // run never stopped where the caller asked it to.
    if (verdict !== undefined && verdict !== null && verdict !== true) {
      throw new TypeError(`minimize: onIteration must return false (to stop), true or nothing, got ${describe(verdict)}${verdict instanceof Promise ? ' (an async callback cannot stop minimize)' : ''} at iteration ${iteration + 1}`);
    }
    // One more evaluation, so the last point is judged like every other (a non-finite f there stops
    // it unconverged and is never the best), then stop. The Δmin stop returned without it, so the point
    // its last step reached was never compared: on 0.01x² + 100y² with Δmin = 1e-3, Rprop− returned
    // f = 3.8e-5 where that point had 1.6e-8.
    settled = holds(negligible, FLIPPED_NOW);
    floored = !settled && o.stepSizes[0] > 0 && holds(atStepMin, FLIPPED_NOW);
  }
}

/** How many of f's ulps (relative to f at the best point) a converged point may score above it and still be returned. */
const ROUNDING_ULPS = 8;

/**
 * An f that returns no number is a mistake in the code, not a point where f is undefined (NaN): a
 * forgotten `return`, or an async f — thrown, as `Rprop.step` throws for such a closure.
 */
function notANumber(f: unknown, iteration: number): TypeError {
  const promise = typeof (f as { then?: unknown } | null)?.then === 'function';
  return new TypeError(
    `minimize: fun must return f(x) as a number, got ${promise ? 'a Promise (minimize is synchronous: fun cannot be async)' : describe(f)} at iteration ${iteration}`,
  );
}

/**
 * Whether every coordinate has settled: either its derivative has flipped sign at least once (Δ has
 * been cut, not merely started small) and its Δ is `small`, or it has never flipped and its derivative
 * is zero now — a coordinate f does not depend on keeps Δ = lr for ever, and must not block the rest.
 * Flips marked later than `latest` (see GradientScan) do not count yet. With bounds, a coordinate
 * `exempt` (held at a bound, or flat beside one) has settled whatever its Δ (see `BoundedRun.exempt`).
 */
function everySettled(grad: Float64Array, flipped: Uint8Array, latest: FlipsCounted, small: (i: number) => boolean, exempt?: (i: number) => boolean): boolean {
  for (let i = 0; i < grad.length; i++) {
    if (exempt !== undefined && exempt(i)) continue;
    if (hasFlipped(flipped[i]!, latest) ? !small(i) : grad[i] !== 0) return false;
  }
  return true;
}
