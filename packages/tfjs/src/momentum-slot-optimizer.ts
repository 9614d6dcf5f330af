import * as tf from '@tensorflow/tfjs-core';
import { SlotOptimizer } from './slot-optimizer.js';

/** What Signum and Lion share: one slot per variable, `momentum`, starting at zero. */
export abstract class MomentumSlotOptimizer extends SlotOptimizer {
  protected override slotNames(): readonly string[] {
    return ['momentum'];
  }

  protected override initialSlot(_slot: string, value: tf.Variable): tf.Tensor {
    return tf.zeros(value.shape, 'float32'); // float32 for any variable: setWeights takes float32 slots only
  }
}
