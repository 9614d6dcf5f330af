import * as tf from '../tf.js';
import type { Variant } from 'rprop';
import { lion, rprop, signum, type RpropOptimizer } from 'rprop-tfjs';
import { InputError } from '../errors/input-error.js';
import { effectiveLr, type OptimizerName } from './choices.js';

/**
 * The optimizer `--optimizer` names; `lr` overrides its default learning rate (Rprop: initial step).
 * An lr that float32 (the type of TF.js variables) cannot hold, though --lr took it as a positive
 * number, is the user's to fix, whichever the optimizer: an InputError naming --lr. (TF.js's Adam and
 * SGD took 1e300 and "diverged at epoch 1", exit code 1, where the rprop-tfjs ones refused it; and a
 * rate that rounds to 0 trains nothing, silently.)
 */
export function makeOptimizer(name: OptimizerName, variant: Variant, lr: number | undefined): tf.Optimizer {
  const rate = effectiveLr(name, lr);
  const f32 = Math.fround(rate);
  if (f32 === Infinity) throw new InputError(`--lr ${lr}: overflows to Infinity once rounded to float32 (the type of TF.js variables)`);
  if (f32 === 0) throw new InputError(`--lr ${lr}: rounds to 0 in float32 (the type of TF.js variables), so no weight would move`);
  try {
    return makeNamed(name, variant, rate);
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(`--lr ${lr}: ${e.message}`);
    throw e;
  }
}

function makeNamed(name: OptimizerName, variant: Variant, rate: number): tf.Optimizer {
  switch (name) {
    case 'rprop':
      return rprop({ variant, lr: rate });
    case 'adam':
      return tf.train.adam(rate);
    case 'sgd':
      return tf.train.sgd(rate);
    case 'signum':
      return signum({ lr: rate });
    case 'lion':
      return lion({ lr: rate });
  }
}

/**
 * Whether the optimizer takes the loss of the point each step starts from: Rprop's + variants compare
 * successive losses. (Not `instanceof`: tf.Optimizer's Symbol.hasInstance makes every optimizer an
 * RpropOptimizer.)
 */
export function hasSetLoss(o: tf.Optimizer): o is tf.Optimizer & Pick<RpropOptimizer, 'setLoss'> {
  return typeof (o as Partial<Pick<RpropOptimizer, 'setLoss'>>).setLoss === 'function';
}
