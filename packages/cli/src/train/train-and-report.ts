import * as tf from '../tf.js';
import type { Variant } from 'rprop';
import { counted } from '../counted.js';
import type { Dataset } from '../data/dataset.js';
import type { DataFormat } from '../data/load.js';
import { writeOutputs } from '../output/write-outputs.js';
import { loadSavedModel } from '../resume/load-saved-model.js';
import type { SavedRun } from '../resume/saved-run.js';
import { TRAIN_RECORD_KEY, type TrainRecord } from '../resume/train-record.js';
import { useBackend } from './backend.js';
import { DEFAULT_HIDDEN, effectiveLr, type Activation, type OptimizerName } from './choices.js';
import { columnsLine } from './columns-line.js';
import { curveChart } from './curve-chart.js';
import { epochTime } from './epoch-time.js';
import { evaluate } from './metrics.js';
import type { TrainCommand } from './run-train.js';
import { train } from './train.js';

/**
 * A `rprop train` run that has passed every check `runTrain` makes: its flags, destinations and
 * data. What is left needs TensorFlow.js, which is why it is a module of its own, loaded only then.
 */
export interface CheckedRun {
  /** The flags with the settings in force: the saved model's with --resume, else as given or by default. */
  o: TrainCommand & { activation: Activation; optimizer: OptimizerName; seed: number; variant: Variant };
  /** The --resume folder, read and checked; null for a fresh run. */
  saved: SavedRun | null;
  data: Dataset;
  test: Dataset | undefined;
  /** How DATA and --test were read, for --json. */
  dataFormat: DataFormat;
  testFormat: DataFormat | null;
}

/**
 * Trains, tests, writes the outputs (--save, --plot) and prints the report or the --json line.
 * Returns the exit code: 0, or 1 when training diverged (then the model is not saved).
 */
export async function trainAndReport({ o, saved, data, test, dataFormat, testFormat }: CheckedRun, print: (line: string) => void): Promise<number> {
  // Epochs the model had before this run: the saved run's, else 0.
  const startEpoch = saved?.record.epochs ?? 0;
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
