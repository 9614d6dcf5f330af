import type { RpropBuffers, RpropConstants } from '../rules/rprop-constants.js';
import type { FloatArray, Variant } from '../types.js';
import { runInKernelMemory } from './copy-through.js';
import { kernels } from './instance.js';
import { kernelHeap } from './kernel-heap.js';

const CODE: Record<Variant, number> = { 'rprop-': 0, 'irprop-': 1, 'rprop+': 2, 'irprop+': 3 };

/**
 * One Rprop step on the WebAssembly SIMD kernel, equal bit for bit to `rpropStep`. Buffers that all
 * live in the kernels' memory are updated in place (zero copy); otherwise they are copied through it
 * in chunks. Returns false, having done nothing, where the kernels are unavailable.
 */
export function rpropKernelStep(variant: Variant, b: RpropBuffers, c: RpropConstants, lossIncreased: boolean): boolean {
  const k = kernels();
  const heap = kernelHeap();
  if (k === null || heap === null) return false;
  const run = b.param instanceof Float32Array ? k.rpropF32 : k.rpropF64;
  const revert = variant === 'rprop+' || (variant === 'irprop+' && lossIncreased);
  const code = CODE[variant];
  const plus = code >= 2;
  if (plus && b.prevUpdate === undefined) throw new Error('the + variants need a prevUpdate buffer');
  const arrays: FloatArray[] = [b.param, b.grad, b.prev, b.stepSize, ...(plus ? [b.prevUpdate!] : [])];
  runInKernelMemory(heap, arrays, [true, false, true, true, true], ([w, g, prev, step, dw = 0], m) =>
    run(code, w!, g!, prev!, step!, dw, m, c.etaMinus, c.etaPlus, c.stepMin, c.stepMax, c.maximize, revert),
  );
  return true;
}
