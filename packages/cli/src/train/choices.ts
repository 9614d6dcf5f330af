import { LION_DEFAULTS, RPROP_DEFAULTS, SIGNUM_DEFAULTS, type Variant } from 'rprop';

// What `rprop train`'s flags may name and what they default to. Kept apart from the modules that use
// them (optimizer.ts, mlp.ts), which load TensorFlow.js: bin.ts needs these to build --help and parse
// the flags, and a command that fails its checks, or only prints help, should not wait for TF.js.

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

/** The hidden layers' activation, as `--activation` names it. */
export type Activation = 'tanh' | 'sigmoid' | 'relu';
/** Every `--activation` choice, the default first. */
export const ACTIVATIONS: readonly Activation[] = ['tanh', 'sigmoid', 'relu'];
/** The hidden activation when --activation is not given (and no --resume model fixes one). */
export const DEFAULT_ACTIVATION: Activation = 'tanh';

/** --hidden where it is not given and the data names no network of its own: one layer of 16. */
export const DEFAULT_HIDDEN: readonly number[] = [16];

/** --seed where it is not given (and no --resume run's seed applies). */
export const DEFAULT_SEED = 1;
