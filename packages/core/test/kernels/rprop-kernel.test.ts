import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kernelsActive, VARIANTS, type FloatArray } from '../../src/index.js';
import { rpropConstantsFor, rpropStep, type RpropBuffers } from '../../src/rules.js';
import { rpropKernelStep } from '../../src/kernels.js';
import { kernelHeap, SLOT_BYTES } from '../../src/kernels/kernel-heap.js';
import { arrayOf, dtype, rpropOptions, type Dtype } from '../properties/arbitraries.js';
import { edgeArrays, firstDifference, type EdgeKinds } from './edge-values.js';

const NAMES = ['param', 'grad', 'prev', 'stepSize', 'prevUpdate'] as const;

/**
 * gp, Δ, dw as an optimizer can hold them: gp and dw any number but NaN (±Infinity only from a
 * gradient the step refuses, but drawn anyway), Δ ≥ +0 (steps keep it there; loadStateDict refuses
 * negative and non-finite step sizes and turns −0 into +0). The kernels rely on exactly this.
 */
const STATE_KINDS: EdgeKinds[] = [{ infinite: true }, { nonNegative: true }, { infinite: true }];

/** Copies of the five buffers, either as ordinary arrays or placed in the kernels' memory. */
function buffers(d: Dtype, values: number[][], resident: boolean): RpropBuffers {
  const arrays = values.map((v) => arrayOf(d, v));
  if (resident) {
    const heap = kernelHeap()!;
    // Allocate all first: growing the memory detaches views taken before.
    const offsets = arrays.map((a) => heap.allocate(a.byteLength));
    return Object.fromEntries(
      NAMES.map((name, k) => {
        const view = heap.view(arrays[k]!, offsets[k]!, arrays[k]!.length);
        view.set(arrays[k]!);
        return [name, view];
      }),
    ) as unknown as RpropBuffers;
  }
  return Object.fromEntries(NAMES.map((name, k) => [name, arrays[k]!])) as unknown as RpropBuffers;
}

describe('the WebAssembly SIMD Rprop kernel', () => {
  it('is available here (Node 20 has WebAssembly SIMD)', () => expect(kernelsActive()).toBe(true));

  for (const resident of [false, true]) {
    it(`equals the reference rule bit for bit on edge values (${resident ? 'zero-copy' : 'copied'} buffers)`, () => {
      const input = dtype.chain((d) =>
        fc.record({
          d: fc.constant(d),
          // w may hold NaN and ±Infinity (only gradients are checked); g ±Infinity too (the check
          // refuses it before any kernel runs, but the kernel must still only use its sign).
          values: edgeArrays(d, 5, [{ nan: true, infinite: true }, { infinite: true }, ...STATE_KINDS]),
          options: rpropOptions,
          lossIncreased: fc.boolean(),
        }),
      );
      fc.assert(
        fc.property(input, ({ d, values, options, lossIncreased }) => {
          const reference = buffers(d, values as number[][], false);
          const fast = buffers(d, values as number[][], resident);
          const c = rpropConstantsFor(reference.param, options.etas, options.stepSizes, options.maximize);
          rpropStep(options.variant, reference, c, lossIncreased);
          expect(rpropKernelStep(options.variant, fast, c, lossIncreased)).toBe(true);
          for (const name of NAMES) {
            expect(firstDifference(fast[name] as FloatArray, reference[name] as FloatArray), name).toBeNull();
          }
        }),
        { numRuns: 600 },
      );
    });
  }

  it('copies long arrays through in chunks without losing an element', () => {
    const n = (2 * SLOT_BYTES) / 4 + 37; // three chunks of float32, five of float64
    for (const variant of VARIANTS) {
      for (const d of ['float32', 'float64'] as const) {
        const values = NAMES.map((_, k) => Array.from({ length: n }, (_, i) => (k === 3 ? 0.01 * (1 + (i % 7)) : Math.sin(i * (k + 1.3)))));
        const reference = buffers(d, values, false);
        const fast = buffers(d, values, false);
        const c = rpropConstantsFor(reference.param, [0.5, 1.2], [1e-6, 50], false);
        rpropStep(variant, reference, c, true);
        rpropKernelStep(variant, fast, c, true);
        for (const name of NAMES) expect(firstDifference(fast[name] as FloatArray, reference[name] as FloatArray), `${variant} ${d} ${name}`).toBeNull();
      }
    }
  });
});
