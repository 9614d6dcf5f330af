import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { NonFiniteGradientError } from 'rprop';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, rprop } from 'rprop-tfjs';
import { onCpuBackend } from './cpu-backend.js';

describe('bad input', () => {
  onCpuBackend();

  it.each<[string, () => unknown, string]>([
    ['η− ≥ 1', () => rprop({ etas: [1.5, 1.2] }), 'RpropOptimizer: etas[0] (η−) must satisfy 0 < η− < 1, got 1.5'],
    ['unknown variant', () => new RpropOptimizer({ variant: 'rprop' as never }), `RpropOptimizer: variant must be one of 'rprop-', 'irprop-', 'rprop+', 'irprop+', got "rprop"`],
    ['Signum β', () => new SignumOptimizer({ beta: 2 }), 'SignumOptimizer: beta must satisfy 0 ≤ beta < 1, got 2'],
    ['Lion lr', () => new LionOptimizer({ lr: -1 }), 'LionOptimizer: lr must be ≥ 0, got -1'],
    ['PyTorch\'s step_sizes', () => rprop({ step_sizes: [1e-6, 50] } as never),
      `RpropOptimizer: unknown option "step_sizes" (did you mean 'stepSizes'?); the options are lr, etas, stepSizes, variant, maximize`],
    ['an unknown Signum option', () => new SignumOptimizer({ momentum: 0.9 } as never), 'SignumOptimizer: unknown option "momentum"; the options are lr, beta, maximize'],
    ['Lion weight_decay', () => new LionOptimizer({ weight_decay: 0.1 } as never),
      `LionOptimizer: unknown option "weight_decay" (did you mean 'weightDecay'?); the options are lr, betas, weightDecay, maximize`],
    // The learning rate by position, as tf.train.adam(0.1): not silently the default.
    ['rprop(0.1)', () => rprop(0.1 as never), 'RpropOptimizer: options must be an object of named options, got 0.1 (the learning rate goes in as { lr: 0.1 })'],
    ['rprop(a Map)', () => rprop(new Map([['lr', 0.1]]) as never), 'RpropOptimizer: options must be an object of named options, got a Map (Object.fromEntries(map) makes one)'],
    ['new SignumOptimizer(0.1)', () => new SignumOptimizer(0.1 as never), 'SignumOptimizer: options must be an object of named options, got 0.1 (the learning rate goes in as { lr: 0.1 })'],
    ["new LionOptimizer('fast')", () => new LionOptimizer('fast' as never), 'LionOptimizer: options must be an object of named options, got "fast"'],
    ['a British option', () => rprop({ maximise: true } as never),
      `RpropOptimizer: unknown option "maximise" (did you mean 'maximize'?); the options are lr, etas, stepSizes, variant, maximize`],
  ])('%s is refused at construction', (_case, make, message) => {
    expect(make).toThrow(message);
  });

  it('Signum and Lion name their own class in option errors, keeping the error type', () => {
    expect(() => new SignumOptimizer({ maximize: 'yes' as never })).toThrow(TypeError);
    expect(() => new SignumOptimizer({ maximize: 'yes' as never })).toThrow(/^SignumOptimizer: maximize must be true or false/);
    expect(() => new LionOptimizer({ betas: [0.9, 1] })).toThrow(RangeError);
    expect(() => new LionOptimizer({ betas: [0.9, 1] })).toThrow(/^LionOptimizer: betas\[1\] must satisfy/);
  });

  it('a + variant given gradients without a loss says what it needs, and changes nothing', () => {
    const v = tf.variable(tf.tensor1d([1, 2, 3]), true, 'noLoss');
    const opt = new RpropOptimizer({ variant: 'irprop+' });
    const g = tf.tensor1d([1, -1, 1]);
    expect(() => opt.applyGradients([{ name: v.name, tensor: g }])).toThrow(
      "RpropOptimizer: the 'irprop+' variant needs the loss: train with minimize() or model.fit, or call setLoss(loss) before applyGradients; nothing was changed",
    );
    expect(Array.from(v.dataSync())).toEqual([1, 2, 3]);
    expect(opt.iterations).toBe(0);
    opt.setLoss(1);
    opt.applyGradients([{ name: v.name, tensor: g }]);
    expect(Array.from(v.dataSync())).not.toEqual([1, 2, 3]);
    tf.dispose([v, g]);
    opt.dispose();
  });

  it('a NaN gradient is refused naming the variable and index, before any variable or slot changes', async () => {
    const a = tf.variable(tf.tensor1d([1, 2]), true, 'goodOne');
    const b = tf.variable(tf.tensor1d([3, 4, 5]), true, 'badOne');
    const opt = new RpropOptimizer();
    const ga = tf.tensor1d([1, 1]);
    const gb = tf.tensor1d([1, NaN, 1]);
    const refusal = (() => {
      try {
        opt.applyGradients([{ name: a.name, tensor: ga }, { name: b.name, tensor: gb }]);
      } catch (e) {
        return e;
      }
    })();
    expect(refusal).toBeInstanceOf(NonFiniteGradientError); // the core's type: code can tell divergence from a bug
    expect(refusal).toMatchObject({ message: "RpropOptimizer: the gradient of 'badOne' is NaN at index 1; nothing was changed", parameter: "'badOne'", index: 1 });
    expect((refusal as NonFiniteGradientError).value).toBeNaN();
    expect(Array.from(a.dataSync())).toEqual([1, 2]);
    expect(Array.from(b.dataSync())).toEqual([3, 4, 5]);
    expect((await opt.getWeights()).length).toBe(2); // iterations and prevLoss: no slots were made
    tf.dispose([a, b, ga, gb]);
    opt.dispose();
  });

  it.each([
    ['SignumOptimizer', () => new SignumOptimizer()],
    ['LionOptimizer', () => new LionOptimizer()],
  ] as const)('%s names itself when it refuses a gradient', (name, make) => {
    const v = tf.variable(tf.tensor1d([1, 2]), true, `refusedBy${name}`);
    const g = tf.tensor1d([Infinity, 1]);
    const opt = make();
    expect(() => opt.applyGradients([{ name: v.name, tensor: g }])).toThrow(`${name}: the gradient of '${v.name}' is Infinity at index 0; nothing was changed`);
    tf.dispose([v, g]);
    opt.dispose();
  });

  it('an int32 variable is refused before any slot is made', async () => {
    const v = tf.variable(tf.tensor1d([1, 2], 'int32'), true, 'int32Variable');
    const g = tf.tensor1d([1, 1]);
    const opt = new RpropOptimizer();
    expect(() => opt.applyGradients([{ name: v.name, tensor: g }])).toThrow(
      "RpropOptimizer: variable 'int32Variable' is int32 and its gradient float32; only float32 is supported; nothing was changed",
    );
    expect((await opt.getWeights()).length).toBe(2); // iterations and prevLoss: no slots were made
    tf.dispose([v, g]);
    opt.dispose();
  });

  // The gradient's dtype is checked too: the fused path reads its storage as float32 values, and the
  // composed ops would fail mid-step on mixing dtypes, after some of the state had been written.
  it.each([false, true])('an int32 gradient of a float32 variable is refused, changing nothing (composed ops: %s)', async (composed) => {
    const v = tf.variable(tf.tensor1d([1, 2]), true, `int32Gradient${composed}`);
    const g = tf.tensor1d([1, -1], 'int32');
    const opt = new RpropOptimizer();
    opt.forceComposedOps = composed;
    expect(() => opt.applyGradients([{ name: v.name, tensor: g }])).toThrow(
      `RpropOptimizer: variable '${v.name}' is float32 and its gradient int32; only float32 is supported; nothing was changed`,
    );
    expect(Array.from(v.dataSync())).toEqual([1, 2]);
    expect((await opt.getWeights()).length).toBe(2); // iterations and prevLoss: no slots were made
    tf.dispose([v, g]);
    opt.dispose();
  });
});
