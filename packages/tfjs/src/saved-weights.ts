import type * as tf from '@tensorflow/tfjs-core';
import { shapeText } from './step-checks.js';

/** A tensor with its name, as the optimizers' weights are passed around. */
export type NamedTensor = { name: string; tensor: tf.Tensor };

/** The weights `getWeights` returns, split into their parts. */
export interface SavedWeights {
  /** The iteration count, a scalar. */
  readonly iterations: tf.Tensor;
  /** The optimizer-wide scalars (e.g. the previous loss), in order. */
  readonly extras: readonly tf.Tensor[];
  /** `slots[i][k]`: variable `i`'s slot number `k`. */
  readonly slots: ReadonlyArray<readonly tf.Tensor[]>;
}

/**
 * Whether a weight's name fits the slot (or scalar) expected at its place. `getWeights` names slots
 * `<variable>/<slot>`; a name with a `/` that ends otherwise was saved by another optimizer or
 * variant (irprop− weights read by irprop+ would put `prev` slots where `stepSize` belongs, with the
 * same count). Names without a `/` were not made by `getWeights` and are taken by position.
 */
function nameFits(name: string, expected: string): boolean {
  return name === expected || name.endsWith(`/${expected}`) || !name.includes('/');
}

/**
 * Splits weights laid out as `getWeights` saves them — [iterations, extra scalars…, every variable's
 * first slot, every variable's second slot, …] — checking, before anything is read or changed, the
 * count, that the scalars are scalars, that every slot is float32 and that named slots are the ones
 * expected at their places. Slots' shapes are checked against their variables at the next step.
 */
export function splitSavedWeights(owner: string, weights: readonly NamedTensor[], extraNames: readonly string[], slotNames: readonly string[]): SavedWeights {
  const where = `${owner}.setWeights`;
  const slotCount = weights.length - 1 - extraNames.length;
  if (slotCount < 0 || slotCount % slotNames.length !== 0) {
    const scalars = extraNames.length === 0 ? '' : `, ${extraNames.length} scalar(s) (${extraNames.join(', ')})`;
    throw new RangeError(
      `${where}: expected the iteration count${scalars} and ${slotNames.length} slot(s) per variable (${slotNames.join(', ')}), got ${weights.length} weights; nothing was changed`,
    );
  }
  const scalar = (index: number, what: string, expected: string): tf.Tensor => {
    const { name, tensor } = weights[index]!;
    if (tensor.size !== 1 || !nameFits(name, expected)) {
      throw new RangeError(`${where}: weight ${index} ('${name}', shape ${shapeText(tensor.shape)}) should be ${what}, a scalar named '${expected}'; nothing was changed`);
    }
    return tensor;
  };
  const iterations = scalar(0, 'the iteration count', 'iter');
  const extras = extraNames.map((name, k) => scalar(1 + k, `the scalar '${name}'`, name));
  const variables = slotCount / slotNames.length;
  const first = 1 + extraNames.length;
  const slots = Array.from({ length: variables }, (_, i) =>
    slotNames.map((slot, k) => {
      const index = first + k * variables + i;
      const { name, tensor } = weights[index]!;
      if (!nameFits(name, slot)) {
        throw new RangeError(
          `${where}: weight ${index} ('${name}') should be variable ${i}'s '${slot}' slot: this optimizer saves ${slotNames.length} slot(s) per variable (${slotNames.join(', ')}), ` +
            'so these weights were saved by another optimizer or variant; nothing was changed',
        );
      }
      if (tensor.dtype !== 'float32') throw new TypeError(`${where}: weight ${index} ('${name}') is ${tensor.dtype}; slots are float32; nothing was changed`);
      return tensor;
    }),
  );
  return { iterations, extras, slots };
}
