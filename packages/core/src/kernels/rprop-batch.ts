import { rpropConstantsFor, type RpropConstants } from '../rules/rprop-constants.js';
import type { FloatArray, Variant } from '../types.js';
import { kernels } from './instance.js';
import { kernelHeap, SLOT_BYTES } from './kernel-heap.js';
import { revertsFlips, rpropKernelRun, VARIANT_CODE } from './rprop-kernel.js';

/**
 * The parameters of one group that a step updates with the kernels, from their staged gradients and
 * their state in the kernels' memory: gathered by `Rprop.updateGroup`, then run in one tight loop.
 *
 * Why: over many small tensors the per-tensor path (`update` → `rpropKernelRun` → `runInKernelMemory`)
 * costs ≈0.4 µs of JavaScript per tensor, ≈9 % of a step at 200 × 5000 float32. Here a tensor that
 * fits one scratch slot costs a copy in, a kernel call and a copy out, with the options turned into
 * constants once per group. Larger tensors take the chunked path. Reused from step to step.
 */
export class RpropBatch {
  private readonly params: FloatArray[] = [];
  /** Per tensor, byte offsets in the kernels' memory: the staged gradient, gp, Δ and dw (0 if none). */
  private readonly offsets: number[] = [];
  private count = 0;
  /** The last view of the scratch slot's head, and the scratch array it views (reused for equal lengths). */
  private head: FloatArray | null = null;
  private headOf: FloatArray | null = null;

  /** Adds a tensor (all offsets ≥ 0; `dwAt` only read for the + variants). */
  add(param: FloatArray, gradAt: number, prevAt: number, stepAt: number, dwAt: number): void {
    const t = this.count++;
    this.params[t] = param;
    this.offsets[4 * t] = gradAt;
    this.offsets[4 * t + 1] = prevAt;
    this.offsets[4 * t + 2] = stepAt;
    this.offsets[4 * t + 3] = dwAt;
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
      const w = this.params[t]!;
      const f32 = w instanceof Float32Array;
      const c = f32 ? (c32 ??= rpropConstantsFor(w, etas, stepSizes, maximize)) : (c64 ??= rpropConstantsFor(w, etas, stepSizes, maximize));
      const n = w.length;
      if (n * w.BYTES_PER_ELEMENT > SLOT_BYTES) {
        rpropKernelRun(variant, w, o[4 * t]!, o[4 * t + 1]!, o[4 * t + 2]!, plus ? o[4 * t + 3]! : undefined, c, lossIncreased);
        continue;
      }
      const scratch = heap.scratch(w);
      scratch.set(w, 0);
      (f32 ? k.rpropF32 : k.rpropF64)(code, heap.scratchAt, o[4 * t]!, o[4 * t + 1]!, o[4 * t + 2]!, plus ? o[4 * t + 3]! : 0, n,
        c.etaMinus, c.etaPlus, c.stepMin, c.stepMax, c.maximize, revert);
      w.set(this.headOf === scratch && this.head!.length === n ? this.head! : this.viewHead(scratch, n));
    }
  }

  private viewHead(scratch: FloatArray, n: number): FloatArray {
    this.headOf = scratch;
    return (this.head = scratch.subarray(0, n));
  }
}
