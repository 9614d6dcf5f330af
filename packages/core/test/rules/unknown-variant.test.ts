import { expect, it } from 'vitest';
import { fastRpropStep, rpropKernelStep } from '../../src/kernels.js';
import { rpropConstantsFor, rpropStep } from '../../src/rules.js';
import type { Variant } from '../../src/types.js';

// The variant is given directly to these: one misspelt ('irprop', or torch-style 'iRprop-') ran as
// Rprop− on the kernels and did nothing at all on the rule, so the same call moved the weights or not
// depending on the array's length (the kernels take arrays of 64 and more).
it('rpropStep, rpropKernelStep and fastRpropStep refuse a variant that is not one of the four, changing nothing', () => {
  const c = rpropConstantsFor(new Float64Array(0), [0.5, 1.2], [1e-6, 50], false);
  const calls = { rpropStep, rpropKernelStep, fastRpropStep };
  for (const n of [10, 100]) {
    for (const [owner, call] of Object.entries(calls)) {
      for (const variant of ['irprop', 'iRprop-', 'toString']) {
        const b = { param: new Float64Array(n).fill(1), grad: new Float64Array(n).fill(2), prev: new Float64Array(n), stepSize: new Float64Array(n).fill(0.1) };
        expect(() => call(variant as Variant, b, c, false)).toThrow(
          new RangeError(`${owner}: variant must be one of 'rprop-', 'irprop-', 'rprop+', 'irprop+', got ${JSON.stringify(variant)}`),
        );
        expect([b.param[0], b.prev[0], b.stepSize[0]]).toStrictEqual([1, 0, 0.1]);
      }
    }
  }
});
