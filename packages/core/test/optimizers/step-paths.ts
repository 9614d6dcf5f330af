import { afterEach } from 'vitest';
import { Rprop, useKernels, type FloatArray, type Parameter } from '../../src/index.js';
import { arrayOf, type Dtype } from '../properties/arbitraries.js';

/**
 * What tests that run one program on every way a step can go share: the paths, seeded values, and
 * parameters and gradients made for a path.
 */

/** How the steps run: the plain rules, the kernels on ordinary arrays, or parameters in the kernels' memory. */
export type Path = 'plain' | 'kernels' | 'resident';

export const PATHS: readonly Path[] = ['plain', 'kernels', 'resident'];

/** Turns the kernels off for 'plain', on for any length otherwise; each test file's afterEach turns them back. */
export function usePath(path: Path): void {
  if (path === 'plain') useKernels(false);
  else useKernels(true, { minLength: 0 });
}

/** Registers the afterEach that restores the kernels' usual setting. */
export function restoreKernelsAfterEach(): void {
  afterEach(() => useKernels(true, { minLength: 64 }));
}

/** Seeded values of either sign, never 0 (JSON turns −0 into +0, and these cross JSON), ±10^(−2…2). */
export function nonZeroValues(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, () => (next() < 0.5 ? -1 : 1) * 10 ** (4 * next() - 2));
}

/** A parameter holding `values`, in the kernels' memory on the 'resident' path. */
export function makeParam(path: Path, d: Dtype, values: number[], name?: string): Parameter {
  if (path !== 'resident') return { data: arrayOf(d, values), grad: null, name };
  const p = Rprop.allocate(values.length, d, name);
  p.data.set(values);
  return p;
}

/** Gives `p` the gradient `values` (a resident parameter's in its own buffer, so the step copies nothing). */
export function setGrad(p: Parameter, d: Dtype, values: number[]): void {
  if ('gradBuffer' in p) {
    const buffer = (p as { gradBuffer: FloatArray }).gradBuffer;
    buffer.set(values);
    p.grad = buffer;
  } else p.grad = arrayOf(d, values);
}
