import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { NonFiniteGradientError, Rprop, useKernels, type Parameter } from '../../src/index.js';

// Gradients are staged (copied and checked) in a region of the kernels' memory. Where that memory
// cannot grow to hold the region (WebAssembly memory ends at 4 GiB, or earlier where the engine says
// so), nothing is staged: the step must check and read the caller's arrays themselves, not offsets
// into a region that was never reserved (whose copies were never made, nor checked).
afterEach(() => {
  vi.restoreAllMocks();
});

// The kernels instantiated, their scratch memory and a first (1 MiB) staging region reserved, as by
// any earlier step: what must grow is then the region alone.
beforeAll(() => {
  new Rprop([{ data: new Float32Array(1000), grad: new Float32Array(1000).fill(1) }]).step();
});

/** Every WebAssembly memory refuses to grow, as at the engine's limit. */
const memoryFull = () =>
  vi.spyOn(WebAssembly.Memory.prototype, 'grow').mockImplementation(() => {
    throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
  });

// Far more than the kernels' memory holds before a step grows it: 4 MiB of float32 gradient.
const N = 2 ** 20;
const wave = (k: number) => Float32Array.from({ length: N }, (_, i) => Math.sin(i * k + 1));

it('a step whose gradients cannot be staged steps on the caller\'s arrays, exactly as the reference rule', () => {
  const p: Parameter = { data: wave(0.001), grad: wave(0.3) };
  const q: Parameter = { data: wave(0.001), grad: wave(0.3) };
  useKernels(false);
  const reference = new Rprop([q]);
  reference.step();
  useKernels(true);
  const opt = new Rprop([p]);
  const grow = memoryFull();
  opt.step();
  expect(grow).toHaveBeenCalled(); // the region was asked for, and refused
  expect(p.data.findIndex((v, i) => !Object.is(v, q.data[i]))).toBe(-1);
});

it('a NaN in a gradient that cannot be staged is still refused, and nothing changes', () => {
  const p: Parameter = { data: wave(0.001), grad: wave(0.3), name: 'w' };
  p.grad![N - 3] = NaN;
  const before = p.data.slice();
  const opt = new Rprop([p]);
  const grow = memoryFull();
  expect(() => opt.step()).toThrow(new NonFiniteGradientError(`Rprop.step: the gradient of parameter 0 ("w") is NaN at index ${N - 3}; nothing was changed`, 'parameter 0 ("w")', N - 3, NaN));
  expect(grow).toHaveBeenCalled();
  expect(p.data.findIndex((v, i) => !Object.is(v, before[i]))).toBe(-1);
});
