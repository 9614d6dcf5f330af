import type { Variant } from 'rprop';
import { formatOf, readAsReason, type FormatChoice } from '../data/load.js';
import { InputError } from '../errors/input-error.js';
import type { EngineName } from './full-batch.js';
import type { OptimizerName } from './choices.js';

/** The flags of `rprop train` that only some runs use. */
export interface ConditionalFlags {
  /** The training data, as given. */
  data: string;
  /** The --test data, as given. */
  test?: string;
  target?: string[];
  /** --format; undefined as `auto`. */
  format?: FormatChoice;
  optimizer: OptimizerName;
  /** --variant as the user gave it; undefined when not given (the default then applies). */
  variant?: Variant;
  engine?: EngineName;
}

/**
 * Refuses a flag that this run would not use, naming the flag and why. Ignoring it silently would
 * let the user believe it took effect: `--variant irprop+ --optimizer adam` would train plain Adam.
 */
export function checkFlagsApply(o: ConditionalFlags): void {
  if (o.variant !== undefined && o.optimizer !== 'rprop') {
    throw new InputError(`--variant ${o.variant}: only --optimizer rprop has variants, and the optimizer is ${o.optimizer}`);
  }
  if (o.engine === 'fused' && o.optimizer !== 'rprop') {
    throw new InputError(`--engine fused: the fused engine steps only --optimizer rprop, and the optimizer is ${o.optimizer}`);
  }
  const choice = o.format ?? 'auto';
  // --format says how a file is read; a built-in set is no file. Reading a file of the set's name
  // instead would need that file, and without it "no such file" would blame the wrong thing.
  for (const spec of [o.data, ...(o.test === undefined ? [] : [o.test])]) {
    if (choice !== 'auto' && formatOf(spec) === 'builtin') {
      throw new InputError(`--format ${choice}: ${spec} is a built-in set, not a file (no file or folder named ${spec} is in this folder); --format says how a file is read`);
    }
  }
  if (o.target !== undefined) {
    const format = formatOf(o.data, choice);
    if (format === 'builtin') throw new InputError(`--target: ${o.data} is a built-in set, not a CSV; --target names a CSV's output columns`);
    if (format === 'fann') throw new InputError(`--target: ${o.data} is ${readAsReason('fann', choice)}; --target names a CSV's output columns`);
  }
}

/**
 * Refuses `--engine fused` with mini-batches (a --batch-size below the set's size): the fused engine
 * computes whole-set epochs. Checked once the data is read, since a larger --batch-size means full batch.
 * `resumedFrom`: the --resume folder whose run's --batch-size this is, when the user gave none.
 */
export function checkEngineFits(engine: EngineName | undefined, batchSize: number | undefined, count: number, source: string, resumedFrom?: string): void {
  if (engine === 'fused' && batchSize !== undefined && batchSize < count) {
    const whose = resumedFrom === undefined ? '' : ` (the saved run's, from --resume ${resumedFrom}; give --batch-size ${count} for full batch)`;
    throw new InputError(`--engine fused: the fused engine trains full batch only, and --batch-size ${batchSize}${whose} is below the ${count} samples of ${source}`);
  }
}
