import type { FloatArray } from '../types.js';
import { COLOR_SPAN, colorOf, freestColor, padTo } from './cache-colors.js';
import type { KernelExports } from './instance.js';
import type { KernelHeap } from './kernel-heap.js';
import { SLOTS } from './kernel-heap.js';

/**
 * Bytes of one pipelined chunk of one array, and chunks copied in but not yet back. Measured with a
 * prototype on 2 cores (float32 iRprop−): 64 KiB × 8 and 256 KiB × 4 within a few percent at 10⁷,
 * 64 KiB × 8 the best at 10⁶ (small chunks keep the worker busy sooner after the copies start).
 */
export const CHUNK_BYTES = 64 * 1024;
export const IN_FLIGHT = 8;
/** One chunk's room: its bytes, and up to 4 KiB − 64 skipped to its colour (see `cache-colors`). */
const STRIDE = CHUNK_BYTES + COLOR_SPAN;
/** Bytes from one place of the ring to the next: room for a chunk of each of up to SLOTS arrays. */
export const PLACE_BYTES = SLOTS * STRIDE;
/** The ring: IN_FLIGHT places. */
const RING_BYTES = IN_FLIGHT * PLACE_BYTES;

/** The ring's byte offset in the memory (reserved at the first pipeline, kept), and views of it. */
const ring = { heap: null as KernelHeap | null, at: -1, buffer: null as ArrayBufferLike | null, f32: null as Float32Array | null, f64: null as Float64Array | null };

/**
 * The byte offset of the ring pipelines copy chunks through (IN_FLIGHT places, PLACE_BYTES apart),
 * reserved the first time; −1 if the memory has no room for it. Only with kernel threads, whose
 * memory is shared: growing it then detaches no view.
 */
export function pipelineRing(heap: KernelHeap): number {
  if (ring.heap !== heap) {
    const at = heap.allocate(RING_BYTES);
    if (at < 0) return -1;
    Object.assign(ring, { heap, at, buffer: null });
  }
  return ring.at;
}

/** The whole ring as an array of `like`'s type (cached while the memory's buffer is the same). */
export function ringView(heap: KernelHeap, like: FloatArray): FloatArray {
  if (ring.buffer !== heap.buffer) {
    ring.buffer = heap.buffer;
    ring.f32 = ring.f64 = null;
  }
  if (like instanceof Float32Array) return (ring.f32 ??= new Float32Array(heap.buffer, ring.at, RING_BYTES / 4));
  return (ring.f64 ??= new Float64Array(heap.buffer, ring.at, RING_BYTES / 8));
}

/**
 * `runInKernelMemory` with kernel threads (`rprop/threads`): copies ordinary arrays through the
 * memory in a pipeline, this thread copying chunks in and back while a worker runs their kernels
 * (see `KernelThreadPool.pipeline`). `resident[k]` is operand k's byte offset where it lives in the
 * memory, else −1. Returns false, having done nothing, where it does not apply: no worker, arrays
 * below `minPipelineBytes`, a single chunk, or no room for the ring. Same bits as one thread: every
 * chunk runs the same kernel call on the same values, whichever thread runs it.
 */
export function runPipelined(
  heap: KernelHeap, k: KernelExports, like: FloatArray, n: number, operands: readonly (FloatArray | number)[],
  resident: readonly number[], written: readonly boolean[], kernel: (offsets: readonly number[], m: number) => void,
): boolean {
  const size = like.BYTES_PER_ELEMENT;
  const chunk = CHUNK_BYTES / size;
  const chunks = Math.ceil(n / chunk);
  if (k.pipeline === undefined || chunks < 2 || !k.pipelines!(n * size)) return false;
  if (pipelineRing(heap) < 0) return false;
  const view = ringView(heap, like);
  const count = operands.length;
  // Each copied operand's chunks at the colour farthest from the others' (chunks are a multiple of
  // 4 KiB apart, so the resident operands keep their colours from chunk to chunk).
  const colors: number[] = [];
  for (let i = 0; i < count; i++) if (resident[i]! >= 0) colors.push(colorOf(resident[i]!));
  const slot: number[] = []; // operand i's element index in ring place 0 (place r: + r·SLOTS·STRIDE/size)
  for (let i = 0; i < count; i++) {
    if (resident[i]! >= 0) continue;
    const base = ring.at + i * STRIDE;
    const color = freestColor(colors);
    const at = color < 0 ? base : base + padTo(base, color);
    colors.push(colorOf(at));
    slot[i] = (at - ring.at) / size;
  }
  const place = PLACE_BYTES / size;
  const offsets: number[] = [];
  const copyIn = (c: number): void => {
    const from = c * chunk;
    const m = Math.min(chunk, n - from);
    const r = (c % IN_FLIGHT) * place;
    for (let i = 0; i < count; i++) {
      if (resident[i]! >= 0) {
        offsets[i] = resident[i]! + from * size;
      } else {
        view.set((operands[i] as FloatArray).subarray(from, from + m), slot[i]! + r);
        offsets[i] = ring.at + (slot[i]! + r) * size;
      }
    }
    kernel(offsets, m);
  };
  const copyBack = (c: number): void => {
    const from = c * chunk;
    const m = Math.min(chunk, n - from);
    const r = (c % IN_FLIGHT) * place;
    for (let i = 0; i < count; i++) {
      if (written[i] && resident[i]! < 0) (operands[i] as FloatArray).set(view.subarray(slot[i]! + r, slot[i]! + r + m), from);
    }
  };
  k.pipeline(chunks, IN_FLIGHT, copyIn, copyBack);
  return true;
}
