import { describe, expect, it } from 'vitest';
import { Rprop, kernelsActive } from '../../src/index.js';
import { kernelThreads, useKernelThreads } from '../../src/threads.js';

// Its own file: vitest isolates test files, so here the kernels' memory is made before threads are asked for.
describe('useKernelThreads after the kernels\' memory is in use', () => {
  it('is refused, says when to call it, and changes nothing', async () => {
    const p = Rprop.allocate(100);
    const opt = new Rprop([p]);
    p.gradBuffer.fill(1);
    opt.step();
    const before = p.data.slice();
    await expect(useKernelThreads(2)).rejects.toThrow(
      'useKernelThreads: the kernels\' memory is already in use (a parameter was allocated or an optimizer stepped on the kernels); ' +
        'call useKernelThreads before any of those — that memory holds optimizer state and cannot become shared. Nothing was changed',
    );
    expect(kernelThreads()).toBe(1);
    expect(kernelsActive()).toBe(true);
    // The same memory, the same optimizer: the next step goes on from where it was.
    opt.step();
    const grown = Math.fround(Math.fround(0.01) * Math.fround(1.2)); // Δ after a second step of the same sign
    const after = p.data;
    for (let i = 0; i < 100; i++) expect(after[i]).toBe(Math.fround(before[i]! - grown));
  });
});
