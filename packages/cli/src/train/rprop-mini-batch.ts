import type { OptimizerName } from './choices.js';

/**
 * The warning for `--optimizer rprop` with mini-batches, or null when that is not the run. Allowed,
 * since it can work (and someone may want to see it), but it is rarely what to use: Rprop adapts each
 * weight's step by whether its gradient's sign repeats, and from batch to batch the sign flips with
 * the noise as often as with an overshoot, so the steps shrink towards their minimum; the + variants
 * moreover compare the losses of different batches.
 */
export function rpropMiniBatchWarning(optimizer: OptimizerName, batchSize: number | undefined, count: number): string | null {
  if (optimizer !== 'rprop' || batchSize === undefined || batchSize >= count) return null;
  return (
    `rprop: warning: --optimizer rprop with --batch-size ${batchSize} (of ${count} samples): Rprop adapts its steps by whether each gradient sign repeats, ` +
    'and batch noise flips signs, so the steps shrink (the + variants also compare losses of different batches); ' +
    'Signum and Lion step by a fixed lr whatever the signs did before, and suit mini-batches'
  );
}
