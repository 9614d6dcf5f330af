import type { Variant } from 'rprop';
import { counted } from '../counted.js';
import { DataError } from '../data/dataset.js';
import { checkInputColumns } from '../data/input-columns.js';
import { checkTargetColumns } from '../data/target-columns.js';
import { formatOf, loadDataset, type FormatChoice } from '../data/load.js';
import { samePipe } from '../data/same-pipe.js';
import { STDIN_NAME } from '../data/stdin.js';
import { InputError } from '../errors/input-error.js';
import { checkFileDestination } from '../output/destination.js';
import { checkKeepsInputs } from '../output/keeps-inputs.js';
import { checkModelFolder, checkPlotOutsideModel } from '../output/model-folder.js';
import { checkEngineFits, checkFlagsApply } from './flags-apply.js';
import { checkPlotName } from './plot-name.js';
import { DEFAULT_ACTIVATION, DEFAULT_OPTIMIZER, DEFAULT_SEED, DEFAULT_VARIANT, type Activation, type OptimizerName } from './choices.js';
import type { TrainOptions } from './train.js';
import { checkDataFits } from '../resume/data-fits.js';
import { resumedSettings } from '../resume/resume-flags.js';
import { readSavedRun } from '../resume/saved-run.js';
import { rpropMiniBatchWarning } from './rprop-mini-batch.js';

/** `rprop train`'s arguments and flags, as bin.ts parsed them (a flag not given is undefined). */
export interface TrainCommand extends Omit<TrainOptions, 'quiet' | 'variant' | 'hidden' | 'activation' | 'optimizer' | 'seed' | 'start'> {
  data: string;
  /** --activation as given; undefined when not given (then the saved model's with --resume, else DEFAULT_ACTIVATION). */
  activation?: Activation;
  /** --optimizer as given; undefined when not given (then the saved model's with --resume, else DEFAULT_OPTIMIZER). */
  optimizer?: OptimizerName;
  /** --seed as given; undefined when not given (then the saved run's with --resume, else DEFAULT_SEED). */
  seed?: number;
  /** --resume: the folder of a model saved by `--save`, to go on training from. */
  resume?: string;
  /** --hidden as given; undefined when not given (then the built-in set's own network, else DEFAULT_HIDDEN). */
  hidden?: number[];
  /** --variant as given; undefined when not given (then DEFAULT_VARIANT, and any optimizer may run). */
  variant?: Variant;
  test?: string;
  target?: string[];
  /** --format: how DATA and --test are read; undefined as `auto` (by name). */
  format?: FormatChoice;
  backend: 'cpu' | 'wasm';
  save?: string;
  plot?: string;
  json: boolean;
}

/**
 * `rprop train`: load, train, report; with --save, --plot and --json as asked. Returns the exit
 * code: 0, or 1 when training diverged (which the report says; the model is then not saved).
 * `print` writes the report (stdout); `warn` a warning (stderr, so the --json line stays alone).
 */
export async function runTrain(command: TrainCommand, print: (line: string) => void, warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<number> {
  // An empty name (an unset shell variable: `rprop train "$DATA"`) would be looked up as a file named
  // '', and the message would name nothing: "rprop: : no such file".
  for (const [what, spec] of [['DATA', command.data], ['--test', command.test]] as const) {
    if (spec === '') throw new InputError(`${what}: the file name is empty`);
  }
  // A resumed run's network, optimizer and seed are the saved model's: read (and checked) first.
  const saved = command.resume === undefined ? null : readSavedRun(command.resume);
  const settings =
    saved === null
      ? {
          hidden: command.hidden,
          variant: command.variant,
          lr: command.lr,
          batchSize: command.batchSize,
          activation: command.activation ?? DEFAULT_ACTIVATION,
          optimizer: command.optimizer ?? DEFAULT_OPTIMIZER,
          seed: command.seed ?? DEFAULT_SEED,
        }
      : resumedSettings(command, saved.network, saved.record, saved.dir);
  checkFlagsApply({ ...command, ...settings });
  const o = { ...command, ...settings, variant: settings.variant ?? DEFAULT_VARIANT };
  // Check every destination and read every input before any work, so a mistake fails fast and
  // writes nothing. An output that would destroy an input first: that is what the message should say.
  checkKeepsInputs(o, [
    { path: o.data, role: 'the training data' },
    ...(o.test === undefined ? [] : [{ path: o.test, role: 'the --test data' }]),
  ]);
  if (o.save !== undefined) checkModelFolder(o.save);
  if (o.plot !== undefined) {
    checkFileDestination(o.plot, '--plot'); // first: `a.png/` names a folder, whatever its extension
    checkPlotName(o.plot);
  }
  if (o.save !== undefined && o.plot !== undefined) checkPlotOutsideModel(o.plot, o.save);
  const choice = o.format ?? 'auto';
  // How each is read, as loadDataset decides it, for --json: with --format the name no longer tells.
  const dataFormat = formatOf(o.data, choice);
  const testFormat = o.test === undefined ? null : formatOf(o.test, choice);
  // DATA reads a pipe to its end: --test on the same pipe would find it empty, and say so of itself.
  // `-` is standard input as a stream, read from where it stands: even a file given with `<` is read once.
  if (o.test === STDIN_NAME && o.data === STDIN_NAME) {
    throw new InputError('--test -: standard input, which DATA (-) reads to its end: it can be read only once; give the test data a file or a pipe of its own');
  }
  if (o.test !== undefined && samePipe(o.data, o.test)) {
    throw new InputError(`--test ${o.test}: the same pipe as DATA (${o.data}), which DATA reads to its end: a pipe can be read only once; give the test data a file or a pipe of its own`);
  }
  const data = loadDataset(o.data, o.target, choice);
  const test = o.test === undefined ? undefined : loadDataset(o.test, o.target, choice);
  // Two CSVs' columns by name first: a test file with one more column (`a,b,y,id`) has the training
  // target among its inputs, which says what is wrong, where "3 inputs, the training data 2" does not.
  if (test) checkInputColumns(data, test, o.test!);
  if (test && (test.inputs !== data.inputs || test.outputs !== data.outputs)) {
    throw new DataError(o.test!, test.headerLine ?? null, `has ${counted(test.inputs, 'input')} and ${counted(test.outputs, 'output')}, the training data ${data.inputs} and ${data.outputs}`);
  }
  if (test) checkTargetColumns(data, test, o.test!);
  if (saved !== null) {
    checkDataFits(data, o.data, saved.network, saved.dir);
    if (test) checkDataFits(test, o.test!, saved.network, saved.dir);
  }
  checkEngineFits(o.engine, o.batchSize, data.count, data.source, command.batchSize === undefined ? saved?.dir : undefined);
  const warning = rpropMiniBatchWarning(o.optimizer, o.batchSize, data.count);
  if (warning !== null) warn(warning);
  // Every check has passed: only now load TensorFlow.js (a second or so), so a mistake is told at once.
  const { trainAndReport } = await import('./train-and-report.js');
  return trainAndReport({ o, saved, data, test, dataFormat, testFormat }, print);
}
