import type { FloatArray, Parameter } from '../types.js';
import { kernelHeap, type KernelHeap } from './kernel-heap.js';

/** Element type of an allocated parameter. */
export type Dtype = 'float32' | 'float64';

const CTOR = { float32: Float32Array, float64: Float64Array } as const;

/**
 * A typed array in the kernels' memory, re-viewed whenever the memory has grown (growth detaches
 * the old buffer and every view of it).
 */
class ResidentArray {
  private cached: FloatArray;

  constructor(private readonly heap: KernelHeap, private readonly at: number, like: FloatArray, private readonly length: number) {
    this.cached = heap.view(like, at, length);
  }

  get view(): FloatArray {
    if (this.cached.buffer !== this.heap.buffer) this.cached = this.heap.view(this.cached, this.at, this.length);
    return this.cached;
  }
}

function residentArray(heap: KernelHeap, like: FloatArray, length: number): ResidentArray {
  return new ResidentArray(heap, heap.allocate(length * like.BYTES_PER_ELEMENT), like, length);
}

/**
 * A parameter whose values and gradient live in the kernels' WebAssembly memory, so an optimizer
 * step updates them in place and copies nothing (the zero-copy path for large models).
 *
 * Read `data` and `grad` afresh when you use them: allocating more memory may move them to a new
 * buffer, which detaches views taken before. Setting `grad` to null skips the parameter in the next
 * step; setting it to another array uses that array (copied through the kernels' memory).
 */
export class ResidentParameter implements Parameter {
  private readonly values: ResidentArray | null;
  private readonly gradient: ResidentArray | null;
  private readonly plain: { data: FloatArray; grad: FloatArray } | null;
  private override: FloatArray | null | undefined;

  constructor(length: number, dtype: Dtype = 'float32', readonly name?: string) {
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`allocate: length must be an integer ≥ 0, got ${length}`);
    const like = new CTOR[dtype](0);
    const heap = kernelHeap();
    this.values = heap === null ? null : residentArray(heap, like, length);
    this.gradient = heap === null ? null : residentArray(heap, like, length);
    // Without WebAssembly the parameter is an ordinary one: same API, plain arrays.
    this.plain = heap === null ? { data: new CTOR[dtype](length), grad: new CTOR[dtype](length) } : null;
  }

  /** The values (a view of the kernels' memory). */
  get data(): FloatArray {
    return this.plain?.data ?? this.values!.view;
  }

  /** The gradient buffer in the kernels' memory, whatever `grad` is set to. */
  get gradBuffer(): FloatArray {
    return this.plain?.grad ?? this.gradient!.view;
  }

  /**
   * The gradient the next step uses: `gradBuffer` (fill it in place) unless set to something else —
   * null to skip this parameter, or another array (then copied through the kernels' memory).
   * Setting it back to `gradBuffer` restores the zero-copy path.
   */
  get grad(): FloatArray | null {
    return this.override !== undefined ? this.override : this.gradBuffer;
  }

  set grad(value: FloatArray | null) {
    this.override = value === this.gradBuffer ? undefined : value;
  }
}

/**
 * The optimizer state of a resident parameter: buffers in the kernels' memory too, exposed as
 * enumerable getters so `stateDict`, `loadStateDict` and the rules see ordinary typed arrays.
 */
export function residentState(like: FloatArray, names: readonly string[]): Record<string, FloatArray> | null {
  const heap = kernelHeap();
  if (heap === null || heap.offsetOf(like) < 0) return null;
  const state: Record<string, FloatArray> = {};
  // Read the length once: each allocation may grow the memory and detach `like` (length 0 after).
  const length = like.length;
  for (const name of names) {
    const array = residentArray(heap, like, length);
    Object.defineProperty(state, name, { enumerable: true, get: () => array.view });
  }
  return state;
}
