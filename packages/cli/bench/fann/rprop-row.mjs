// A row of `rprop train` in bench:fann's table, from the JSON lines of its runs. Epochs, reached and
// MSE are the same in every run (seeded weights, full batch); the times are medians over the runs,
// since one run on this shared machine is not a measurement.
import { median } from './fann-sets.mjs';

/**
 * The row of `rprop train` with `variant` and `engine` on `set`, from its runs and FANN's figures
 * (runFann): the median ms/epoch (mean over a run), the median steady ms/epoch (after the warm-up epochs) and
 * `vsFann`, the "× FANN" column: steady over FANN's ms/epoch (FANN, in C, has no warm-up to leave out).
 */
export function rpropRow(set, variant, engine, runs, fann) {
  const trainer = `rprop ${variant}${engine === 'fused' ? ' fused' : ''}`;
  const ours = runs[0];
  const msPerEpoch = median(runs.map((r) => r.msPerEpoch));
  const msPerEpochSteady = median(runs.map((r) => r.msPerEpochSteady));
  return { set, trainer, epochs: ours.epochs, reachedTarget: ours.reachedTarget, msPerEpoch, msPerEpochSteady, mse: ours.trainMse, vsFann: msPerEpochSteady / fann.msPerEpoch };
}
