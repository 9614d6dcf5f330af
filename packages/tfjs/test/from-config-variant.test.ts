import { VARIANTS } from 'rprop';
import { describe, expect, it } from 'vitest';
import { RpropOptimizer } from 'rprop-tfjs';

// The layers loader rewrites a config's string values (snake_case to camelCase); fromConfig takes the
// variant in any case, so a spelling changed in case on its way through a saved model still loads.
describe('RpropOptimizer.fromConfig takes the variant whatever its case', () => {
  it.each(VARIANTS)('%s', (variant) => {
    for (const spelling of [variant.toUpperCase(), variant.replace('rprop', 'Rprop')]) {
      const opt = RpropOptimizer.fromConfig(RpropOptimizer, { ...new RpropOptimizer({ variant }).getConfig(), variant: spelling }) as unknown as RpropOptimizer;
      expect(opt.options.variant).toBe(variant);
    }
  });

  it('still refuses a name that is no variant, naming it', () => {
    expect(() => RpropOptimizer.fromConfig(RpropOptimizer, { variant: 'irprop' })).toThrow(/irprop/);
  });
});
