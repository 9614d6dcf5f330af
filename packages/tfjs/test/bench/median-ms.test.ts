import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { middle, pairedMedians } from '../../bench/median-ms.mjs';

afterEach(() => vi.restoreAllMocks());

describe('the timing of the optimizer step benchmark (bench/median-ms.mjs)', () => {
  it('middle: the middle time in numeric order, not in string order', () => {
    expect(middle([2, 10, 3])).toBe(3);
    expect(middle([0.9, 12.5, 1.1, 0.95, 3])).toBe(1.1);
  });

  it('pairedMedians: each median, and the median of per-turn ratios, on a made-up clock whose speed halves halfway', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    // The 3 warm-up turns take the 0.3 s of warm-up between them (a: 100 ms each); then a takes 1 ms and
    // b 10, times the machine's slowness: 1 for the first half of the timed turns, 2 after.
    let turns = 0;
    const reps = 10;
    const slowness = () => (turns - 3 < reps / 2 ? 1 : 2);
    const a = () => void (now += turns < 3 ? 100 : slowness());
    const b = () => void ((now += turns < 3 ? 0 : 10 * slowness()), turns++);
    const r = pairedMedians(a, b, reps);
    expect(turns).toBe(3 + reps);
    expect(r.ratio).toBe(0.1); // the medians' ratio, 2 / 20, only by the clock's kindness
    expect(r.aMs).toBe(2); // the upper middle of five 1s and five 2s
    expect(r.bMs).toBe(20);
  });

  it('pairedMedians: the ratio is the median of per-turn ratios, not the ratio of the medians', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    // After the 3 warm-up turns (a: 100 ms each), turn i takes a[i] then b[i]: per-turn ratios 1, 0.25
    // and 2.5 (median 1), while the medians are 2 and 4 (ratio 0.5).
    const [as, bs] = [[1, 2, 10], [1, 8, 4]];
    let turns = 0;
    const r = pairedMedians(() => void (now += turns < 3 ? 100 : as[turns - 3]!), () => void ((now += turns < 3 ? 0 : bs[turns - 3]!), turns++), 3);
    expect(r).toEqual({ aMs: 2, bMs: 4, ratio: 1 });
  });

  it('pairedMedians: a turn slowed for one of the two moves neither median nor the ratio', () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    let n = 0;
    const r = pairedMedians(() => void (now += n++ === 7 ? 100 : 1), () => void (now += 4), 9);
    expect(r).toEqual({ aMs: 1, bMs: 4, ratio: 0.25 });
  });
});
