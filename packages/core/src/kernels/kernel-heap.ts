import type { FloatArray } from '../types.js';
import { kernels, type KernelExports } from './instance.js';

const PAGE = 65536;
const ALIGN = 16;

/**
 * A bump allocator over the kernels' WebAssembly memory. Growing the memory detaches every view of
 * the old buffer, so nothing here keeps a view: callers hold byte offsets and ask for fresh views
 * (`view`), which is what resident parameters' getters do.
 */
export class KernelHeap {
  private top: number;
  /**
   * Byte offset of the region user arrays are copied through. Reserved once, at the start, so that a
   * step never grows the memory (which would detach the views it is working with).
   */
  readonly scratchAt: number;

  constructor(private readonly k: KernelExports, readonly scratchBytes: number) {
    this.top = Math.ceil(k.heapBase() / ALIGN) * ALIGN;
    this.scratchAt = this.allocate(scratchBytes);
  }

  /** The memory's current buffer (it changes when the memory grows). */
  get buffer(): ArrayBuffer {
    return this.k.memory.buffer;
  }

  /** `bytes` of memory, 16-byte aligned, kept for the life of the module. Returns its byte offset. */
  allocate(bytes: number): number {
    const at = this.top;
    const end = at + Math.ceil(bytes / ALIGN) * ALIGN;
    const have = this.k.memory.buffer.byteLength;
    if (end > have) this.k.memory.grow(Math.ceil((end - have) / PAGE));
    this.top = end;
    return at;
  }

  /** A view of `length` elements at byte offset `at`, of the type of `like`. */
  view<A extends FloatArray>(like: A, at: number, length: number): A {
    const Ctor = like.constructor as new (b: ArrayBuffer, o: number, n: number) => A;
    return new Ctor(this.k.memory.buffer, at, length);
  }

  /** The byte offset of `a` if it lives in this memory, else −1. */
  offsetOf(a: FloatArray): number {
    return a.buffer === this.k.memory.buffer ? a.byteOffset : -1;
  }
}

let heap: KernelHeap | undefined;

/** Elements of each buffer in one chunk of the copy path (see rprop-kernel.ts). */
export const CHUNK = 8192;
/** Buffers copied per chunk at most: w, g, prev, step and dw. */
const SLOTS = 5;

/** The heap of the kernels' memory, or null where the kernels are unavailable. */
export function kernelHeap(): KernelHeap | null {
  const k = kernels();
  if (k === null) return null;
  // One heap for the life of the module: a second would hand out memory the first already gave.
  heap ??= new KernelHeap(k, SLOTS * CHUNK * Float64Array.BYTES_PER_ELEMENT);
  return heap;
}
