import type { TestFunction } from './functions.js';
import { normalStream, seedFrom } from './random.js';

/** How noisy the gradients are: σ, relative to the function's gradient scale, and the base seed of the draws. */
export interface GradientNoise {
  sigma: number;
  seed: number;
}

/** The page's default: exact gradients. The seed is the one the page always draws with. */
export const EXACT: GradientNoise = { sigma: 0, seed: 1 };

/**
 * The largest σ the page takes. At σ = 10 the sign of a gradient of the median size comes out right 54 %
 * of the time (Φ(0.1)), close to a coin flip: a larger σ shows nothing new. Far larger
 * ones broke the arithmetic: from about 1e150 Adam's squared gradient overflowed and it stopped moving,
 * and from about 1e306 the noise itself was ±Infinity and every run was marked diverged on its first step.
 */
export const MAX_SIGMA = 10;

/** Points per side of the grid the gradient scale is read on. */
const GRID = 41;

/**
 * The noise's scale in each coordinate: the median size of that coordinate's gradient over a grid on the
 * map, fixed per function. Fixed, not σ·|g|: a mini-batch's error comes from which samples it drew, not
 * from how close the point is to the minimum, so it does not shrink there — near a minimum the gradient
 * goes to 0 while the noise stays, and the signs turn random, which is what fools Rprop's sign test.
 * Noise of σ·|gᵢ| would flip each sign with the same probability everywhere, far from the minimum as
 * near it, and never swamp the gradient there. Per coordinate, because per-sample gradients spread more where the loss is
 * steeper: on 0.01x² + 100y² (scale 0.04 in x, 250 in y) it is exactly every batch seeing the minimum
 * moved by σ·2 in x and σ·1.25 in y (a standard deviation), a quarter of the map each way. The median,
 * not the mean, so that Beale's and Rosenbrock's steep corners do not set the scale of their plateaus.
 */
export function noiseScale(fn: TestFunction): [number, number] {
  const [x0, x1, y0, y1] = fn.view;
  const gx: number[] = [];
  const gy: number[] = [];
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const [a, b] = fn.grad(x0 + ((x1 - x0) * i) / (GRID - 1), y0 + ((y1 - y0) * j) / (GRID - 1));
      gx.push(Math.abs(a));
      gy.push(Math.abs(b));
    }
  }
  const median = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1]!;
  return [median(gx), median(gy)];
}

/**
 * The gradient an optimizer is given: at σ = 0 the function's own (no draws, so the page's runs are what
 * they were, bit for bit); else g + σ·s·ε, ε standard normal from a stream seeded by the optimizer's id,
 * so ticking another optimizer does not change this one's path.
 */
export function observedGradient(fn: TestFunction, noise: GradientNoise, id: string, scale?: [number, number]): TestFunction['grad'] {
  if (noise.sigma === 0) return fn.grad;
  // `scale`: noiseScale(fn), which startRuns computes once for all its runs rather than once per run.
  const [sx, sy] = scale ?? noiseScale(fn);
  const normal = normalStream(seedFrom(id, noise.seed));
  return (x, y) => {
    const [gx, gy] = fn.grad(x, y);
    return [gx + noise.sigma * sx * normal(), gy + noise.sigma * sy * normal()];
  };
}
