import type { FloatArray } from '../types.js';
import { freestColor, padTo } from './cache-colors.js';
import { runInKernelMemory, type Operand } from './copy-through.js';
import { kernels, type KernelExports } from './instance.js';
import { kernelHeap, SLOT_BYTES, type KernelHeap } from './kernel-heap.js';
import { CHUNK_BYTES, IN_FLIGHT, PLACE_BYTES, pipelineRing, ringView } from './pipelined-copy-through.js';

/**
 * A kernel run on one tensor: `offsets[0]` is where w is (in place, or a scratch slot holding its
 * copy), `offsets[1…]` the tensor's other operands (gradient, state), all byte offsets in the
 * kernels' memory; `m` elements of float32 or float64.
 */
export type BatchKernel = (offsets: readonly number[], m: number, float32: boolean) => void;

/** The colours of a call's operands (reused). */
const colors: number[] = [];

/**
 * Ordinary tensors smaller than this stay out of a pipeline (they are stepped on the calling thread
 * after it): a chunk's hand-over costs about what stepping 2 KB does. Measured on 2 cores (float32,
 * the plain step on two threads over one, in turns): 2000 tensors of 500 weights 0.93–1.02×,
 * 1000 of 1000 1.17×, 200 of 5000 1.12–1.38×.
 */
const MIN_PIPELINED_TENSOR_BYTES = 4096;

/** Written operands of the chunked path: only w is ever an ordinary array here. */
const W_ONLY = [true, false, false, false, false];

/**
 * The tensors of one parameter group whose gradient and state are all in the kernels' memory (a
 * staged gradient, or a resident parameter's own), gathered by `Optimizer.updateGroupBatched` and
 * then stepped in one tight loop by `run`.
 *
 * Why: over many small tensors the per-tensor path (`update` → kernel wrapper → `runInKernelMemory`)
 * costs ≈0.4 µs of JavaScript per tensor — up to a quarter of an Rprop step at 2000 × 500 float32
 * (A/B: this loop takes 0.75–0.87 of the time) — and more where it reaches state through views. Here a resident
 * parameter costs a kernel call, an ordinary one that fits a scratch slot a copy in, the call and a
 * copy out, and larger ones take the chunked path. Reused from step to step.
 */
export class TensorBatch {
  /** Per tensor: the parameter's array if it is an ordinary one (null when resident: its view can detach). */
  private readonly arrays: Array<FloatArray | null> = [];
  private readonly lengths: number[] = [];
  private readonly float32: boolean[] = [];
  /** Per tensor, 1 + width byte offsets: w (−1 if ordinary), then the operands. */
  private readonly offsets: number[] = [];
  /** The current tensor's offsets, as the kernel takes them. */
  private readonly call: number[];
  private readonly operands: Operand[];
  private count = 0;
  /**
   * Views of w's copies in the scratch region, by where they start (one per 64-byte line of its
   * first 4 KiB), and the scratch array they view: same-size tensors reuse them every step, where a
   * fresh view per tensor showed in profiles.
   */
  private readonly views: Array<FloatArray | undefined> = [];
  private viewsOf: FloatArray | null = null;

  /** `width`: the operands per tensor besides w (at most 4). */
  constructor(private readonly width: number) {
    this.call = new Array<number>(width + 1).fill(0);
    this.operands = new Array<Operand>(width + 1).fill(0);
  }

  /**
   * Adds `param`, at byte offset `paramAt` in the kernels' memory or −1 if it is an ordinary array,
   * with the offsets of its operands (those past `width` are ignored).
   */
  add(param: FloatArray, paramAt: number, a: number, b = 0, c = 0, d = 0): void {
    const t = this.count++;
    this.arrays[t] = paramAt >= 0 ? null : param;
    this.lengths[t] = param.length;
    this.float32[t] = param instanceof Float32Array;
    const at = (this.width + 1) * t;
    const o = this.offsets;
    o[at] = paramAt;
    o[at + 1] = a;
    if (this.width > 1) o[at + 2] = b;
    if (this.width > 2) o[at + 3] = c;
    if (this.width > 3) o[at + 4] = d;
  }

  /** Runs `kernel` on every tensor added since the last run, then empties the batch. */
  run(kernel: BatchKernel): void {
    const count = this.count;
    this.count = 0;
    if (count === 0) return;
    const heap = kernelHeap()!;
    const stride = this.width + 1;
    const o = this.offsets;
    const call = this.call;
    // With kernel threads, the resident tensors' calls (all their buffers stay put) are recorded
    // first and then shared out across the threads, whole tensors at a time; the others follow here.
    const exports = kernels()!;
    const deferred = exports.runDeferred !== undefined;
    if (deferred) {
      exports.deferCalls!();
      try {
        for (let t = 0; t < count; t++) {
          if (this.arrays[t] !== null) continue;
          for (let j = 0; j < stride; j++) call[j] = o[stride * t + j]!;
          kernel(call, this.lengths[t]!, this.float32[t]!);
        }
      } finally {
        exports.runDeferred!();
      }
    }
    // With kernel threads, the ordinary tensors' copies in and out run beside the kernels: all of them
    // as one pipeline, so that many tensors too small to pipeline one by one take part.
    if (exports.pipelines !== undefined) this.pipelineOrdinary(heap, exports, count, kernel);
    for (let t = 0; t < count; t++) {
      const n = this.lengths[t]!;
      const f32 = this.float32[t]!;
      const w = this.arrays[t]!;
      if (w === null && (deferred || this.offsets[(this.width + 1) * t]! < 0)) continue; // resident and run, or pipelined
      for (let k = 1; k < stride; k++) call[k] = o[stride * t + k]!;
      if (w === null) {
        call[0] = o[stride * t]!;
        kernel(call, n, f32);
        continue;
      }
      this.arrays[t] = null; // hold no caller's array past the step
      if (n * w.BYTES_PER_ELEMENT > SLOT_BYTES) {
        const operands = this.operands;
        operands[0] = w;
        for (let k = 1; k < stride; k++) operands[k] = call[k]!;
        runInKernelMemory(heap, w, n, operands, W_ONLY, (offsets, m) => kernel(offsets, m, f32));
        operands[0] = 0;
        continue;
      }
      // w's copy at the colour farthest from its operands' (see `cache-colors`). Offset 0 is no
      // operand: it stands for state the kernel does not read.
      let placed = 0;
      for (let k = 1; k < stride; k++) if (call[k]! > 0) colors[placed++] = call[k]!;
      const color = freestColor(colors, placed);
      const at = color < 0 ? heap.scratchAt : heap.scratchAt + padTo(heap.scratchAt, color);
      const first = (at - heap.scratchAt) / w.BYTES_PER_ELEMENT;
      const scratch = heap.scratch(w);
      scratch.set(w, first);
      call[0] = at;
      kernel(call, n, f32);
      w.set(this.copyView(scratch, first, n));
    }
  }

  /**
   * Runs `kernel` on the batch's ordinary tensors (of the first `count`) as one pipeline (see
   * `KernelThreadPool.pipeline`): each tensor cut into chunks of CHUNK_BYTES, each chunk of w copied
   * into a place of the ring at the colour farthest from its operands', its call recorded, and copied
   * back once run. Does nothing where the pool would not pipeline them (too few bytes in all, or a
   * single chunk); else the tensors are done and their arrays let go.
   */
  private pipelineOrdinary(heap: KernelHeap, exports: KernelExports, count: number, kernel: BatchKernel): void {
    const members: number[] = []; // the ordinary tensors the pipeline takes
    let bytes = 0;
    let chunks = 0;
    for (let t = 0; t < count; t++) {
      const w = this.arrays[t];
      if (w === null || w === undefined || w.byteLength < MIN_PIPELINED_TENSOR_BYTES) continue;
      members.push(t);
      bytes += w.byteLength;
      chunks += Math.ceil(w.byteLength / CHUNK_BYTES);
    }
    if (chunks < 2 || !exports.pipelines!(bytes)) return;
    const ringAt = pipelineRing(heap);
    if (ringAt < 0) return;
    // Chunk c: tensor chunkTensor[c] from element chunkFrom[c]; where its w went, by ring place.
    const chunkTensor = new Int32Array(chunks);
    const chunkFrom = new Float64Array(chunks);
    const placedAt: number[] = new Array<number>(IN_FLIGHT).fill(0);
    let c = 0;
    for (const t of members) {
      const w = this.arrays[t]!;
      const per = CHUNK_BYTES / w.BYTES_PER_ELEMENT;
      for (let from = 0; from < w.length; from += per, c++) {
        chunkTensor[c] = t;
        chunkFrom[c] = from;
      }
    }
    const stride = this.width + 1;
    const o = this.offsets;
    const call = this.call;
    /** Chunk c's tensor, its w, first element and length (in `span`, reused). */
    const span = { t: 0, w: null as unknown as FloatArray, from: 0, m: 0 };
    const chunkSpan = (c: number): typeof span => {
      span.t = chunkTensor[c]!;
      span.w = this.arrays[span.t]!;
      span.from = chunkFrom[c]!;
      span.m = Math.min(CHUNK_BYTES / span.w.BYTES_PER_ELEMENT, span.w.length - span.from);
      return span;
    };
    const copyIn = (c: number): void => {
      const { t, w, from, m } = chunkSpan(c);
      const size = w.BYTES_PER_ELEMENT;
      let placed = 0;
      for (let k = 1; k < stride; k++) {
        const at = o[stride * t + k]!;
        call[k] = at > 0 ? at + from * size : 0; // 0: state the kernel does not read
        if (at > 0) colors[placed++] = call[k]!;
      }
      const place = ringAt + (c % IN_FLIGHT) * PLACE_BYTES;
      const color = freestColor(colors, placed);
      const at = color < 0 ? place : place + padTo(place, color);
      placedAt[c % IN_FLIGHT] = at;
      ringView(heap, w).set(w.subarray(from, from + m), (at - ringAt) / size);
      call[0] = at;
      kernel(call, m, this.float32[t]!);
    };
    const copyBack = (c: number): void => {
      const { w, from, m } = chunkSpan(c);
      const size = w.BYTES_PER_ELEMENT;
      const first = (placedAt[c % IN_FLIGHT]! - ringAt) / size;
      w.set(ringView(heap, w).subarray(first, first + m), from);
    };
    try {
      exports.pipeline!(chunks, IN_FLIGHT, copyIn, copyBack);
    } catch (error) {
      // None is run again below, and no caller's array is held past the step.
      this.arrays.fill(null, 0, count);
      throw error;
    }
    // Done: the loop in `run` skips them (the smaller ones are its to do).
    for (const t of members) this.arrays[t] = null;
  }

  /** `scratch[first, first + n)`: the view made for that place last time, while it still fits. */
  private copyView(scratch: FloatArray, first: number, n: number): FloatArray {
    if (this.viewsOf !== scratch) {
      this.viewsOf = scratch; // a new memory or element type: every view is stale
      this.views.length = 0;
    }
    const slot = (first * scratch.BYTES_PER_ELEMENT) >> 6; // < 64: a copy starts within 4 KiB of the region
    const view = this.views[slot];
    if (view !== undefined && view.length === n) return view;
    return (this.views[slot] = scratch.subarray(first, first + n));
  }
}
