import { describe, expect, it } from 'vitest';
import { LION_DEFAULTS, RPROP_DEFAULTS, SIGNUM_DEFAULTS } from 'rprop';
import { LionOptimizer, RpropOptimizer, SignumOptimizer, lion, rprop, signum } from 'rprop-tfjs';

// The core takes null or undefined options as the defaults (`new Rprop(params, null)`); so do these.
describe('null or undefined options are the defaults, as in the core', () => {
  it.each<[string, (o: never) => { options: object }, object]>([
    ['new RpropOptimizer', (o) => new RpropOptimizer(o), RPROP_DEFAULTS],
    ['rprop', (o) => rprop(o), RPROP_DEFAULTS],
    ['new SignumOptimizer', (o) => new SignumOptimizer(o), SIGNUM_DEFAULTS],
    ['signum', (o) => signum(o), SIGNUM_DEFAULTS],
    ['new LionOptimizer', (o) => new LionOptimizer(o), LION_DEFAULTS],
    ['lion', (o) => lion(o), LION_DEFAULTS],
  ])('%s(null) and (undefined)', (_name, make, defaults) => {
    expect(make(null as never).options).toEqual(defaults);
    expect(make(undefined as never).options).toEqual(defaults);
  });
});
