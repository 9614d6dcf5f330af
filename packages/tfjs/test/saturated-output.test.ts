import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';

// docs/tfjs.md's advice on saturated outputs, held to what TF.js does. A sigmoid output far past its
// range rounds to exactly 1 in float32, TF.js's sigmoid gradient y·(1 − y) is then exactly 0, and so is
// every gradient through it: Rprop, which reads only signs, has nothing to step on, even with the
// output wrong. The logits with a loss that takes them (sigmoidCrossEntropy) keep a gradient σ(z) − t.
// (`rprop train` takes its derivatives from z for this reason; see docs/fann-comparison.md.)

/** One dense unit with weight 40 and bias 0 on the input 1: z = 40, σ(z) rounds to 1; the target is 0. */
function saturatedUnit(): { w: tf.Variable; b: tf.Variable; x: tf.Tensor2D; t: tf.Tensor2D } {
  return { w: tf.variable(tf.tensor2d([[40]])), b: tf.variable(tf.tensor1d([0])), x: tf.tensor2d([[1]]), t: tf.tensor2d([[0]]) };
}

describe('a sigmoid output saturated at the wrong extreme (float32)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has a gradient of exactly 0 through sigmoid + MSE, so an Rprop step leaves the weights where they are', () => {
    const { w, b, x, t } = saturatedUnit();
    const loss = () => tf.losses.meanSquaredError(t, tf.sigmoid(tf.add(tf.matMul(x, w), b))) as tf.Scalar;
    const { grads } = tf.variableGrads(loss);
    expect(tf.sigmoid(tf.scalar(40)).dataSync()[0]).toBe(1);
    expect(loss().dataSync()[0]).toBe(1); // the output is as wrong as it can be
    expect(grads[w.name]!.dataSync()[0]).toBe(0);
    expect(grads[b.name]!.dataSync()[0]).toBe(0);
    const optimizer = new RpropOptimizer({ lr: 0.1 });
    for (let i = 0; i < 5; i++) optimizer.minimize(loss, false, [w, b]);
    expect(w.dataSync()[0]).toBe(40);
    expect(b.dataSync()[0]).toBe(0);
    optimizer.dispose();
    tf.dispose([w, b, x, t, ...Object.values(grads)]);
  });

  it('keeps a gradient through the logits and sigmoidCrossEntropy, so Rprop moves z down toward the target', () => {
    const { w, b, x, t } = saturatedUnit();
    const loss = () => tf.losses.sigmoidCrossEntropy(t, tf.add(tf.matMul(x, w), b)) as tf.Scalar;
    const { grads } = tf.variableGrads(loss);
    expect(grads[w.name]!.dataSync()[0]).toBeGreaterThan(0); // σ(40) − 0, times the input 1
    const optimizer = new RpropOptimizer({ lr: 0.1 });
    for (let i = 0; i < 5; i++) optimizer.minimize(loss, false, [w, b]);
    expect(w.dataSync()[0]).toBeLessThan(40);
    expect(b.dataSync()[0]).toBeLessThan(0);
    optimizer.dispose();
    tf.dispose([w, b, x, t, ...Object.values(grads)]);
  });
});
