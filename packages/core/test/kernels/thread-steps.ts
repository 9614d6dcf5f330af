import { Lion, Rprop, SignSGD, Signum, useKernels, VARIANTS, type FloatArray, type Optimizer, type Parameter } from '../../src/index.js';
import type { Dtype } from '../properties/arbitraries.js';
import { firstDifference } from './edge-values.js';
import { values } from './seeded-values.js';

// Steps of every optimizer on parameters in the kernels' memory or in ordinary arrays, for the
// kernel-thread tests (threads.test.ts, threads-pipeline.test.ts), and how two runs differ.

export const CTOR = { float32: Float32Array, float64: Float64Array } as const;

/** Parameters, or parameter groups of them (every optimizer takes either). */
export type Params = Parameter[] | { params: Parameter[] }[];

export const OPTIMIZERS: Record<string, (ps: Params) => Optimizer<object>> = {
  ...Object.fromEntries(VARIANTS.map((v) => [v, (ps: Params) => new Rprop(ps, { variant: v })])),
  SignSGD: (ps) => new SignSGD(ps, { lr: 0.01 }),
  Signum: (ps) => new Signum(ps, { lr: 0.01 }),
  Lion: (ps) => new Lion(ps, { lr: 0.01, weightDecay: 0.1 }),
};

/**
 * Parameters of the given lengths: resident ones (their gradient in place: the zero-copy path, where
 * calls are split across the threads) or ordinary arrays (copied through the shared memory).
 */
export function makeParams(d: Dtype, lengths: number[], resident: boolean[]): Parameter[] {
  return lengths.map((n, k) => {
    const init = values(n, 5 + k);
    if (!resident[k]) return { data: CTOR[d].from(init), grad: null };
    const p = Rprop.allocate(n, d);
    p.data.set(init);
    return p;
  });
}

export function setGrad(p: Parameter, g: number[]): void {
  if ('gradBuffer' in p) {
    const buffer = (p as { gradBuffer: FloatArray }).gradBuffer;
    buffer.set(g);
    p.grad = buffer;
  } else p.grad = (p.data instanceof Float32Array ? Float32Array : Float64Array).from(g);
}

/** The first difference between two runs' parameters and states (bits: −0 ≠ +0), or null. */
export function difference(a: { params: FloatArray[]; state: object }, b: { params: FloatArray[]; state: object }): string | null {
  for (let k = 0; k < a.params.length; k++) {
    const d = firstDifference(a.params[k]!, b.params[k]!);
    if (d !== null) return `parameter ${k}: ${d}`;
  }
  const sa = (a.state as { state: Record<string, Record<string, number[]>> }).state;
  const sb = (b.state as { state: Record<string, Record<string, number[]>> }).state;
  if (JSON.stringify(Object.keys(sa)) !== JSON.stringify(Object.keys(sb))) return 'state keys differ';
  for (const i of Object.keys(sa)) {
    for (const key of Object.keys(sa[i]!)) {
      const x = sa[i]![key]!;
      const y = sb[i]![key]!;
      const d = Array.isArray(x) && Array.isArray(y) ? firstDifference(x, y) : Object.is(x, y) ? null : `${x} ≠ ${y}`;
      if (d !== null) return `state ${i}.${key}: ${d}`;
    }
  }
  return null;
}

/**
 * Three steps of optimizer `name` on parameters of `lengths`, each with fresh seeded gradients and a
 * loss: on the kernels with the parameters `resident` says in their memory, or (`reference`) on the
 * reference rules with every parameter ordinary. The parameters and state after, and how much
 * `counter` (a pool's count of split or pipelined calls) rose meanwhile.
 */
export function threeSteps(
  name: string, d: Dtype, lengths: number[], resident: boolean[], reference: boolean, counter: () => number = () => 0,
): { params: FloatArray[]; state: object; calls: number } {
  useKernels(!reference);
  const params = makeParams(d, lengths, reference ? resident.map(() => false) : resident);
  const opt = OPTIMIZERS[name]!(params);
  const before = counter();
  for (let t = 0; t < 3; t++) {
    params.forEach((p, k) => setGrad(p, values(p.data.length, 100 * t + k)));
    opt.step(() => (t * 7) % 3);
  }
  return { params: params.map((p) => p.data.slice()), state: opt.stateDict(), calls: counter() - before };
}
