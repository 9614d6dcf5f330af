import * as tf from '@tensorflow/tfjs';
import type { Variant } from 'rprop';
import type { Dataset } from '../data/dataset.js';
import { evaluate } from './metrics.js';
import { buildMlp, forward, type Activation } from './mlp.js';
import { makeOptimizer, type OptimizerName } from './optimizer.js';
import { progress } from './progress.js';

const WARM_UP = 5;

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
  msPerEpoch: number;
  /** Milliseconds per epoch after the first five (TF.js compiles and warms up its kernels there). */
  msPerEpochSteady: number;
  /** MSE before each epoch's step. */
  curve: number[];
}

/**
 * Trains an MLP full batch: one optimizer step per epoch on the whole set (Rprop's setting), until
 * the MSE reaches `targetMse` or `epochs` run out.
 */
export function train(data: Dataset, o: TrainOptions): TrainResult {
  const model = buildMlp(data, o.hidden, o.activation, o.seed);
  const optimizer = makeOptimizer(o.optimizer, o.variant, o.lr);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor2d(data.x, [data.count, data.inputs]);
  const y = tf.tensor2d(data.y, [data.count, data.outputs]);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const predict = forward(model);
  // FANN's MSE: the mean over samples and outputs of the squared error.
  const loss = () => tf.mean(tf.square(tf.sub(predict(x), y))) as tf.Scalar;
  const bar = progress(o.epochs, o.quiet);
  const curve: number[] = [];
  const start = performance.now();
  let reachedTarget = false;
  let epoch = 0;
  let warm = start;
  while (epoch < o.epochs) {
    if (curve.length === WARM_UP) warm = performance.now();
    const value = optimizer.minimize(loss, true, variables)!;
    const mse = value.dataSync()[0]!;
    value.dispose();
    curve.push(mse);
    if (o.targetMse !== undefined && mse <= o.targetMse) {
      // The step just taken was from a point already at the target: that point is the answer.
      reachedTarget = true;
      break;
    }
    epoch++;
    bar.update(epoch, mse, null);
  }
  const end = performance.now();
  const seconds = (end - start) / 1000;
  bar.stop();
  const final = evaluate(model, x, y);
  tf.dispose([x, y]);
  return {
    model,
    epochs: reachedTarget ? curve.length - 1 : epoch,
    reachedTarget: reachedTarget || (o.targetMse !== undefined && final.mse <= o.targetMse),
    trainMse: final.mse,
    trainBitFail: final.bitFail,
    seconds,
    msPerEpoch: (seconds * 1000) / Math.max(curve.length, 1),
    msPerEpochSteady: curve.length > WARM_UP ? (end - warm) / (curve.length - WARM_UP) : (seconds * 1000) / Math.max(curve.length, 1),
    curve,
  };
}
