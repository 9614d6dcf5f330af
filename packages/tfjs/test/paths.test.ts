import * as tf from '@tensorflow/tfjs';
import './wasm-backend.js';
import { Rprop, VARIANTS, type Variant } from 'rprop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, type SlotOptimizer } from 'rprop-tfjs';
import { firstDifference } from './helpers.js';

/** Steps with fixed gradient sequences (signs that hold, flip, and zeros) and returns the variables' values. */
let runs = 0;
function run(make: () => SlotOptimizer, composed: boolean, steps = 6): number[][] {
  runs++;
  const v = [tf.variable(tf.tensor1d([0.5, -1, 2, 0, 3, -0.25, 1e-3, 7, -7]), true, `a${runs}`), tf.variable(tf.tensor2d([[1, 2], [3, 4]]), true, `b${runs}`)];
  const opt = make();
  opt.forceComposedOps = composed;
  for (let t = 0; t < steps; t++) {
    const grads = v.map((x, k) => tf.tidy(() => tf.mul(tf.sin(tf.add(tf.mul(tf.range(0, x.size), 1.3 + k), t * 2.1)).reshape(x.shape), t % 3 === 2 ? -1 : 1)));
    // tf.Optimizer's Symbol.hasInstance makes every optimizer pass `instanceof RpropOptimizer`.
    if ('setLoss' in opt) (opt as RpropOptimizer).setLoss(10 - t + (t % 2) * 3);
    opt.applyGradients(v.map((x, k) => ({ name: x.name, tensor: grads[k]! })));
    tf.dispose(grads);
  }
  const out = v.map((x) => Array.from(x.dataSync()));
  opt.dispose();
  tf.dispose(v);
  return out;
}

/** The same steps with the core Rprop class on Float32Arrays. */
function runCore(variant: Variant, steps = 6): number[][] {
  const params = [Float32Array.of(0.5, -1, 2, 0, 3, -0.25, 1e-3, 7, -7), Float32Array.of(1, 2, 3, 4)].map((data) => ({ data, grad: null as Float32Array | null }));
  const opt = new Rprop(params, { variant, lr: 0.05 });
  for (let t = 0; t < steps; t++) {
    params.forEach((p, k) => {
      p.grad = Float32Array.from({ length: p.data.length }, (_, i) => Math.fround(Math.sin(Math.fround(Math.fround(i * (1.3 + k)) + Math.fround(t * 2.1)))) * (t % 3 === 2 ? -1 : 1));
    });
    opt.step(() => 10 - t + (t % 2) * 3);
  }
  return params.map((p) => Array.from(p.data));
}

describe.each(['cpu', 'wasm'])('on the %s backend', (backend) => {
  beforeAll(async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    expect(tf.getBackend()).toBe(backend);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(VARIANTS)('Rprop %s: the fused path, the composed-ops path and the core agree exactly', (variant) => {
    const make = () => new RpropOptimizer({ variant, lr: 0.05 });
    const fused = run(make, false);
    const composed = run(make, true);
    fused.forEach((values, k) => expect(firstDifference(values, composed[k]!), `variable ${k}`).toBeNull());
    if (backend === 'cpu') runCore(variant).forEach((values, k) => expect(firstDifference(fused[k]!, values), `core, variable ${k}`).toBeNull());
  });

  it.each([
    ['Signum', () => new SignumOptimizer({ lr: 0.1, beta: 0.8 })],
    ['Lion', () => new LionOptimizer({ lr: 0.1, betas: [0.8, 0.95], weightDecay: 0.2 })],
  ] as const)('%s: the fused and composed-ops paths agree exactly', (_name, make) => {
    const fused = run(make, false);
    run(make, true).forEach((values, k) => expect(firstDifference(fused[k]!, values), `variable ${k}`).toBeNull());
  });

  it('leaks no tensors: the count is unchanged over 10 steps after the first', () => {
    const v = tf.variable(tf.randomNormal([50, 20], 0, 1, 'float32', 3));
    const x = tf.randomNormal([8, 50], 0, 1, 'float32', 4);
    for (const opt of [new RpropOptimizer({ variant: 'irprop+' }), new RpropOptimizer(), new SignumOptimizer(), new LionOptimizer()] as SlotOptimizer[]) {
      const loss = () => tf.sum(tf.square(tf.matMul(x, v))) as tf.Scalar;
      opt.minimize(loss);
      const before = tf.memory().numTensors;
      for (let t = 0; t < 10; t++) opt.minimize(loss);
      expect(tf.memory().numTensors).toBe(before);
      opt.dispose();
    }
    tf.dispose([v, x]);
  });
});
