import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useKernels, type FloatArray } from '../../src/index.js';
import { lion, signSgd, signum } from '../../src/rules.js';
import { lionKernel, signSgdKernel, signumKernel } from '../../src/kernels.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { arrayOf, dtype, type Dtype } from '../properties/arbitraries.js';
import { edgeArrays, firstDifference } from './edge-values.js';

/** Copies of `values`, as ordinary arrays or in the kernels' memory. */
function copies(d: Dtype, values: number[][], resident: boolean): FloatArray[] {
  const arrays = values.map((v) => arrayOf(d, v));
  if (!resident) return arrays;
  const heap = kernelHeap()!;
  const offsets = arrays.map((a) => heap.allocate(a.byteLength)); // all first: growth detaches views
  return arrays.map((a, k) => {
    const view = heap.view(a, offsets[k]!, a.length);
    view.set(a);
    return view;
  });
}

/** Weights and momenta may hold anything (a loaded state, NaN weights); gradients anything finite or ±∞. */
const WILD = { nan: true, infinite: true };
const unit = fc.double({ min: 0, max: 0.999, noNaN: true });
const lr = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(1e-4, 0));

function compare(d: Dtype, values: number[][], resident: boolean, apply: (a: FloatArray[], fast: boolean) => void): void {
  const reference = copies(d, values, false);
  const fast = copies(d, values, resident);
  apply(reference, false);
  apply(fast, true);
  reference.forEach((r, k) => expect(firstDifference(fast[k]!, r), `buffer ${k}`).toBeNull());
}

describe.each([false, true])('the relatives\' SIMD kernels equal their reference loops bit for bit (resident: %s)', (resident) => {
  beforeAll(() => useKernels(true, { minLength: 0 }));
  afterAll(() => useKernels(true, { minLength: 64 }));
  const round = (d: Dtype, x: number) => (d === 'float32' ? Math.fround(x) : x);

  it('signSGD', () => {
    const input = dtype.chain((d) => fc.record({ d: fc.constant(d), v: edgeArrays(d, 2, [WILD, { infinite: true }]), lr, maximize: fc.boolean() }));
    fc.assert(
      fc.property(input, ({ d, v, lr: rate, maximize }) =>
        compare(d, v as number[][], resident, ([w, g], fast) => {
          const l = round(d, rate);
          if (fast) expect(signSgdKernel(w!, g!, l, maximize)).toBe(true);
          else signSgd(w!, g!, l, maximize);
        }),
      ),
      { numRuns: 300 },
    );
  });

  it('Signum', () => {
    const input = dtype.chain((d) =>
      fc.record({ d: fc.constant(d), v: edgeArrays(d, 3, [WILD, { infinite: true }, WILD]), lr, beta: unit, maximize: fc.boolean() }),
    );
    fc.assert(
      fc.property(input, ({ d, v, lr: rate, beta, maximize }) =>
        compare(d, v as number[][], resident, ([w, g, m], fast) => {
          const args = [w!, g!, m!, round(d, rate), round(d, beta), round(d, 1 - beta), maximize] as const;
          if (fast) expect(signumKernel(...args)).toBe(true);
          else signum(...args);
        }),
      ),
      { numRuns: 300 },
    );
  });

  it('Lion', () => {
    const input = dtype.chain((d) =>
      fc.record({
        d: fc.constant(d),
        v: edgeArrays(d, 3, [WILD, { infinite: true }, WILD]),
        lr,
        b1: unit,
        b2: unit,
        wd: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
        maximize: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(input, ({ d, v, lr: rate, b1, b2, wd, maximize }) =>
        compare(d, v as number[][], resident, ([w, g, m], fast) => {
          const r = (x: number) => round(d, x);
          const c = { lr: r(rate), beta1: r(b1), oneMinusBeta1: r(1 - b1), beta2: r(b2), oneMinusBeta2: r(1 - b2), weightDecay: r(wd), maximize };
          if (fast) expect(lionKernel(w!, g!, m!, c)).toBe(true);
          else lion(w!, g!, m!, c);
        }),
      ),
      { numRuns: 300 },
    );
  });
});
