import { expect, it } from 'vitest';
import { signSgdKernel } from '../../src/kernels.js';
import { kernelsActive } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

// The edges of the check on a gradient given as a byte offset (relative-kernels' checkOffset): its n
// values must end inside the kernels' memory — ending exactly at its end is fine, one value past is
// not — and a float64 gradient must start on an 8-byte grain, not merely a 4-byte one.
const n = 70;
const message = (bad: number) => `signSgdKernel: grad given as a byte offset must be a whole multiple of 8 ≥ 0 with ${n} values after it inside the kernels' memory, got ${bad}`;

it.runIf(kernelsActive())('a float64 gradient offset may end at the memory\'s last byte, not a value past it, and must be 8-byte aligned', () => {
  const end = kernelHeap()!.buffer.byteLength;
  const param = new Float64Array(n).fill(0.5);
  expect(() => signSgdKernel(param, end - n * 8 + 8, 0.1, false)).toThrow(new RangeError(message(end - n * 8 + 8)));
  expect(() => signSgdKernel(param, 4, 0.1, false)).toThrow(new RangeError(message(4)));
  expect(param.every((v) => v === 0.5)).toBe(true); // nothing written
  expect(signSgdKernel(param, end - n * 8, 0.1, false)).toBe(true); // the last n values of the memory
});
