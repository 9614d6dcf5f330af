import { describe } from '../errors.js';
import type { FloatArray, Parameter } from '../types.js';
import { freestColor } from './cache-colors.js';
import { kernelHeap, type KernelHeap } from './kernel-heap.js';
import { parameterSlabs, type Slab } from './slab.js';

/** Element type of an allocated parameter. */
export type Dtype = 'float32' | 'float64';

const CTOR = { float32: Float32Array, float64: Float64Array } as const;

/** `ResidentParameter`'s `grad` set to its own buffer (see `override`). */
const BUFFER = Symbol('the gradient buffer');

/**
 * A typed array in the kernels' memory, re-viewed whenever the memory has grown (growth detaches
 * the old buffer and every view of it).
 */
export class ResidentArray {
  private cached: FloatArray;

  constructor(readonly heap: KernelHeap, readonly at: number, like: FloatArray, readonly length: number) {
    this.cached = heap.view(like, at, length);
  }

  get view(): FloatArray {
    // A detached view has length 0: cheaper to test than comparing buffers, and read on every step.
    // (A shared memory's views never detach; they are re-viewed when it grows, so that the optimizer
    // meets the current buffer.)
    const stale = this.length === 0 || this.heap.shared ? this.cached.buffer !== this.heap.buffer : this.cached.length !== this.length;
    if (stale) this.cached = this.heap.view(this.cached, this.at, this.length);
    return this.cached;
  }
}

/**
 * `length` zeros of `like`'s type in the kernels' memory (from `slab`, if given; at `color`, if
 * given: see `cache-colors`), or null if the memory cannot hold them.
 */
export function residentArray(heap: KernelHeap, like: FloatArray, length: number, slab?: Slab, color = -1): ResidentArray | null {
  const bytes = length * like.BYTES_PER_ELEMENT;
  const at = slab === undefined ? heap.allocate(bytes, color) : slab.allocate(bytes, color);
  if (at < 0) return null;
  const array = new ResidentArray(heap, at, like, length);
  array.view.fill(0); // reused memory holds what its last owner left
  return array;
}

function mustAllocate(heap: KernelHeap, like: FloatArray, length: number, slab: Slab, color = -1): ResidentArray {
  const array = residentArray(heap, like, length, slab, color);
  if (array === null) {
    throw new RangeError(`allocate: the kernels' WebAssembly memory cannot hold ${length} more ${like.constructor.name.replace('Array', '')} values (it ends at 4 GiB)`);
  }
  return array;
}

/**
 * `length` zeros of `dtype` as an ordinary array (no kernels' memory): a length the engine cannot
 * make threw its own "Invalid typed array length", naming neither allocate nor the length.
 */
function plainArray(dtype: Dtype, length: number): FloatArray {
  try {
    return new CTOR[dtype](length);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RangeError(`allocate: cannot make ${length} ${dtype} values (${error.message})`);
  }
}

/**
 * A parameter whose values and gradient live in the kernels' WebAssembly memory, so an optimizer
 * step updates them in place and copies nothing (the zero-copy path for large models).
 *
 * Read `data` and `grad` afresh when you use them: growing the kernels' memory detaches every view
 * of it taken before, and these getters re-view it. The memory grows when parameters are allocated,
 * when a parameter takes its first step (its optimizer state is made then, in that memory too), when
 * `loadStateDict` loads a state (made afresh, before the one it replaces is given back), when a step
 * is the first of a + variant for a group whose state was made under a − one (its dw is made then),
 * and when a step stages more ordinary-array gradients than any step before. Views taken after every
 * parameter's first step stay valid until one of those happens.
 *
 * Its memory is never given back (a view kept after the parameter was dropped would otherwise read
 * someone else's numbers): allocate a model's parameters once. Without WebAssembly SIMD it is an
 * ordinary parameter with plain arrays.
 */
export class ResidentParameter implements Parameter {
  private readonly values: ResidentArray | null;
  private readonly gradient: ResidentArray | null;
  private readonly plain: { data: FloatArray; grad: FloatArray } | null;
  /**
   * What `grad` was set to, or BUFFER for `gradBuffer`. Not undefined for the buffer: `grad = undefined`
   * (a gradient that was never computed) then read back as the buffer and a step ran on whatever it
   * held, where a plain parameter's undefined grad is refused by the step.
   */
  private override: FloatArray | null | undefined | typeof BUFFER = BUFFER;

  constructor(length: number, dtype: Dtype = 'float32', readonly name?: string) {
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`allocate: length must be an integer ≥ 0, got ${describe(length)}`);
    if (!Object.hasOwn(CTOR, dtype)) throw new TypeError(`allocate: dtype must be 'float32' or 'float64', got ${describe(dtype)}`);
    // Kept for messages: any other value was taken and shown as JSON (an object as its keys, a BigInt
    // throwing in the middle of another refusal).
    if (name !== undefined && typeof name !== 'string') throw new TypeError(`allocate: name must be a string, got ${describe(name)}`);
    const like = new CTOR[dtype](0);
    const heap = kernelHeap();
    // Values with values and gradients with gradients, each kind one after another (see `Slab`), a
    // gradient at the colour farthest from its values' (see `cache-colors`): a step streams both.
    this.values = heap === null ? null : mustAllocate(heap, like, length, parameterSlabs(heap).values);
    this.gradient = heap === null ? null : mustAllocate(heap, like, length, parameterSlabs(heap).gradients, freestColor([this.values!.at]));
    // Without WebAssembly the parameter is an ordinary one: same API, plain arrays.
    this.plain = heap === null ? { data: plainArray(dtype, length), grad: plainArray(dtype, length) } : null;
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
    return this.override === BUFFER ? this.gradBuffer : (this.override as FloatArray | null);
  }

  set grad(value: FloatArray | null) {
    this.override = value === this.gradBuffer ? BUFFER : value;
  }

  /**
   * What Node's `console.log` and `util.inspect` show: the parameter as its user sees it — name,
   * values, gradient — not the kernels' allocator behind its private fields.
   */
  [Symbol.for('nodejs.util.inspect.custom')](depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    const shown = { ...(this.name === undefined ? {} : { name: this.name }), data: this.data, grad: this.grad };
    return `ResidentParameter ${depth < 0 ? '{ … }' : inspect(shown, { ...options, depth: (options as { depth?: number | null }).depth == null ? null : depth - 1 })}`;
  }
}
