import * as tf from '../src/tf.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedMlp, type FusedActivation } from '../src/train/fused/fused-mlp.js';
import type { Activation } from '../src/train/choices.js';
import { buildMlp } from '../src/train/mlp.js';
import { mlpGradients, mlpLayers } from '../src/train/mlp-gradients.js';
import { randomDataset } from './random-dataset.js';

/**
 * Max |fused − TF.js| per gradient element, relative to the largest |TF.js| element of all: two
 * float32 computations that sum in different orders (and compute tanh differently: TF.js's cpu
 * backend by tanh itself, the kernel as 2/(1 + e^(−2z)) − 1). Observed here: at most 3.2e-7.
 */
const GRADIENT_TOLERANCE = 1e-5;
/** |fused MSE − TF.js loss| relative to the loss; TF.js sums in float32, the kernel in float64. Observed: at most 1.8e-8. */
const LOSS_TOLERANCE = 1e-5;

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
});

describe('FusedMlp against mlpGradients (TF.js, cpu backend) for models from buildMlp', () => {
  const cases: Array<{ inputs: number; hidden: number[]; outputs: number; activation: Activation; range: [number, number] }> = [
    { inputs: 8, hidden: [16], outputs: 2, activation: 'tanh', range: [0, 1] }, // FANN's diabetes shape; sigmoid output
    { inputs: 5, hidden: [6, 7], outputs: 3, activation: 'sigmoid', range: [-1, 1] }, // tails of 2, 3, 3; tanh output
    { inputs: 3, hidden: [9, 5], outputs: 1, activation: 'relu', range: [-3, 4] }, // linear output
  ];
  it.each(cases)('equal loss and gradients: $inputs → $hidden → $outputs, $activation', ({ inputs, hidden, outputs, activation, range }) => {
    const data = randomDataset(150, inputs, outputs, range, 2024, 3);
    const model = buildMlp(data, hidden, activation, 11);
    const layers = mlpLayers(model);
    const x = tf.tensor2d(data.x, [data.count, data.inputs]);
    const y = tf.tensor2d(data.y, [data.count, data.outputs]);
    const xT = tf.transpose(x) as tf.Tensor2D;
    const expected = mlpGradients(layers, x, xT, y);
    const net = FusedMlp.create(
      layers.map((l) => ({ inputs: l.kernel.shape[0]!, units: l.kernel.shape[1]!, activation: l.activation as FusedActivation })),
      data,
    );
    // model.trainableWeights is [kernel0, bias0, kernel1, bias1, …]: the fused views' order.
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    variables.forEach((v, k) => net.weights[k]!.set(v.dataSync()));
    const loss = net.lossAndGradients();
    const want = variables.map((v) => expected.grads[v.name]!.dataSync());
    const largest = Math.max(...want.flatMap((g) => Array.from(g, Math.abs)));
    expect(largest).toBeGreaterThan(0);
    const tfLoss = expected.loss.dataSync()[0]!;
    expect(Math.abs(loss - tfLoss)).toBeLessThanOrEqual(LOSS_TOLERANCE * tfLoss);
    want.forEach((g, k) => {
      expect(net.grads[k]!.length).toBe(g.length);
      for (let i = 0; i < g.length; i++) expect(Math.abs(net.grads[k]![i]! - g[i]!), `${variables[k]!.name}[${i}]`).toBeLessThanOrEqual(GRADIENT_TOLERANCE * largest);
    });
    net.dispose();
    tf.dispose([x, y, xT, expected.loss, expected.grads]);
    model.dispose();
  });
});
