import { rpropConstantsFor, type RpropBuffers, type RpropConstants } from '../rules/rprop-constants.js';
import { VARIANTS, type FloatArray, type Variant } from '../types.js';
import { flag, oneOf } from '../validate.js';
import { runInKernelMemory, type Operand } from './copy-through.js';
import { kernels, type KernelExports } from './instance.js';
import { kernelHeap } from './kernel-heap.js';
import type { BatchKernel } from './tensor-batch.js';
import { checkPrevUpdate, checkRpropBuffers } from '../rules/buffer-shape.js';
import { checkConstants, RPROP_CONSTANTS, RPROP_KIND } from '../rules/constants-check.js';

/** The kernels' variant codes (2 and up: the + variants, which keep dw). */
export const VARIANT_CODE: Readonly<Record<Variant, number>> = { 'rprop-': 0, 'irprop-': 1, 'rprop+': 2, 'irprop+': 3 };

/** Whether a step takes flipped weights' last change back: always for rprop+, for irprop+ when the loss rose. */
export function revertsFlips(variant: Variant, lossIncreased: boolean): boolean {
  return variant === 'rprop+' || (variant === 'irprop+' && lossIncreased);
}

/** The arguments of the call in progress: module-level, so a step allocates no closure per parameter. */
const call = {
  run: null as KernelExports['rpropF32'] | null,
  code: 0,
  c: null as RpropConstants | null,
  revert: false,
};
/** The operands of the call in progress, minus and plus variants (reused: resizing an array is slow). */
const minusOperands: Operand[] = [];
const plusOperands: Operand[] = [];
const WRITTEN = [true, false, true, true, true];
const EMPTY = new Float32Array(0);

/** One kernel call: `o` holds the byte offsets of w, g, gp, Δ (and dw for the + variants, code ≥ 2). */
function callRprop(run: KernelExports['rpropF32'], code: number, o: readonly number[], m: number, c: RpropConstants, revert: boolean): void {
  run(code, o[0]!, o[1]!, o[2]!, o[3]!, code >= 2 ? o[4]! : 0, m, c.etaMinus, c.etaPlus, c.stepMin, c.stepMax, c.maximize, revert);
}

function runKernel(offsets: readonly number[], m: number): void {
  callRprop(call.run!, call.code, offsets, m, call.c!, call.revert);
}

/**
 * One Rprop step on the WebAssembly SIMD kernel, equal bit for bit to `rpropStep`. Buffers that all
 * live in the kernels' memory are updated in place (zero copy); otherwise they are copied through it
 * in chunks. Returns false, having done nothing, where the kernels are unavailable.
 */
export function rpropKernelStep(variant: Variant, b: RpropBuffers, c: RpropConstants, lossIncreased: boolean): boolean {
  // Given directly by callers: the kernel took a misspelt variant ('irprop') for code 0, Rprop−.
  oneOf('rpropKernelStep', 'variant', variant, VARIANTS);
  checkConstants('rpropKernelStep', RPROP_KIND, c, RPROP_CONSTANTS); // as rpropStep checks them
  checkRpropBuffers('rpropKernelStep', b);
  return rpropKernelRun(variant, b.param, b.grad, b.prev, b.stepSize, b.prevUpdate, c, lossIncreased);
}

/**
 * `rpropKernelStep` on operands: the state buffers (gp, Δ, dw) may be given as byte offsets in the
 * kernels' memory (see `Operand`), which is how an optimizer's step passes its resident state.
 * `param` gives the type and the length.
 */
export function rpropKernelRun(
  variant: Variant, param: FloatArray, grad: Operand, prev: Operand, stepSize: Operand, prevUpdate: Operand | undefined,
  c: RpropConstants, lossIncreased: boolean,
): boolean {
  const k = kernels();
  const heap = kernelHeap();
  if (k === null || heap === null) return false;
  const code = VARIANT_CODE[variant];
  const plus = code >= 2;
  if (plus) checkPrevUpdate('rpropKernelStep', prevUpdate);
  call.run = param instanceof Float32Array ? k.rpropF32 : k.rpropF64;
  call.code = code;
  call.c = c;
  call.revert = revertsFlips(variant, lossIncreased);
  const operands = plus ? plusOperands : minusOperands;
  operands[0] = param;
  operands[1] = grad;
  operands[2] = prev;
  operands[3] = stepSize;
  if (plus) operands[4] = prevUpdate!;
  try {
    runInKernelMemory(heap, param, param.length, operands, WRITTEN, runKernel);
  } finally {
    call.c = null; // hold nothing of the caller's past the call
    for (let i = 0; i < operands.length; i++) operands[i] = EMPTY; // (a loop: fill() is a slow call here)
  }
  return true;
}

const F32 = new Float32Array(0);
const F64 = new Float64Array(0);

/**
 * The Rprop kernel for a `TensorBatch` of one group (operands: g, gp, Δ, dw), its options turned into
 * constants once per precision. The kernels must be available.
 */
export function rpropBatchKernel(
  variant: Variant, etas: readonly [number, number], stepSizes: readonly [number, number], maximize: boolean, lossIncreased: boolean,
): BatchKernel {
  const k = kernels()!;
  const code = VARIANT_CODE[variant];
  const revert = revertsFlips(variant, lossIncreased);
  let c32: RpropConstants | null = null;
  let c64: RpropConstants | null = null;
  return (o, m, f32) => {
    const c = f32 ? (c32 ??= rpropConstantsFor(F32, etas, stepSizes, maximize)) : (c64 ??= rpropConstantsFor(F64, etas, stepSizes, maximize));
    callRprop(f32 ? k.rpropF32 : k.rpropF64, code, o, m, c, revert);
  };
}
