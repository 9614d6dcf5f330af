import * as tf from '../../tf.js';
import type { Rprop } from 'rprop';

/** A weight as `tf.Optimizer.getWeights()` lists it. */
export type NamedTensor = { name: string; tensor: tf.Tensor };

/**
 * The core `Rprop`'s state over `variables` (one parameter per variable, in the same order) laid out
 * as `rprop-tfjs`'s `RpropOptimizer.getWeights()` saves its own: [iteration count (int32), previous
 * loss (+Infinity for none), every variable's `prev`, every variable's `stepSize`, and for the +
 * variants every variable's `prevUpdate`], slots named `<variable>/<slot>`. `RpropOptimizer.setWeights`
 * takes it, so a model trained by the core's Rprop is saved with an optimizer `model.fit` goes on with.
 * The two compute the same step (`rprop-tfjs` runs the core's kernels), so nothing is converted but
 * the layout. Null when the optimizer has no state yet (no step was taken): a fresh `RpropOptimizer`
 * is then already that optimizer.
 */
export function rpropSlotWeights(rprop: Rprop, variables: readonly tf.Variable[], steps: number): NamedTensor[] | null {
  const saved = rprop.stateDict();
  const states = variables.map((_, i) => saved.state[String(i)]);
  if (states.every((s) => s === undefined)) return null;
  const slotNames = ['prev', 'stepSize', ...(states[0]!.prevUpdate === undefined ? [] : ['prevUpdate'])];
  const slots = slotNames.flatMap((slot) =>
    variables.map((v, i) => {
      const values = states[i]?.[slot];
      if (!Array.isArray(values)) throw new Error(`rpropSlotWeights: no '${slot}' state for variable ${i} ('${v.name}')`);
      return { name: `${v.name}/${slot}`, tensor: tf.tensor(values, v.shape, 'float32') };
    }),
  );
  const prevLoss = typeof saved.prevLoss === 'number' ? saved.prevLoss : Infinity;
  return [{ name: 'iter', tensor: tf.scalar(steps, 'int32') }, { name: 'prevLoss', tensor: tf.scalar(prevLoss, 'float32') }, ...slots];
}
