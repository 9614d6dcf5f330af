import * as tf from '@tensorflow/tfjs';
import type { Variant } from 'rprop';
import type { Dataset } from '../data/dataset.js';
import { evaluate } from './metrics.js';
import { buildMlp, type Activation } from './mlp.js';
import { mlpGradients, mlpLayers } from './mlp-gradients.js';
import { makeOptimizer, type OptimizerName } from './optimizer.js';
import { progress } from './progress.js';
import { refusedGradient } from './refused-gradient.js';
import type { RpropOptimizer } from 'rprop-tfjs';

const WARM_UP = 5;
/** How often the loop lets the event loop run, so a signal's handler (interrupt.ts) gets its turn. */
const YIELD_MS = 100;

export interface TrainOptions {
  hidden: number[];
  activation: Activation;
  optimizer: OptimizerName;
  variant: Variant;
  lr?: number;
  epochs: number;
  targetMse?: number;
  seed: number;
  quiet: boolean;
}

export interface TrainResult {
  model: tf.LayersModel;
  epochs: number;
  reachedTarget: boolean;
  trainMse: number;
  trainBitFail: number;
  seconds: number;
  /** Milliseconds per epoch; null when no epoch ran (the target was met before the first). */
  msPerEpoch: number | null;
  /** Milliseconds per epoch after the first five (TF.js compiles and warms up its kernels there); null when no epoch ran. */
  msPerEpochSteady: number | null;
  /** The MSE before each epoch's step, and at the point the run ended (unless that is not finite): `curve[t]` after t steps. */
  curve: number[];
  /**
   * Set when training stopped because it diverged: after `epoch` steps the training MSE, or its
   * gradient (which the optimizer refused), was `value` (NaN or ±Infinity).
   */
  diverged: { epoch: number; what: 'MSE' | 'gradient'; value: string } | null;
}

/**
 * Trains an MLP full batch: one optimizer step per epoch on the whole set (Rprop's setting), until
 * the MSE reaches `targetMse` or `epochs` run out, or the MSE or its gradient stops being finite
 * (diverged: no step can follow).
 */
export async function train(data: Dataset, o: TrainOptions): Promise<TrainResult> {
  const model = buildMlp(data, o.hidden, o.activation, o.seed);
  const optimizer = makeOptimizer(o.optimizer, o.variant, o.lr);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor2d(data.x, [data.count, data.inputs]);
  const y = tf.tensor2d(data.y, [data.count, data.outputs]);
  const xT = tf.transpose(x);
  const layers = mlpLayers(model);
  const bar = progress(o.epochs, o.quiet);
  const curve: number[] = [];
  const start = performance.now();
  let reachedTarget = false;
  let diverged: TrainResult['diverged'] = null;
  let epoch = 0;
  let warm = start;
  let nextYield = start + YIELD_MS;
  try {
    while (epoch < o.epochs) {
      if (curve.length === WARM_UP) warm = performance.now();
      if (performance.now() >= nextYield) {
        await new Promise(setImmediate);
        nextYield = performance.now() + YIELD_MS;
      }
      // FANN's MSE at the current point, and one step from it (as fann_train_epoch does).
      const { loss, grads } = mlpGradients(layers, x, xT, y);
      const mse = loss.dataSync()[0]!;
      try {
        if (!Number.isFinite(mse)) {
          diverged = { epoch, what: 'MSE', value: String(mse) };
          break;
        }
        if (o.targetMse !== undefined && mse <= o.targetMse) {
          // This point is the answer: no step from it, so the model kept (and saved) is the one whose
          // MSE is reported, after `epoch` steps.
          curve.push(mse);
          reachedTarget = true;
          break;
        }
        // (Not `instanceof`: tf.Optimizer's Symbol.hasInstance makes every optimizer an RpropOptimizer.)
        if (hasSetLoss(optimizer)) optimizer.setLoss(mse); // the + variants compare successive losses
        optimizer.applyGradients(grads);
      } catch (error) {
        const value = refusedGradient(error);
        if (value === null) throw error;
        diverged = { epoch, what: 'gradient', value };
        curve.push(mse); // (the MSE itself was finite)
        break;
      } finally {
        tf.dispose([loss, grads]);
      }
      curve.push(mse);
      epoch++;
      bar.update(epoch, mse, () => evaluate(model, x, y).bitFail); // (at the weights after this epoch's step)
    }
  } finally {
    bar.stop(); // the terminal back as it was (cursor, line wrap), also when training throws
  }
  const end = performance.now();
  const seconds = (end - start) / 1000;
  const final = evaluate(model, x, y);
  tf.dispose([x, xT, y]);
  const timing = {
    // With no epoch run, the time is the first evaluation's: no time per epoch to report.
    msPerEpoch: epoch === 0 ? null : (seconds * 1000) / curve.length,
    msPerEpochSteady: epoch === 0 ? null : curve.length > WARM_UP ? (end - warm) / (curve.length - WARM_UP) : (seconds * 1000) / curve.length,
  };
  // A run that used up its epochs ends at a point the loop did not record (it records the MSE before
  // each step): the point reported, and saved. Without it the curve of `--epochs 1` is one dot at the
  // initial MSE, and every plot ends an epoch short of the MSE the run reports.
  if (diverged === null && !reachedTarget) curve.push(final.mse);
  return {
    model,
    epochs: epoch,
    reachedTarget: diverged === null && (reachedTarget || (o.targetMse !== undefined && final.mse <= o.targetMse)),
    trainMse: final.mse,
    trainBitFail: final.bitFail,
    seconds,
    ...timing,
    curve,
    diverged,
  };
}

function hasSetLoss(o: tf.Optimizer): o is tf.Optimizer & Pick<RpropOptimizer, 'setLoss'> {
  return typeof (o as Partial<Pick<RpropOptimizer, 'setLoss'>>).setLoss === 'function';
}
