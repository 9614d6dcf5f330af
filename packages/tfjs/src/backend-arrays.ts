import * as tf from '@tensorflow/tfjs-core';

/**
 * Direct access to tensors' float32 storage on the backends that keep it in reach of JavaScript:
 * `cpu` (a typed array per tensor) and `wasm` (views of the Emscripten heap). Elsewhere (webgl,
 * webgpu) there is none, and the optimizers fall back to composed tf ops.
 */
export interface BackendArrays {
  /** The tensor's values, for reading only (another tensor may share them). */
  read(t: tf.Tensor): Float32Array;
  /**
   * The variable's values, safe to update in place: if anything else might see them (a tensor made
   * from a user's array, a clone, the tensors a loader passed to setWeights; on `cpu`, an array that
   * dataSync() returned), the variable is first given a private copy.
   */
  writable(v: tf.Variable): Float32Array;
  /**
   * Prepares a model variable for an update (call before taking any view): on `wasm` it gets fresh
   * storage every step, because the backend's XNNPACK matrix multiply caches weights packed by
   * tensor, so values changed in place would go unseen by the next forward pass.
   */
  prepareModelVariable(v: tf.Variable): void;
}

interface CpuBackend {
  data: { get(dataId: object): { values?: Float32Array } };
  refCount(dataId: object): number;
}

interface WasmBackend {
  /** A tensor's record; getting it moves the tensor from another backend (allocating on the heap). */
  dataIdMap: { get(dataId: object): unknown };
  typedArrayFromHeap(t: { shape: number[]; dtype: string; dataId: object }): Float32Array;
  refCount(dataId: object): number;
}

/** dataIds this package created for its own variables; nothing else holds their storage (on `wasm`). */
const owned = new WeakSet<object>();

function makeWritable(v: tf.Variable, read: (t: tf.Tensor) => Float32Array, refCount: (id: object) => number, privateIds: WeakSet<object>, fresh = false): void {
  if (!fresh && privateIds.has(v.dataId) && refCount(v.dataId) === 1) return;
  const copy = tf.tensor(read(v).slice(), v.shape, 'float32');
  v.assign(copy);
  copy.dispose();
  privateIds.add(v.dataId);
}

/** Arrays over a backend's own `read` and `refCount`; `privateIds`: the dataIds known to be private. */
function arraysOf(read: (t: tf.Tensor) => Float32Array, refCount: (id: object) => number, privateIds: WeakSet<object>, freshModelVariables: boolean): BackendArrays {
  return {
    read,
    writable(v) {
      makeWritable(v, read, refCount, privateIds);
      return read(v);
    },
    prepareModelVariable(v) {
      makeWritable(v, read, refCount, privateIds, freshModelVariables);
    },
  };
}

/** The current backend's arrays, or null where tensors' storage is not reachable from JavaScript. */
export function backendArrays(): BackendArrays | null {
  const name = tf.getBackend();
  if (name === 'cpu') {
    const backend = tf.backend() as unknown as CpuBackend;
    const read = (t: tf.Tensor) => {
      const values = backend.data.get(t.dataId).values;
      if (!(values instanceof Float32Array)) throw new TypeError(`rprop-tfjs: expected float32 values, got ${t.dtype}`);
      return values;
    };
    // The cpu backend hands its arrays out unseen by refCount: dataSync() and data() return them, and
    // tf.tensor(array) keeps the array it is given. So storage is known private only within the step
    // that made it (a set per call): a snapshot taken between steps must not change with the next one.
    return arraysOf(read, (id) => backend.refCount(id), new WeakSet(), false);
  }
  if (name === 'wasm') {
    const backend = tf.backend() as unknown as WasmBackend;
    const read = (t: tf.Tensor) => {
      // Move the tensor here first (state kept from training on cpu): typedArrayFromHeap takes the
      // heap's buffer before it moves the tensor, and a move that grows the heap detaches that buffer.
      backend.dataIdMap.get(t.dataId);
      return backend.typedArrayFromHeap(t);
    };
    // Fresh storage for model variables every step: XNNPACK caches their packed weights per tensor.
    // (Its dataSync() and data() copy from the heap, so what this package made stays private.)
    return arraysOf(read, (id) => backend.refCount(id), owned, true);
  }
  return null;
}

/**
 * Makes `v` a variable whose storage this package owns, so later in-place updates on `wasm` are safe
 * (on `cpu` nothing stays private from step to step). Used for slot variables the optimizer makes itself.
 */
export function markOwned(v: tf.Variable): tf.Variable {
  owned.add(v.dataId);
  return v;
}
