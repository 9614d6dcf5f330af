import * as tf from '@tensorflow/tfjs';
import { LION_DEFAULTS, RPROP_DEFAULTS, SIGNUM_DEFAULTS, type Variant } from 'rprop';
import { lion, rprop, signum, type RpropOptimizer } from 'rprop-tfjs';
import { InputError } from '../errors/input-error.js';

/** An optimizer `rprop train --optimizer` names. */
export type OptimizerName = 'rprop' | 'adam' | 'sgd' | 'signum' | 'lion';
/** Every `--optimizer` choice, in the order --help lists them. */
export const OPTIMIZERS: readonly OptimizerName[] = ['rprop', 'adam', 'sgd', 'signum', 'lion'];

/** The optimizer when --optimizer is not given (and no --resume model names one). */
export const DEFAULT_OPTIMIZER: OptimizerName = 'rprop';

/** The Rprop variant when --variant is not given. */
export const DEFAULT_VARIANT: Variant = 'irprop-';

/**
 * Each optimizer's learning rate when --lr is not given (Rprop's is its initial step size Δ0): the
 * sign-based ones keep their packages' defaults; Adam's and SGD's are the command's own choice.
 */
export const DEFAULT_LR: Readonly<Record<OptimizerName, number>> = Object.freeze({
  rprop: RPROP_DEFAULTS.lr,
  adam: 0.01,
  sgd: 0.1,
  signum: SIGNUM_DEFAULTS.lr,
  lion: LION_DEFAULTS.lr,
});

/** The learning rate a run uses: --lr if given, else the optimizer's default. */
export function effectiveLr(name: OptimizerName, lr: number | undefined): number {
  return lr ?? DEFAULT_LR[name];
}

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
