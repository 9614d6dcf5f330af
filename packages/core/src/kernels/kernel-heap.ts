import type { FloatArray } from '../types.js';
import { checkColor, COLOR_SPAN, padTo } from './cache-colors.js';
import { FreeList } from './free-list.js';
import { kernelMinLength, kernels, type KernelExports } from './instance.js';

const PAGE = 65536;
/** Cache-line alignment: a chunk of an array then starts on a line, as the scratch slots do. */
const ALIGN = 64;

/**
 * Bytes of one scratch slot: a chunk of one array copied through the kernels' memory. 128 KiB: a
 * chunk's slots, its staged gradient and its state stay in L2 (measured ≈3–4 % faster than 64 KiB at
 * 10⁶ and 10⁷ float32, and 16 KiB 16–34 % slower; A/B in one process).
 */
export const SLOT_BYTES = 128 * 1024;
/** Scratch slots: one per array a kernel takes (w, g, gp, Δ and dw for the + variants). */
export const SLOTS = 5;
/**
 * Bytes from one scratch slot's start to the next: a slot's chunk may start up to 4 KiB − 64 past
 * it, at the colour that keeps it apart from the call's other arrays (see `cache-colors`).
 */
export const SLOT_STRIDE = SLOT_BYTES + COLOR_SPAN;
/** Bytes of the scratch region. */
const SCRATCH_BYTES = SLOTS * SLOT_STRIDE;

/**
 * The allocator of the kernels' WebAssembly memory. Growing the memory detaches every view of the
 * old buffer, so nothing here keeps a view across an allocation: owners hold byte offsets and take
 * fresh views (`view`) when they need them, as resident arrays' getters do.
 */
export class KernelHeap {
  private top: number;
  /** memory.buffer, kept: reading it is a call into the engine, and a step asks for it many times. */
  private current: ArrayBuffer;
  private readonly free = new FreeList();
  /**
   * A shared memory's earlier buffers. Growing a shared memory detaches nothing: it hands out a new,
   * longer SharedArrayBuffer, and views of the older ones stay valid views of the same memory.
   */
  private readonly earlier = new Set<ArrayBufferLike>();
  /** The scratch region as float32 and as float64, while the memory's buffer is the same. */
  private scratch32: Float32Array | null = null;
  private scratch64: Float64Array | null = null;
  private readonly registry =
    typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry<{ at: number; bytes: number }>(({ at, bytes }) => this.release(at, bytes))
      : null;
  /**
   * Byte offset of the region of SLOTS slots (SLOT_STRIDE apart) user arrays are copied through. Reserved once, at
   * the start, so that a step never grows the memory (which would detach the views it works with).
   */
  readonly scratchAt: number;

  /** Whether the memory is shared (`rprop/threads`): then growing it detaches no views. */
  readonly shared: boolean;

  constructor(private readonly k: KernelExports) {
    this.current = k.memory.buffer;
    this.shared = typeof SharedArrayBuffer === 'function' && (this.current as ArrayBufferLike) instanceof SharedArrayBuffer;
    // From a page boundary: the scratch slots then start on one too (≈5 % faster over 2000 tensors of
    // 500 weights than at an offset of 1 KiB, measured; the cause was not pinned down).
    this.top = Math.ceil(k.heapBase() / PAGE) * PAGE;
    const at = this.allocate(SCRATCH_BYTES);
    if (at < 0) throw new RangeError('rprop: cannot reserve the kernels\' scratch memory');
    this.scratchAt = at;
  }

  /** The memory's current buffer (it changes when the memory grows). */
  get buffer(): ArrayBuffer {
    // Only `allocate` grows the memory (the kernels never do), but a detached buffer is cheap to spot.
    if (this.current.byteLength === 0) this.current = this.k.memory.buffer;
    return this.current;
  }

  /**
   * `bytes` of memory, 64-byte aligned; its byte offset, or −1 if the memory cannot grow that far
   * (WebAssembly memory ends at 4 GiB, or earlier where the engine says so). With a `color` (a
   * multiple of 64 below 4096, see `cache-colors`), at an offset of that colour where one fits (the
   * bytes skipped to reach it stay free for other arrays), else at any.
   */
  allocate(bytes: number, color = -1): number {
    checkColor('KernelHeap.allocate', color);
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    const reused = this.free.take(size, color);
    if (reused >= 0) return reused;
    const skip = color < 0 ? 0 : padTo(this.top, color);
    const at = this.top + skip;
    const have = this.buffer.byteLength;
    if (at + size > have) {
      try {
        this.k.memory.grow(Math.ceil((at + size - have) / PAGE));
      } catch {
        // Near the memory's end the bytes skipped to a colour may be what does not fit: a colour
        // is worth some speed, never an array left out of the kernels' memory.
        return color < 0 ? -1 : this.allocate(bytes);
      }
      if (this.current.byteLength > 0) this.earlier.add(this.current); // shared: still a view of this memory
      this.current = this.k.memory.buffer;
    }
    if (skip > 0) this.free.give(this.top, skip);
    this.top = at + size;
    return at;
  }

  /** Gives back memory from `allocate` (same `bytes`). Views of it must no longer be used. */
  release(at: number, bytes: number): void {
    this.free.give(at, Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN));
  }

  /**
   * Releases `[at, at + bytes)` once `owner` is garbage collected (where the engine has
   * FinalizationRegistry; elsewhere the memory stays allocated). For memory only `owner` reaches.
   */
  releaseWith(owner: object, at: number, bytes: number): void {
    this.registry?.register(owner, { at, bytes }, owner);
  }

  /** Cancels every `releaseWith(owner, …)`: its memory was given back already (never twice). */
  forget(owner: object): void {
    this.registry?.unregister(owner);
  }

  /** A view of `length` elements at byte offset `at`, of the type of `like`. */
  view<A extends FloatArray>(like: A, at: number, length: number): A {
    const Ctor = like.constructor as new (b: ArrayBuffer, o: number, n: number) => A;
    return new Ctor(this.buffer, at, length);
  }

  /** The whole scratch region as an array of `like`'s type (cached until the memory grows). */
  scratch<A extends FloatArray>(like: A): A {
    const buffer = this.buffer;
    if (like instanceof Float32Array) {
      if (this.scratch32 === null || this.scratch32.buffer !== buffer) this.scratch32 = new Float32Array(buffer, this.scratchAt, SCRATCH_BYTES / 4);
      return this.scratch32 as A;
    }
    if (this.scratch64 === null || this.scratch64.buffer !== buffer) this.scratch64 = new Float64Array(buffer, this.scratchAt, SCRATCH_BYTES / 8);
    return this.scratch64 as A;
  }

  /** The byte offset of `a` if it lives in this memory, else −1. */
  offsetOf(a: FloatArray): number {
    if (a.buffer === this.buffer) return a.byteOffset;
    return this.earlier.size > 0 && this.earlier.has(a.buffer) ? a.byteOffset : -1;
  }

  /** Bytes the allocator holds free below its top (for tests). */
  get freeBytes(): number {
    return this.free.freeBytes;
  }
}

let heap: KernelHeap | undefined;

/** Whether the kernels' memory is in use (then it can no longer be replaced: it holds state). */
export function kernelHeapMade(): boolean {
  return heap !== undefined;
}

/** The heap of the kernels' memory, or null where the kernels are unavailable (or turned off). */
export function kernelHeap(): KernelHeap | null {
  const k = kernels();
  if (k === null) return null;
  // One heap for the life of the module: a second would hand out memory the first already gave.
  heap ??= new KernelHeap(k);
  return heap;
}

/**
 * The heap when the kernels should run on `a`: available, and `a` long enough to pay for copying it
 * through their memory (`kernelMinLength`) or already living there; else null.
 */
export function kernelHeapFor(a: FloatArray): KernelHeap | null {
  const h = kernelHeap();
  if (h === null) return null;
  return a.length >= kernelMinLength() || h.offsetOf(a) >= 0 ? h : null;
}
