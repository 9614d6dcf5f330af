import { rpropConstantsFor, type RpropConstants } from '../rules/rprop-constants.js';
import type { FloatArray, Variant } from '../types.js';
import { kernels } from './instance.js';
import { kernelHeap, SLOT_BYTES } from './kernel-heap.js';
import { revertsFlips, rpropKernelRun, VARIANT_CODE } from './rprop-kernel.js';

const F32 = new Float32Array(0);
const F64 = new Float64Array(0);

/**
 * The parameters of one group that a step updates with the kernels, their gradient and state being in
 * the kernels' memory (staged or resident): gathered by `Rprop.updateGroup`, then run in one tight loop.
 *
 * Why: over many small tensors the per-tensor path (`update` → `rpropKernelRun` → `runInKernelMemory`)
 * costs ≈0.4 µs of JavaScript per tensor: a quarter of a step at 2000 × 500 float32 (A/B: this loop
 * takes 0.75 of the time), and for resident parameters more, ≈1–2 µs. Here a resident parameter costs
 * a kernel call; an ordinary one that fits a scratch slot a copy in, the call and a copy out; larger
 * ones take the chunked path. The options become constants once per group. Reused from step to step.
 */
export class RpropBatch {
  /** Per tensor: the parameter's array when it is an ordinary one (null when resident: a view can detach). */
  private readonly arrays: Array<FloatArray | null> = [];
  /** Per tensor: length, whether float32, and byte offsets of w (−1 if ordinary), g, gp, Δ and dw. */
  private readonly lengths: number[] = [];
  private readonly float32: boolean[] = [];
  private readonly offsets: number[] = [];
  private count = 0;
  /** The last view of the scratch slot's head, and the scratch array it views (reused for equal lengths). */
  private head: FloatArray | null = null;
  private headOf: FloatArray | null = null;

  /**
   * Adds a tensor: `param`, and where it lives in the kernels' memory (`paramAt`, or −1 if it is an
   * ordinary array); the gradient and state offsets must be ≥ 0 (`dwAt` is read by the + variants only).
   */
  add(param: FloatArray, paramAt: number, gradAt: number, prevAt: number, stepAt: number, dwAt: number): void {
    const t = this.count++;
    this.arrays[t] = paramAt >= 0 ? null : param;
    this.lengths[t] = param.length;
    this.float32[t] = param instanceof Float32Array;
    const o = this.offsets;
    o[5 * t] = paramAt;
    o[5 * t + 1] = gradAt;
    o[5 * t + 2] = prevAt;
    o[5 * t + 3] = stepAt;
    o[5 * t + 4] = dwAt;
  }

  /**
   * Steps every tensor added since the last run with the group's options, then empties the batch.
   * The kernels must be available (the offsets came from their memory).
   */
  run(variant: Variant, etas: readonly [number, number], stepSizes: readonly [number, number], maximize: boolean, lossIncreased: boolean): void {
    const count = this.count;
    this.count = 0;
    if (count === 0) return;
    const k = kernels()!;
    const heap = kernelHeap()!;
    const code = VARIANT_CODE[variant];
    const plus = code >= 2;
    const revert = revertsFlips(variant, lossIncreased);
    let c32: RpropConstants | null = null;
    let c64: RpropConstants | null = null;
    const o = this.offsets;
    for (let t = 0; t < count; t++) {
      const f32 = this.float32[t]!;
      const c = f32 ? (c32 ??= rpropConstantsFor(F32, etas, stepSizes, maximize)) : (c64 ??= rpropConstantsFor(F64, etas, stepSizes, maximize));
      const run = f32 ? k.rpropF32 : k.rpropF64;
      const n = this.lengths[t]!;
      const w = this.arrays[t]!;
      const dw = plus ? o[5 * t + 4]! : 0;
      if (w === null) {
        run(code, o[5 * t]!, o[5 * t + 1]!, o[5 * t + 2]!, o[5 * t + 3]!, dw, n, c.etaMinus, c.etaPlus, c.stepMin, c.stepMax, c.maximize, revert);
      } else if (n * w.BYTES_PER_ELEMENT > SLOT_BYTES) {
        rpropKernelRun(variant, w, o[5 * t + 1]!, o[5 * t + 2]!, o[5 * t + 3]!, plus ? dw : undefined, c, lossIncreased);
      } else {
        const scratch = heap.scratch(w);
        scratch.set(w, 0);
        run(code, heap.scratchAt, o[5 * t + 1]!, o[5 * t + 2]!, o[5 * t + 3]!, dw, n, c.etaMinus, c.etaPlus, c.stepMin, c.stepMax, c.maximize, revert);
        w.set(this.headOf === scratch && this.head!.length === n ? this.head! : this.viewHead(scratch, n));
      }
      this.arrays[t] = null; // hold no caller's array past the step
    }
  }

  private viewHead(scratch: FloatArray, n: number): FloatArray {
    this.headOf = scratch;
    return (this.head = scratch.subarray(0, n));
  }
}
