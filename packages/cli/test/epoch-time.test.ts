import { describe, expect, it } from 'vitest';
import { epochTime } from '../src/train/epoch-time.js';

// The summary's time per epoch, to the microsecond: the mean over the run, and the mean after the
// warm-up beside it only when it is a figure of its own (epoch-time-phrase.test.ts runs the command).
describe('epochTime', () => {
  it('names both figures, each to three decimals, the one after warm-up second', () => {
    expect(epochTime({ msPerEpoch: 0.51234, msPerEpochSteady: 0.43111 })).toBe(', 0.512 ms per epoch (0.431 after warm-up)');
  });

  it('names only the mean when the figure after warm-up is missing or the same number', () => {
    expect(epochTime({ msPerEpoch: 2.5, msPerEpochSteady: null })).toBe(', 2.500 ms per epoch');
    expect(epochTime({ msPerEpoch: 2.5, msPerEpochSteady: 2.5 })).toBe(', 2.500 ms per epoch');
  });

  it('is empty when no epoch ran', () => {
    expect(epochTime({ msPerEpoch: null, msPerEpochSteady: null })).toBe('');
  });
});
