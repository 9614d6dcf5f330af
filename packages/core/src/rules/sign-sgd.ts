import { sign } from '../sign.js';
import type { FloatArray } from '../types.js';
import { checkBuffer } from './buffer-shape.js';
import { flag } from '../validate.js';
import { finiteConstant } from './constants-check.js';

/** signSGD (Bernstein et al. 2018): w ← w − lr·sign(g). `lr` is in the buffer's precision. The reference loop. */
export function signSgd(param: FloatArray, grad: FloatArray, lr: number, maximize: boolean): void {
  checkBuffer('signSgd', 'grad', param, grad);
  flag('signSgd', 'maximize', maximize); // read by truthiness: the string "false" maximized
  finiteConstant('signSgd', 'lr', lr);
  const n = param.length;
  const direction = maximize ? -1 : 1;
  for (let i = 0; i < n; i++) param[i] = param[i]! - lr * direction * sign(grad[i]!);
}

