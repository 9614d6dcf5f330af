import { describe } from '../errors.js';
import { roundingOf } from '../sign.js';
import type { FloatArray } from '../types.js';
import { checkBuffer } from './buffer-shape.js';
import { flag } from '../validate.js';
import { finiteConstant } from './constants-check.js';

/**
 * Gradient descent with optional heavy-ball momentum, as `torch.optim.SGD`:
 * b ← μ·b + g (b ← g on the first step); w ← w − lr·b. `momentumBuffer` may be null only when μ = 0.
 * In the buffer's precision, lr and μ rounded to it, as ATen's add_ and mul_: equal bit for bit to
 * torch built without fused multiply-add (ATEN_CPU_CAPABILITY=default); torch's AVX2/AVX-512 kernels
 * fuse `w + (−lr)·b` and land a few ulps away, within the bound test/optimizers/fused-bound.ts derives.
 * The baseline the demos compare sign-based steps against. The reference loop.
 */
export function sgd(
  param: FloatArray,
  grad: FloatArray,
  momentumBuffer: FloatArray | null,
  lr: number,
  momentum: number,
  firstStep: boolean,
  maximize: boolean,
): void {
  checkBuffer('sgd', 'grad', param, grad);
  checkBuffer('sgd', 'momentumBuffer', param, momentumBuffer, true);
  flag('sgd', 'maximize', maximize); // read by truthiness: the string "false" maximized
  finiteConstant('sgd', 'lr', lr);
  finiteConstant('sgd', 'momentum', momentum);
  // Without its buffer the loop ran plain SGD, the momentum dropped without a word.
  if (momentumBuffer == null && momentum !== 0) {
    throw new TypeError(`sgd: momentumBuffer must be a ${param.constructor.name} like param when momentum is ${describe(momentum)} (null only for momentum 0), got ${describe(momentumBuffer)}`);
  }
  const buffer = momentumBuffer ?? null; // undefined, too, is no buffer
  const r = roundingOf(param);
  const n = param.length;
  for (let i = 0; i < n; i++) {
    let d = maximize ? -grad[i]! : grad[i]!;
    if (buffer !== null) {
      buffer[i] = firstStep ? d : r(r(momentum * buffer[i]!) + d);
      d = buffer[i]!;
    }
    param[i] = param[i]! - r(lr * d);
  }
}
