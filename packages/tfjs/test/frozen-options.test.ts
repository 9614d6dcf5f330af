import { describe, expect, it } from 'vitest';
import { LionOptimizer, RpropOptimizer } from 'rprop-tfjs';

// `options` is read at every step: its arrays must not change behind the optimizer's back, neither
// through `options` (plain JS ignores `readonly`) nor through the arrays the caller passed in.
describe('the options arrays are copied and frozen', () => {
  it('RpropOptimizer: etas and stepSizes', () => {
    const etas: [number, number] = [0.5, 1.2];
    const stepSizes: [number, number] = [1e-6, 50];
    const opt = new RpropOptimizer({ etas, stepSizes });
    expect(Object.isFrozen(opt.options.etas)).toBe(true);
    expect(Object.isFrozen(opt.options.stepSizes)).toBe(true);
    expect(() => ((opt.options.etas as unknown as number[])[1] = 1)).toThrow(TypeError); // ES modules are strict
    expect(() => ((opt.options.stepSizes as unknown as number[])[0] = -1)).toThrow(TypeError);
    etas[1] = 1;
    stepSizes[0] = -1;
    expect(opt.options).toMatchObject({ etas: [0.5, 1.2], stepSizes: [1e-6, 50] });
    const config = opt.getConfig();
    config.etas[0] = 0.25; // getConfig gives copies: changing them changes nothing here
    expect(opt.options.etas).toEqual([0.5, 1.2]);
    const again = RpropOptimizer.fromConfig(RpropOptimizer, opt.getConfig()) as unknown as RpropOptimizer;
    expect(again.getConfig()).toEqual(opt.getConfig());
    expect(Object.isFrozen(again.options.etas)).toBe(true);
  });

  it('LionOptimizer: betas', () => {
    const betas: [number, number] = [0.9, 0.99];
    const opt = new LionOptimizer({ betas });
    expect(Object.isFrozen(opt.options.betas)).toBe(true);
    expect(() => ((opt.options.betas as unknown as number[])[0] = 2)).toThrow(TypeError);
    betas[0] = 2;
    expect(opt.options.betas).toEqual([0.9, 0.99]);
    const config = opt.getConfig();
    (config.betas as unknown as number[])[1] = 0.5;
    expect(opt.options.betas).toEqual([0.9, 0.99]);
    const again = LionOptimizer.fromConfig(LionOptimizer, opt.getConfig()) as unknown as LionOptimizer;
    expect(again.getConfig()).toEqual(opt.getConfig());
    expect(Object.isFrozen(again.options.betas)).toBe(true);
  });
});
