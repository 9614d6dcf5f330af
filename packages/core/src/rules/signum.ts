import { roundingOf, sign } from '../sign.js';
import type { FloatArray } from '../types.js';
import { checkBuffer } from './buffer-shape.js';
import { flag } from '../validate.js';
import { finiteConstant } from './constants-check.js';

/**
 * Signum (Bernstein et al. 2018): m ← β·m + (1−β)·g; w ← w − lr·sign(m).
 * Every elementary operation is rounded to the buffer's precision; `lr`, `beta` and `oneMinusBeta`
 * must already be in that precision. The reference loop.
 */
export function signum(
  param: FloatArray,
  grad: FloatArray,
  momentum: FloatArray,
  lr: number,
  beta: number,
  oneMinusBeta: number,
  maximize: boolean,
): void {
  checkBuffer('signum', 'grad', param, grad);
  checkBuffer('signum', 'momentum', param, momentum);
  flag('signum', 'maximize', maximize); // as signumKernel refuses it (WebAssembly reads "true" as false)
  finiteConstant('signum', 'lr', lr);
  finiteConstant('signum', 'beta', beta);
  finiteConstant('signum', 'oneMinusBeta', oneMinusBeta);
  const r = roundingOf(param);
  const n = param.length;
  for (let i = 0; i < n; i++) {
    const g = maximize ? -grad[i]! : grad[i]!;
    momentum[i] = r(r(beta * momentum[i]!) + r(oneMinusBeta * g));
    param[i] = param[i]! - lr * sign(momentum[i]!);
  }
}
