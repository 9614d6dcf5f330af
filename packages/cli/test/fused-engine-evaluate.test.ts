import * as tf from '../src/tf.js';
import { RpropOptimizer } from 'rprop-tfjs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../src/data/dataset.js';
import { fusedFullBatch } from '../src/train/fused/fused-full-batch.js';
import { evaluate } from '../src/train/metrics.js';
import { buildMlp } from '../src/train/mlp.js';
import { mlpLayers } from '../src/train/mlp-gradients.js';

// The engine's `evaluate` gives the progress bar its figures; the CLI tests only check their format.
// At weights all zero the linear output is 0 for every sample, so the errors are the targets
// themselves, none near the 0.5 threshold, and the bit-fail count is certain.

describe('fusedFullBatch evaluate', () => {
  it("gives the MSE and bit-fail count that metrics.ts's evaluate gives the model", async () => {
    await tf.setBackend('cpu');
    const y = [0, 3, 0.2, -2, 0.1, 1.5];
    const data: Dataset = { source: 'test', count: 6, inputs: 2, outputs: 1, x: Float32Array.from({ length: 12 }, (_, i) => i / 4 - 1), y: Float32Array.from(y) };
    const model = buildMlp(data, [3], 'tanh', 1);
    model.setWeights(model.getWeights().map((w) => tf.zerosLike(w)));
    const optimizer = new RpropOptimizer({ variant: 'irprop-' });
    const engine = fusedFullBatch(mlpLayers(model), optimizer, data, { variant: 'irprop-', lr: 0.1 });
    const x = tf.tensor2d(data.x, [data.count, data.inputs]);
    const t = tf.tensor2d(data.y, [data.count, data.outputs]);
    const want = evaluate(model, x, t);
    expect(want.bitFail).toBe(y.filter((v) => Math.abs(v) >= 0.5).length);
    const got = engine.evaluate();
    expect(got.bitFail).toBe(want.bitFail);
    expect(got.mse).toBeCloseTo(want.mse, 6);
    await engine.finish();
    tf.dispose([x, t]);
    optimizer.dispose();
    model.dispose();
  });
});
