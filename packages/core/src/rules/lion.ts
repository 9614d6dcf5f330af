import { roundingOf, sign } from '../sign.js';
import type { FloatArray } from '../types.js';
import { checkBuffer } from './buffer-shape.js';
import { checkConstants } from './constants-check.js';

/** Lion's constants in the buffer's precision. */
export interface LionConstants {
  readonly lr: number;
  readonly beta1: number;
  readonly oneMinusBeta1: number;
  readonly beta2: number;
  readonly oneMinusBeta2: number;
  readonly weightDecay: number;
  readonly maximize: boolean;
}

/**
 * Lion (Chen et al. 2023): c = β1·m + (1−β1)·g; w ← w − lr·(sign(c) + λ·w); m ← β2·m + (1−β2)·g.
 * Every elementary operation is rounded to the buffer's precision. The reference loop.
 */
export function lion(param: FloatArray, grad: FloatArray, momentum: FloatArray, c: LionConstants): void {
  checkBuffer('lion', 'grad', param, grad);
  checkBuffer('lion', 'momentum', param, momentum);
  checkConstants('lion', '{ lr, beta1, oneMinusBeta1, beta2, oneMinusBeta2, weightDecay, maximize }', c, ['lr', 'beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'weightDecay']); // as lionKernel checks them (WebAssembly reads "true" as false)
  const r = roundingOf(param);
  const n = param.length;
  for (let i = 0; i < n; i++) {
    const g = c.maximize ? -grad[i]! : grad[i]!;
    const m = momentum[i]!;
    const interpolated = r(r(c.beta1 * m) + r(c.oneMinusBeta1 * g));
    const w = param[i]!;
    const direction = c.weightDecay === 0 ? sign(interpolated) : r(sign(interpolated) + r(c.weightDecay * w));
    param[i] = w - r(c.lr * direction);
    momentum[i] = r(r(c.beta2 * m) + r(c.oneMinusBeta2 * g));
  }
}
