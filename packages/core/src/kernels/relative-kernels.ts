import type { LionConstants } from '../rules/lion.js';
import type { FloatArray } from '../types.js';
import { runInKernelMemory, type Operand } from './copy-through.js';
import { kernels } from './instance.js';
import { kernelHeap, kernelHeapFor } from './kernel-heap.js';
import { describe } from '../errors.js';
import type { BatchKernel } from './tensor-batch.js';
import { checkBuffer } from '../rules/buffer-shape.js';
import { flag } from '../validate.js';
import { checkConstants, finiteConstant } from '../rules/constants-check.js';

// The relatives' kernels as `BatchKernel`s, for a `TensorBatch` of one group, constants given per
// precision (the kernels must be available). Operands: g for signSGD; g and the momentum for Signum
// and Lion. The one-tensor functions below run the same kernels through `runInKernelMemory`.

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

/**
 * `kernel()` on one parameter and its `operands` (w first, then g and the state; those marked
 * `written` are copied back); false, having done nothing, where the kernels should not run on it.
 */
function runOne(param: FloatArray, operands: readonly Operand[], written: readonly boolean[], kernel: () => BatchKernel): boolean {
  const heap = kernelHeapFor(param);
  if (kernels() === null || heap === null) return false;
  const run = kernel();
  const f32 = param instanceof Float32Array;
  runInKernelMemory(heap, param, param.length, operands, written, (o, m) => run(o, m, f32));
  return true;
}

/**
 * Refuses a gradient given as a byte offset that does not hold `param.length` values of its type
 * inside the kernels' memory: the kernel trapped with WebAssembly's "memory access out of bounds",
 * or read whatever lay there.
 */
function checkOffset(owner: string, param: FloatArray, grad: Operand): void {
  if (typeof grad !== 'number') return;
  const size = param.BYTES_PER_ELEMENT;
  const heap = kernelHeap();
  if (!Number.isInteger(grad) || grad < 0 || grad % size !== 0 || heap === null || grad + param.length * size > heap.buffer.byteLength) {
    throw new RangeError(`${owner}: grad given as a byte offset must be a whole multiple of ${size} ≥ 0 with ${param.length} values after it inside the kernels' memory, got ${describe(grad)}`);
  }
}

/**
 * signSGD on the SIMD kernel, equal bit for bit to `signSgd`; false (nothing done) when it should not
 * run. Here and below `grad` is an array, or the byte offset of its staged copy (see `Operand`), and
 * the constants are already in the parameter's precision.
 */
export function signSgdKernel(param: FloatArray, grad: Operand, lr: number, maximize: boolean): boolean {
  checkBuffer('signSgdKernel', 'grad', param, grad, false, true);
  checkOffset('signSgdKernel', param, grad);
  flag('signSgdKernel', 'maximize', maximize); // as signSgd refuses it
  finiteConstant('signSgdKernel', 'lr', lr);
  return runOne(param, [param, grad], [true, false], () => signSgdBatchKernel(lr, lr, maximize));
}

/** Signum on the SIMD kernel, equal bit for bit to `signum`; false when it should not run. */
export function signumKernel(
  param: FloatArray, grad: Operand, momentum: FloatArray, lr: number, beta: number, oneMinusBeta: number, maximize: boolean,
): boolean {
  checkBuffer('signumKernel', 'grad', param, grad, false, true);
  checkOffset('signumKernel', param, grad);
  checkBuffer('signumKernel', 'momentum', param, momentum);
  // The kernel takes it as an i32, where "true" is 0: it minimized where the rule, by JS truthiness, maximized.
  flag('signumKernel', 'maximize', maximize);
  finiteConstant('signumKernel', 'lr', lr);
  finiteConstant('signumKernel', 'beta', beta);
  finiteConstant('signumKernel', 'oneMinusBeta', oneMinusBeta);
  const c = { lr, beta, oneMinusBeta };
  return runOne(param, [param, grad, momentum], [true, false, true], () => signumBatchKernel(c, c, maximize));
}

/** Lion on the SIMD kernel, equal bit for bit to `lion`; false when it should not run. */
export function lionKernel(param: FloatArray, grad: Operand, momentum: FloatArray, c: LionConstants): boolean {
  checkBuffer('lionKernel', 'grad', param, grad, false, true);
  checkOffset('lionKernel', param, grad);
  checkBuffer('lionKernel', 'momentum', param, momentum);
  checkConstants('lionKernel', '{ lr, beta1, oneMinusBeta1, beta2, oneMinusBeta2, weightDecay, maximize }', c, ['lr', 'beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'weightDecay']); // maximize an i32 in the kernel, as signumKernel's
  return runOne(param, [param, grad, momentum], [true, false, true], () => lionBatchKernel(c, c));
}
