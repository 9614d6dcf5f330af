import type { Variant } from 'rprop';
import { InputError } from '../errors/input-error.js';
import { DEFAULT_ACTIVATION, type Activation, type OptimizerName } from '../train/choices.js';
import type { SavedNetwork } from './saved-network.js';
import type { TrainRecord } from './train-record.js';

/** The flags a saved model fixes, as the user gave them (undefined: not given). */
export interface FixedFlags {
  hidden?: number[];
  activation?: Activation;
  optimizer?: OptimizerName;
  variant?: Variant;
  lr?: number;
  seed?: number;
}

/** What a resumed run trains with: the saved model's settings, and the saved run's seed and batch size unless given. */
export interface ResumedSettings {
  hidden: number[];
  activation: Activation;
  optimizer: OptimizerName;
  variant: Variant | undefined;
  lr: number;
  seed: number;
  batchSize: number | undefined;
}

/**
 * Checks the flags given with `--resume DIR` against what the saved model fixes — the network
 * (--hidden, --activation), the optimizer (--optimizer, --variant, --lr) and --seed (it chose the
 * initial weights, and the shuffles the run continues are its stream) — and returns the settings the
 * run goes on with. A flag that agrees is accepted, so the first run's command line with `--resume`
 * added works; one that disagrees is an InputError naming the flag, the saved value and the given
 * one, since training on with another network or optimizer is no longer the run saved. --batch-size
 * is not fixed: given, it changes how the coming epochs are stepped; not given, the saved run's stands.
 */
export function resumedSettings(given: FixedFlags & { batchSize?: number }, saved: SavedNetwork, record: TrainRecord, dir: string): ResumedSettings {
  const disagree = (flag: string, value: string, savedValue: string): never => {
    throw new InputError(`${flag} ${value}: the model in ${dir} was trained with ${flag} ${savedValue}; --resume goes on with the saved model's network, optimizer and seed (leave ${flag} out, or give the saved value)`);
  };
  if (given.optimizer !== undefined && given.optimizer !== saved.optimizer) disagree('--optimizer', given.optimizer, saved.optimizer);
  if (given.variant !== undefined && saved.variant === null) {
    throw new InputError(`--variant ${given.variant}: the model in ${dir} was trained with --optimizer ${saved.optimizer}, which has no variants`);
  }
  if (given.variant !== undefined && given.variant !== saved.variant) disagree('--variant', given.variant, saved.variant!);
  if (given.lr !== undefined && given.lr !== saved.lr) disagree('--lr', String(given.lr), String(saved.lr));
  if (given.hidden !== undefined && given.hidden.join(',') !== saved.hidden.join(',')) disagree('--hidden', given.hidden.join(','), saved.hidden.join(',') || '(none)');
  if (given.activation !== undefined && saved.activation !== null && given.activation !== saved.activation) disagree('--activation', given.activation, saved.activation);
  if (given.seed !== undefined && given.seed !== record.seed) disagree('--seed', String(given.seed), String(record.seed));
  return {
    hidden: saved.hidden,
    // (A network without hidden layers has no hidden activation: any name stands for none.)
    activation: saved.activation ?? given.activation ?? DEFAULT_ACTIVATION,
    optimizer: saved.optimizer,
    variant: saved.variant ?? undefined,
    lr: saved.lr,
    seed: record.seed,
    batchSize: given.batchSize ?? record.batchSize ?? undefined,
  };
}
