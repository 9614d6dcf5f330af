import { afterEach, expect, it } from 'vitest';
import { Rprop, useKernels } from '../../src/index.js';

// With the kernels off, allocate makes ordinary arrays: a length the engine cannot make threw its own
// "Invalid typed array length", naming neither allocate nor the length (the kernels' memory refuses
// it by name).

afterEach(() => useKernels(true));

it('allocate without the kernels refuses a length no array can have, by name', () => {
  useKernels(false);
  expect(() => Rprop.allocate(Number.MAX_SAFE_INTEGER, 'float64')).toThrow(
    /^allocate: cannot make 9007199254740991 float64 values \(Invalid typed array length/,
  );
  expect(Rprop.allocate(3, 'float64').data).toEqual(new Float64Array(3));
});
