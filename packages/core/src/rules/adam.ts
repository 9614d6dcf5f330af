import { roundingOf } from '../sign.js';
import type { FloatArray } from '../types.js';
import { describe } from '../errors.js';
import { checkBuffer } from './buffer-shape.js';
import { checkConstants } from './constants-check.js';

/**
 * Adam's constants for one step t (1-based), as the options give them (not rounded to the buffer's
 * precision: the rule rounds each where PyTorch does).
 */
export interface AdamConstants {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** t of this step, counting from 1. */
  readonly step: number;
  readonly maximize: boolean;
}

/** Dekker's split of a double into two halves of 26 bits, whose products are exact. */
const SPLITTER = 134217729; // 2^27 + 1

/**
 * bⁿ for a whole n ≥ 0 and 0 ≤ b < 1, correctly rounded while bⁿ > 1e-290 (below, 1 − bⁿ is 1 anyway):
 * square-and-multiply in double-double arithmetic, then one rounding. For Adam's bias corrections,
 * which Python computes as `beta ** step` with libm's pow. V8's `**` and Math.pow are an ulp off for
 * about one (b, n) in twenty (0.9 ** 4 = 0.6561000000000001); glibc's pow is too for about one in
 * two thousand, which changed 1 − bⁿ in 6 of 200 000 pairs tried (b = 0.9999, e.g. n = 494; none for
 * 0.9, 0.99, 0.999, 0.8 and n ≤ 20 000): in those steps ours is the correctly rounded one.
 */
export function powWhole(b: number, n: number): number {
  let hi = 1;
  let lo = 0;
  let bh = b;
  let bl = 0;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) [hi, lo] = mulDD(hi, lo, bh, bl);
    if (k > 1) [bh, bl] = mulDD(bh, bl, bh, bl);
  }
  return hi + lo;
}

/** (ah + al)·(bh + bl) as a normalised double-double (ah·bh exactly, the cross terms to double). */
function mulDD(ah: number, al: number, bh: number, bl: number): [number, number] {
  const p = ah * bh;
  const ca = SPLITTER * ah;
  const a1 = ca - (ca - ah);
  const a2 = ah - a1;
  const cb = SPLITTER * bh;
  const b1 = cb - (cb - bh);
  const b2 = bh - b1;
  const e = ((a1 * b1 - p) + a1 * b2 + a2 * b1) + a2 * b2 + (ah * bl + al * bh);
  const hi = p + e;
  return [hi, e - (hi - p)];
}

/**
 * Adam (Kingma & Ba 2015) as `torch.optim.Adam` (PyTorch 1.13, `_single_tensor_adam`; foreach gives
 * the same bits), op for op, each rounded to the buffer's precision as ATen rounds it:
 *   m ← β1·m + (1−β1)·g                      exp_avg.mul_(β1).add_(g, alpha=1−β1)
 *   v ← β2·v + ((1−β2)·g)·g                  exp_avg_sq.mul_(β2).addcmul_(g, g, value=1−β2)
 *   d ← √v / √(1−β2ᵗ) + ε                    (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(ε)
 *   w ← w + (−(lr/(1−β1ᵗ))·m) / d            param.addcdiv_(exp_avg, d, value=−step_size)
 * 1−β1, 1−β2, the bias corrections and the step size are computed in double from the options (as
 * Python does) and then rounded, like β1, β2 and ε, to the buffer's precision.
 * Equal bit for bit to torch built without fused multiply-add (ATEN_CPU_CAPABILITY=default); torch's
 * AVX2/AVX-512 kernels fuse `a + α·b` and `s + v·t1·t2` and land a few ulps away, within the bound
 * test/optimizers/fused-bound.ts derives. The magnitude-based baseline; the reference loop.
 */
export function adam(param: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, c: AdamConstants): void {
  checkBuffer('adam', 'grad', param, grad);
  checkBuffer('adam', 'm', param, m);
  checkBuffer('adam', 'v', param, v);
  checkConstants('adam', '{ lr, beta1, beta2, eps, step, maximize }', c, ['lr', 'beta1', 'beta2', 'eps']); // maximize read by truthiness: the string "false" maximized
  // Step 0 divides by 1 − β⁰ = 0 and a fractional step is no step: both wrote NaN into every weight.
  if (!(Number.isInteger(c.step) && c.step >= 1)) throw new RangeError(`adam: step must be a whole number ≥ 1 (t, counting from 1), got ${describe(c.step)}`);
  const r = roundingOf(param);
  const beta1 = r(c.beta1);
  const beta2 = r(c.beta2);
  const oneMinusBeta1 = r(1 - c.beta1);
  const oneMinusBeta2 = r(1 - c.beta2);
  const eps = r(c.eps);
  const negStepSize = r(-(c.lr / (1 - powWhole(c.beta1, c.step))));
  const biasCorrection2Sqrt = r(Math.sqrt(1 - powWhole(c.beta2, c.step)));
  const n = param.length;
  for (let i = 0; i < n; i++) {
    const g = c.maximize ? -grad[i]! : grad[i]!;
    m[i] = r(r(beta1 * m[i]!) + r(oneMinusBeta1 * g));
    v[i] = r(r(beta2 * v[i]!) + r(r(oneMinusBeta2 * g) * g));
    const denom = r(r(r(Math.sqrt(v[i]!)) / biasCorrection2Sqrt) + eps);
    param[i] = r(param[i]! + r(r(negStepSize * m[i]!) / denom));
  }
}
