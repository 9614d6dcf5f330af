import * as tf from '../tf.js';
import type { Variant } from 'rprop';
import type { RpropOptimizer } from 'rprop-tfjs';
import type { Dataset } from '../data/dataset.js';
import { EpochTimer } from './epoch-timer.js';
import { evaluate, meanSquaredError } from './metrics.js';
import { fusedFullBatch } from './fused/fused-full-batch.js';
import type { EngineName, FullBatchEngine } from './full-batch.js';
import { miniBatchEpoch } from './mini-batch-epoch.js';
import { effectiveLr, type Activation, type OptimizerName } from './choices.js';
import { buildMlp } from './mlp.js';
import { mlpLayers } from './mlp-gradients.js';
import { makeOptimizer } from './optimizer.js';
import { progress } from './progress.js';
import { refusedGradient } from './refused-gradient.js';
import { shuffledBatches } from './shuffled-batches.js';
import { tfjsFullBatch } from './tfjs-full-batch.js';

/** How often the loop lets the event loop run, so a signal's handler (interrupt.ts) gets its turn. */
const YIELD_MS = 100;

/** Where a resumed run (`--resume`) starts: the saved model, compiled with its optimizer, and its shuffles. */
export interface TrainStart {
  /** The saved model, as loaded: its weights, and its optimizer with the saved state. */
  model: tf.Sequential;
  /** Epoch shuffles the seed's stream gave the saved run (see `shuffledBatches`'s `skipped`). */
  shuffles: number;
}

/** How `train` trains: the network, the optimizer and when to stop (run-train.ts makes it from the flags). */
export interface TrainOptions {
  hidden: number[];
  activation: Activation;
  optimizer: OptimizerName;
  variant: Variant;
  lr?: number;
  epochs: number;
  targetMse?: number;
  /** Seeds the initial weights and, with mini-batches, each epoch's shuffle. */
  seed: number;
  /**
   * Examples per optimizer step. Undefined, or the set's size or more (clamped to it): full batch,
   * one step per epoch on the whole set. Smaller: mini-batches, shuffled every epoch.
   */
  batchSize?: number;
  /**
   * What computes full-batch epochs: 'tfjs' (TF.js ops, the model's optimizer), or 'fused' (one
   * WebAssembly call per epoch, the core's Rprop; `--optimizer rprop`, full batch only: the caller
   * checks). Undefined: 'tfjs'.
   */
  engine?: EngineName;
  /**
   * Go on from a saved model instead of building one (`--resume`): `hidden`, `activation`,
   * `optimizer`, `variant` and `lr` must then be the saved model's (the caller checks).
   */
  start?: TrainStart;
  quiet: boolean;
}

/** What a `train` run ended with: the trained model, its figures, and the curve to plot. */
export interface TrainResult {
  model: tf.LayersModel;
  /** Epochs completed. */
  epochs: number;
  /** The batch size used: the set's size for full batch (a larger one given is clamped to it). */
  batchSize: number;
  /**
   * Optimizer steps this run took (the optimizer's iteration count, less a resumed optimizer's): `epochs` full batch; ⌈count / batchSize⌉
   * per epoch with mini-batches, plus those of an epoch cut short by divergence.
   */
  steps: number;
  reachedTarget: boolean;
  trainMse: number;
  trainBitFail: number;
  seconds: number;
  /** Milliseconds per epoch; null when no epoch ran (the target was met before the first). */
  msPerEpoch: number | null;
  /** Milliseconds per epoch after the first five (TF.js compiles and warms up its kernels there); null when no epoch ran. */
  msPerEpochSteady: number | null;
  /**
   * The whole training set's MSE before each epoch's steps, and at the point the run ended (unless that
   * is not finite): `curve[t]` after t epochs — t steps full batch, t × ⌈count / batchSize⌉ with
   * mini-batches.
   */
  curve: number[];
  /**
   * Set when training stopped because it diverged in the epoch after `epoch` complete ones: full batch,
   * the training MSE after `epoch` steps, or its gradient (which the optimizer refused), was `value`
   * (NaN or ±Infinity); with mini-batches, the MSE at the epoch's start, or a batch's MSE or
   * gradient at one of its steps.
   */
  diverged: { epoch: number; what: 'MSE' | 'batch MSE' | 'gradient'; value: string } | null;
  /** Epoch shuffles the seed's stream has given, the resumed-from run's included: what `--save` records. */
  shuffles: number;
}

/**
 * Trains an MLP, full batch by default: one optimizer step per epoch on the whole set (Rprop's
 * setting); with a `batchSize` below the set's size, one step per mini-batch (Signum's and Lion's
 * setting), every example once per epoch. Until the whole set's MSE, checked at the start of each
 * epoch, reaches `targetMse`, or `epochs` run out, or an MSE or gradient stops being finite
 * (diverged: no step can follow).
 */
export async function train(data: Dataset, o: TrainOptions): Promise<TrainResult> {
  const model = o.start?.model ?? buildMlp(data, o.hidden, o.activation, o.seed);
  const optimizer = o.start === undefined ? makeOptimizer(o.optimizer, o.variant, o.lr) : model.optimizer;
  if (o.start === undefined) model.compile({ optimizer, loss: 'meanSquaredError' });
  // The fused engine keeps the optimizer's state in the core's Rprop: a saved one is handed over.
  const savedState = o.start !== undefined && o.engine === 'fused' ? await optimizer.getWeights() : undefined;
  const x = tf.tensor2d(data.x, [data.count, data.inputs]);
  const y = tf.tensor2d(data.y, [data.count, data.outputs]);
  const xT = tf.transpose(x);
  const layers = mlpLayers(model);
  const fullBatchEngine = (): FullBatchEngine =>
    o.engine === 'fused'
      ? fusedFullBatch(layers, optimizer as RpropOptimizer, data, { variant: o.variant, lr: effectiveLr('rprop', o.lr) }, savedState)
      : tfjsFullBatch(model, optimizer, layers, x, xT, y);
  const batchSize = Math.min(o.batchSize ?? data.count, data.count);
  if (o.engine === 'fused' && (o.optimizer !== 'rprop' || batchSize < data.count)) {
    throw new Error(`train: the fused engine steps Rprop full batch only, not ${o.optimizer} with batches of ${batchSize} (the command checks its flags first)`);
  }
  // Full batch keeps its own path, as before mini-batches existed: no shuffle, and its step's gradient
  // comes with the MSE the curve records, at no extra tensor op.
  const shufflesBefore = o.start?.shuffles ?? 0;
  const nextBatches = batchSize < data.count ? shuffledBatches(data.count, batchSize, o.seed, shufflesBefore) : null;
  let shuffles = shufflesBefore;
  const full = nextBatches === null ? fullBatchEngine() : null;
  let steps = 0;
  const bar = progress(o.epochs, o.quiet);
  const curve: number[] = [];
  const start = performance.now();
  let reachedTarget = false;
  let diverged: TrainResult['diverged'] = null;
  let epoch = 0;
  const timer = new EpochTimer(start);
  let nextYield = start + YIELD_MS;
  const breathe = async () => {
    if (performance.now() < nextYield) return;
    await new Promise(setImmediate);
    nextYield = performance.now() + YIELD_MS;
  };
  const hooks = { breathe, onStep: () => steps++ };
  try {
    while (epoch < o.epochs) {
      timer.passStarts(curve.length, () => performance.now());
      if (performance.now() >= nextYield) await breathe(); // (tested first: an epoch not due awaits nothing)
      // FANN's MSE at the current point, and (full batch) one step from it (as fann_train_epoch does).
      const mse = full === null ? meanSquaredError(model, x, y) : full.lossAndGradient();
      try {
        if (!Number.isFinite(mse)) {
          diverged = { epoch, what: 'MSE', value: String(mse) };
          break;
        }
        if (o.targetMse !== undefined && mse <= o.targetMse) {
          // This point is the answer: no step from it, so the model kept (and saved) is the one whose
          // MSE is reported, after `epoch` epochs.
          curve.push(mse);
          reachedTarget = true;
          break;
        }
        if (full !== null) {
          full.step(mse);
          steps++;
        } else {
          const batches = nextBatches!();
          shuffles++;
          const nonFinite = await miniBatchEpoch(layers, optimizer, data, batches, hooks);
          if (nonFinite !== null) {
            diverged = { epoch, what: 'batch MSE', value: nonFinite };
            curve.push(mse); // (the whole set's MSE at the epoch's start was finite)
            break;
          }
        }
      } catch (error) {
        const value = refusedGradient(error);
        if (value === null) throw error;
        diverged = { epoch, what: 'gradient', value };
        curve.push(mse); // (the MSE itself was finite)
        break;
      } finally {
        full?.release();
      }
      curve.push(mse);
      epoch++;
      bar.update(epoch, () => full?.evaluate() ?? evaluate(model, x, y)); // (at the weights after this epoch's steps)
    }
  } finally {
    bar.stop(); // the terminal back as it was (cursor, line wrap), also when training throws
  }
  const end = performance.now();
  await full?.finish();
  const seconds = (end - start) / 1000;
  const final = evaluate(model, x, y);
  tf.dispose([x, xT, y]);
  // The loop checks the MSE before each epoch's steps, so the last epoch's steps are checked only
  // here: a run whose last step overshoots to Infinity or NaN has diverged as much as one stopped an
  // epoch later (was: `--epochs 3` reported diverged: false, saved the model and exited 0, where
  // `--epochs 4` said "diverged at epoch 3").
  if (diverged === null && !reachedTarget && !Number.isFinite(final.mse)) diverged = { epoch, what: 'MSE', value: String(final.mse) };
  // With no epoch run, the time is the first evaluation's: no time per epoch to report.
  const timing = timer.times(epoch, curve.length, end);
  // A run that used up its epochs ends at a point the loop did not record (it records the MSE before
  // each epoch's steps): the point reported, and saved. Without it the curve of `--epochs 1` is one dot at the
  // initial MSE, and every plot ends an epoch short of the MSE the run reports.
  if (diverged === null && !reachedTarget) curve.push(final.mse);
  return {
    model,
    epochs: epoch,
    batchSize,
    steps,
    reachedTarget: diverged === null && (reachedTarget || (o.targetMse !== undefined && final.mse <= o.targetMse)),
    trainMse: final.mse,
    trainBitFail: final.bitFail,
    seconds,
    ...timing,
    curve,
    diverged,
    shuffles,
  };
}
