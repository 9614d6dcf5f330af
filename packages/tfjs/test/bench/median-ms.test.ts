import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { medianMs, middle } from '../../bench/median-ms.mjs';

afterEach(() => vi.restoreAllMocks());

describe('the timing of the optimizer step benchmark (bench/median-ms.mjs)', () => {
  it('middle: the middle time in numeric order, not in string order', () => {
    expect(middle([2, 10, 3])).toBe(3);
    expect(middle([0.9, 12.5, 1.1, 0.95, 3])).toBe(1.1);
  });

  it("medianMs: the median of `reps` timed runs, on a made-up clock where one run in three is slow", () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let k = 0;
    const durations = [1, 1, 50];
    expect(medianMs(() => void (now += durations[k++ % 3]!), 9)).toBe(1); // a mean would be 17.3
  });
});
