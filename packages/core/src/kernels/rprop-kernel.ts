import type { RpropBuffers, RpropConstants } from '../rules/rprop-constants.js';
import type { FloatArray, Variant } from '../types.js';
import { kernels } from './instance.js';
import { CHUNK, kernelHeap, type KernelHeap } from './kernel-heap.js';

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
  const n = b.param.length;
  const plus = code >= 2;
  const dw = b.prevUpdate;
  if (plus && dw === undefined) throw new Error('the + variants need a prevUpdate buffer');

  const resident = [b.param, b.grad, b.prev, b.stepSize, ...(plus ? [dw!] : [])].map((a) => heap.offsetOf(a));
  if (resident.every((at) => at >= 0)) {
    const [w, g, prev, step, dwAt = 0] = resident as [number, number, number, number, number?];
    run(code, w, g, prev, step, dwAt, n, c.etaMinus, c.etaPlus, c.stepMin, c.stepMax, c.maximize, revert);
    return true;
  }
  copyThrough(heap, b, plus, (at, m) => {
    const size = b.param.BYTES_PER_ELEMENT;
    run(code, at, at + CHUNK * size, at + 2 * CHUNK * size, at + 3 * CHUNK * size, at + 4 * CHUNK * size, m,
      c.etaMinus, c.etaPlus, c.stepMin, c.stepMax, c.maximize, revert);
  });
  return true;
}

/**
 * Runs `kernel(at, m)` over chunks (CHUNK elements: five float64 buffers of a chunk are 320 KiB, so
 * a chunk stays in L2 between the copy in, the kernel and the copy out) of the buffers copied into scratch memory laid out as
 * [w | g | prev | step | dw], each CHUNK elements, and copies what the step writes back.
 */
function copyThrough(heap: KernelHeap, b: RpropBuffers, plus: boolean, kernel: (at: number, m: number) => void): void {
  const n = b.param.length;
  const size = b.param.BYTES_PER_ELEMENT;
  const at = heap.scratchAt;
  const scratch = heap.view(b.param, at, 5 * CHUNK);
  const inputs: FloatArray[] = [b.param, b.grad, b.prev, b.stepSize];
  const outputs: Array<[FloatArray, number]> = [[b.param, 0], [b.prev, 2], [b.stepSize, 3]];
  if (plus) {
    inputs.push(b.prevUpdate!);
    outputs.push([b.prevUpdate!, 4]);
  }
  for (let from = 0; from < n; from += CHUNK) {
    const m = Math.min(CHUNK, n - from);
    inputs.forEach((a, slot) => scratch.set(a.subarray(from, from + m), slot * CHUNK));
    kernel(at, m);
    for (const [a, slot] of outputs) a.set(scratch.subarray(slot * CHUNK, slot * CHUNK + m), from);
  }
}
