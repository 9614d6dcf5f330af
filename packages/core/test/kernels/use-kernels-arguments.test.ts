import { afterEach, expect, it } from 'vitest';
import { kernelMinLength, kernelsActive, stagingLimit, useKernels } from '../../src/index.js';

afterEach(() => useKernels(true, { minLength: 64, stagingBytes: 256 * 2 ** 20 }));

it('refuses arguments it cannot use, changing nothing, rather than taking "false" for true or dropping a misspelt limit', () => {
  useKernels(true, { minLength: 100, stagingBytes: 4096 });
  const on = kernelsActive(); // false only where WebAssembly SIMD is missing
  const refused: Array<[() => void, Error]> = [
    [() => useKernels('false' as unknown as boolean), new TypeError('useKernels: enabled must be true or false, got "false"')],
    [() => useKernels(undefined as unknown as boolean), new TypeError('useKernels: enabled must be true or false, got undefined')],
    [
      () => useKernels(false, { minlength: 0 } as never),
      new TypeError(`useKernels: unknown option "minlength" (did you mean 'minLength'?); the options are minLength, stagingBytes`),
    ],
    [() => useKernels(false, { minLength: NaN }), new RangeError('useKernels: minLength must be ≥ 0, got NaN')],
    [() => useKernels(false, { stagingBytes: -1 }), new RangeError('useKernels: stagingBytes must be ≥ 0, got -1')],
    [() => useKernels(false, { minLength: '0' as unknown as number }), new TypeError('useKernels: minLength must be a number ≥ 0, got "0"')],
  ];
  for (const [call, error] of refused) {
    expect(call).toThrow(error);
    expect([kernelsActive(), kernelMinLength(), stagingLimit()]).toEqual([on, 100, 4096]);
  }
  useKernels(false, { minLength: 0, stagingBytes: Infinity });
  expect([kernelsActive(), kernelMinLength(), stagingLimit()]).toEqual([false, 0, Infinity]);
});
