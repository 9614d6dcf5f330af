import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { interleavedMedians, median, medianSeconds, randomArray, roundFigures } from '../../bench/timing.mjs';

// The timing helpers on a made-up clock: performance.now() moves only when a case's prepare() or
// run() moves it, so every timing below is exact and no benchmark runs.
function fakeClock() {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return { advance: (ms: number) => void (now += ms) };
}

/** A case whose prepare() takes `prepareMs` and whose runs take `runMs` in turn, over and over. */
function steps(clock: { advance: (ms: number) => void }, prepareMs: number, runMs: number[]) {
  let k = 0;
  return { prepare: () => clock.advance(prepareMs), run: () => clock.advance(runMs[k++ % runMs.length]!) };
}

afterEach(() => vi.restoreAllMocks());

describe('the timing helpers of the kernel benchmark (bench/timing.mjs)', () => {
  it('median: the middle value in numeric order, not in string order', () => {
    expect(median([9, 100, 10])).toBe(10);
    expect(median([0.5, 3, 20, 1, 4])).toBe(3);
  });

  it("roundFigures: each case's median block in seconds, and ratios as medians of the same round's ratios", () => {
    // The machine slows down in round 2 while b is timed, in round 3 for both.
    const r = roundFigures({ a: [1, 5, 9], b: [1, 1, 9] });
    expect(r.seconds).toEqual({ a: 0.005, b: 0.001 });
    expect(r.ratio('a', 'b')).toBe(1); // per round 1, 5, 1 — the ratio of the medians would be 5
    expect(r.ratio('b', 'a')).toBeCloseTo(1, 12);
  });

  it('medianSeconds: the median run in seconds, its preparation left out', () => {
    const clock = fakeClock();
    const c = steps(clock, 100, [1, 1, 50]);
    expect(medianSeconds(c.run, { prepare: c.prepare, budget: 0, min: 9, warmUp: 0 })).toBe(0.001); // a mean would be 17 ms
  });

  it('interleavedMedians: at least `min` rounds, each block the median of at least three timed runs, preparation left out', () => {
    const clock = fakeClock();
    // One run in three is slow: any three runs in a row have a median of 1 ms, one run alone may not.
    const m = interleavedMedians({ fast: steps(clock, 100, [50, 1, 1]), floor: steps(clock, 100, [4]) }, { budget: 0, min: 5, warmUp: 0, block: 0 });
    expect(m.blocks.fast).toEqual([1, 1, 1, 1, 1]);
    expect(m.blocks.floor).toEqual([4, 4, 4, 4, 4]);
    expect(m.seconds).toEqual({ fast: 0.001, floor: 0.004 });
    expect(m.ratio('fast', 'floor')).toBe(0.25);
  });

  it('randomArray: seeded values in (−1, 1), about half of them negative', () => {
    const a = randomArray(Float64Array, 10_000, 7) as Float64Array;
    expect(Array.from(a).every((v) => v > -1 && v < 1)).toBe(true);
    const negative = a.filter((v) => v < 0).length;
    expect(negative).toBeGreaterThan(4500);
    expect(negative).toBeLessThan(5500);
    expect(randomArray(Float64Array, 10_000, 7)).toEqual(a);
  });
});
