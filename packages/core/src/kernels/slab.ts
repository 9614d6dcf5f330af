import { checkColor, padTo } from './cache-colors.js';
import type { KernelHeap } from './kernel-heap.js';

/** Cache-line alignment, as the heap's. */
const ALIGN = 64;
/** A first slab's bytes; each next one is twice as large, up to MAX_SLAB. */
const FIRST_SLAB = 256 * 1024;
const MAX_SLAB = 16 * 2 ** 20;

/**
 * Hands out memory for one kind of array — allocated parameters' values, or their gradients — from
 * slabs of the kernels' memory, so that arrays allocated one after another lie one after another.
 *
 * Why: a step over many tensors calls the kernel once per tensor, and each call streams w, g, gp and
 * Δ. When tensor t + 1's w starts where tensor t's ended, the hardware prefetchers carry on from one
 * call to the next; with every tensor's w and g allocated side by side (w₀ g₀ w₁ g₁ …) each call
 * starts its streams afresh. The raw kernel over 200 tensors of 5000 float32 took 0.52 ns per
 * parameter with w and g interleaved, 0.45 with each kind contiguous — as fast as one call over all
 * 10⁶ (measured 2026-11-26). A whole zero-copy step gains less, the rest of its per-tensor cost
 * being elsewhere: 0.95× (median of eight runs, 0.76–1.11: within this machine's noise) at
 * 200 × 5000. An optimizer's state is laid out the same way already (see `Rprop.initStates`).
 *
 * Allocated parameters are never freed (see `ResidentParameter`), so a slab never is either; the rest
 * of a slab that a larger array does not fit in goes back to the heap for other uses.
 */
export class Slab {
  private at = 0;
  private end = 0;
  private next = FIRST_SLAB;

  constructor(private readonly heap: KernelHeap) {}

  /**
   * `bytes` of memory, 64-byte aligned, after the last array of this kind — with a `color` (see
   * `cache-colors`), at the next offset of that colour, the bytes skipped going back to the heap;
   * its offset, or −1 if the memory is full.
   */
  allocate(bytes: number, color = -1): number {
    checkColor('Slab.allocate', color);
    const need = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    const skip = color < 0 ? 0 : padTo(this.at, color);
    if (this.end - this.at < skip + need) {
      if (this.end > this.at) this.heap.release(this.at, this.end - this.at);
      this.at = this.end = 0;
      const size = Math.max(need, this.next);
      // Near the memory's end a whole slab may not fit where the array alone does.
      let at = this.heap.allocate(size, color);
      let got = size;
      if (at < 0 && size > need) [at, got] = [this.heap.allocate(need, color), need];
      if (at < 0) return -1;
      this.next = Math.min(2 * this.next, MAX_SLAB);
      [this.at, this.end] = [at, at + got];
    } else if (skip > 0) {
      this.heap.release(this.at, skip);
      this.at += skip;
    }
    const at = this.at;
    this.at += need;
    return at;
  }
}

/** Per heap (one per memory), the slabs of allocated parameters' values and gradients. */
const slabs = new WeakMap<KernelHeap, { values: Slab; gradients: Slab }>();

/** The slabs that allocated parameters' values and gradients come from, in `heap`. */
export function parameterSlabs(heap: KernelHeap): { values: Slab; gradients: Slab } {
  let s = slabs.get(heap);
  if (s === undefined) slabs.set(heap, (s = { values: new Slab(heap), gradients: new Slab(heap) }));
  return s;
}
