import { roundingOf } from '../sign.js';
import type { FloatArray } from '../types.js';

/** Adam's constants for one step t (1-based), in the buffer's precision. */
export interface AdamConstants {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** t of this step, counting from 1. */
  readonly step: number;
  readonly maximize: boolean;
}

/**
 * Adam (Kingma & Ba 2015) as `torch.optim.Adam` (non-foreach): m ← β1·m + (1−β1)·g,
 * v ← β2·v + (1−β2)·g², w ← w − (lr/(1−β1ᵗ))·m/(√v/√(1−β2ᵗ) + ε). The magnitude-based baseline.
 * The reference loop.
 */
export function adam(param: FloatArray, grad: FloatArray, m: FloatArray, v: FloatArray, c: AdamConstants): void {
  const r = roundingOf(param);
  const oneMinusBeta1 = r(1 - c.beta1);
  const oneMinusBeta2 = r(1 - c.beta2);
  const stepSize = c.lr / (1 - c.beta1 ** c.step);
  const biasCorrection2Sqrt = Math.sqrt(1 - c.beta2 ** c.step);
  const n = param.length;
  for (let i = 0; i < n; i++) {
    const g = c.maximize ? -grad[i]! : grad[i]!;
    m[i] = r(m[i]! + r(oneMinusBeta1 * r(g - m[i]!)));
    v[i] = r(r(c.beta2 * v[i]!) + r(oneMinusBeta2 * r(g * g)));
    const denom = r(r(r(Math.sqrt(v[i]!)) / biasCorrection2Sqrt) + c.eps);
    param[i] = r(param[i]! - r(stepSize * r(m[i]! / denom)));
  }
}
