import { describe, expect, it } from 'vitest';
import { EpochTimer } from '../src/train/epoch-timer.js';

/**
 * A run on a made-up clock, as `train` times it: `passes` passes over the data, the first five taking
 * 10 ms each (TF.js warming up) and the rest 1 ms.
 */
function run(passes: number, epochs = passes) {
  let now = 100;
  const timer = new EpochTimer(now);
  for (let pass = 0; pass < passes; pass++) {
    timer.passStarts(pass, () => now);
    now += pass < 5 ? 10 : 1;
  }
  return timer.times(epochs, passes, now);
}

/** Expects `t` to be `[msPerEpoch, msPerEpochSteady]` (to rounding). */
function expectTimes(t: { msPerEpoch: number | null; msPerEpochSteady: number | null }, expected: [number, number]) {
  expect(t.msPerEpoch).toBeCloseTo(expected[0], 9);
  expect(t.msPerEpochSteady).toBeCloseTo(expected[1], 9);
}

// The steady time per epoch is what bench:fann's "× FANN" divides by FANN's.
describe('EpochTimer: the time per epoch of a training run', () => {
  it('steady: over the passes after the first five only; the plain figure over all of them', () => {
    expectTimes(run(9), [54 / 9, 1]);
    expectTimes(run(21), [66 / 21, 1]);
  });

  it('a run stopped at the target counts the pass that measured it (one more than its epochs)', () => {
    expectTimes(run(8, 7), [53 / 8, 1]);
  });

  it('a run of five passes or fewer reports its plain figure as steady too, and a run of no epoch neither', () => {
    expectTimes(run(5), [10, 10]);
    expect(run(1, 0)).toEqual({ msPerEpoch: null, msPerEpochSteady: null });
  });
});
