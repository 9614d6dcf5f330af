import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { threadFigures } from '../../bench/threads.mjs';

describe('the two-thread figures of the kernel benchmark (bench/threads.mjs)', () => {
  it('ns per parameter on two threads, and per-round ratios to the floor and of one thread to two', () => {
    // Seconds per round; 10⁶ parameters, so 1 ms is 1 ns per parameter.
    const two = [0.002, 0.0021, 0.003];
    const one = [0.003, 0.0042, 0.006]; // over two: 1.5, 2, 2
    const floors = [0.001, 0.0014, 0.002]; // two over these: 2, 1.5, 1.5
    const f = threadFigures({ two, one, floors }, { label: '200×5000', tensors: 200, size: 5000 });
    expect(f.ns).toBeCloseTo(2.1, 9);
    expect(f.overFloor).toBeCloseTo(1.5, 12);
    expect(f.speedup).toBeCloseTo(2, 12);
  });
});
