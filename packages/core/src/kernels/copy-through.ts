import type { FloatArray } from '../types.js';
import { colorOf, freestColor, padTo } from './cache-colors.js';
import { kernels } from './instance.js';
import { SLOT_BYTES, SLOT_STRIDE, type KernelHeap } from './kernel-heap.js';
import { runPipelined } from './pipelined-copy-through.js';

/**
 * One array a kernel takes: an ordinary typed array, or the byte offset of one that lives in the
 * kernels' memory. Callers that know a buffer's offset pass the number, so a step need not reach the
 * buffer's view: over many tensors each object a step touches is a likely cache miss, because the
 * step's own data streams evict them (≈1 µs per tensor at 5000 weights, measured).
 */
export type Operand = FloatArray | number;

/** Reused between calls: a step runs this once per parameter, and allocating per call shows up. */
const resident: number[] = [];
/** Per operand, where the kernel finds it (only the first `operands.length` entries are this call's). */
const offsets: number[] = [];
/** Per operand copied through a slot, the slot's chunk: its element index in the scratch region. */
const slotElements: number[] = [];
/** The colours of this call's arrays so far (see `cache-colors`). */
const colors: number[] = [];
/** Per slot, the last view of a chunk copied back (same size tensors reuse it every step), what it views, and where. */
const chunkViews: FloatArray[] = [];
const chunkViewsOf: FloatArray[] = [];
const chunkViewsAt: number[] = [];

/** `scratch[at, at + m)` for slot `k`, reusing the slot's last such view when it still fits. */
function chunkView(scratch: FloatArray, k: number, at: number, m: number): FloatArray {
  const last = chunkViews[k];
  // `scratch` is a new object whenever the memory or the element type changed (see KernelHeap.scratch).
  if (last !== undefined && chunkViewsOf[k] === scratch && chunkViewsAt[k] === at && last.length === m) return last;
  chunkViewsOf[k] = scratch;
  chunkViewsAt[k] = at;
  return (chunkViews[k] = scratch.subarray(at, at + m));
}

/**
 * Runs `kernel(offsets, m)` on `operands` (`n` elements each, all of `like`'s type) in the kernels'
 * memory. Operands that live there (byte offsets, or views of that memory: resident parameters,
 * optimizer state, staged gradients) are used in place; the others are copied in, chunk by chunk,
 * into scratch slots of SLOT_BYTES, each at a colour apart from the others' (see `cache-colors`; a chunk's slots stay in L2 between the copy in, the kernel and
 * the copy out), and those marked `written` are copied back. With every operand resident
 * nothing is copied at all (the zero-copy path). With kernel threads, large arrays are copied
 * through in a pipeline instead (`runPipelined`).
 */
export function runInKernelMemory(
  heap: KernelHeap,
  like: FloatArray,
  n: number,
  operands: readonly Operand[],
  written: readonly boolean[],
  kernel: (offsets: readonly number[], m: number) => void,
): void {
  const count = operands.length;
  let copied = 0;
  for (let k = 0; k < count; k++) {
    const a = operands[k]!;
    resident[k] = typeof a === 'number' ? a : heap.offsetOf(a);
    if (resident[k]! < 0) copied++;
  }
  if (copied === 0) {
    for (let k = 0; k < count; k++) offsets[k] = resident[k]!;
    kernel(offsets, n);
    return;
  }
  // With kernel threads, large arrays are copied beside the kernels instead of between them.
  if (runPipelined(heap, kernels()!, like, n, operands, resident, written, kernel)) return;
  const size = like.BYTES_PER_ELEMENT;
  const chunk = SLOT_BYTES / size;
  const scratch = heap.scratch(like);
  // Each copied operand's chunk at the colour farthest from the arrays placed so far. Chunks are
  // 128 KiB apart, so the resident operands keep their colours from chunk to chunk.
  let placed = 0;
  for (let k = 0; k < count; k++) if (resident[k]! >= 0) colors[placed++] = colorOf(resident[k]!);
  for (let k = 0; k < count; k++) {
    if (resident[k]! >= 0) continue;
    const slotAt = heap.scratchAt + k * SLOT_STRIDE;
    const color = freestColor(colors, placed);
    const at = color < 0 ? slotAt : slotAt + padTo(slotAt, color);
    colors[placed++] = colorOf(at);
    slotElements[k] = (at - heap.scratchAt) / size;
  }
  // Front to back. (Last chunk first, to meet the tail the gradient check had just left in cache,
  // measured 3–7 % slower at 10⁷ and 10⁶ float32 on a Zen 4 VM with a 32 MiB L3.)
  for (let from = 0; from < n; from += chunk) {
    const m = Math.min(chunk, n - from);
    const whole = from === 0 && m === n; // then the arrays themselves, not subarrays, are copied
    for (let k = 0; k < count; k++) {
      if (resident[k]! >= 0) {
        offsets[k] = resident[k]! + from * size;
      } else {
        const a = operands[k] as FloatArray;
        scratch.set(whole ? a : a.subarray(from, from + m), slotElements[k]!);
        offsets[k] = heap.scratchAt + slotElements[k]! * size;
      }
    }
    kernel(offsets, m);
    for (let k = 0; k < count; k++) {
      if (written[k] && resident[k]! < 0) (operands[k] as FloatArray).set(chunkView(scratch, k, slotElements[k]!, m), from);
    }
  }
}
