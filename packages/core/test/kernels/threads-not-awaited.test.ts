import { describe, expect, it } from 'vitest';
import { Rprop } from '../../src/index.js';
import { kernelThreads, useKernelThreads } from '../../src/threads.js';

// Its own file: vitest isolates test files, so here the kernels' memory is first used while
// useKernelThreads is still pending.
describe('useKernelThreads not awaited before the kernels\' memory is used', () => {
  it('is refused with a message that says to await it, and changes nothing', async () => {
    const pending = useKernelThreads(2);
    const p = Rprop.allocate(100);
    p.gradBuffer.fill(1);
    new Rprop([p]).step();
    await expect(pending).rejects.toThrow(
      'useKernelThreads: the kernels\' memory came into use while this call was pending (a parameter was allocated or an optimizer stepped before its promise settled); ' +
        'await useKernelThreads before any of those — that memory holds optimizer state and cannot become shared. Nothing was changed',
    );
    expect(kernelThreads()).toBe(1);
    expect(p.data[0]).toBe(Math.fround(-0.01));
  });
});
