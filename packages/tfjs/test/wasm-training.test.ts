import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { afterAll, describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';
import { data, smallModel } from './helpers.js';

async function losses(backend: string): Promise<number[]> {
  expect(await tf.setBackend(backend)).toBe(true);
  const model = smallModel(5);
  const { x, y } = data();
  const optimizer = new RpropOptimizer({ variant: 'irprop+', lr: 0.05 });
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const out: number[] = [];
  for (let t = 0; t < 25; t++) {
    const loss = optimizer.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar, true, vars)!;
    out.push(loss.dataSync()[0]!);
    loss.dispose();
  }
  tf.dispose([x, y]);
  optimizer.dispose();
  model.dispose();
  return out;
}

describe('training on the wasm backend', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('every update reaches the next forward pass (XNNPACK caches packed weights per tensor)', async () => {
    const cpu = await losses('cpu');
    const wasm = await losses('wasm');
    // Same weights every step (only gradient signs matter); the losses differ by matmul rounding only.
    wasm.forEach((l, t) => expect(Math.abs(l - cpu[t]!) / cpu[t]!, `step ${t}`).toBeLessThan(1e-5));
    expect(wasm[24]).toBeLessThan(wasm[0]!);
  });
});
