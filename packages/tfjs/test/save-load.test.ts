import * as tf from '@tensorflow/tfjs';
import { VARIANTS } from 'rprop';
import { describe, expect, it } from 'vitest';
import { LionOptimizer, RpropOptimizer, SignumOptimizer } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';
import { firstDifference, fitOnData, smallModel, weightsOf } from './helpers.js';
import { saveAndLoad } from './model-training.js';

const makers: Array<[string, () => tf.Optimizer]> = [
  ...VARIANTS.map((variant) => [`Rprop ${variant}`, () => new RpropOptimizer({ variant, lr: 0.02 })] as [string, () => tf.Optimizer]),
  ['Signum', () => new SignumOptimizer({ lr: 0.01 })],
  ['Lion', () => new LionOptimizer({ lr: 0.01, weightDecay: 0.1 })],
];

describe('save with the optimizer, load, continue = uninterrupted training, bit for bit', () => {
  onCpuBackend();

  it.each(makers)('%s', async (_name, make) => {
    const straight = smallModel();
    straight.compile({ optimizer: make(), loss: 'meanSquaredError' });
    await fitOnData(straight, 12);

    const first = smallModel();
    first.compile({ optimizer: make(), loss: 'meanSquaredError' });
    await fitOnData(first, 6);
    const resumed = await saveAndLoad(first);
    expect(resumed.optimizer.getClassName()).toBe(first.optimizer.getClassName());
    expect(resumed.optimizer.getConfig()).toEqual(first.optimizer.getConfig());
    await fitOnData(resumed, 6);

    expect(firstDifference(weightsOf(resumed), weightsOf(straight))).toBeNull();
    const a = await resumed.optimizer.getWeights();
    const b = await straight.optimizer.getWeights();
    expect(a.length).toBe(b.length);
    a.forEach((w, k) => expect(firstDifference(Array.from(w.tensor.dataSync()), Array.from(b[k]!.tensor.dataSync())), `optimizer weight ${k}`).toBeNull());
    expect(weightsOf(resumed)).not.toEqual(weightsOf(smallModel()));
  });
});

describe('getConfig, fromConfig and a save round trip keep every option, not only the defaults', () => {
  onCpuBackend();

  const given: Array<[string, () => tf.Optimizer & { options: object }, typeof RpropOptimizer | typeof SignumOptimizer | typeof LionOptimizer]> = [
    ['Rprop', () => new RpropOptimizer({ lr: 0.03, etas: [0.4, 1.3], stepSizes: [1e-5, 10], variant: 'rprop+', maximize: true }), RpropOptimizer],
    ['Signum', () => new SignumOptimizer({ lr: 0.02, beta: 0.8, maximize: true }), SignumOptimizer],
    ['Lion', () => new LionOptimizer({ lr: 0.002, betas: [0.8, 0.9], weightDecay: 0.1, maximize: true }), LionOptimizer],
  ];

  it.each(given)('%s', async (_name, make, cls) => {
    const opt = make();
    const again = cls.fromConfig(cls as never, opt.getConfig()) as unknown as { options: object };
    expect(again.options).toEqual(opt.options);
    const model = smallModel();
    model.compile({ optimizer: opt, loss: 'meanSquaredError' });
    await fitOnData(model, 1);
    const resumed = await saveAndLoad(model);
    expect((resumed.optimizer as unknown as { options: object }).options).toEqual(opt.options);
  });
});
