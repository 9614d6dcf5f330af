import { describe } from '../errors.js';
import { isFloatArray } from '../optimizers/float-arrays.js';
import type { FloatArray } from '../types.js';
import { colorsApart, freestColor } from './cache-colors.js';
import { kernelHeap } from './kernel-heap.js';
import { residentArray, type ResidentArray } from './resident.js';

/**
 * An optimizer's state buffers for one parameter (`length` zeros each, of `like`'s type), made in the
 * kernels' memory when the kernels run: a step then copies only the parameter and its gradient
 * through that memory (or nothing, for a resident parameter), not the state, which is most of the
 * traffic. Elsewhere (no WebAssembly SIMD, kernels turned off, memory full) they are plain arrays.
 *
 * The buffers are enumerable getters that re-view the memory after it grew, so `stateDict`,
 * `loadStateDict` and the reference rules see ordinary typed arrays. Their memory is given back when
 * `loadStateDict` replaces the record (`releaseOptimizerState`), else once the record is garbage
 * collected: only the optimizer holds it, and it never lends the views out (`stateDict` copies).
 */
export function optimizerState(like: FloatArray, names: readonly string[]): Record<string, FloatArray> {
  // Checked, as it is exported: an Int32Array `like` made Int32Array state, names that were a string
  // made a buffer per character, and null failed with "Cannot read properties of null".
  if (!isFloatArray(like)) throw new TypeError(`optimizerState: like must be a Float32Array or Float64Array, got ${describe(like)}`);
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    throw new TypeError(`optimizerState: names must be an array of strings, got ${describe(names)}`);
  }
  return stateAvoiding(like, names, NONE);
}

const NONE: readonly number[] = [];

/**
 * `optimizerState`, its buffers at colours apart from the byte offsets in `avoid` (the parameter's
 * values, its gradient or that gradient's staged copy, where they are in the kernels' memory) and
 * from each other: a step streams them all together (see `cache-colors`).
 */
export function stateAvoiding(like: FloatArray, names: readonly string[], avoid: readonly number[]): Record<string, FloatArray> {
  const state: Record<string, FloatArray> = {};
  // Read the length once: an allocation may grow the memory and detach `like` if it lives there.
  const length = like.length;
  for (const name of names) addStateBuffer(state, name, like, length, avoid);
  return state;
}

/** Reused by `addStateBuffer`: the offsets a new buffer's colour keeps apart from. */
const taken: number[] = [];

/**
 * Adds one more state buffer `name` (see `optimizerState`), at a colour apart from `avoid`'s and
 * from the record's other buffers' (see `stateAvoiding`).
 */
export function addStateBuffer(state: Record<string, FloatArray>, name: string, like: FloatArray, length = like.length, avoid = NONE): void {
  const heap = kernelHeap();
  let array: ResidentArray | null = null;
  if (heap !== null && length > 0) {
    taken.length = 0;
    for (const at of avoid) if (at >= 0) taken.push(at);
    const arrays = (state as Partial<Record<typeof RESIDENT, Record<string, ResidentArray>>>)[RESIDENT];
    if (arrays !== undefined) for (const key of Object.keys(arrays)) taken.push(arrays[key]!.at);
    array = residentArray(heap, like, length, undefined, freestColor(taken));
  }
  if (array === null) {
    state[name] = new (like.constructor as Float64ArrayConstructor)(length);
    return;
  }
  heap!.releaseWith(state, array.at, length * like.BYTES_PER_ELEMENT);
  let arrays = (state as Partial<Record<typeof RESIDENT, Record<string, ResidentArray>>>)[RESIDENT];
  if (arrays === undefined) {
    arrays = {};
    Object.defineProperty(state, RESIDENT, { value: arrays });
  }
  arrays[name] = array;
  Object.defineProperty(state, name, { enumerable: true, configurable: true, get: getter(name) });
}

/** Two arrays of one call closer in colour than this are placed apart again (see `placeStateApart`). */
const MIN_APART = 512;

/**
 * Moves each buffer of `state` (a record from `stateAvoiding`) whose colour lies within 512 bytes of
 * one of `avoid`'s or of the record's other buffers to a colour apart from them all, its values
 * copied; a buffer that cannot move (the memory is full) stays. For state placed before `avoid` was
 * known — `loadStateDict` makes it before any step has staged the gradients (see `cache-colors`).
 * Offsets read from the record before (`StateOffsets`) are stale afterwards.
 */
export function placeStateApart(state: object, avoid: readonly number[]): void {
  const arrays = (state as Partial<Record<typeof RESIDENT, Record<string, ResidentArray>>>)[RESIDENT];
  const heap = kernelHeap();
  if (arrays === undefined || heap === null) return;
  const names = Object.keys(arrays);
  let moved = false;
  for (const name of names) {
    const array = arrays[name]!;
    taken.length = 0;
    for (const at of avoid) if (at >= 0) taken.push(at);
    for (const other of names) if (other !== name) taken.push(arrays[other]!.at);
    if (taken.every((at) => colorsApart(at, array.at) >= MIN_APART)) continue;
    const bytes = array.length * array.view.BYTES_PER_ELEMENT;
    const placed = residentArray(heap, array.view, array.length, undefined, freestColor(taken));
    if (placed === null) continue;
    placed.view.set(array.view); // both read afresh: the allocation may have grown the memory
    heap.release(array.at, bytes);
    arrays[name] = placed;
    moved = true;
  }
  if (!moved) return;
  // The record's memory goes back when it is collected: now the buffers it holds now.
  heap.forget(state);
  for (const name of names) heap.releaseWith(state, arrays[name]!.at, arrays[name]!.length * arrays[name]!.view.BYTES_PER_ELEMENT);
}

/**
 * Gives back now the kernels' memory of `state` (a record from `optimizerState`/`addStateBuffer`)
 * that its optimizer has dropped for good — `loadStateDict` replaced it — instead of when it is
 * garbage collected. Collection alone came too late: the callbacks run only when the event loop
 * turns, and the engine does not count WebAssembly memory as pressure, so restoring a checkpoint in
 * a training loop grew the memory (which never shrinks) by a whole state per load, measured to 3 GiB
 * in 550 loads of 2·10⁶ weights. The record's buffers can no longer be read afterwards.
 */
export function releaseOptimizerState(state: object): void {
  const arrays = (state as Partial<Record<typeof RESIDENT, Record<string, ResidentArray>>>)[RESIDENT];
  if (arrays === undefined) return;
  for (const name of Object.keys(arrays)) {
    const array = arrays[name]!;
    array.heap.forget(state);
    array.heap.release(array.at, array.length * array.view.BYTES_PER_ELEMENT);
    delete arrays[name]; // a read through the record now throws, rather than reading reused memory
  }
}

/** Where a state record keeps its resident arrays (not enumerable: `stateDict` sees only the views). */
const RESIDENT = Symbol('resident arrays');

/**
 * One getter per buffer name, shared by every state record: records with the same names then share
 * a hidden class, and a step's `state.prev` stays a monomorphic property read (a closure per record
 * made each record's shape unique, ≈0.3 µs per parameter per step).
 */
const getters = new Map<string, (this: Record<typeof RESIDENT, Record<string, ResidentArray>>) => FloatArray>();

function getter(name: string): (this: Record<typeof RESIDENT, Record<string, ResidentArray>>) => FloatArray {
  let get = getters.get(name);
  if (get === undefined) {
    get = function (this: Record<typeof RESIDENT, Record<string, ResidentArray>>) {
      return this[RESIDENT][name]!.view;
    };
    getters.set(name, get);
  }
  return get;
}

/**
 * The byte offset of state buffer `name` in the kernels' memory, or −1 if it is an ordinary array
 * (or missing). Offsets stay put when the memory grows (only views detach), so they can be cached.
 */
export function residentOffset(state: object, name: string): number {
  const arrays = (state as Partial<Record<typeof RESIDENT, Record<string, ResidentArray>>>)[RESIDENT];
  return arrays?.[name]?.at ?? -1;
}
