import * as tf from '@tensorflow/tfjs';
import { Lion, Rprop, Signum, type Parameter } from 'rprop';
import { describe, expect, it } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { firstDifference } from './helpers.js';

// The gradients real layers make, rank 1 to 4, an embedding's zero rows, an LSTM's four gates, fed
// to the tfjs optimizer and to the core's on the same values: the weights must agree bit for bit,
// on the cpu backend's fused path and on the composed ops (webgl's path).

type Core = { step(closure?: () => number): unknown };
const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });

/** Each model with its data and loss: [name, model, loss of the model on its data]. */
const models: Array<[string, () => { model: tf.LayersModel; loss: () => tf.Scalar; data: tf.Tensor[] }]> = [
  ['Conv2D + MaxPool + Dense', () => {
    const model = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [5, 5, 2], filters: 3, kernelSize: 2, activation: 'relu', kernelInitializer: seeded(30) }),
      tf.layers.maxPooling2d({ poolSize: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 2, kernelInitializer: seeded(31) }),
    ] });
    const x = tf.tensor4d(Array.from({ length: 4 * 50 }, (_, i) => Math.sin(i * 0.77)), [4, 5, 5, 2]);
    const y = tf.tensor2d([[1, 0], [0, 1], [1, 0], [0, 1]]);
    return { model, data: [x, y], loss: () => tf.losses.softmaxCrossEntropy(y, model.apply(x) as tf.Tensor) as tf.Scalar };
  }],
  ['Embedding + Flatten + Dense', () => {
    const model = tf.sequential({ layers: [
      tf.layers.embedding({ inputDim: 8, outputDim: 3, inputLength: 2, embeddingsInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: 32 }) }),
      tf.layers.flatten(), tf.layers.dense({ units: 1, kernelInitializer: seeded(33) }),
    ] });
    const x = tf.tensor2d([[1, 2], [3, 1], [5, 6], [2, 2]], undefined, 'int32');
    const y = tf.tensor2d([[1], [-1], [0.5], [0]]);
    return { model, data: [x, y], loss: () => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar };
  }],
  ['LSTM + Dense', () => {
    const model = tf.sequential({ layers: [
      tf.layers.lstm({ units: 2, inputShape: [3, 2], kernelInitializer: seeded(34), recurrentInitializer: seeded(35) }),
      tf.layers.dense({ units: 1, kernelInitializer: seeded(36) }),
    ] });
    const x = tf.tensor3d(Array.from({ length: 24 }, (_, i) => Math.cos(i * 0.5)), [4, 3, 2]);
    const y = tf.tensor2d([[0.3], [-0.2], [0.1], [0.4]]);
    return { model, data: [x, y], loss: () => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar };
  }],
];

const optimizers: Array<[string, () => SlotOptimizer, (p: Parameter[]) => Core]> = [
  ['irprop-', () => new RpropOptimizer({ variant: 'irprop-', lr: 0.02 }), (p) => new Rprop(p, { variant: 'irprop-', lr: 0.02 })],
  ['irprop+', () => new RpropOptimizer({ variant: 'irprop+', lr: 0.02 }), (p) => new Rprop(p, { variant: 'irprop+', lr: 0.02 })],
  ['Signum', () => new SignumOptimizer({ lr: 0.01, beta: 0.8 }), (p) => new Signum(p, { lr: 0.01, beta: 0.8 })],
  ['Lion', () => new LionOptimizer({ lr: 0.01, weightDecay: 0.1 }), (p) => new Lion(p, { lr: 0.01, weightDecay: 0.1 })],
];

describe.each(models)('%s: steps on its gradients equal the core optimizer, bit for bit', (_model, build) => {
  onCpuBackend();

  describe.each([false, true])('composed ops: %s', (composed) => {
    it.each(optimizers)('%s', (_label, make, makeCore) => {
      const { model, loss, data } = build();
      const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const params: Parameter[] = variables.map((v) => ({ data: Float32Array.from(v.dataSync()), grad: null }));
      const initial = params.map((p) => Array.from(p.data));
      const core = makeCore(params);
      const opt = make();
      opt.forceComposedOps = composed;
      for (let t = 0; t < 6; t++) {
        const { value, grads } = tf.variableGrads(loss, variables);
        const f = value.dataSync()[0]!;
        params.forEach((p, i) => (p.grad = Float32Array.from(grads[variables[i]!.name]!.dataSync())));
        if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(f);
        opt.applyGradients(variables.map((v) => ({ name: v.name, tensor: grads[v.name]! })));
        core.step(() => f);
        tf.dispose([value, ...Object.values(grads)]);
      }
      variables.forEach((v, i) => expect(firstDifference(Array.from(v.dataSync()), Array.from(params[i]!.data)), v.name).toBeNull());
      variables.forEach((v, i) => expect(firstDifference(Array.from(v.dataSync()), initial[i]!), `${v.name} moved`).not.toBeNull());
      tf.dispose(data);
      opt.dispose();
      model.dispose();
    });
  });
});
