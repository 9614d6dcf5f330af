import { expect, it } from 'vitest';
import { Rprop, type Parameter } from '../../src/index.js';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';

// loadStateDict builds every state before it replaces the live ones, in the kernels' memory. A load
// refused part-way kept what it had built until garbage collection (late: WebAssembly memory is no
// pressure to the engine), so a loop retrying a bad dict grew the memory, which never shrinks.
it('a refused loadStateDict gives back the kernel memory of the states it had built', () => {
  const n = 100_000;
  const params: Parameter[] = [0, 1].map(() => ({ data: new Float32Array(n), grad: new Float32Array(n).fill(1) }));
  const opt = new Rprop(params, { variant: 'rprop+' });
  opt.step(() => 1);
  const sd = JSON.parse(JSON.stringify(opt.stateDict()));
  sd.state['1'].stepSize[n - 1] = -1; // refused at the last value of the last state
  const heap = kernelHeap()!;
  expect(() => opt.loadStateDict(sd)).toThrow("Rprop.loadStateDict: parameter 1's state 'stepSize' must hold step sizes ≥ 0, got -1 at index 99999");
  const size = heap.buffer.byteLength;
  for (let i = 0; i < 20; i++) expect(() => opt.loadStateDict(sd)).toThrow(RangeError);
  expect(heap.buffer.byteLength).toBe(size);
  sd.state['1'].stepSize[n - 1] = 0.01;
  opt.loadStateDict(sd); // the memory given back is used again
  expect(heap.buffer.byteLength).toBe(size);
});
