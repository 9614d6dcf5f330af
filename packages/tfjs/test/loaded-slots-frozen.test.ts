import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { onCpuBackend } from './cpu-backend.js';
import { firstDifference, weightsOf } from './helpers.js';
import { MODEL_OPTIMIZERS } from './model-training.js';

// getWeights leaves out the slots of variables frozen now; setWeights's slots go, at the next step,
// to the trainable variables in order. So weights taken while a layer is frozen load back into a
// list that still holds it (the same compiled model, or a hand-written varList with BatchNormalization's
// moving statistics, which are never trainable) without binding the variables after it one place off.

/** Dense 3→4 → BatchNormalization → Dense 4→4 → Dense 4→4 → Dense 4→1, seeded: the middle Dense layers have equal shapes. */
function model(): tf.LayersModel {
  const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 4, inputShape: [3], activation: 'tanh', kernelInitializer: seeded(50) }),
      tf.layers.batchNormalization(),
      tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: seeded(51) }),
      tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: seeded(52) }),
      tf.layers.dense({ units: 1, kernelInitializer: seeded(53) }),
    ],
  });
}

const x = () => tf.tensor2d(Array.from({ length: 30 }, (_, i) => Math.sin(i * 1.1)), [10, 3]);
const y = () => tf.tensor2d(Array.from({ length: 10 }, (_, i) => Math.cos(i)), [10, 1]);

describe('weights taken while a variable is frozen, loaded back into a list that holds it', () => {
  onCpuBackend();

  it.each(MODEL_OPTIMIZERS)('%s: fit on the same compiled model, a layer frozen after compile, = no round trip, bit for bit', async (_label, make) => {
    const run = async (roundTrip: boolean) => {
      const m = model();
      m.compile({ optimizer: make(), loss: 'meanSquaredError' });
      const [xs, ys] = [x(), y()];
      await m.fit(xs, ys, { epochs: 3, batchSize: 10, verbose: 0 });
      m.layers[2]!.trainable = false;
      await m.fit(xs, ys, { epochs: 1, batchSize: 10, verbose: 0 });
      if (roundTrip) await m.optimizer.setWeights(await m.optimizer.getWeights());
      await m.fit(xs, ys, { epochs: 3, batchSize: 10, verbose: 0 });
      const weights = weightsOf(m);
      tf.dispose([xs, ys]);
      m.optimizer.dispose();
      m.dispose();
      return weights;
    };
    expect(firstDifference(await run(true), await run(false))).toBeNull();
  });

  it.each(MODEL_OPTIMIZERS)('%s: minimize over every weight, moving statistics included, resumed in a new optimizer = uninterrupted, bit for bit', async (_label, make) => {
    const run = async (resume: boolean) => {
      const m = model();
      // Layer by layer: the moving statistics sit between trainable weights (model.weights lists them last).
      const variables = m.layers.flatMap((l) => l.weights).map((w) => w.read() as tf.Variable);
      expect(variables.filter((v) => !v.trainable)).toHaveLength(2);
      const [xs, ys] = [x(), y()];
      const loss = () => tf.losses.meanSquaredError(ys, m.apply(xs, { training: true }) as tf.Tensor) as tf.Scalar;
      let opt = make();
      for (let t = 0; t < 6; t++) {
        if (resume && t === 3) {
          const resumed = make();
          await resumed.setWeights(await opt.getWeights());
          opt.dispose();
          opt = resumed;
        }
        opt.minimize(loss, false, variables);
      }
      const weights = weightsOf(m);
      tf.dispose([xs, ys]);
      opt.dispose();
      m.dispose();
      return weights;
    };
    expect(firstDifference(await run(true), await run(false))).toBeNull();
  });
});
