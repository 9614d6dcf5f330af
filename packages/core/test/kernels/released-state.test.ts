import { describe, expect, it } from 'vitest';
import { kernelHeap } from '../../src/kernels/kernel-heap.js';
import { releaseOptimizerState, stateAvoiding } from '../../src/kernels/kernel-state.js';

describe('a state record after releaseOptimizerState', () => {
  it('throws when read, rather than show memory that now belongs to someone else', () => {
    const state = stateAvoiding(new Float32Array(100), ['prev', 'stepSize'], []);
    releaseOptimizerState(state);
    expect(() => state.prev).toThrow(TypeError);
    expect(() => state.stepSize).toThrow(TypeError);
  });

  it('is given back once: releasing it again frees nothing more', () => {
    const heap = kernelHeap()!;
    const state = stateAvoiding(new Float32Array(100), ['prev'], []);
    releaseOptimizerState(state);
    const free = heap.freeBytes;
    releaseOptimizerState(state);
    expect(heap.freeBytes).toBe(free);
  });
});
