import { describe, expect, it } from 'vitest';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { fannFigures, median } from '../bench/fann/fann-sets.mjs';
// @ts-expect-error: a benchmark script (plain JavaScript, no declarations)
import { rpropRow } from '../bench/fann/rprop-row.mjs';

// bench:fann's figures from made-up JSON lines of its runs: neither FANN nor `rprop train` runs here.
const fannRuns = [
  { epochs: 300, reachedTarget: false, msPerEpoch: 0.6, mse: 0.02 },
  { epochs: 300, reachedTarget: false, msPerEpoch: 0.4, mse: 0.02 },
  { epochs: 300, reachedTarget: false, msPerEpoch: 0.5, mse: 0.02 },
];
const ourRuns = [
  { epochs: 120, reachedTarget: true, trainMse: 0.0099, msPerEpoch: 3, msPerEpochSteady: 2 },
  { epochs: 120, reachedTarget: true, trainMse: 0.0099, msPerEpoch: 5, msPerEpochSteady: 1.5 },
  { epochs: 120, reachedTarget: true, trainMse: 0.0099, msPerEpoch: 4, msPerEpochSteady: 2.5 },
];

describe("bench:fann's rows (bench/fann/fann-sets.mjs, rprop-row.mjs)", () => {
  it('median: the middle value in numeric order', () => {
    expect(median([3, 10, 2])).toBe(3);
  });

  it("FANN's figures: its epochs and outcome, and the median of its runs' ms/epoch", () => {
    expect(fannFigures(fannRuns)).toEqual({ epochs: 300, reachedTarget: false, msPerEpoch: 0.5, mse: 0.02 });
  });

  it("rprop train's row: its own epochs and outcome, median ms/epoch and steady, and × FANN from steady", () => {
    const row = rpropRow('thyroid', 'irprop-', 'fused', ourRuns, fannFigures(fannRuns));
    expect(row).toEqual({ set: 'thyroid', trainer: 'rprop irprop- fused', epochs: 120, reachedTarget: true, msPerEpoch: 4, msPerEpochSteady: 2, mse: 0.0099, vsFann: 4 });
    expect(rpropRow('diabetes', 'rprop+', 'tfjs', ourRuns, fannFigures(fannRuns)).trainer).toBe('rprop rprop+');
  });
});
