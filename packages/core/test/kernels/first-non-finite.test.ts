import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNonFinite, firstNonFiniteLoop } from '../../src/kernels/first-non-finite.js';
import { kernelHeap, SLOT_BYTES, SLOTS } from '../../src/kernels/kernel-heap.js';
import { arrayOf, dtype } from '../properties/arbitraries.js';
import { edgeValue } from './edge-values.js';

describe('the gradient check', () => {
  it('finds the same first NaN/±Infinity as the plain loop, for ordinary and resident arrays', () => {
    const input = dtype.chain((d) =>
      fc.record({
        d: fc.constant(d),
        values: fc.array(edgeValue(d), { minLength: 0, maxLength: 300 }),
        bad: fc.array(fc.tuple(fc.nat(), fc.constantFrom(NaN, Infinity, -Infinity)), { maxLength: 3 }),
        resident: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(input, ({ d, values, bad, resident }) => {
        const plain = arrayOf(d, values);
        for (const [at, v] of bad) if (plain.length > 0) plain[at % plain.length] = v;
        let a = plain;
        if (resident) {
          const heap = kernelHeap()!;
          a = heap.view(plain, heap.allocate(plain.byteLength), plain.length);
          a.set(plain);
        }
        expect(firstNonFinite(a)).toBe(firstNonFiniteLoop(plain));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a bad value past the first chunk of a long array', () => {
    const chunk = (SLOTS * SLOT_BYTES) / 4;
    const a = new Float32Array(2 * chunk + 5);
    expect(firstNonFinite(a)).toBe(-1);
    a[chunk + 3] = NaN;
    a[a.length - 1] = Infinity;
    expect(firstNonFinite(a)).toBe(chunk + 3);
  });
});
