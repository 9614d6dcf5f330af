import type { FloatArray, Parameter } from '../types.js';

/** Two arrays of a step that share memory: parameter `values`'s data and parameter `other`'s data or gradient. */
export interface ArrayOverlap {
  readonly values: number;
  readonly other: number;
  /** Whether `other`'s array is its gradient (else its values). */
  readonly gradient: boolean;
}

/** One array of a step: its byte range in its buffer, whose parameter, and whether it is that one's gradient. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly index: number;
  readonly gradient: boolean;
}

/**
 * Finds a parameter's values (`params[i].data`) that share memory with another stepping parameter's
 * values or with any gradient (`grads[i]`, checked; null: parameter i does not step), or returns null. Gradients may share memory
 * with each other: a step only reads them.
 *
 * Why: a step writes each parameter's values in turn, so a gradient (or values) overlapping them
 * would be read before the write by one path and after it by another. The kernels read a staged
 * gradient as it was when the step began and step a group's batched tensors after the others; the
 * reference rules (and PyTorch) read each gradient when its parameter is updated, in order. Such a
 * step also breaks atomicity: a gradient checked for NaN before any write could be a NaN weight by
 * the time it is read. Arrays each with their own buffer (the usual case) take one pass that
 * allocates nothing (`anyBufferTwice`).
 */
export function overlappingArrays(
  params: readonly Pick<Parameter, 'data'>[], grads: ReadonlyArray<FloatArray | null>, memo?: ApartMemo, kernelBuffer: ArrayBufferLike | null = null,
): ArrayOverlap | null {
  if (memo !== undefined && memo.buffer !== null && memo.buffer === kernelBuffer && sameArrays(memo.arrays, params, grads)) return null;
  if (memo !== undefined) memo.buffer = null;
  if (!anyBufferTwice(params, grads)) return null;
  let allInKernelMemory = kernelBuffer !== null;
  const byBuffer = new Map<ArrayBufferLike, Span[]>();
  const add = (a: FloatArray, index: number, gradient: boolean): void => {
    const buffer = a.buffer;
    if (buffer !== kernelBuffer) allInKernelMemory = false;
    if (a.length === 0) return;
    const span = { start: a.byteOffset, end: a.byteOffset + a.byteLength, index, gradient };
    const spans = byBuffer.get(buffer);
    if (spans === undefined) byBuffer.set(buffer, [span]);
    else spans.push(span);
  };
  for (let i = 0; i < grads.length; i++) {
    const g = grads[i];
    if (g === null || g === undefined) continue;
    add(params[i]!.data, i, false);
    add(g, i, true);
  }
  for (const spans of byBuffer.values()) {
    if (spans.length < 2) continue;
    const found = overlap(spans);
    if (found !== null) return found;
  }
  if (memo !== undefined && allInKernelMemory) {
    memo.buffer = kernelBuffer;
    memo.arrays.length = 2 * grads.length;
    for (let i = 0; i < grads.length; i++) {
      memo.arrays[2 * i] = params[i]!.data;
      memo.arrays[2 * i + 1] = grads[i] ?? null;
    }
  }
  return null;
}

/**
 * An optimizer's memory of its last step's arrays, when all of them were views of the kernels'
 * memory (`buffer`; null: nothing remembered) and found apart. A step with the very same arrays —
 * the same view objects, as allocated parameters' are from step to step until the memory grows — is
 * apart too: such a view's range never changes (a WebAssembly memory's buffer cannot be resized, and
 * growing it detaches the views or, shared, leaves them as they were). That skips the sweep, ≈47 µs a
 * step at 200 allocated parameters. Only views of the kernels' memory are kept, so no caller's memory
 * is held past a step.
 */
export interface ApartMemo {
  buffer: ArrayBufferLike | null;
  /** Per parameter index i: its values at 2i, its checked gradient (or null) at 2i + 1. */
  readonly arrays: Array<FloatArray | null>;
}

/** Whether the step's arrays are those `arrays` holds, object for object. */
function sameArrays(arrays: ReadonlyArray<FloatArray | null>, params: readonly Pick<Parameter, 'data'>[], grads: ReadonlyArray<FloatArray | null>): boolean {
  if (arrays.length !== 2 * grads.length) return false;
  for (let i = 0; i < grads.length; i++) {
    if (arrays[2 * i + 1] !== (grads[i] ?? null) || arrays[2 * i] !== params[i]!.data) return false;
  }
  return true;
}

/**
 * When each buffer was last seen by `anyBufferTwice` (a call count): a WeakMap, which holds no
 * caller's memory, and is never cleared (clearing and refilling a Set cost more, measured).
 */
const lastSeen = new WeakMap<ArrayBufferLike, number>();
let calls = 0;

/** Marks `buffer` seen in call `now`; whether it already was. */
function seenBefore(buffer: ArrayBufferLike, now: number): boolean {
  if (lastSeen.get(buffer) === now) return true;
  lastSeen.set(buffer, now);
  return false;
}

/**
 * Whether two of the step's arrays (non-empty) lie in one buffer. Ordinary arrays each have their own,
 * and then no overlap is possible: this pass allocates nothing and takes ≈18 µs per step at 200
 * float32 tensors of 5000 (≈1 % of such a step), where building and sorting spans for all of them took
 * ≈55 µs (measured). Allocated parameters all lie in the kernels' memory and take the sweep: ≈47 µs
 * at 200 (re-measured 2026-11-27, ≈5 % of a zero-copy step at 200 × 5000), most of it V8's typed-array
 * accessors — `buffer`, `byteOffset`, `byteLength`, ≈15 ns a call here — not the sort: spans kept in
 * flat arrays and sorted as numbers took as long. So a step with the same allocated arrays as the
 * one before skips it (`ApartMemo`): ≈5 % faster at 200 × 5000 (0.79–0.83 ns per parameter before,
 * 0.74–0.82 after, the two builds alternating).
 */
function anyBufferTwice(params: readonly Pick<Parameter, 'data'>[], grads: ReadonlyArray<FloatArray | null>): boolean {
  const now = ++calls;
  for (let i = 0; i < grads.length; i++) {
    const g = grads[i];
    if (g === null || g === undefined) continue;
    const v = params[i]!.data;
    if (v.length > 0 && seenBefore(v.buffer, now)) return true;
    if (g.length > 0 && seenBefore(g.buffer, now)) return true;
  }
  return false;
}

/** Sweeps `spans` (of one buffer) by start: an overlap that involves values, or null. */
function overlap(spans: Span[]): ArrayOverlap | null {
  spans.sort((a, b) => a.start - b.start);
  // The furthest end of the values seen so far and whose they are; the same for the gradients.
  let valuesEnd = -1;
  let valuesOf = -1;
  let gradEnd = -1;
  let gradOf = -1;
  for (const s of spans) {
    if (s.start < valuesEnd) return { values: valuesOf, other: s.index, gradient: s.gradient };
    if (!s.gradient && s.start < gradEnd) return { values: s.index, other: gradOf, gradient: true };
    if (s.gradient && s.end > gradEnd) [gradEnd, gradOf] = [s.end, s.index];
    if (!s.gradient && s.end > valuesEnd) [valuesEnd, valuesOf] = [s.end, s.index];
  }
  return null;
}
