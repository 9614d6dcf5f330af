import * as tf from '@tensorflow/tfjs';
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
import { writeOutputs } from '../output/write-outputs.js';
import { useBackend } from './backend.js';
import { epochTime } from './epoch-time.js';
import { columnsLine } from './columns-line.js';
import { curveChart } from './curve-chart.js';
import { checkEngineFits, checkFlagsApply } from './flags-apply.js';
import { evaluate } from './metrics.js';
import { checkPlotName } from './plot-name.js';
import { DEFAULT_OPTIMIZER, DEFAULT_VARIANT, effectiveLr, type OptimizerName } from './optimizer.js';
import { DEFAULT_ACTIVATION, type Activation } from './mlp.js';
import { checkDataFits } from '../resume/data-fits.js';
import { loadSavedModel } from '../resume/load-saved-model.js';
import { resumedSettings } from '../resume/resume-flags.js';
import { readSavedRun } from '../resume/saved-run.js';
import { TRAIN_RECORD_KEY, type TrainRecord } from '../resume/train-record.js';
import { rpropMiniBatchWarning } from './rprop-mini-batch.js';
import { train, type TrainOptions } from './train.js';

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

/** --hidden where it is not given and the data names no network of its own: one layer of 16. */
export const DEFAULT_HIDDEN: readonly number[] = [16];

/** --seed where it is not given (and no --resume run's seed applies). */
export const DEFAULT_SEED = 1;

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
  const startEpoch = saved?.record.epochs ?? 0;
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
  await useBackend(o.backend);
  const hidden = o.hidden ?? data.hidden ?? [...DEFAULT_HIDDEN];
  const start = saved === null ? undefined : { model: await loadSavedModel(saved.files, saved.dir), shuffles: saved.record.shuffles };
  const result = await train(data, { ...o, hidden, start, quiet: o.json });
  let testMse: number | null = null;
  let testBitFail: number | null = null;
  if (test) {
    const x = tf.tensor2d(test.x, [test.count, test.inputs]);
    const y = tf.tensor2d(test.y, [test.count, test.outputs]);
    ({ mse: testMse, bitFail: testBitFail } = evaluate(result.model, x, y));
    tf.dispose([x, y]);
  }
  const { diverged } = result;
  const miniBatch = result.batchSize < data.count;
  const divergedAt = diverged === null ? '' : `diverged at epoch ${diverged.epoch}${miniBatch ? `, after ${result.steps} steps` : ''}`;
  // The chart is drawn in memory first: should that fail, nothing has been written. A diverged model
  // is not saved: its weights are no answer, and it would replace a previous model that may be one.
  const label = `${o.optimizer}${o.optimizer === 'rprop' ? ` ${o.variant}` : ''}${diverged === null ? '' : ` (${divergedAt})`}`;
  if (o.save !== undefined && diverged === null) {
    const record: TrainRecord = { epochs: startEpoch + result.epochs, seed: o.seed, batchSize: o.batchSize ?? null, shuffles: result.shuffles };
    result.model.setUserDefinedMetadata({ [TRAIN_RECORD_KEY]: record });
  }
  await writeOutputs({
    ...(o.plot === undefined ? {} : { plot: { path: o.plot, svg: curveChart(data.source, label, result.curve) } }),
    ...(o.save === undefined || diverged !== null ? {} : { save: { dir: o.save, model: result.model } }),
  });
  // Everything that decides the result, so the run can be repeated from this line alone.
  const summary = {
    data: data.source,
    test: o.test ?? null,
    // The --resume folder the run went on from, or null.
    resumedFrom: o.resume ?? null,
    // How each was read: builtin, csv or fann.
    dataFormat,
    testFormat,
    target: o.target ?? null,
    // A CSV's columns as used (null for FANN or a built-in set): the default target is whichever is last.
    inputColumns: data.inputNames ?? null,
    targetColumns: data.outputNames ?? null,
    samples: data.count,
    hidden,
    activation: o.activation,
    optimizer: o.optimizer,
    variant: o.optimizer === 'rprop' ? o.variant : null,
    lr: effectiveLr(o.optimizer, o.lr),
    seed: o.seed,
    // As used: the set's size for full batch, --batch-size clamped to it.
    batchSize: result.batchSize,
    targetMse: o.targetMse ?? null,
    backend: o.backend,
    engine: o.engine ?? 'tfjs',
    // Epochs the model had been trained before this run (the saved run's, with --resume; else 0).
    startEpoch,
    // This run's epochs: the model has now had startEpoch + epochs.
    epochs: result.epochs,
    // This run's optimizer steps (the saved optimizer's iteration count, less the resumed one's): epochs × ⌈samples / batchSize⌉, plus any of an epoch cut short by divergence.
    steps: result.steps,
    reachedTarget: result.reachedTarget,
    diverged: diverged !== null,
    divergedAtEpoch: diverged?.epoch ?? null,
    trainMse: result.trainMse,
    trainBitFail: result.trainBitFail,
    testMse,
    testBitFail,
    seconds: result.seconds,
    msPerEpoch: result.msPerEpoch,
    msPerEpochSteady: result.msPerEpochSteady,
  };
  if (o.json) {
    print(JSON.stringify(summary));
  } else {
    print(`${data.source}: ${counted(data.count, 'sample')}, ${counted(data.inputs, 'input')}, ${counted(data.outputs, 'output')}; network ${[data.inputs, ...hidden, data.outputs].join('-')}${o.engine === 'fused' ? ', fused engine' : ''}`);
    if (saved !== null) print(`resumed from ${saved.dir}, trained ${counted(startEpoch, 'epoch')} before`);
    const columns = columnsLine(data);
    if (columns !== undefined) print(columns);
    if (diverged !== null) {
      const why =
        diverged.what === 'MSE' ? `the training MSE became ${diverged.value}`
        : diverged.what === 'batch MSE' ? `a batch's MSE became ${diverged.value}`
        : `the gradient became ${diverged.value} and ${o.optimizer} refused to step`;
      print(`${divergedAt}: ${why}; training stopped`);
    }
    print(`epochs ${result.epochs}${saved === null ? '' : ` (${startEpoch + result.epochs} in all)`}${o.targetMse === undefined ? '' : result.reachedTarget ? ` (reached MSE ≤ ${o.targetMse})` : ` (MSE ${o.targetMse} not reached)`}${miniBatch ? `, ${result.steps} steps in batches of ${result.batchSize}` : ''}, ${result.seconds.toFixed(2)} s${epochTime(result)}`);
    print(`train MSE ${result.trainMse.toExponential(4)}, bit-fail ${result.trainBitFail}`);
    if (test) print(`test  MSE ${testMse!.toExponential(4)}, bit-fail ${testBitFail}`);
    if (o.save !== undefined) print(diverged === null ? `saved the model with its optimizer to ${o.save}` : `not saved to ${o.save}: the training diverged`);
    if (o.plot !== undefined) print(`wrote ${o.plot}`);
  }
  result.model.dispose();
  return diverged === null ? 0 : 1;
}
