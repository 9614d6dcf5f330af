import { expect, it } from 'vitest';
import { NonFiniteGradientError, Rprop, type Parameter } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

// A step reads every gradient before staging the ordinary ones; staging may grow the kernels'
// memory, which detaches the views read before (length 0). An allocated parameter's gradient must
// then be read afresh for the NaN check: the detached view has no elements, so no NaN in it.
it('a NaN in an allocated parameter\'s gradient is refused when staging the others grew the memory', () => {
  const heap = kernelHeap()!;
  const resident = Rprop.allocate(100);
  resident.gradBuffer.fill(1);
  resident.gradBuffer[7] = NaN;
  const n = 2 ** 21; // 8 MiB of gradient to stage: more than the memory holds yet
  const ordinary: Parameter = { data: new Float32Array(n), grad: new Float32Array(n).fill(1) };
  const opt = new Rprop([resident, ordinary]);
  const bufferBefore = heap.buffer;
  expect(() => opt.step()).toThrow(NonFiniteGradientError);
  expect(heap.buffer).not.toBe(bufferBefore); // the memory did grow during the step
  expect(Array.from(new Set(resident.data))).toEqual([0]); // nothing changed
  expect(ordinary.data.every((v) => v === 0)).toBe(true);
});
