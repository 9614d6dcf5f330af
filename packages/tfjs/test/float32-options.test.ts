import { describe, expect, it } from 'vitest';
import { Rprop } from 'rprop';
import { LionOptimizer, RpropOptimizer, SignumOptimizer } from 'rprop-tfjs';

const why = 'once rounded to float32 (the type of TF.js variables)';
const justBelowOne = 1 - 1e-10; // < 1 as a double, 1 as a float32

// TF.js variables are float32, so the options are used rounded to float32: like the core for a group
// of float32 parameters, options that pass as doubles but not once rounded are refused.
describe('options are checked once rounded to float32', () => {
  it.each<[string, object, string]>([
    ['an η+ that rounds to 1', { etas: [0.5, 1 + 1e-10] }, `RpropOptimizer: etas[1] (η+) must be > 1 ${why}, got 1.0000000001`],
    ['an η− that rounds to 1', { etas: [justBelowOne, 1.2] }, `RpropOptimizer: etas[0] (η−) must satisfy 0 < η− < 1 ${why}, got ${justBelowOne}`],
    ['an η− that rounds to 0', { etas: [1e-50, 1.2] }, `RpropOptimizer: etas[0] (η−) must satisfy 0 < η− < 1 ${why}, got 1e-50`],
    ['an lr that overflows', { lr: 1e39 }, `RpropOptimizer: lr overflows to Infinity ${why}, got 1e+39`],
    ['a Δmax that overflows', { stepSizes: [0, 1e39] }, `RpropOptimizer: stepSizes[1] (Δmax) overflows to Infinity ${why}, got 1e+39`],
  ])('RpropOptimizer refuses %s, as the core does for float32 parameters', (_case, options, message) => {
    expect(() => new RpropOptimizer(options)).toThrow(RangeError);
    expect(() => new RpropOptimizer(options)).toThrow(message);
    expect(() => new Rprop([{ data: new Float32Array(1), grad: null }], options)).toThrow(message.replace('RpropOptimizer', 'Rprop').replace('TF.js variables', "this group's parameters"));
  });

  it.each<[string, () => unknown, string]>([
    ['Signum lr', () => new SignumOptimizer({ lr: 1e39 }), `SignumOptimizer: lr overflows to Infinity ${why}, got 1e+39`],
    ['Signum beta', () => new SignumOptimizer({ beta: justBelowOne }), `SignumOptimizer: beta must satisfy 0 ≤ beta < 1 ${why}, got ${justBelowOne}`],
    ['Lion lr', () => new LionOptimizer({ lr: 1e39 }), `LionOptimizer: lr overflows to Infinity ${why}, got 1e+39`],
    ['Lion β1', () => new LionOptimizer({ betas: [justBelowOne, 0.99] }), `LionOptimizer: betas[0] must satisfy 0 ≤ betas[0] < 1 ${why}, got ${justBelowOne}`],
    ['Lion β2', () => new LionOptimizer({ betas: [0.9, justBelowOne] }), `LionOptimizer: betas[1] must satisfy 0 ≤ betas[1] < 1 ${why}, got ${justBelowOne}`],
    ['Lion weightDecay', () => new LionOptimizer({ weightDecay: 1e39 }), `LionOptimizer: weightDecay overflows to Infinity ${why}, got 1e+39`],
  ])('%s that rounds out of range is refused', (_case, make, message) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(message);
  });

  it('values that stay in range once rounded are accepted', () => {
    expect(new RpropOptimizer({ lr: 3e38, etas: [1e-40, 1 + 2 ** -23], stepSizes: [0, 3e38] }).options.etas).toEqual([1e-40, 1 + 2 ** -23]);
    expect(new SignumOptimizer({ lr: 1e-50, beta: 1 - 2 ** -24 }).options.beta).toBe(1 - 2 ** -24);
    expect(new LionOptimizer({ betas: [0, 1 - 2 ** -24], weightDecay: 3e38 }).options.weightDecay).toBe(3e38);
  });
});
