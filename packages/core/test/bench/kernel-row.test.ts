import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { fastestTorch, kernelRow, nsPerParameter } from '../../bench/kernel-row.mjs';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { roundFigures } from '../../bench/timing.mjs';

// The figures the targets are read off, computed from made-up timings: no benchmark runs here.
const shape = { label: '200×5000', tensors: 200, size: 5000 }; // 10⁶ parameters: 1 ms is 1 ns each

describe('the kernel benchmark row (bench/kernel-row.mjs)', () => {
  it('counts every element of every tensor as a parameter', () => {
    expect(nsPerParameter(0.002, shape)).toBeCloseTo(2, 12);
    expect(nsPerParameter(0.002, { label: '1e4', tensors: 1, size: 1e4 })).toBeCloseTo(200, 9);
  });

  it("keeps the fastest torch process, divided by the fast path timed right after that process", () => {
    const pairs = [
      { torchNs: 30, fastNs: 2 },
      { torchNs: 10, fastNs: 1.25 },
      { torchNs: 20, fastNs: 1 },
    ];
    const best = fastestTorch(pairs);
    expect(best.torchNs).toBe(10);
    expect(best.speedup).toBeCloseTo(8, 12); // not 30/2, 10/2 (the first pair's fast path), nor 1.25/10
    expect(best.pairs).toBe(pairs);
  });

  it('puts each timing and ratio in its column', () => {
    // Block medians in ms, round by round; per round fast/floor is 2, 2.5, 2 and zero-copy/floor 1.2, 1.25, 1.3.
    const m = roundFigures({ fast: [2, 3, 2.2], zeroCopy: [1.2, 1.5, 1.43], floor: [1, 1.2, 1.1] });
    const torch = fastestTorch([{ torchNs: 30, fastNs: 2 }, { torchNs: 11, fastNs: 1.1 }]);
    const reused = fastestTorch([{ torchNs: 9, fastNs: 1.5 }, { torchNs: 12, fastNs: 1 }]);
    const threads = { ns: 1.1, overFloor: 0.9, speedup: 1.6, plain: { ns: 1.3, overFloor: 1.2, speedup: 1.5 } };
    const row = kernelRow({ dtype: 'float32', shape, referenceSeconds: 0.022, m, torch, reused, threads });
    expect(row.dtype).toBe('float32');
    expect(row.shape).toBe('200×5000');
    expect(row.referenceNs).toBeCloseTo(22, 9);
    expect(row.fastNs).toBeCloseTo(2.2, 9);
    expect(row.zeroCopyNs).toBeCloseTo(1.43, 9);
    expect(row.copyFloorNs).toBeCloseTo(1.1, 9);
    expect(row.torchForeachNs).toBe(11);
    expect(row.fastSpeedupVsTorch).toBeCloseTo(10, 9);
    expect(row.torchReusedNs).toBe(9);
    expect(row.fastSpeedupVsTorchReused).toBeCloseTo(6, 9);
    expect(row.torchPairs).toHaveLength(2);
    expect(row.torchReusedPairs.map((p: { torchNs: number }) => p.torchNs)).toEqual([9, 12]);
    expect(row.fastOverFloor).toBeCloseTo(2, 9);
    expect(row.zeroCopyOverFloor).toBeCloseTo(1.25, 9);
    expect([row.zeroCopyThreadsNs, row.zeroCopyThreadsOverFloor, row.threadsSpeedup]).toEqual([1.1, 0.9, 1.6]);
    expect(row.fastSpeedupVsReference).toBeCloseTo(10, 9);
    expect([row.plainThreadsNs, row.plainThreadsOverFloor, row.plainThreadsSpeedup]).toEqual([1.3, 1.2, 1.5]);
    // Against the fast path through each one's floor ratio: 2 (fast/floor here) ÷ 1.2 (the child's
    // plain step on two threads over its floor) — not the child's own one-thread speedup, 1.5.
    expect(row.plainThreadsVsFast).toBeCloseTo(2 / 1.2, 9);
    // The fast path's paired ratio to torch (10, 6) times that.
    expect(row.plainThreadsSpeedupVsTorch).toBeCloseTo(10 * (2 / 1.2), 9);
    expect(row.plainThreadsSpeedupVsTorchReused).toBeCloseTo(6 * (2 / 1.2), 9);
  });

  it('leaves the plain step on two threads empty where the child did not measure it, and its torch ratios without torch', () => {
    const m = roundFigures({ fast: [2], zeroCopy: [1], floor: [1] });
    const threads = { ns: 1, overFloor: 1, speedup: 1 };
    const row = kernelRow({ dtype: 'float32', shape, referenceSeconds: 0.01, m, torch: fastestTorch([{ torchNs: 20, fastNs: 2 }]), reused: null, threads });
    expect([row.plainThreadsNs, row.plainThreadsVsFast, row.plainThreadsSpeedupVsTorch, row.plainThreadsSpeedupVsTorchReused]).toEqual([null, null, null, null]);
    const withPlain = kernelRow({ dtype: 'float32', shape, referenceSeconds: 0.01, m, torch: null, reused: null, threads: { ...threads, plain: threads } });
    expect([withPlain.plainThreadsNs, withPlain.plainThreadsSpeedupVsTorch]).toEqual([1, null]);
  });

  it('leaves the torch columns empty without torch', () => {
    const m = roundFigures({ fast: [2], zeroCopy: [1], floor: [1] });
    const row = kernelRow({ dtype: 'float64', shape, referenceSeconds: 0.01, m, torch: null, reused: null, threads: { ns: 1, overFloor: 1, speedup: 1 } });
    expect([row.torchForeachNs, row.fastSpeedupVsTorch, row.torchReusedNs, row.fastSpeedupVsTorchReused]).toEqual([null, null, null, null]);
    expect([row.torchPairs, row.torchReusedPairs]).toEqual([[], []]);
  });
});
