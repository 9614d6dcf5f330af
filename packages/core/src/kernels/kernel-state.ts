import type { FloatArray } from '../types.js';
import { kernelHeap } from './kernel-heap.js';
import { residentArray } from './resident.js';

/**
 * An optimizer's state buffers for one parameter (`length` zeros each, of `like`'s type), made in the
 * kernels' memory when the kernels run: a step then copies only the parameter and its gradient
 * through that memory (or nothing, for a resident parameter), not the state, which is most of the
 * traffic. Elsewhere (no WebAssembly SIMD, kernels turned off, memory full) they are plain arrays.
 *
 * The buffers are enumerable getters that re-view the memory after it grew, so `stateDict`,
 * `loadStateDict` and the reference rules see ordinary typed arrays. Their memory is given back once
 * the returned record is garbage collected: only the optimizer holds it, and it never lends the views
 * out (`stateDict` copies).
 */
export function optimizerState(like: FloatArray, names: readonly string[]): Record<string, FloatArray> {
  const state: Record<string, FloatArray> = {};
  // Read the length once: an allocation may grow the memory and detach `like` if it lives there.
  const length = like.length;
  for (const name of names) addStateBuffer(state, name, like, length);
  return state;
}

/** Adds one more state buffer `name` (see `optimizerState`). */
export function addStateBuffer(state: Record<string, FloatArray>, name: string, like: FloatArray, length = like.length): void {
  const heap = kernelHeap();
  const array = heap === null || length === 0 ? null : residentArray(heap, like, length);
  if (array === null) {
    state[name] = new (like.constructor as Float64ArrayConstructor)(length);
    return;
  }
  heap!.releaseWith(state, array.at, length * like.BYTES_PER_ELEMENT);
  Object.defineProperty(state, name, { enumerable: true, configurable: true, get: () => array.view });
}
