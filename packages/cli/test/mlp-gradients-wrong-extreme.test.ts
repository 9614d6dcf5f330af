import * as tf from '../src/tf.js';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../src/train/backend.js';
import { buildMlp } from '../src/train/mlp.js';
import { mlpGradients, mlpLayers } from '../src/train/mlp-gradients.js';
import { referenceEpoch } from './mlp-reference.js';
import { WRONG_EXTREME_CASES } from './wrong-extreme.js';

// An output saturated at the wrong extreme must get its true gradient, tiny but not 0, on both
// backends (tanh is tf.tanh on cpu, 2·σ(2z) − 1 on wasm): a 0 there is a flat spot Rprop never leaves.

/** Relative to the reference's gradient magnitude: float32 rounding of z (|z| ≈ 30) and of the sigmoid. */
const TOLERANCE = 1e-4;

describe.each(['cpu', 'wasm'] as const)('mlpGradients with an output at the wrong extreme, %s backend', (backend) => {
  it.each(WRONG_EXTREME_CASES)('$name: the float64 reference\'s gradient, the output bias\'s of the sign that pulls it back', async ({ layers, weights, data, outputBiasSign }) => {
    await useBackend(backend);
    const model = buildMlp(data, [3], 'tanh', 1);
    const dense = mlpLayers(model);
    expect(dense.map((l) => l.activation)).toEqual(layers.map((l) => l.activation));
    const variables = dense.flatMap((l) => [l.kernel, l.bias]);
    variables.forEach((v, k) => v.assign(tf.tensor(weights[k]!, v.shape)));
    const x = tf.tensor2d(data.x, [data.count, data.inputs]);
    const y = tf.tensor2d(data.y, [data.count, data.outputs]);
    const xT = tf.transpose(x) as tf.Tensor2D;
    const { loss, grads } = mlpGradients(dense, x, xT, y);
    const ref = referenceEpoch(layers, weights, data);
    expect(ref.gradientMagnitude).toBeGreaterThan(0);
    variables.forEach((v, k) => {
      const got = grads[v.name]!.dataSync();
      for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - ref.grads[k]![i]!), `variable ${k}, element ${i}`).toBeLessThanOrEqual(TOLERANCE * ref.gradientMagnitude);
    });
    expect(Math.sign(grads[dense[1]!.bias.name]!.dataSync()[0]!)).toBe(outputBiasSign);
    tf.dispose([x, y, xT, loss, grads]);
    model.dispose();
  });
});
