import * as tf from '@tensorflow/tfjs';
import type { Variant } from 'rprop';
import { lion, rprop, signum } from 'rprop-tfjs';

export type OptimizerName = 'rprop' | 'adam' | 'sgd' | 'signum' | 'lion';
export const OPTIMIZERS: readonly OptimizerName[] = ['rprop', 'adam', 'sgd', 'signum', 'lion'];

/** The Rprop variant when --variant is not given. */
export const DEFAULT_VARIANT: Variant = 'irprop-';

/** The optimizer `--optimizer` names; `lr` overrides its default learning rate (Rprop: initial step). */
export function makeOptimizer(name: OptimizerName, variant: Variant, lr: number | undefined): tf.Optimizer {
  switch (name) {
    case 'rprop':
      return rprop({ variant, ...(lr === undefined ? {} : { lr }) });
    case 'adam':
      return tf.train.adam(lr ?? 0.01);
    case 'sgd':
      return tf.train.sgd(lr ?? 0.1);
    case 'signum':
      return signum({ lr: lr ?? 0.001 });
    case 'lion':
      return lion({ lr: lr ?? 1e-4 });
  }
}
