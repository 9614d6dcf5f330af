import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rprop } from 'rprop-tfjs';

// A limitation of TF.js, not of rprop-tfjs: tfjs-backend-wasm 4.22 has no kernel for the gradient of
// a convolution's filter (Conv2DBackpropFilter) nor of a gather (UnsortedSegmentSum, an embedding's
// gradient), so no optimizer can train those layers on wasm. The error comes from computing the
// gradients, before any optimizer runs; TF.js's own SGD fails alike.

const models: Array<[string, () => tf.LayersModel, () => tf.Tensor[], string]> = [
  ['Conv2D', () => tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [4, 4, 1], filters: 1, kernelSize: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 1 })] }),
    () => [tf.ones([2, 4, 4, 1]), tf.ones([2, 1])], 'Conv2DBackpropFilter'],
  ['Embedding', () => tf.sequential({ layers: [tf.layers.embedding({ inputDim: 4, outputDim: 2, inputLength: 2 }), tf.layers.flatten(), tf.layers.dense({ units: 1 })] }),
    () => [tf.tensor2d([[1, 2], [3, 0]], undefined, 'int32'), tf.ones([2, 1])], 'UnsortedSegmentSum'],
];

describe('layers TF.js cannot train on the wasm backend', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(models)('%s: fit fails for want of a gradient kernel, with rprop() and with tf.train.sgd alike', async (_name, build, samples, kernel) => {
    for (const optimizer of [rprop(), tf.train.sgd(0.1)]) {
      const model = build();
      model.compile({ optimizer, loss: 'meanSquaredError' });
      const [x, y] = samples() as [tf.Tensor, tf.Tensor];
      await expect(model.fit(x, y, { epochs: 1, verbose: 0 })).rejects.toThrow(`Kernel '${kernel}' not registered for backend 'wasm'`);
      tf.dispose([x, y]);
      optimizer.dispose();
      model.dispose();
    }
  });
});
