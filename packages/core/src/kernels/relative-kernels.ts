import type { LionConstants } from '../rules/lion.js';
import type { FloatArray } from '../types.js';
import { runInKernelMemory, type Operand } from './copy-through.js';
import { kernels } from './instance.js';
import { kernelHeapFor } from './kernel-heap.js';
import type { BatchKernel } from './tensor-batch.js';

/**
 * signSGD on the SIMD kernel, equal bit for bit to `signSgd`; false (nothing done) when it should not
 * run. Here and below `grad` is an array, or the byte offset of its staged copy (see `Operand`).
 */
export function signSgdKernel(param: FloatArray, grad: Operand, lr: number, maximize: boolean): boolean {
  const k = kernels();
  const heap = kernelHeapFor(param);
  if (k === null || heap === null) return false;
  const run = param instanceof Float32Array ? k.signSgdF32 : k.signSgdF64;
  const step = lr * (maximize ? -1 : 1);
  runInKernelMemory(heap, param, param.length, [param, grad], [true, false], ([w, g], m) => run(w!, g!, m, step));
  return true;
}

/** Signum on the SIMD kernel, equal bit for bit to `signum`; false when it should not run. */
export function signumKernel(
  param: FloatArray, grad: Operand, momentum: FloatArray, lr: number, beta: number, oneMinusBeta: number, maximize: boolean,
): boolean {
  const k = kernels();
  const heap = kernelHeapFor(param);
  if (k === null || heap === null) return false;
  const run = param instanceof Float32Array ? k.signumF32 : k.signumF64;
  runInKernelMemory(heap, param, param.length, [param, grad, momentum], [true, false, true], ([w, g, mo], m) =>
    run(w!, g!, mo!, m, lr, beta, oneMinusBeta, maximize),
  );
  return true;
}

/** Lion on the SIMD kernel, equal bit for bit to `lion`; false when it should not run. */
export function lionKernel(param: FloatArray, grad: Operand, momentum: FloatArray, c: LionConstants): boolean {
  const k = kernels();
  const heap = kernelHeapFor(param);
  if (k === null || heap === null) return false;
  const run = param instanceof Float32Array ? k.lionF32 : k.lionF64;
  runInKernelMemory(heap, param, param.length, [param, grad, momentum], [true, false, true], ([w, g, mo], m) =>
    run(w!, g!, mo!, m, c.lr, c.beta1, c.oneMinusBeta1, c.beta2, c.oneMinusBeta2, c.weightDecay, c.maximize),
  );
  return true;
}

// The same kernels for a `TensorBatch` of one group, constants given per precision (the kernels must
// be available). Operands: g for signSGD; g and the momentum for Signum and Lion.

/** signSGD; `lr32`/`lr64`: the learning rate rounded to float32 / as is. */
export function signSgdBatchKernel(lr32: number, lr64: number, maximize: boolean): BatchKernel {
  const k = kernels()!;
  const sign = maximize ? -1 : 1;
  return (o, m, f32) => (f32 ? k.signSgdF32(o[0]!, o[1]!, m, lr32 * sign) : k.signSgdF64(o[0]!, o[1]!, m, lr64 * sign));
}

/** Signum's constants in one precision. */
export interface SignumConstants {
  readonly lr: number;
  readonly beta: number;
  readonly oneMinusBeta: number;
}

/** Signum; `c32`/`c64`: its constants rounded to float32 / as they are. */
export function signumBatchKernel(c32: SignumConstants, c64: SignumConstants, maximize: boolean): BatchKernel {
  const k = kernels()!;
  return (o, m, f32) => {
    const c = f32 ? c32 : c64;
    (f32 ? k.signumF32 : k.signumF64)(o[0]!, o[1]!, o[2]!, m, c.lr, c.beta, c.oneMinusBeta, maximize);
  };
}

/** Lion; `c32`/`c64`: its constants rounded to float32 / as they are. */
export function lionBatchKernel(c32: LionConstants, c64: LionConstants): BatchKernel {
  const k = kernels()!;
  return (o, m, f32) => {
    const c = f32 ? c32 : c64;
    (f32 ? k.lionF32 : k.lionF64)(o[0]!, o[1]!, o[2]!, m, c.lr, c.beta1, c.oneMinusBeta1, c.beta2, c.oneMinusBeta2, c.weightDecay, c.maximize);
  };
}
