import { describe, expect, it } from 'vitest';
import { LION_DEFAULTS, RPROP_DEFAULTS, SIGNUM_DEFAULTS } from 'rprop';
import { LionOptimizer, RpropOptimizer, SignumOptimizer } from 'rprop-tfjs';

// As the constructors' TSDoc says: `{ lr: undefined }` (an option spread from a config that lacks it) is the default,
// as the core's `{ ...defaults, ...options }` minus its undefined entries makes it; not an error about lr.
describe('an option left undefined is its default', () => {
  it.each<[string, () => { options: object }, object]>([
    ['RpropOptimizer', () => new RpropOptimizer({ lr: undefined, etas: undefined, stepSizes: undefined, variant: undefined, maximize: undefined }), RPROP_DEFAULTS],
    ['SignumOptimizer', () => new SignumOptimizer({ lr: undefined, beta: undefined, maximize: undefined }), SIGNUM_DEFAULTS],
    ['LionOptimizer', () => new LionOptimizer({ lr: undefined, betas: undefined, weightDecay: undefined, maximize: undefined }), LION_DEFAULTS],
  ])('%s', (_name, make, defaults) => {
    expect(make().options).toEqual(defaults);
  });

  it('RpropOptimizer: given options keep their values beside undefined ones', () => {
    expect(new RpropOptimizer({ lr: 0.5, variant: undefined }).options).toEqual({ ...RPROP_DEFAULTS, lr: 0.5 });
  });
});

// Only the options object may be null: an option given as null is a mistake the core refuses
// (`new Signum(params, { lr: null })`: "lr must be a number, got null"), not a request for its default.
describe('an option given as null is refused, naming it, as the core refuses it', () => {
  it.each<[string, () => unknown, string]>([
    ['RpropOptimizer lr', () => new RpropOptimizer({ lr: null as never }), 'RpropOptimizer: lr must be a number, got null'],
    ['SignumOptimizer lr', () => new SignumOptimizer({ lr: null as never }), 'SignumOptimizer: lr must be a number, got null'],
    ['SignumOptimizer beta', () => new SignumOptimizer({ beta: null as never }), 'SignumOptimizer: beta must be a number, got null'],
    ['LionOptimizer betas', () => new LionOptimizer({ betas: null as never }), 'LionOptimizer: betas must be a pair [a, b] of numbers, got null'],
    ['LionOptimizer weightDecay', () => new LionOptimizer({ weightDecay: null as never }), 'LionOptimizer: weightDecay must be a number, got null'],
  ])('%s', (_name, make, message) => {
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
  });
});
