import { COLOR_SPAN, colorOf } from '../../src/kernels/cache-colors.js';
import { installKernels, kernels, type KernelExports } from '../../src/kernels/instance.js';
import { kernelHeapMade } from '../../src/kernels/kernel-heap.js';

type Fn = (...args: number[]) => void;

/**
 * Wraps the update kernels so that every call's array offsets are recorded, and returns the record.
 * Must run before the kernels' memory is first used (a test file's module state is its own).
 */
export function recordKernelCalls(): number[][] {
  const calls: number[][] = [];
  const k = kernels()!;
  if (kernelHeapMade()) throw new Error('the kernels\' memory was made before the kernels could be wrapped');
  const recorded = (run: Fn, arrays: (args: number[]) => number[]): Fn => (...args) => {
    calls.push(arrays(args));
    run(...args);
  };
  const wrapped: KernelExports = { ...k };
  const mutable = wrapped as unknown as Record<string, Fn>;
  const exports = k as unknown as Record<string, Fn>;
  for (const name of ['rpropF32', 'rpropF64']) mutable[name] = recorded(exports[name]!, (a) => (a[0]! >= 2 ? a.slice(1, 6) : a.slice(1, 5)));
  for (const name of ['signumF32', 'signumF64', 'lionF32', 'lionF64']) mutable[name] = recorded(exports[name]!, (a) => a.slice(0, 3));
  for (const name of ['signSgdF32', 'signSgdF64']) mutable[name] = recorded(exports[name]!, (a) => a.slice(0, 2));
  installKernels(wrapped);
  return calls;
}

/** Distance between the colours of two offsets, going round the 4 KiB circle. */
export function colorsApart(a: number, b: number): number {
  const d = (colorOf(a) - colorOf(b) + COLOR_SPAN) % COLOR_SPAN;
  return Math.min(d, COLOR_SPAN - d);
}

/** The smallest colour distance between two arrays of one call, over `calls`. */
export function closestPair(calls: readonly number[][]): number {
  let closest = COLOR_SPAN;
  for (const arrays of calls) {
    for (let i = 0; i < arrays.length; i++) for (let j = 0; j < i; j++) closest = Math.min(closest, colorsApart(arrays[i]!, arrays[j]!));
  }
  return closest;
}
