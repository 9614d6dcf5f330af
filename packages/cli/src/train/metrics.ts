import * as tf from '@tensorflow/tfjs';

/**
 * MSE as FANN reports it (mean over outputs and samples) and the bit-fail count: outputs that are
 * not within 0.5 of their target, NaN outputs included (NaN ≥ 0.5 is false, yet NaN is no answer).
 */
export function evaluate(model: tf.LayersModel, x: tf.Tensor2D, y: tf.Tensor2D): { mse: number; bitFail: number } {
  return tf.tidy(() => {
    const error = tf.sub(model.predict(x) as tf.Tensor2D, y);
    const mse = tf.mean(tf.square(error)).dataSync()[0]!;
    const bitFail = tf.sum(tf.cast(tf.logicalNot(tf.less(tf.abs(error), 0.5)), 'int32')).dataSync()[0]!;
    return { mse, bitFail };
  });
}
