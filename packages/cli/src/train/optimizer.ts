import * as tf from '@tensorflow/tfjs';
import { LION_DEFAULTS, RPROP_DEFAULTS, SIGNUM_DEFAULTS, type Variant } from 'rprop';
import { lion, rprop, signum } from 'rprop-tfjs';
import { InputError } from '../errors/input-error.js';

export type OptimizerName = 'rprop' | 'adam' | 'sgd' | 'signum' | 'lion';
export const OPTIMIZERS: readonly OptimizerName[] = ['rprop', 'adam', 'sgd', 'signum', 'lion'];

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
 * An lr the rprop-tfjs optimizers refuse (one that overflows float32, the type of TF.js variables,
 * though --lr took it as a positive number) is the user's to fix: an InputError naming --lr.
 */
export function makeOptimizer(name: OptimizerName, variant: Variant, lr: number | undefined): tf.Optimizer {
  try {
    return makeNamed(name, variant, effectiveLr(name, lr));
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
