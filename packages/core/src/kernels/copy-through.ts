import type { FloatArray } from '../types.js';
import { CHUNK, type KernelHeap } from './kernel-heap.js';

/**
 * Runs `kernel(offsets, m)` on `arrays` (all of one type and length) in the kernels' memory: in place
 * when every array already lives there (the zero-copy path), else over chunks of CHUNK elements
 * copied into scratch slots — five float64 buffers of a chunk are 320 KiB, so a chunk stays in L2
 * between the copy in, the kernel and the copy out — copying back the arrays marked `written`.
 */
export function runInKernelMemory(
  heap: KernelHeap,
  arrays: readonly FloatArray[],
  written: readonly boolean[],
  kernel: (offsets: number[], m: number) => void,
): void {
  const n = arrays[0]!.length;
  const resident = arrays.map((a) => heap.offsetOf(a));
  if (resident.every((at) => at >= 0)) {
    kernel(resident, n);
    return;
  }
  const size = arrays[0]!.BYTES_PER_ELEMENT;
  const scratch = heap.view(arrays[0]!, heap.scratchAt, arrays.length * CHUNK);
  const offsets = arrays.map((_, slot) => heap.scratchAt + slot * CHUNK * size);
  for (let from = 0; from < n; from += CHUNK) {
    const m = Math.min(CHUNK, n - from);
    arrays.forEach((a, slot) => scratch.set(a.subarray(from, from + m), slot * CHUNK));
    kernel(offsets, m);
    arrays.forEach((a, slot) => {
      if (written[slot]) a.set(scratch.subarray(slot * CHUNK, slot * CHUNK + m), from);
    });
  }
}
