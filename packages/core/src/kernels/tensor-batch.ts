import type { FloatArray } from '../types.js';
import { freestColor, padTo } from './cache-colors.js';
import { runInKernelMemory, type Operand } from './copy-through.js';
import { kernels } from './instance.js';
import { kernelHeap, SLOT_BYTES } from './kernel-heap.js';

/**
 * A kernel run on one tensor: `offsets[0]` is where w is (in place, or a scratch slot holding its
 * copy), `offsets[1…]` the tensor's other operands (gradient, state), all byte offsets in the
 * kernels' memory; `m` elements of float32 or float64.
 */
export type BatchKernel = (offsets: readonly number[], m: number, float32: boolean) => void;

/** The colours of a call's operands (reused). */
const colors: number[] = [];

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
    for (let t = 0; t < count; t++) {
      const n = this.lengths[t]!;
      const f32 = this.float32[t]!;
      const w = this.arrays[t]!;
      if (w === null && deferred) continue;
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
